"""Progress per child: stars earned, and where an unfinished scenario can resume.

A child is a nickname inside a class ("Sami" of 5A and "Sami" of 5B are two children; free play outside a
class session is the class ""). Each machine writes only its own small JSON file, `progress-<host>.json`
(with a hash of the network card when the PCs are cloned and share a host name), in platformdirs'
user_data_dir("aman"), AMAN_DATA_DIR or the folder the caller gives — so the PCs of a lab can share one
network folder and never overwrite each other. Reading merges every progress file of the folder: a child
who moves to another PC keeps their stars, and resumes where they last stopped, on any PC.

Each change is read-modify-write of this machine's file (temporary file + rename), so what someone else
removed from it (`class delete`, teacher mode's erase) stays removed. Every file is untrusted input
(data_file.py): size-limited, strict UTF-8, and each field checked (a bad avatar, a resume point with
impossible choices, a 10,000-character nickname fall back or are cut on their own). This machine's file,
if it can't be read, is set aside as `*.damaged-<time>` — never written over — and its last good copy
(`<name>.bak`, refreshed at each save) restored. Whatever else goes wrong — a read-only folder, a full
disk — the game keeps playing with progress held in memory, and says so once in the log. No pygame;
nothing but a nickname, a class name, an avatar name and per-scenario stars is stored.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import re
import shutil
import time
import unicodedata
from pathlib import Path
from typing import Iterator, Optional

from .data_file import bounded_text, integer, number, read_json, set_aside, write_atomically

log = logging.getLogger(__name__)

FILE_PREFIX, FILE_SUFFIX = "progress-", ".json"
LEGACY_FILE = "progress.json"  # one file for every PC (before per-machine files): read, never written
MAX_PLAYERS = 500  # per machine file: a lab PC used by many classes never grows its file without end
MAX_FILES = 300  # progress files read from one folder (a lab has a few dozen PCs)
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NAME_CHARS = 40  # as results/model.clean_name: a nickname or class name is cut there
MAX_ID_CHARS = 100   # scenario, node and avatar names
MAX_STEPS = 500      # a resume point's path and choices
MAX_CHOICE = 99      # a choice index
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode's Cc; joiners (ZWJ, ZWNJ) in names are kept
MAX_SCENARIOS = 1000


def default_dir() -> Path:
    override = os.environ.get("AMAN_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("aman", appauthor=False))


def normalize_nickname(nickname: str) -> str:
    """The key a nickname (or a class name) is stored under: trimmed, inner spaces collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFKC", str(nickname)).split()).casefold()


def player_key(nickname: str, class_name: str = "") -> str:
    return normalize_nickname(class_name or "") + "\x1f" + normalize_nickname(nickname)


def machine_file_name(host: str | None = None, fingerprint: str | None = "auto") -> str:
    """`progress-LAB-PC-07-1a2b3c4d.json`: this machine's own file (the host name as results files use it)."""
    from .results.paths import machine_fingerprint, sanitise_host

    import socket

    base = sanitise_host(socket.gethostname() if host is None else host)
    fp = machine_fingerprint() if fingerprint == "auto" else fingerprint
    return f"{FILE_PREFIX}{base}{'-' + fp[:8] if fp else ''}{FILE_SUFFIX}"


def progress_files(folder: Path) -> list[Path]:
    """Every progress file of a folder (this machine's, the other PCs', the legacy shared one)."""
    try:
        found = sorted(p for p in folder.glob(f"{FILE_PREFIX}*{FILE_SUFFIX}") if p.is_file())
    except OSError:
        return []
    legacy = folder / LEGACY_FILE
    return ([legacy] if legacy.is_file() else []) + found[:MAX_FILES]


def read_file(path: Path) -> dict:
    """{"players": {...}} of one file, checked against the progress schema; an unreadable file reads as empty
    (and is logged). Use `read_checked` to know whether it could be read."""
    return read_checked(path)[0]


def read_checked(path: Path) -> tuple[dict, Optional[str], bool]:
    """(data, problem, damaged): the file's players with every field checked (a bad field falls back on its
    own, an entry without a usable nickname is dropped), or empty data, why the file could not be read,
    and whether its content is at fault (then it is set aside rather than written over)."""
    got = read_json(path, MAX_FILE_BYTES, "progress")
    if got.missing:
        return {"players": {}}, None, False
    if got.problem is None and not (isinstance(got.data, dict) and isinstance(got.data.get("players"), dict)):
        got = dataclasses.replace(got, problem=f"{path}: progress file has an unexpected shape", damaged=True)
    if got.problem is not None:
        log.warning("%s; ignoring it", got.problem)
        return {"players": {}}, got.problem, got.damaged
    players, dropped = clean_players(got.data["players"])
    if dropped:
        log.warning("%s: %d progress entries could not be read and were skipped", path, dropped)
    return {"players": players}, None, False


def _name(value, limit: int = MAX_NAME_CHARS) -> Optional[str]:
    """A nickname or class name as the game stores it: text, whitespace collapsed, cut to the limit."""
    if not isinstance(value, str):
        return None
    text = " ".join(_CONTROLS.sub("", value[:limit * 4]).split())  # NUL, escape…: never a nickname's
    return text[:limit]


def _resume(value) -> Optional[dict]:
    if not isinstance(value, dict):
        return None
    node = bounded_text(value.get("node"), MAX_ID_CHARS)
    path, choices = value.get("path", []), value.get("choices", [])
    if node is None or not isinstance(path, list) or not isinstance(choices, list):
        return None
    if len(path) > MAX_STEPS or len(choices) > MAX_STEPS:
        return None
    if any(bounded_text(p, MAX_ID_CHARS) is None for p in path):
        return None
    if any(integer(c, 0, MAX_CHOICE) is None for c in choices):
        return None
    return {"node": node, "path": list(path), "choices": list(choices)}


def _scenario_record(value) -> Optional[dict]:
    if not isinstance(value, dict):
        return None
    rec = {"stars": integer(value.get("stars", 0), 0, 3) or 0, "at": number(value.get("at", 0), 0, 1e11) or 0.0}
    for key in ("completed", "best_score", "max_score"):
        checked = integer(value.get(key), 0, 10**9)
        if checked is not None:
            rec[key] = checked
    resume = _resume(value.get("resume"))
    if resume is not None:
        rec["resume"] = resume
    return rec


def clean_players(players: dict) -> tuple[dict, int]:
    """The progress schema, applied field by field: (clean players, entries dropped)."""
    clean: dict = {}
    dropped = 0
    for key, entry in list(players.items())[:MAX_PLAYERS * 2]:
        nickname = _name(entry.get("nickname")) if isinstance(entry, dict) else None
        if not nickname:
            dropped += 1
            continue
        avatar = entry.get("avatar")
        scenarios = entry.get("scenarios") if isinstance(entry.get("scenarios"), dict) else {}
        records = {}
        for sid, rec in list(scenarios.items())[:MAX_SCENARIOS]:
            checked = _scenario_record(rec)
            if checked is not None and bounded_text(sid, MAX_ID_CHARS):
                records[sid] = checked
        clean[str(key)[:200]] = {
            "nickname": nickname, "avatar": bounded_text(avatar, MAX_ID_CHARS),
            "class": _name(entry.get("class")) or "", "seen": number(entry.get("seen", 0), 0, 1e11) or 0.0,
            "scenarios": records}
    return clean, dropped + max(0, len(players) - MAX_PLAYERS * 2)


def write_file(path: Path, data: dict, keep_last_good: bool = False) -> None:
    """Atomically (temporary file + rename): a reader on another PC never sees half a file. With
    `keep_last_good`, the file being replaced (read back as good just before) is copied to `<name>.bak`
    first, so a file damaged later can be restored from it."""
    def backup() -> None:
        if keep_last_good and path.is_file():
            bak_tmp = path.with_name(f".{path.name}.bak.tmp")
            try:
                shutil.copyfile(path, bak_tmp)
                os.replace(bak_tmp, last_good_path(path))
            except OSError as exc:  # the copy is a safety net: its failure must not stop the save
                log.warning("%s: no last-good copy kept (%s)", path, exc)
                with contextlib.suppress(OSError):
                    os.unlink(bak_tmp)

    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1), before_replace=backup)


def last_good_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def recover_own_file(path: Path) -> tuple[dict, list[str]]:
    """This machine's file at start-up. When it can't be read it is set aside (`*.damaged-<time>`, never
    overwritten) and the last good copy, if there is one, takes its place. Returns (data, notes)."""
    data, problem, damaged = read_checked(path)
    if problem is None:
        return data, []
    notes = [problem]
    aside = set_aside(path, problem) if damaged else None
    if aside is None:
        notes.append(f"{path}: could not be set aside; progress on this PC is kept in memory only")
        return data, notes
    notes.append(f"{path}: damaged copy kept as {aside.name}")
    backup, backup_problem, _ = read_checked(last_good_path(path))
    if backup_problem is None and backup["players"]:
        notes.append(f"{path}: restored from its last good copy ({len(backup['players'])} children)")
        with contextlib.suppress(OSError):
            write_file(path, backup)
        return backup, notes
    return {"players": {}}, notes


def _entries(data: dict) -> Iterator[tuple[str, dict]]:
    """(key, entry) of each player entry (already checked by read_checked); the key is rebuilt from the
    entry itself, never taken from the file."""
    for entry in data["players"].values():
        yield player_key(entry["nickname"], entry["class"]), entry


def _number(value, default=0.0) -> float:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _merge(view: dict, key: str, entry: dict) -> None:
    """Fold one file's entry for a child into the merged view (stars: best; resume: the latest step)."""
    seen = _number(entry.get("seen"))
    cur = view.get(key)
    if cur is None:
        cur = view[key] = {"nickname": entry["nickname"], "avatar": entry.get("avatar"),
                           "class": entry.get("class") or "", "seen": seen, "scenarios": {}}
    elif seen >= cur["seen"]:
        cur.update(nickname=entry["nickname"], avatar=entry.get("avatar"), seen=seen)
    for sid, rec in entry["scenarios"].items():
        if not isinstance(rec, dict):
            continue
        at = _number(rec.get("at"))
        stars = rec.get("stars", 0)
        stars = stars if isinstance(stars, int) and 0 <= stars <= 3 else 0
        mine = cur["scenarios"].setdefault(sid, {"stars": 0, "at": -1.0, "resume": None})
        mine["stars"] = max(mine["stars"], stars)
        if at >= mine["at"]:  # the latest event on any PC decides whether the story is half-way
            resume = rec.get("resume")
            mine["resume"] = resume if isinstance(resume, dict) and isinstance(resume.get("node"), str) else None
            mine["at"] = at


class Progress:
    def __init__(self, folder: str | os.PathLike | None = None, *, class_name: str = "",
                 file_name: str | None = None):
        self.folder = Path(folder) if folder is not None else default_dir()
        self.path = self.folder / (file_name or machine_file_name())
        self.class_name = class_name  # the class session running now ("" outside one); the game keeps it current
        self.writable = True
        # What this machine has written (kept if the folder goes away); a damaged file is set aside and
        # its last good copy restored — `notes` says what happened, for the log and teacher mode.
        self._mine, self.notes = recover_own_file(self.path)
        self.reload()

    def reload(self) -> None:
        """Merge every progress file of the folder again (another PC may have saved since)."""
        view: dict = {}
        for path in progress_files(self.folder):
            if path == self.path:
                continue
            for key, entry in _entries(read_file(path)):
                _merge(view, key, entry)
        for key, entry in _entries(self._mine):
            _merge(view, key, entry)
        self._view = view

    # -- writing: this machine's file only ----------------------------------------------------------
    def _change(self, nickname: str, apply) -> None:
        """Apply one change to this machine's entry for the child, on a fresh read of the file, and save."""
        good = False
        if self.writable:
            fresh, problem, damaged = read_checked(self.path)
            if problem is None:
                self._mine, good = fresh, True
            elif not damaged or set_aside(self.path, problem) is None:
                # unreadable since start-up and can't be moved: never write over it; keep progress in memory
                self.writable = False
                self.notes.append(problem)
            else:
                self.notes.append(problem)  # set aside; what this PC holds in memory is saved afresh
        key = player_key(nickname, self.class_name)
        players = self._mine["players"]
        entry = players.get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("scenarios"), dict):
            if len(players) >= MAX_PLAYERS:
                players.pop(next(iter(players)))
            entry = players[key] = {"nickname": nickname, "avatar": None, "class": self.class_name, "scenarios": {}}
        apply(entry)
        entry["seen"] = time.time()
        players[key] = players.pop(key)  # most recent last
        if self.writable:
            try:
                write_file(self.path, self._mine, keep_last_good=good)
            except OSError as exc:
                log.warning("%s: cannot save progress (%s); keeping it in memory only", self.path, exc)
                self.writable = False
        _merge(self._view, key, entry)

    # -- players ------------------------------------------------------------------------------------
    def players(self) -> list[tuple[str, Optional[str]]]:
        """(nickname, avatar) of everyone who played in the current class (or outside classes), on any PC
        sharing this folder; most recent last."""
        cls = normalize_nickname(self.class_name or "")
        mine = [e for e in self._view.values() if normalize_nickname(e["class"]) == cls]
        return [(e["nickname"], e.get("avatar")) for e in sorted(mine, key=lambda e: e["seen"])]

    def set_player(self, nickname: str, avatar: Optional[str]) -> None:
        self.reload()  # a child who just sat down at this PC brings their stars from the others

        def apply(entry):
            entry["nickname"], entry["avatar"] = nickname, avatar
        self._change(nickname, apply)

    # -- scenarios ----------------------------------------------------------------------------------
    def _record(self, nickname: str, scenario_id: str) -> Optional[dict]:
        entry = self._view.get(player_key(nickname, self.class_name))
        return entry["scenarios"].get(scenario_id) if entry else None

    def stars(self, nickname: str, scenario_id: str) -> int:
        rec = self._record(nickname, scenario_id)
        return rec["stars"] if rec else 0

    def resume_point(self, nickname: str, scenario_id: str) -> Optional[dict]:
        """{"node", "path", "choices"} of an unfinished play-through, or None."""
        rec = self._record(nickname, scenario_id)
        return rec["resume"] if rec else None

    def save_step(self, nickname: str, scenario_id: str, node: str, path: list[str], choices: list[int]) -> None:
        def apply(entry):
            rec = entry["scenarios"].setdefault(scenario_id, {})
            rec["resume"] = {"node": node, "path": list(path), "choices": list(choices)}
            rec["at"] = time.time()
        self._change(nickname, apply)

    def save_finish(self, nickname: str, scenario_id: str, stars: int, score: int, max_score: int) -> None:
        def apply(entry):
            rec = entry["scenarios"].setdefault(scenario_id, {})
            rec.pop("resume", None)
            old = rec.get("stars", 0)
            rec["stars"] = max(int(stars), old if isinstance(old, int) else 0)
            rec["completed"] = int(_number(rec.get("completed"), 0)) + 1
            rec["best_score"] = max(int(score), int(_number(rec.get("best_score"), 0)))
            rec["max_score"] = int(max_score)
            rec["at"] = time.time()
        self._change(nickname, apply)

    def clear_resume(self, nickname: str, scenario_id: str) -> None:
        if self.resume_point(nickname, scenario_id) is None:
            return

        def apply(entry):
            rec = entry["scenarios"].setdefault(scenario_id, {})
            rec.pop("resume", None)
            rec["at"] = time.time()
        self._change(nickname, apply)


def delete_class(folder: str | os.PathLike, class_name: str) -> tuple[int, list[str]]:
    """Remove every child of `class_name` from every progress file in `folder` and from their last-good
    copies (class delete, teacher mode's erase). Returns (children removed, files that could not be
    rewritten — unreadable ones included: they are never written over)."""
    target = normalize_nickname(class_name)
    removed, failed = 0, []
    for path in progress_files(Path(folder)):
        for one in (path, last_good_path(path)):
            data, problem, _ = read_checked(one)
            if problem is not None:
                failed.append(problem)
                continue
            keep = {k: e for k, e in data["players"].items() if normalize_nickname(e["class"]) != target}
            gone = len(data["players"]) - len(keep)
            if not gone:
                continue
            data["players"] = keep
            try:
                write_file(one, data)
                removed += gone if one == path else 0
            except OSError as exc:
                failed.append(f"{one}: {exc}")
    return removed, failed
