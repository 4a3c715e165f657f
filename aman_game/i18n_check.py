"""Translation checks behind `python main.py validate --translations` and tests/test_translations.py.

What fails (severity "error"):
- a UI msgid of the code missing from locales/aman.pot (extraction not run)        T005
- a msgid of aman.pot missing from a language's .po (pybabel update not run)        T003
- an untranslated or fuzzy UI entry in ar or en (or any other real language)       T001 / T002
- a translation that lost or invented a {placeholder}; wrong number of plural forms T004 / T006
- a pseudo-locale catalog (xa, xb) not regenerated after aman.pot changed          T030
- an invisible direction override or embedding (U+202A-U+202E) in a translation     T050
- a scenario/region/quiz string missing a language or empty                        T010 / T011
- a STALE translation: the English source changed since that translation was last
  confirmed (the lock file records a hash of the English text it was checked against) T020
Warnings: a stray direction mark or isolate in a translation (T051), a file with translations never
confirmed (T021), a .po whose Plural-Forms disagrees with
CLDR (T007), msgids of aman.pot no longer in the code (T008), an English literal handed to a drawing
call in screens/ or widgets/ without _() (T040, a heuristic).

The stale marker works like Yarn Spinner's lock column: locales/scenario-text.lock has one line per
translated string — file, the string's key (by identity: reordering is no change), language, hash of the English text. After checking a
translation against its new English text, confirm the file:
    python main.py validate --translations --confirm scenes/gift_gems.yaml      (every string)
    python main.py validate --translations --confirm scenes/gift_gems.yaml:38   (the string on line 38)
    (or: python -m aman_game.i18n_check --confirm scenes/gift_gems.yaml)
See docs/translating.md.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from . import LOCALES_DIR, ROOT, SCENES_DIR, i18n
# The content checker's Problem, so validate prints, sorts and --json's both kinds alike.
from .content.errors import ERROR, WARNING, Problem
# Scenario text and the stale marker live in translation_lock; it never imports this module.
from .translation_lock import (check_scenario_texts, confirm, confirm_target, lock_path_for,  # noqa: F401
                               scenario_files, source_hash, text_maps)

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdifr]")


def _rel(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


# --- UI catalogs -----------------------------------------------------------------------------------

def _read_po(path: Path, problems: list, lang: str | None):
    from babel.messages.pofile import PoFileError, read_po

    try:
        with open(path, "rb") as fh:
            return read_po(fh, locale=lang, abort_invalid=True)
    except PoFileError as exc:
        problems.append(Problem(_rel(path), getattr(exc, "lineno", 1) or 1, 1, ERROR, str(exc), "T009"))
    except (OSError, ValueError) as exc:
        problems.append(Problem(_rel(path), 1, 1, ERROR, f"cannot read catalog: {exc}", "T009"))
    return None


def ui_languages(locales_dir: Path | None = None) -> list[str]:
    """Languages whose UI catalog must be complete: the supported ones and any other real language."""
    langs = list(i18n.SUPPORTED)
    folder = Path(locales_dir if locales_dir is not None else LOCALES_DIR)
    for po in sorted(folder.glob("*/LC_MESSAGES/aman.po")):
        code = po.parent.parent.name
        if code not in langs and code not in i18n.PSEUDO_LOCALES:
            langs.append(code)
    return langs


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text or ""))


def check_catalog(template, path: Path, lang: str) -> list[Problem]:
    problems: list[Problem] = []
    rel = _rel(path)
    if not path.is_file():
        return [Problem(rel, 1, 1, ERROR, f"no catalog for {lang!r}: run pybabel init -l {lang} "
                        "(docs/translating.md)", "T003")]
    catalog = _read_po(path, problems, None if lang in i18n.PSEUDO_LOCALES else lang)
    if catalog is None:
        return problems
    _check_plural_header(catalog, rel, lang, problems)
    for tmsg in template:
        if not tmsg.id:
            continue
        msg = catalog.get(tmsg.id, context=tmsg.context)
        label = tmsg.id[0] if tmsg.pluralizable else tmsg.id
        if msg is None:
            problems.append(Problem(rel, 1, 1, ERROR, f"{label!r} is missing: run pybabel update "
                                    "(docs/translating.md)", "T003"))
            continue
        line = getattr(msg, "lineno", None) or 1
        strings = list(msg.string) if isinstance(msg.string, (tuple, list)) else [msg.string]
        if msg.fuzzy:
            problems.append(Problem(rel, line, 1, ERROR, f"fuzzy translation of {label!r}: check it, "
                                    "then remove the '#, fuzzy' line", "T002"))
        elif not all(strings):
            problems.append(Problem(rel, line, 1, ERROR, f"untranslated: {label!r}", "T001"))
            continue
        if tmsg.pluralizable and len(strings) != catalog.num_plurals:
            problems.append(Problem(rel, line, 1, ERROR, f"{label!r} has {len(strings)} plural forms; "
                                    f"{lang} needs {catalog.num_plurals}", "T006"))
        problems += _direction_problems(path, rel, lang, line, label, strings)
        ids = tmsg.id if tmsg.pluralizable else (tmsg.id,)
        wanted = {p for i in ids for p in _placeholders(i)}
        for s in strings:
            got = set(_placeholders(s))
            # A plural form may leave the count out (Arabic says "نقطتان", two points, with no number).
            if got - wanted or (not tmsg.pluralizable and wanted - got):
                problems.append(Problem(rel, line, 1, ERROR, f"placeholders differ from the source in "
                                        f"{s!r}: expected {', '.join(sorted(wanted)) or 'none'}", "T004"))
                break
    return problems


def _direction_problems(path: Path, rel: str, lang: str, line: int, label: str, strings: list) -> list[Problem]:
    """T050 (an override or embedding: error) and T051 (a stray mark or isolate: warning) in a translation,
    at the line and column of the invisible character in the .po file."""
    from .content.direction import RTL_LANGUAGES
    from .direction_controls import find

    found = [c for s in strings if s for c in find(s, lang in RTL_LANGUAGES)]
    if not found:
        return []
    source = Path(path).read_text(encoding="utf-8").split("\n")
    problems = []
    seen: dict[str, int] = {}
    for control in found:
        nth = seen.get(control.char, 0)
        seen[control.char] = nth + 1
        where = (line, 1)
        for n in range(line - 1, min(len(source), line + 40)):  # the msgstr lines follow the msgid
            at = source[n].find(control.char)
            hits = source[n].count(control.char)
            if at >= 0 and nth < hits:
                for _ in range(nth):
                    at = source[n].find(control.char, at + 1)
                where = (n + 1, at + 1)
                break
            nth -= max(0, hits)
        problems.append(Problem(rel, *where, ERROR if control.is_error else WARNING,
                                f"the translation of {label!r} has an invisible {control.name}: "
                                f"{control.advice()}", "T050" if control.is_error else "T051"))
    return problems


def _check_plural_header(catalog, rel: str, lang: str, problems: list) -> None:
    if lang in i18n.PSEUDO_LOCALES:
        return
    try:
        for n in range(0, 230):
            if i18n.plural_index(lang, n, catalog) != i18n._plural_index(lang, n):
                problems.append(Problem(rel, 1, 1, WARNING, f"Plural-Forms header disagrees with CLDR for "
                                        f"n={n}; copy the header pybabel init writes", "T007"))
                return
    except Exception as exc:  # unknown to CLDR: nothing to compare against
        problems.append(Problem(rel, 1, 1, WARNING, f"cannot check Plural-Forms: {exc}", "T007"))


def check_sources_extracted(template, locales_dir: Path, package_dir: Path | None = None) -> list[Problem]:
    """Every _()/N_()/ngettext() string in the code must be in aman.pot (else nobody can translate it)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    package_dir = package_dir or Path(i18n.__file__).parent
    keywords = dict(DEFAULT_KEYWORDS, N_=None, ngettext=(1, 2))
    in_pot = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    seen, problems = set(), []
    for filename, lineno, message, _comments, _ctx in extract_from_dir(
            package_dir, method_map=[("**.py", "python")], keywords=keywords):
        msgid = message if isinstance(message, str) else message[0]
        seen.add(msgid)
        if msgid and msgid not in in_pot:
            problems.append(Problem(_rel(package_dir / filename), lineno, 1, ERROR,
                                    f"{msgid!r} is not in locales/aman.pot: run pybabel extract "
                                    "(docs/translating.md)", "T005"))
    for msgid in sorted(in_pot - seen):
        problems.append(Problem(_rel(Path(locales_dir) / "aman.pot"), 1, 1, WARNING,
                                f"{msgid!r} is no longer used by the code: run pybabel extract", "T008"))
    return problems


#: Calls that put text on screen, and the positional index of their text argument.
_DRAW_CALLS = {"draw": 1, "draw_in": 1, "layout": 0, "tight_layout": 0, "Button": 1, "Toggle": 1,
               "Label": 1, "blit_text": 1}
_TEXT_KEYWORDS = {"text", "words", "title", "label", "caption", "hint", "placeholder", "message"}
_CODE_LIKE = re.compile(r"^[a-z0-9_./:-]*$")  # identifiers, icon names, paths: not words


def _literal_words(node) -> str | None:
    """The English words of a literal or f-string argument, or None if it carries none."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    else:
        return None
    if _CODE_LIKE.match(text) or not re.search(r"[A-Za-z]{2}", text):
        return None
    return text


def find_hardcoded_strings(package_dir: Path | None = None, folders=("screens", "widgets")) -> list[Problem]:
    """Warnings for English literals handed straight to a drawing call (not through _()) — what the
    `xa` pseudo-locale shows as unaccented text. A heuristic: it reads the code, it does not run it."""
    import ast

    package_dir = package_dir or Path(i18n.__file__).parent
    problems = []
    for folder in folders:
        for path in sorted((package_dir / folder).rglob("*.py")):
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            except (OSError, SyntaxError, ValueError):
                continue
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if any(k.arg == "lang" and isinstance(k.value, ast.Constant) for k in node.keywords):
                    continue  # written in a fixed language on purpose (the bilingual language picker)
                args = []
                if name in _DRAW_CALLS and len(node.args) > _DRAW_CALLS[name]:
                    args.append(node.args[_DRAW_CALLS[name]])
                args += [k.value for k in node.keywords if k.arg in _TEXT_KEYWORDS]
                for arg in args:
                    words = _literal_words(arg)
                    if words:
                        problems.append(Problem(_rel(path), arg.lineno, arg.col_offset + 1, WARNING,
                                                f"{words!r} is drawn without _(): wrap it so it can be "
                                                "translated", "T040"))
    return problems


def check_ui_catalogs(locales_dir: Path | None = None, check_sources: bool = True) -> list[Problem]:
    from .pseudo_locale import TRANSFORMS, expected_po

    locales_dir = Path(locales_dir if locales_dir is not None else LOCALES_DIR)
    problems: list[Problem] = []
    template = _read_po(locales_dir / "aman.pot", problems, None)
    if template is None:
        return problems
    if check_sources:
        problems += check_sources_extracted(template, locales_dir)
        problems += find_hardcoded_strings()
    for lang in ui_languages(locales_dir):
        problems += check_catalog(template, locales_dir / lang / "LC_MESSAGES" / "aman.po", lang)
    for code in TRANSFORMS:
        path = locales_dir / code / "LC_MESSAGES" / "aman.po"
        if not path.is_file() or path.read_bytes() != expected_po(locales_dir, code):
            problems.append(Problem(_rel(path), 1, 1, ERROR, f"pseudo-locale {code} is out of date with "
                                    "aman.pot: run python -m aman_game.pseudo_locale", "T030"))
    return problems


# --- scenario text --------------------------------------------------------------------------------

def check_translations(locales_dir: Path | None = None, scenes_dir: Path | None = None,
                       lock_path: Path | None = None, check_sources: bool = True) -> list[Problem]:
    """Every translation problem of the UI catalogs and the content files, sorted by file and line."""
    locales_dir = Path(locales_dir if locales_dir is not None else LOCALES_DIR)
    scenes_dir = Path(scenes_dir if scenes_dir is not None else SCENES_DIR)
    problems = check_ui_catalogs(locales_dir, check_sources=check_sources)
    problems += check_scenario_texts(scenes_dir, lock_path or lock_path_for(locales_dir),
                                     required=ui_languages(locales_dir))
    return sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code, p.message))


def main(argv: list[str] | None = None) -> int:
    """`python -m aman_game.i18n_check [--confirm FILE[:LINE|:KEY] ...]`: the same as validate --translations."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m aman_game.i18n_check", description=__doc__.split("\n")[0])
    parser.add_argument("--confirm", nargs="+", metavar="FILE[:LINE]",
                        help="record that these files' (or these strings') translations match their current "
                             "English text")
    args = parser.parse_args(argv)
    return run_cli(args.confirm)


def run_cli(confirm_targets=None, out=None) -> int:
    """Shared by this module's main and `validate --translations`: print problems, exit 1 on errors."""
    from .translation_lock import ConfirmError

    out = out or sys.stdout
    for target in confirm_targets or ():
        try:
            _file, count = confirm_target(target)
        except ConfirmError as exc:
            print(f"{target}: {exc}", file=sys.stderr)
            return 2
        print(f"{target}: {count} translation(s) confirmed against their English text", file=out)
    problems = check_translations()
    for p in problems:
        print(p, file=out)
    errors = sum(p.is_error for p in problems)
    print(f"translations: {errors} error(s), {len(problems) - errors} warning(s)", file=out)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
