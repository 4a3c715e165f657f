"""Progress per nickname on this machine: stars earned, and where an unfinished scenario can resume.

One small JSON file in platformdirs.user_data_dir("aman") (or AMAN_DATA_DIR, or a folder given by the
caller). Written atomically (temporary file + rename). Whatever goes wrong — a corrupted file, a read-only
folder — the game keeps playing with progress held in memory, and says so once in the log.
No pygame; nothing but a nickname, an avatar name and per-scenario stars is stored.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Optional

log = logging.getLogger(__name__)

FILE_NAME = "progress.json"
MAX_PLAYERS = 500  # bounded: a lab PC used by many classes never grows the file without end


def default_dir() -> Path:
    override = os.environ.get("AMAN_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("aman", appauthor=False))


def normalize_nickname(nickname: str) -> str:
    """The key a nickname is stored under: trimmed, inner spaces collapsed, case folded."""
    return " ".join(str(nickname).split()).casefold()


class Progress:
    def __init__(self, folder: str | os.PathLike | None = None):
        self.path = Path(folder) / FILE_NAME if folder is not None else default_dir() / FILE_NAME
        self.writable = True
        self._data = self._read()

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"players": {}}
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            log.warning("%s: progress unreadable (%s); starting fresh", self.path, exc)
            return {"players": {}}
        if not isinstance(data, dict) or not isinstance(data.get("players"), dict):
            log.warning("%s: progress file has an unexpected shape; starting fresh", self.path)
            return {"players": {}}
        return data

    def _save(self) -> bool:
        if not self.writable:
            return False
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(self._data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
            return True
        except OSError as exc:
            log.warning("%s: cannot save progress (%s); keeping it in memory only", self.path, exc)
            self.writable = False
            return False

    def _player(self, nickname: str, create: bool = False) -> Optional[dict]:
        key = normalize_nickname(nickname)
        players = self._data["players"]
        entry = players.get(key)
        if not isinstance(entry, dict):
            if not create:
                return None
            if len(players) >= MAX_PLAYERS:
                players.pop(next(iter(players)))
            entry = players[key] = {"nickname": nickname, "avatar": None, "scenarios": {}}
        if not isinstance(entry.get("scenarios"), dict):
            entry["scenarios"] = {}
        return entry

    # players -----------------------------------------------------------------------------------
    def players(self) -> list[tuple[str, Optional[str]]]:
        """(nickname, avatar) of everyone who played on this machine, most recent last."""
        out = []
        for entry in self._data["players"].values():
            if isinstance(entry, dict) and isinstance(entry.get("nickname"), str):
                out.append((entry["nickname"], entry.get("avatar")))
        return out

    def set_player(self, nickname: str, avatar: Optional[str]) -> None:
        key = normalize_nickname(nickname)
        entry = self._player(nickname, create=True)
        entry["nickname"] = nickname
        entry["avatar"] = avatar
        # move to the end: most recent last
        players = self._data["players"]
        players[key] = players.pop(key)
        self._save()

    # scenarios ---------------------------------------------------------------------------------
    def stars(self, nickname: str, scenario_id: str) -> int:
        entry = self._player(nickname)
        rec = entry["scenarios"].get(scenario_id) if entry else None
        value = rec.get("stars", 0) if isinstance(rec, dict) else 0
        return value if isinstance(value, int) and 0 <= value <= 3 else 0

    def resume_point(self, nickname: str, scenario_id: str) -> Optional[dict]:
        """{"node", "path", "choices"} of an unfinished play-through, or None."""
        entry = self._player(nickname)
        rec = entry["scenarios"].get(scenario_id) if entry else None
        resume = rec.get("resume") if isinstance(rec, dict) else None
        if isinstance(resume, dict) and isinstance(resume.get("node"), str):
            return resume
        return None

    def save_step(self, nickname: str, scenario_id: str, node: str, path: list[str], choices: list[int]) -> None:
        entry = self._player(nickname, create=True)
        rec = entry["scenarios"].setdefault(scenario_id, {})
        rec["resume"] = {"node": node, "path": list(path), "choices": list(choices)}
        self._save()

    def save_finish(self, nickname: str, scenario_id: str, stars: int, score: int, max_score: int) -> None:
        entry = self._player(nickname, create=True)
        rec = entry["scenarios"].setdefault(scenario_id, {})
        rec.pop("resume", None)
        rec["stars"] = max(int(stars), self.stars(nickname, scenario_id))
        rec["completed"] = int(rec.get("completed", 0) or 0) + 1
        rec["best_score"] = max(int(score), int(rec.get("best_score", 0) or 0))
        rec["max_score"] = int(max_score)
        self._save()

    def clear_resume(self, nickname: str, scenario_id: str) -> None:
        entry = self._player(nickname)
        rec = entry["scenarios"].get(scenario_id) if entry else None
        if isinstance(rec, dict) and rec.pop("resume", None) is not None:
            self._save()
