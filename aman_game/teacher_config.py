"""Teacher settings: the PIN (as a salted hash) and the class sessions, in teacher.json in the data folder.

Kept beside the results, so when the data folder is a lab's shared network folder every PC sees the same
class setup: the teacher sets up "5B" once. That folder is writable by the pupils' account, so the file is
untrusted input (docs/architecture.md, "The data folder"):

- Loading never raises. The file is read through data_file.read_json (size limit, strict UTF-8, bounded
  nesting) and every field checked; a file that can't be parsed — or whose PIN entry is malformed, e.g.
  `"iterations": 0` or `2e7` — is set aside as `teacher.json.damaged-<time>` (`notice` names it) and the
  game starts afresh: a PIN is chosen again. A file that can't even be opened (permissions) keeps teacher
  mode locked (`problem`).
- The class setups and the running session (kiosk, sensitive stories, playlist, language) are sealed:
  an HMAC-SHA256 over them, keyed from the PIN's PBKDF2 key. A file edited outside the game fails the seal
  (`tampered`): no class session runs from it and teacher mode says "teacher settings were changed outside
  the game; enter the PIN to check them". The right PIN accepts them (the teacher then sees them) and seals
  them again. A file without a PIN holds no setups: removing the PIN removes them.
- Wrong PINs are counted in the file (`lock`), so the 30-second rest after five wrong PINs survives a
  restart of the game.

The PIN is 4–8 digits, stored as PBKDF2-HMAC-SHA256 with a random 16-byte salt and compared in constant
time; the iteration count must lie in [MIN_ITERATIONS, MAX_ITERATIONS] (a file asking for 0 or 2e7 is
damaged, not obeyed). That keeps a casual reader of the file from learning it, and a hand edit of the file
from being obeyed. It is not meant to stop someone who copies the file and tries all 10,000 four-digit
PINs, or who writes a program to re-seal an edited file (the key material is in the file: nothing outside
the shared folder is secret) — the threat here is children leaving the kiosk or switching on stories the
teacher left off, and the PIN entry screen slows guessing down.
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from .data_file import bounded_text, integer, number, read_json, set_aside, write_atomically
from .results.model import clean_name, name_key

log = logging.getLogger(__name__)

CONFIG_FILE = "teacher.json"
FORMAT_VERSION = 2                 # 2: sealed setups and a persisted PIN lock-out
PIN_ITERATIONS = 200_000
MIN_ITERATIONS, MAX_ITERATIONS = 1_000, 1_000_000  # 1e6 is ~0.3 s on a lab PC; tests use 1,000
MAX_FILE_BYTES = 1024 * 1024
MAX_SESSIONS = 200
MAX_PLAYLIST = 500
MAX_TRIES = 5                      # wrong PINs in a row before the pad rests
REST_SECONDS = 30.0
AGE_BANDS = ("", "7-9", "10-13")   # "" = every age band
LANGUAGES = ("", "ar", "en")       # "" = the child chooses; otherwise the game stays in that language
_SEAL_LABEL = b"aman teacher settings seal v2"


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
        if integer(iterations, MIN_ITERATIONS, MAX_ITERATIONS) is None:
            raise ValueError(f"iterations must be {MIN_ITERATIONS:,} to {MAX_ITERATIONS:,}")
        salt = secrets.token_bytes(16)
        return cls(salt.hex(), _derive(pin, salt, iterations).hex(), iterations)

    def matches(self, pin: str) -> bool:
        if self.algorithm != "pbkdf2_sha256" or not valid_pin(pin) or not self.well_formed():
            return False
        salt, expected = bytes.fromhex(self.salt), bytes.fromhex(self.digest)
        return hmac.compare_digest(_derive(pin, salt, self.iterations), expected)

    def well_formed(self) -> bool:
        """Hex salt and digest of sane lengths and an iteration count within the fixed range."""
        try:
            salt, digest = bytes.fromhex(self.salt), bytes.fromhex(self.digest)
        except (ValueError, TypeError):
            return False
        return (8 <= len(salt) <= 64 and len(digest) == 32 and self.algorithm == "pbkdf2_sha256"
                and integer(self.iterations, MIN_ITERATIONS, MAX_ITERATIONS) is not None)

    def seal_key(self) -> bytes:
        return hmac.new(bytes.fromhex(self.digest), _SEAL_LABEL, hashlib.sha256).digest()

    @classmethod
    def from_json(cls, data) -> "PinHash":
        """The stored PIN, or ValueError when any part of it is malformed or out of range."""
        if not isinstance(data, dict):
            raise ValueError("the PIN entry is not an object")
        pin = cls(str(data.get("salt", ""))[:200], str(data.get("digest", ""))[:200],
                  data.get("iterations"), str(data.get("algorithm", "pbkdf2_sha256"))[:40])
        if not pin.well_formed():
            raise ValueError(f"the PIN entry is malformed (iterations must be a whole number from "
                             f"{MIN_ITERATIONS:,} to {MAX_ITERATIONS:,})")
        return pin


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
        name = data.get("name", "")
        if not isinstance(name, str):
            raise ValueError("the class name is not text")
        session = cls(clean_name(name[:400], "class name"))
        defaults = cls(session.name)
        playlist = data.get("playlist", [])
        if (isinstance(playlist, list) and len(playlist) <= MAX_PLAYLIST
                and all(bounded_text(x, 100) for x in playlist)):
            session.playlist = list(playlist)
        elif "playlist" in data:
            log.warning("teacher settings: bad playlist for class %s; using the whole library", session.name)
        checks = {"language": lambda v: v in LANGUAGES, "age_band": lambda v: v in AGE_BANDS,
                  "allow_high_sensitivity": lambda v: isinstance(v, bool), "kiosk": lambda v: isinstance(v, bool),
                  "quiz": lambda v: isinstance(v, bool)}
        for key, ok in checks.items():
            if key in data:
                if ok(data[key]):
                    setattr(session, key, data[key])
                else:
                    log.warning("teacher settings: bad %s %.40r for class %s; using %r", key, data[key],
                                session.name, getattr(defaults, key))
        return session

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass
class TeacherConfig:
    path: Path
    pin: PinHash | None = None
    sessions: list[ClassSession] = field(default_factory=list)
    active: str = ""                 # the class session the game is running now ("" = none)
    problem: str | None = None       # why the file could not be opened; teacher mode stays locked
    notice: str | None = None        # what happened to a damaged file (set aside as ...), for the log
    set_aside_as: str | None = None  # the name the damaged file was given, for the PIN screen
    changes_accepted: bool = False   # the PIN was entered over setups changed outside: teacher mode says so
    tampered: bool = False           # the setups fail their seal: none runs until the PIN is entered
    failures: int = 0                # wrong PINs in a row (persisted)
    lock_until: float = 0.0          # wall-clock time the pad rests until (persisted)
    _seal: str = ""                  # the seal as loaded (kept as is while the setups are not trusted)

    # ----------------------------------------------------------------------------------- load / save
    @classmethod
    def load(cls, data_dir: str | os.PathLike | None = None) -> "TeacherConfig":
        from .results.paths import default_data_dir

        path = Path(data_dir if data_dir is not None else default_data_dir()) / CONFIG_FILE
        config = cls(path)
        got = read_json(path, MAX_FILE_BYTES, "teacher settings")
        if got.missing:
            return config  # nothing set up yet (saving will say if the folder can't be made)
        data = got.data
        problem = got.problem
        if problem is None and not isinstance(data, dict):
            problem = f"{path}: teacher settings file is damaged: not a JSON object"
        pin = None
        if problem is None and data.get("pin") is not None:
            try:
                pin = PinHash.from_json(data["pin"])
            except ValueError as exc:
                problem = f"{path}: teacher settings file is damaged: {exc}"
        if problem is not None:
            if got.problem is not None and not got.damaged:  # can't be opened: never guess, stay locked
                config.problem = f"{problem}; teacher mode stays locked until it can be read"
                log.warning("%s", config.problem)
                return config
            aside = set_aside(path, problem)
            if aside is None:
                config.problem = f"{problem}; it could not be set aside, so teacher mode stays locked"
                return config
            config.notice = f"{problem}. It was set aside as {aside.name}; choose a new PIN."
            config.set_aside_as = aside.name
            return config
        config.pin = pin
        config._load_lock(data.get("lock"))
        sessions = data.get("sessions", [])
        if pin is None:
            if sessions or data.get("active"):
                log.warning("%s: class setups without a PIN are not used (a removed PIN removes them)", path)
            return config
        for item in sessions[:MAX_SESSIONS] if isinstance(sessions, list) else []:
            try:
                config._put(ClassSession.from_json(item))
            except (ValueError, AttributeError, TypeError) as exc:
                log.warning("teacher settings: skipped a class session (%s)", exc)
        active = data.get("active", "")
        config.active = active if isinstance(active, str) and config.session(active) else ""
        config._seal = data.get("seal") if isinstance(data.get("seal"), str) else ""
        nothing_to_protect = not sessions and not data.get("active")  # e.g. a v1 file with only a PIN
        if not nothing_to_protect and not hmac.compare_digest(
                config._seal.encode("ascii", "replace"), _seal(pin, sessions, data.get("active", "")).encode()):
            config.tampered = True
            log.warning("%s: teacher settings were changed outside the game; no class session runs until the "
                        "PIN is entered", path)
        return config

    def _load_lock(self, lock) -> None:
        if isinstance(lock, dict):
            self.failures = integer(lock.get("failures"), 0, MAX_TRIES) or 0
            until = number(lock.get("until"), 0, 1e11) or 0.0
            # A clock turned back, or an edited file, can't make the pad rest longer than one rest
            self.lock_until = min(until, time.time() + REST_SECONDS)

    def _document(self) -> dict:
        sessions = [s.to_json() for s in self.sessions]
        return {"format": FORMAT_VERSION, "pin": dataclasses.asdict(self.pin) if self.pin else None,
                "sessions": sessions, "active": self.active,
                "seal": self._seal if self.tampered else (_seal(self.pin, sessions, self.active) if self.pin else ""),
                "lock": {"failures": self.failures, "until": round(self.lock_until, 3)}}

    def save(self) -> None:
        """Write the file (sealed). Setups that failed their seal keep their old seal until the PIN is
        entered, so saving never turns an outside edit into a trusted one."""
        if self.problem:
            raise TeacherConfigError(self.problem)
        if self.pin is None and self.sessions:
            raise TeacherConfigError(f"{self.path}: class setups need a PIN first")
        text = json.dumps(self._document(), ensure_ascii=False, indent=2) + "\n"
        try:
            write_atomically(self.path, text, fsync=True)
        except OSError as exc:
            raise TeacherConfigError(f"{self.path}: can't save teacher settings ({exc.strerror or exc})") from exc

    def _save_lock(self) -> None:
        """Persist the wrong-PIN count and rest; best effort (a read-only folder keeps them in memory)."""
        if self.problem or self.pin is None:
            return
        try:
            self.save()
        except TeacherConfigError as exc:
            log.warning("PIN lock-out kept in memory only: %s", exc)

    # ------------------------------------------------------------------------------------------- PIN
    def has_pin(self) -> bool:
        """True once a PIN was set — or when the file can't be opened, so nobody can set a new one."""
        return self.pin is not None or self.problem is not None

    def set_pin(self, pin: str, iterations: int = PIN_ITERATIONS) -> None:
        if not valid_pin(pin):
            raise ValueError("the PIN must be 4 to 8 digits")
        if self.problem:
            raise TeacherConfigError(self.problem)
        if self.tampered:  # a new PIN would seal setups nobody has checked: enter the PIN first
            raise TeacherConfigError(f"{self.path}: enter the PIN to check the teacher settings first")
        self.pin = PinHash.make(pin, iterations)

    def rest_seconds(self) -> float:
        """How long the PIN pad still rests after too many wrong PINs (0 when it doesn't)."""
        return max(0.0, min(self.lock_until - time.time(), REST_SECONDS))

    def check_pin(self, pin: str) -> bool:
        """The PIN is right (and the pad is not resting). Wrong PINs are counted in the file; the fifth
        in a row makes the pad rest REST_SECONDS. The right PIN accepts setups changed outside the game."""
        if self.pin is None or self.problem is not None or self.rest_seconds() > 0:
            return False
        if self.pin.matches(pin):
            changed = self.failures != 0 or self.tampered
            self.failures, self.lock_until = 0, 0.0
            if self.tampered:
                self.tampered, self.changes_accepted = False, True
                log.warning("%s: teacher settings changed outside the game were accepted with the PIN", self.path)
            if changed:
                self._save_lock()
            return True
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self.failures, self.lock_until = 0, time.time() + REST_SECONDS
        self._save_lock()
        return False

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
        """The session to run; None while the setups fail their seal (changed outside the game)."""
        return self.session(self.active) if self.active and not self.tampered else None

    def start_session(self, name: str) -> ClassSession:
        session = self.session(name)
        if session is None:
            raise KeyError(name)
        self.active = session.name
        return session

    def end_session(self) -> None:
        self.active = ""


def _seal(pin: PinHash, sessions, active) -> str:
    """HMAC-SHA256 of the sealed part of the file (setups and the running session), as canonical JSON."""
    body = json.dumps({"sessions": sessions, "active": active}, sort_keys=True, ensure_ascii=True,
                      separators=(",", ":"), allow_nan=False)
    return hmac.new(pin.seal_key(), body.encode("ascii"), hashlib.sha256).hexdigest()
