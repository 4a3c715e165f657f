"""Teacher settings: the PIN (as a salted hash) and the class sessions, in teacher.json in the data folder.

Kept beside the results, so when the data folder is a lab's shared network folder every PC sees the same
class setup: the teacher sets up "5B" once. Loading never raises; a damaged file is reported in
`problem` and keeps teacher mode locked (check_pin is False) rather than letting anyone set a new PIN —
delete the file by hand to start again. Saving writes a temporary file and renames it over the old one.

The PIN is 4–8 digits, stored as PBKDF2-HMAC-SHA256 with a random 16-byte salt and compared in constant
time. That keeps a casual reader of the file from learning it; it is not meant to stop someone who can copy
the file and try all 10,000 four-digit PINs — the threat here is children leaving the kiosk, and the
PIN entry screen slows guessing down.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .results.model import clean_name, name_key

log = logging.getLogger(__name__)

CONFIG_FILE = "teacher.json"
FORMAT_VERSION = 1
PIN_ITERATIONS = 200_000
AGE_BANDS = ("", "7-9", "10-13")   # "" = every age band
LANGUAGES = ("", "ar", "en")       # "" = the child chooses; otherwise the game stays in that language


class TeacherConfigError(Exception):
    """The settings could not be saved (folder read-only, disk full)."""


def valid_pin(pin: str) -> bool:
    return isinstance(pin, str) and pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8


@dataclass(frozen=True)
class PinHash:
    salt: str        # hex
    digest: str      # hex
    iterations: int = PIN_ITERATIONS
    algorithm: str = "pbkdf2_sha256"

    @classmethod
    def make(cls, pin: str, iterations: int = PIN_ITERATIONS) -> "PinHash":
        salt = secrets.token_bytes(16)
        return cls(salt.hex(), _derive(pin, salt, iterations).hex(), iterations)

    def matches(self, pin: str) -> bool:
        if self.algorithm != "pbkdf2_sha256" or not valid_pin(pin):
            return False
        try:
            salt, expected = bytes.fromhex(self.salt), bytes.fromhex(self.digest)
        except ValueError:
            return False
        return hmac.compare_digest(_derive(pin, salt, self.iterations), expected)


def _derive(pin: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, int(iterations))


@dataclass
class ClassSession:
    """How the game runs for one class."""

    name: str                              # e.g. "5B"
    playlist: list[str] = field(default_factory=list)  # scenario ids in order; empty = the whole library
    language: str = ""                     # "" free, "ar"/"en" locked
    age_band: str = ""                     # "" all, "7-9", "10-13"
    allow_high_sensitivity: bool = False   # scenarios marked sensitivity: high (e.g. blackmail)
    kiosk: bool = False                    # fullscreen; leaving needs the PIN
    quiz: bool = True                      # the short quiz before the first and after the last scenario

    @property
    def language_locked(self) -> bool:
        return bool(self.language)

    @classmethod
    def from_json(cls, data: dict) -> "ClassSession":
        """Build from a file's dict; a wrong value gives that field's default (with a warning)."""
        session = cls(clean_name(data.get("name", ""), "class name"))
        defaults = cls(session.name)
        playlist = data.get("playlist", [])
        if isinstance(playlist, list) and all(isinstance(x, str) for x in playlist):
            session.playlist = list(playlist)
        checks = {"language": lambda v: v in LANGUAGES, "age_band": lambda v: v in AGE_BANDS,
                  "allow_high_sensitivity": lambda v: isinstance(v, bool), "kiosk": lambda v: isinstance(v, bool),
                  "quiz": lambda v: isinstance(v, bool)}
        for key, ok in checks.items():
            if key in data:
                if ok(data[key]):
                    setattr(session, key, data[key])
                else:
                    log.warning("teacher settings: bad %s %r for class %s; using %r", key, data[key], session.name,
                                getattr(defaults, key))
        return session

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass
class TeacherConfig:
    path: Path
    pin: PinHash | None = None
    sessions: list[ClassSession] = field(default_factory=list)
    active: str = ""                 # the class session the game is running now ("" = none)
    problem: str | None = None       # why the file could not be read; teacher mode stays locked

    # ----------------------------------------------------------------------------------- load / save
    @classmethod
    def load(cls, data_dir: str | os.PathLike | None = None) -> "TeacherConfig":
        from .results.paths import default_data_dir

        path = Path(data_dir if data_dir is not None else default_data_dir()) / CONFIG_FILE
        config = cls(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return config  # nothing set up yet (saving will say if the folder can't be made)
        except OSError as exc:
            config.problem = f"{path}: {exc.strerror or exc}"
            return config
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            if data.get("pin") is not None:
                pin = data["pin"]
                config.pin = PinHash(str(pin["salt"]), str(pin["digest"]), int(pin["iterations"]),
                                     str(pin.get("algorithm", "pbkdf2_sha256")))
        except (ValueError, KeyError, TypeError) as exc:
            config.problem = f"{path}: damaged teacher settings ({exc}); delete the file to set a new PIN"
            log.warning("%s", config.problem)
            return config
        for item in data.get("sessions", []) if isinstance(data.get("sessions"), list) else []:
            try:
                config._put(ClassSession.from_json(item))
            except (ValueError, AttributeError, TypeError) as exc:
                log.warning("teacher settings: skipped a class session (%s)", exc)
        active = data.get("active", "")
        config.active = active if isinstance(active, str) and config.session(active) else ""
        return config

    def save(self) -> None:
        if self.problem:
            raise TeacherConfigError(self.problem)
        data = {"format": FORMAT_VERSION, "pin": dataclasses.asdict(self.pin) if self.pin else None,
                "sessions": [s.to_json() for s in self.sessions], "active": self.active}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".teacher-", suffix=".json", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            if tmp:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            raise TeacherConfigError(f"{self.path}: can't save teacher settings ({exc.strerror or exc})") from exc

    # ------------------------------------------------------------------------------------------- PIN
    def has_pin(self) -> bool:
        """True once a PIN was set — or when the file is damaged, so nobody can set a new one in the game."""
        return self.pin is not None or self.problem is not None

    def set_pin(self, pin: str, iterations: int = PIN_ITERATIONS) -> None:
        if not valid_pin(pin):
            raise ValueError("the PIN must be 4 to 8 digits")
        if self.problem:
            raise TeacherConfigError(self.problem)
        self.pin = PinHash.make(pin, iterations)

    def check_pin(self, pin: str) -> bool:
        return self.pin is not None and self.problem is None and self.pin.matches(pin)

    # -------------------------------------------------------------------------------------- sessions
    def session(self, name: str) -> ClassSession | None:
        key = name_key(name) if name else ""
        return next((s for s in self.sessions if name_key(s.name) == key), None)

    def _put(self, session: ClassSession) -> None:
        self.sessions = [s for s in self.sessions if name_key(s.name) != name_key(session.name)] + [session]

    def upsert_session(self, session: ClassSession) -> None:
        """Add a class session or replace the one with the same name."""
        session.name = clean_name(session.name, "class name")
        checked = ClassSession.from_json(session.to_json())
        if checked != session:
            raise ValueError(f"invalid class session settings: {session}")
        self._put(session)

    def remove_session(self, name: str) -> bool:
        before = len(self.sessions)
        self.sessions = [s for s in self.sessions if name_key(s.name) != name_key(name)]
        if self.active and name_key(self.active) == name_key(name):
            self.active = ""
        return len(self.sessions) != before

    def active_session(self) -> ClassSession | None:
        return self.session(self.active) if self.active else None

    def start_session(self, name: str) -> ClassSession:
        session = self.session(name)
        if session is None:
            raise KeyError(name)
        self.active = session.name
        return session

    def end_session(self) -> None:
        self.active = ""
