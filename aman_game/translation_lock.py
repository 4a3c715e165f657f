"""Scenario text checks: every string in every language, and stale markers for translations.

A content file's human-readable strings are {lang: text} maps. English is the source. The lock file
(locales/scenario-text.lock) records, per translated string, a hash of the English text the
translation was last confirmed against — like the lock column of Yarn Spinner's string tables. When an
author edits the English and not the Arabic, the hashes differ and the Arabic is reported as stale
until someone checks it and confirms the file again. New strings (no lock line yet) are only counted in
a per-file warning, so writing a scenario in both languages at once is not an error.
"""
from __future__ import annotations

from pathlib import Path

from . import LOCALES_DIR, ROOT, SCENES_DIR, i18n

LOCK_NAME = "scenario-text.lock"
_LOCK_HEADER = (
    "# Which English text each scenario translation was last confirmed against (a stale marker).\n"
    "# Written by `python main.py validate --translations --confirm FILE`; do not edit by hand.\n"
    "# file\tpath\tlanguage\tsha256 of the English text (first 12 hex digits)\n"
)


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
    """('nodes', 'start', 'messages', 0, 'text') -> 'nodes.start.messages[0].text'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
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
    from .i18n_check import ERROR, Problem

    try:
        from .content.yaml_reader import read_document
    except ImportError:  # content package not available: plain YAML, positions unknown
        import yaml

        try:
            return yaml.safe_load(Path(path).read_text(encoding="utf-8")), {}, None
        except (OSError, ValueError, yaml.YAMLError) as exc:
            return None, {}, Problem(file_key(path), 1, 1, ERROR, f"cannot read: {exc}", "T012")
    try:
        doc = read_document(path, file_key(path))
        return doc.data, doc.positions, None
    except Exception as exc:  # ContentError: the content validator explains it in full
        first = getattr(exc, "problems", [None])[0]
        line, col = (first.line, first.col) if first is not None else (1, 1)
        return None, {}, Problem(file_key(path), line, col, ERROR,
                                 f"cannot read: {getattr(exc, 'message', exc)}", "T012")


def read_lock(lock_path: Path) -> dict:
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


def write_lock(lock_path: Path, entries: dict) -> None:
    lines = [_LOCK_HEADER] + [f"{f}\t{p}\t{lang}\t{h}\n" for (f, p, lang), h in sorted(entries.items())]
    tmp = Path(lock_path).with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(lock_path)


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


def check_scenario_texts(scenes_dir: Path | None = None, lock_path: Path | None = None,
                         required=i18n.SUPPORTED) -> list:
    from .i18n_check import ERROR, WARNING, Problem, source_hash

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
                    problems.append(Problem(key, line, col, ERROR, f"{path_text(path)}: missing "
                                            f"{_language_name(lang)} text", "T010"))
                elif not (texts[lang] or "").strip():
                    problems.append(Problem(key, line, col, ERROR, f"{path_text(path)}: empty "
                                            f"{_language_name(lang)} text", "T011"))
        unconfirmed = 0
        for path, lang, source, _text in _translations(data):
            confirmed = lock.get((key, path_text(path), lang))
            if confirmed is None:
                unconfirmed += 1
            elif confirmed != source_hash(source):
                line, col = positions.get(path + (lang,), positions.get(path, (1, 1)))
                problems.append(Problem(key, line, col, ERROR, f"{path_text(path)}: the English text "
                                        f"changed since the {_language_name(lang)} translation was "
                                        "confirmed; check the translation, then run "
                                        f"`python main.py validate --translations --confirm {key}`", "T020"))
        if unconfirmed:
            problems.append(Problem(key, 1, 1, WARNING, f"{unconfirmed} translation(s) not confirmed yet; "
                                    "after checking them run `python main.py validate --translations "
                                    f"--confirm {key}`", "T021"))
    return problems


def confirm(file: Path, lock_path: Path | None = None) -> int:
    """Record every translation of `file` as matching its current English text; returns how many."""
    from .i18n_check import source_hash

    lock_path = lock_path or lock_path_for()
    data, _positions, problem = read_content(Path(file))
    if problem is not None:
        raise ValueError(str(problem))
    key = file_key(Path(file))
    entries = {k: v for k, v in read_lock(lock_path).items() if k[0] != key}
    count = 0
    for path, lang, source, _text in _translations(data):
        entries[(key, path_text(path), lang)] = source_hash(source)
        count += 1
    write_lock(lock_path, entries)
    return count
