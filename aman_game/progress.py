"""Progress per child: stars earned, and where an unfinished scenario can resume.

A child is a nickname inside a class ("Sami" of 5A and "Sami" of 5B are two children; free play outside a
class session is the class ""). Each machine writes only its own small JSON file, `progress-<host>.json`
(with a hash of the network card when the PCs are cloned and share a host name), in platformdirs'
user_data_dir("aman"), AMAN_DATA_DIR or the folder the caller gives — so the PCs of a lab can share one
network folder and never overwrite each other. Reading merges every progress file of the folder: a child
who moves to another PC keeps their stars, and resumes where they last stopped, on any PC.

Each change is read-modify-write of this machine's file (temporary file + rename), so what someone else
removed from it (`class delete`, teacher mode's erase) stays removed. Whatever goes wrong — a corrupted
file, a read-only folder — the game keeps playing with progress held in memory, and says so once in the
log. No pygame; nothing but a nickname, a class name, an avatar name and per-scenario stars is stored.
"""
from __future__ import annotations

import json
import logging
import os
import time
import unicodedata
from pathlib import Path
from typing import Iterator, Optional

log = logging.getLogger(__name__)

FILE_PREFIX, FILE_SUFFIX = "progress-", ".json"
LEGACY_FILE = "progress.json"  # one file for every PC (before per-machine files): read, never written
MAX_PLAYERS = 500  # per machine file: a lab PC used by many classes never grows its file without end
MAX_FILES = 300  # progress files read from one folder (a lab has a few dozen PCs)
MAX_FILE_BYTES = 2 * 1024 * 1024


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
    """{"players": {...}} of one file; an unreadable or oddly shaped file reads as empty (and is logged)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError("file too big")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"players": {}}
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.warning("%s: progress unreadable (%s); ignoring it", path, exc)
        return {"players": {}}
    if not isinstance(data, dict) or not isinstance(data.get("players"), dict):
        log.warning("%s: progress file has an unexpected shape; ignoring it", path)
        return {"players": {}}
    return data


def write_file(path: Path, data: dict) -> None:
    """Atomically (temporary file + rename): a reader on another PC never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _entries(data: dict) -> Iterator[tuple[str, dict]]:
    """(key, entry) of each well-formed player entry; the key is rebuilt from the entry itself."""
    for entry in data["players"].values():
        if isinstance(entry, dict) and isinstance(entry.get("nickname"), str) and entry["nickname"].strip():
            cls = entry.get("class") if isinstance(entry.get("class"), str) else ""
            if not isinstance(entry.get("scenarios"), dict):
                entry["scenarios"] = {}
            yield player_key(entry["nickname"], cls), entry


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
        self._mine = read_file(self.path)  # what this machine has written (kept if the folder goes away)
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
        if self.writable:
            self._mine = read_file(self.path)
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
                write_file(self.path, self._mine)
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
    """Remove every child of `class_name` from every progress file in `folder` (class delete, teacher mode's
    erase). Returns (children removed, files that could not be rewritten)."""
    target = normalize_nickname(class_name)
    removed, failed = 0, []
    for path in progress_files(Path(folder)):
        data = read_file(path)
        keep = {k: e for k, e in data["players"].items()
                if not (isinstance(e, dict) and normalize_nickname(e.get("class") or "") == target)}
        gone = len(data["players"]) - len(keep)
        if not gone:
            continue
        data["players"] = keep
        try:
            write_file(path, data)
            removed += gone
        except OSError as exc:
            failed.append(f"{path}: {exc}")
    return removed, failed
