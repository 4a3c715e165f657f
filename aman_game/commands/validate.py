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
                        help="scenario files, scenario ids or scenes folders (default: the game's scenes/ folder)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {file, line, col, severity, message, code}")
    parser.add_argument("--no-fit", action="store_true",
                        help="skip the text-fit check (the slow one: it lays out every string)")
    parser.add_argument("--translations", action="store_true",
                        help="also check the translation catalogs in locales/")
    parser.add_argument("--coverage", action="store_true",
                        help="print what the library teaches: topic x age band -> stories (Markdown), the "
                             "stories and decision points per band; exit 1 when a topic is missing")
    parser.add_argument("--confirm", nargs="+", metavar="FILE[:LINE]", default=None,
                        help="with --translations: record that these translations were checked against their "
                             "current English text: a whole file, FILE:LINE for the string on that line, or "
                             "FILE:KEY (docs/translating.md)")


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


def _by_id(spec: str, scenes_dir) -> str:
    """A path as given, or the file of the scenario whose id is `spec` (as play, preview and graph take)."""
    if os.path.exists(spec):
        return spec
    from aman_game.content.locate import find_scenario
    try:
        return _display(str(find_scenario(spec, scenes_dir)))
    except FileNotFoundError:
        return spec


def lock_warnings(paths: list, skip=frozenset()) -> list:
    """T020/T021 as warnings for the files being validated (plain `validate`, without --translations);
    not for files in `skip` (those with errors: their translations come after fixing them)."""
    from aman_game.content.loader import content_files
    try:
        from aman_game.translation_lock import check_files_against_lock
    except ImportError:  # the translation tools are not installed: nothing to compare against
        return []
    return check_files_against_lock([path for path, _kind in content_files(paths) if str(path) not in skip])


def run(args: argparse.Namespace) -> int:
    from aman_game import SCENES_DIR
    from aman_game.content import validate_paths
    from aman_game.content.errors import sort_problems

    paths = [_by_id(p, SCENES_DIR) for p in args.paths] or [_display(str(SCENES_DIR))]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        for p in missing:
            print(f"aman validate: error: no such file or folder, and no scenario with that id: {p}",
                  file=sys.stderr)
        return 2
    if args.coverage:
        return print_coverage(paths)
    if args.confirm:
        module = _translation_module()
        if not args.translations or module is None or not hasattr(module, "confirm_target"):
            print("aman validate: error: --confirm needs --translations (and the translation check)",
                  file=sys.stderr)
            return 2
        from aman_game.translation_lock import ConfirmError
        for target in args.confirm:
            try:
                _file, count = module.confirm_target(target)
            except ConfirmError as exc:
                print(f"aman validate: error: --confirm {target}: {exc}", file=sys.stderr)
                return 2
            print(f"{target}: {count} translation(s) confirmed against their English text", file=sys.stderr)
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
    else:  # stale or unconfirmed translations of the game's own files without errors, as warnings
        broken = {p.file for p in problems if p.is_error}
        problems = sort_problems([*problems, *lock_warnings(paths, skip=broken)])
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
            print("\n".join(p.report_lines()) if hasattr(p, "report_lines") else p)
        files = len(content_files(paths))
        warnings = len(problems) - errors
        folded = sum(len(getattr(p, "folded", ())) for p in problems)
        also = f" ({folded} more folded under their cause)" if folded else ""
        print(f"{files} file(s) checked: {errors} error(s), {warnings} warning(s){also}", file=sys.stderr)
