"""`python main.py validate [PATH...] [--json] [--no-fit] [--translations] [--coverage]`: check content files.

One line per problem, `file:line:col: error|warning: message [CODE]`, sorted by file then line — the
format editors and CI understand. Exit 0 when there are no errors (warnings allowed), 1 on content
problems, 2 on usage errors (a path that does not exist). Codes are listed in docs/authoring.md.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="scenario files or scenes folders (default: the game's scenes/ folder)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {file, line, col, severity, message, code}")
    parser.add_argument("--no-fit", action="store_true",
                        help="skip the text-fit check (the slow one: it lays out every string)")
    parser.add_argument("--translations", action="store_true",
                        help="also check the translation catalogs in locales/")
    parser.add_argument("--coverage", action="store_true",
                        help="print what the library teaches: topic x age band -> stories (Markdown), the "
                             "stories and decision points per band; exit 1 when a topic is missing")
    parser.add_argument("--confirm", nargs="+", metavar="FILE", default=None,
                        help="with --translations: record that these files' translations were checked "
                             "against their current English text (docs/translating.md)")


def _display(path: str) -> str:
    """Paths under the current folder are shown relative to it, as the author would type them."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def _translation_module():
    try:
        return importlib.import_module("aman_game.i18n_check")
    except ModuleNotFoundError as exc:
        if exc.name != "aman_game.i18n_check":
            raise
        return None


def translation_problems() -> list:
    """The localization owner's check (aman_game.i18n_check.check_translations() -> iterable of Problem
    or of objects with file/line/col/severity/message/code). Absent module -> one warning."""
    from aman_game.content import WARNING, Problem
    module = _translation_module()
    if module is None:
        return [Problem("locales", 1, 1, WARNING, "the translation check is not available yet", "W700")]
    problems = []
    for p in module.check_translations():
        if isinstance(p, Problem):
            problems.append(p)
        else:
            problems.append(Problem(str(p.file), int(p.line), int(p.col), str(p.severity), str(p.message),
                                    str(getattr(p, "code", "T000"))))
    return problems


def print_coverage(paths: list) -> int:
    from aman_game.content import load_library
    from aman_game.content.coverage import coverage, table

    scenarios = [s for p in paths if os.path.isdir(p) for s in load_library(p).scenarios]
    cov = coverage(scenarios)
    print(table(cov))
    missing = cov.missing()
    for topic, band in missing:
        print(f"missing: no story teaches {topic} to ages {band}", file=sys.stderr)
    return 1 if missing else 0


def run(args: argparse.Namespace) -> int:
    from aman_game import SCENES_DIR
    from aman_game.content import validate_paths
    from aman_game.content.errors import sort_problems

    paths = list(args.paths) or [_display(str(SCENES_DIR))]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        for p in missing:
            print(f"aman validate: error: no such file or folder: {p}", file=sys.stderr)
        return 2
    if args.coverage:
        return print_coverage(paths)
    if args.confirm:
        module = _translation_module()
        if not args.translations or module is None or not hasattr(module, "confirm"):
            print("aman validate: error: --confirm needs --translations (and the translation check)",
                  file=sys.stderr)
            return 2
        from pathlib import Path
        for file in args.confirm:
            if not os.path.isfile(file):
                print(f"aman validate: error: no such file: {file}", file=sys.stderr)
                return 2
            count = module.confirm(Path(file))
            print(f"{file}: {count} translation(s) confirmed against their English text", file=sys.stderr)
    import logging
    # W602 names text without a glyph, with its line; the engine's own log line would say it twice
    engine_log = logging.getLogger("aman_game.text")
    level = engine_log.level
    engine_log.setLevel(logging.ERROR)
    try:
        problems = validate_paths(paths, fit=not args.no_fit)
    finally:
        engine_log.setLevel(level)
    if args.translations:
        problems = sort_problems([*problems, *translation_problems()])
    errors = sum(p.is_error for p in problems)
    try:
        _print(problems, args, paths, errors)
    except BrokenPipeError:  # `validate | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if errors else 0


def _print(problems: list, args: argparse.Namespace, paths: list, errors: int) -> None:
    from aman_game.content.loader import content_files
    if args.json:
        json.dump([p.to_dict() for p in problems], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for p in problems:
            print(p)
        files = len(content_files(paths))
        warnings = len(problems) - errors
        print(f"{files} file(s) checked: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
