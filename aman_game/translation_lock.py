"""Scenario text checks: every string in every language, and stale markers for translations.

A content file's human-readable strings are {lang: text} maps. English is the source. The lock file
(locales/scenario-text.lock) records, per translated string, a hash of the English text the
translation was last confirmed against — like the lock column of Yarn Spinner's string tables. When an
author edits the English and not the Arabic, the hashes differ and the Arabic is reported as stale
until someone checks it and confirms it again. New strings (no lock line yet) are only counted in a
per-file warning, so writing a scenario in both languages at once is not an error.

A string is keyed by its IDENTITY, not its position, so that reordering is no change:
    nodes.offer.choices[tell_adult].text        a choice by its `id:` if it has one, else by its action,
    nodes.offer.choices[reply@ask_more].text    else by action@next when two choices share an action,
    nodes.offer.choices[2].text                 else (same action and next: give them an `id:`) by position;
    questions[password_secret].text             a quiz question by its id.
Lock files written before identities (format 1) keyed choices and questions by position
(`choices[0]`); `read_lock` converts such lines with the file as it is now, and the next `--confirm`
writes the whole lock in the new format (see `migrate`).

Data flows one way: i18n_check imports this module, never the reverse.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from . import LOCALES_DIR, ROOT, SCENES_DIR, i18n
from .content.errors import ERROR, WARNING, Problem

LOCK_NAME = "scenario-text.lock"
LOCK_FORMAT = 2
_LOCK_HEADER = (
    "# Which English text each scenario translation was last confirmed against (a stale marker).\n"
    "# Written by `python main.py validate --translations --confirm FILE[:LINE]`; do not edit by hand.\n"
    f"# format {LOCK_FORMAT}: strings keyed by identity (choice id or action, question id), not position\n"
    "# file\tstring\tlanguage\tsha256 of the English text (first 12 hex digits)\n"
)
#: Lists whose items are named by identity in a key; other lists (messages, discussion) by position.
_IDENTITY_LISTS = ("choices", "questions")
_POSITIONAL = re.compile(r"\[\d+\]")


def source_hash(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text.strip()).encode("utf-8")).hexdigest()[:12]


def lock_path_for(locales_dir: Path | None = None) -> Path:
    return Path(locales_dir if locales_dir is not None else LOCALES_DIR) / LOCK_NAME


def file_key(path: Path) -> str:
    """How a content file is named in the lock: relative to the checkout, else absolute."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(ROOT).as_posix()
    except ValueError:
        return resolved.as_posix()


def path_text(path: tuple) -> str:
    """('nodes', 'start', 'messages', 0, 'text') -> 'nodes.start.messages[0].text' (by position)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def item_names(items: list, list_key: str) -> list[str]:
    """The identity of each item of a `choices` or `questions` list, as written in a lock key."""
    names: list[str] = []
    for i, item in enumerate(items):
        item = item if isinstance(item, dict) else {}
        own = item.get("id")
        if isinstance(own, str) and own:
            names.append(own)
        elif list_key == "choices" and isinstance(item.get("action"), str):
            names.append(item["action"])
        else:
            names.append(str(i))
    if list_key == "choices":  # two choices with one action: tell them apart by where they lead
        first = list(names)
        for i, item in enumerate(items):
            if first.count(first[i]) > 1 and isinstance(item, dict) and not item.get("id") \
                    and isinstance(item.get("next"), str):
                names[i] = f"{names[i]}@{item['next']}"
    return [name if names.count(name) == 1 else str(i) for i, name in enumerate(names)]


def key_text(data, path: tuple) -> str:
    """The lock key of the string at `path`: path_text with choices and questions named by identity."""
    out, value, parent_key = "", data, None
    for part in path:
        if isinstance(part, int):
            name = str(part)
            if parent_key in _IDENTITY_LISTS and isinstance(value, list):
                name = item_names(value, parent_key)[part]
            out += f"[{name}]"
        else:
            out += f".{part}" if out else str(part)
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            value = None
        parent_key = part
    return out


def scenario_files(scenes_dir: Path | None = None) -> list[Path]:
    """Every content file: scenarios, region help files, the quiz."""
    folder = Path(scenes_dir if scenes_dir is not None else SCENES_DIR)
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file())


def _is_text_map(value) -> bool:
    if not isinstance(value, dict) or not value:
        return False
    if not all(isinstance(k, str) and 2 <= len(k) <= 3 and k.isalpha() and k.islower() for k in value):
        return False
    return any(k in i18n.SUPPORTED for k in value) and all(v is None or isinstance(v, str)
                                                            for v in value.values())


def text_maps(data, path: tuple = ()):
    """(path, {lang: text}) for every human-readable string; recorded-voice maps are not text."""
    if _is_text_map(data):
        yield path, data
        return
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and (key == "voice" or key.endswith("_voice")):
                continue
            yield from text_maps(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_maps(value, path + (index,))


def read_content(path: Path):
    """(data, positions, problem-or-None) through the content loader's position-keeping reader."""
    from .content.errors import ContentError
    from .content.yaml_reader import read_document

    try:
        doc = read_document(path, file_key(path))
        return doc.data, doc.positions, None
    except ContentError as exc:  # the content validator explains it in full
        return None, {}, Problem(file_key(path), exc.line, exc.col, ERROR, f"cannot read: {exc.message}", "T012")


# --- the lock file ---------------------------------------------------------------------------------

def read_lock_lines(lock_path: Path) -> dict:
    """The lock as written: {(file, key, language): hash}, old-format keys left as they are."""
    entries = {}
    try:
        lines = Path(lock_path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return entries
    for line in lines:
        parts = line.split("\t")
        if line.startswith("#") or len(parts) != 4:
            continue
        entries[tuple(parts[:3])] = parts[3]
    return entries


def _file_data(file: str):
    path = Path(file) if Path(file).is_absolute() else ROOT / file
    data, _positions, problem = read_content(path) if path.is_file() else (None, {}, None)
    return data if problem is None else None


def _renames(data) -> dict[str, str]:
    """Old-format key (by position) -> identity key, for every string of a file whose key differs."""
    renames = {}
    for path, _texts in text_maps(data):
        old, new = path_text(path), key_text(data, path)
        if old != new:
            renames[old] = new
    return renames


def migrate(entries: dict, data_of=_file_data) -> dict:
    """Convert format-1 lines (choices and questions by position) to identity keys, reading each file as
    it is now. A line already in the new format wins over a converted one for the same string. A line
    whose file was reordered since it was written converts to the wrong string: its hash then differs,
    and the translation shows as stale (T020) — checked again, never silently trusted."""
    by_file: dict[str, dict] = {}
    out = {}
    for (file, key, lang), digest in entries.items():
        if (any(f"{name}[" in key for name in _IDENTITY_LISTS) and _POSITIONAL.search(key)):
            if file not in by_file:
                data = data_of(file)
                by_file[file] = _renames(data) if data is not None else {}
            new = by_file[file].get(key)
            if new is not None and new != key:
                out.setdefault((file, new, lang), digest)
                continue
        out[(file, key, lang)] = digest
    for (file, key, lang), digest in entries.items():  # new-format lines win
        if (file, key, lang) in out and not _POSITIONAL.search(key):
            out[(file, key, lang)] = digest
    return out


def read_lock(lock_path: Path, data_of=_file_data) -> dict:
    """{(file, key, language): hash} with old-format lines converted (see `migrate`)."""
    return migrate(read_lock_lines(lock_path), data_of)


def write_lock(lock_path: Path, entries: dict) -> None:
    lines = [_LOCK_HEADER] + [f"{f}\t{p}\t{lang}\t{h}\n" for (f, p, lang), h in sorted(entries.items())]
    tmp = Path(lock_path).with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(lock_path)


# --- checks ----------------------------------------------------------------------------------------

def _language_name(lang: str) -> str:
    from babel import Locale

    try:
        return f"{Locale.parse(lang).get_display_name('en')} ({lang!r})"
    except Exception:
        return repr(lang)


def _translations(data):
    """(path, lang, english, translation) for every translated string of a file."""
    for path, texts in text_maps(data):
        source = texts.get(i18n.SOURCE_LANGUAGE)
        for lang, text in texts.items():
            if lang != i18n.SOURCE_LANGUAGE and lang not in i18n.PSEUDO_LOCALES and source and text:
                yield path, lang, source, text


def _display(key: str) -> str:
    """A file as the author would type it: relative to the current folder when it is below it."""
    import os

    try:
        rel = os.path.relpath(key if Path(key).is_absolute() else ROOT / key)
    except ValueError:
        return key
    return key if rel.startswith("..") else Path(rel).as_posix()


def lock_problems(file: Path, data, positions, lock: dict, *, stale_severity: str = ERROR) -> list[Problem]:
    """T020 (a translation whose English changed since it was confirmed) and T021 (translations never
    confirmed, one warning per file, at the first of them) for one parsed file."""
    key = file_key(file)
    shown = _display(key)
    problems, unconfirmed = [], []
    for path, lang, source, _text in _translations(data):
        line, col = positions.get(path + (lang,), positions.get(path, (1, 1)))
        confirmed = lock.get((key, key_text(data, path), lang))
        if confirmed is None:
            unconfirmed.append((line, col))
        elif confirmed != source_hash(source):
            problems.append(Problem(key, line, col, stale_severity, f"{key_text(data, path)}: the English "
                                    f"text changed since the {_language_name(lang)} translation was "
                                    "confirmed; check the translation, then run "
                                    f"`python main.py validate --translations --confirm {shown}:{line}`",
                                    "T020"))
    if unconfirmed:
        line, col = min(unconfirmed)
        problems.append(Problem(key, line, col, WARNING, f"{len(unconfirmed)} translation(s) not confirmed "
                                "yet (the first is here); after checking them run `python main.py validate "
                                f"--translations --confirm {shown}` (or {shown}:LINE for one string)",
                                "T021"))
    return problems


def check_scenario_texts(scenes_dir: Path | None = None, lock_path: Path | None = None,
                         required=i18n.SUPPORTED) -> list:
    lock = read_lock(lock_path or lock_path_for())
    problems = []
    for file in scenario_files(scenes_dir if scenes_dir is not None else SCENES_DIR):
        data, positions, problem = read_content(file)
        if problem is not None:
            problems.append(problem)
            continue
        key = file_key(file)
        for path, texts in text_maps(data):
            line, col = positions.get(path, (1, 1))
            for lang in required:
                if lang not in texts:
                    problems.append(Problem(key, line, col, ERROR, f"{key_text(data, path)}: missing "
                                            f"{_language_name(lang)} text", "T010"))
                elif not (texts[lang] or "").strip():
                    problems.append(Problem(key, line, col, ERROR, f"{key_text(data, path)}: empty "
                                            f"{_language_name(lang)} text", "T011"))
        problems += lock_problems(file, data, positions, lock)
    return problems


def check_files_against_lock(files, scenes_dir: Path | None = None, lock_path: Path | None = None) -> list:
    """What plain `validate` shows: stale (T020) and unconfirmed (T021) translations, as warnings, for
    the given files that belong to the game (inside its scenes folder; others have no lock)."""
    folder = Path(scenes_dir if scenes_dir is not None else SCENES_DIR).resolve()
    lock = None
    problems = []
    for file in files:
        if folder not in Path(file).resolve().parents:
            continue
        data, positions, problem = read_content(Path(file))
        if problem is not None:
            continue  # the content check already reports why it cannot be read
        if lock is None:
            lock = read_lock(lock_path or lock_path_for())
        problems += lock_problems(Path(file), data, positions, lock, stale_severity=WARNING)
    return problems


# --- confirming ------------------------------------------------------------------------------------

class ConfirmError(ValueError):
    """A --confirm target that names no translated string (printed as a usage error)."""


def split_target(target: str) -> tuple[Path, str | None]:
    """'scenes/x.yaml' -> (file, None); 'scenes/x.yaml:38' -> (file, '38');
    'scenes/x.yaml:nodes.offer.prompt' -> (file, 'nodes.offer.prompt')."""
    if Path(target).is_file():
        return Path(target), None
    for suffix in (".yaml:", ".yml:"):
        at = target.find(suffix)
        if at > 0:
            return Path(target[: at + len(suffix) - 1]), target[at + len(suffix):]
    return Path(target), None


def _selected(data, positions, which: str | None):
    """The text-map paths `which` names: all (None), the one written on a line, or the one with a key."""
    maps = [path for path, _texts in text_maps(data)]
    if which is None:
        return maps
    if which.isdigit():
        line = int(which)
        hits = [path for path, texts in text_maps(data)
                if line in {positions.get(path, (0, 0))[0]} | {positions.get(path + (lang,), (0, 0))[0]
                                                                 for lang in texts}]
        if not hits:
            raise ConfirmError(f"no translated text on line {line}")
        return hits
    hits = [path for path in maps if which in (key_text(data, path), path_text(path))]
    if not hits:
        raise ConfirmError(f"no translated text with the key {which!r}")
    return hits


def confirm(file: Path, lock_path: Path | None = None, which: str | None = None) -> int:
    """Record translations of `file` as matching their current English text; returns how many.
    `which`: None for every string of the file, a line number ('38') or a key
    ('nodes.offer.choices[tell_adult].text') for one string. The whole lock is rewritten in the
    current format (old-format lines of every file are converted)."""
    lock_path = lock_path or lock_path_for()
    data, positions, problem = read_content(Path(file))
    if problem is not None:
        raise ConfirmError(str(problem))
    key = file_key(Path(file))
    entries = read_lock(lock_path)
    paths = set(_selected(data, positions, which))
    if which is None:  # the whole file: lines of strings that are gone go too
        entries = {k: v for k, v in entries.items() if k[0] != key}
    count = 0
    for path, lang, source, _text in _translations(data):
        if path in paths:
            entries[(key, key_text(data, path), lang)] = source_hash(source)
            count += 1
    write_lock(lock_path, entries)
    return count


def confirm_target(target: str, lock_path: Path | None = None) -> tuple[Path, int]:
    """`--confirm FILE`, `--confirm FILE:LINE` or `--confirm FILE:KEY`: (file, how many confirmed)."""
    file, which = split_target(target)
    if not file.is_file():
        raise ConfirmError(f"no such file: {file}")
    return file, confirm(file, lock_path, which)


def main(argv: list[str] | None = None) -> int:
    """`python -m aman_game.translation_lock --migrate`: rewrite the lock in the current format."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m aman_game.translation_lock")
    parser.add_argument("--migrate", action="store_true", help="convert old-format lines (by position)")
    args = parser.parse_args(argv)
    if args.migrate:
        lock_path = lock_path_for()
        before = read_lock_lines(lock_path)
        after = read_lock(lock_path)
        write_lock(lock_path, after)
        changed = len(set(before) - set(after))
        shown = _display(file_key(lock_path))
        print(f"{shown}: {changed} line(s) converted to identity keys, {len(after)} line(s) in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
