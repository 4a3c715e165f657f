"""The writer: one SQLite file per machine, one committed transaction per completed step.

Durability choices (see docs/teachers.md for the teacher's side):
- WAL journal: a write appends to the -wal file and never rewrites pages in place, so a process killed
  mid-write leaves the file consistent; the next open rolls the committed frames forward.
- `synchronous=FULL`, chosen over NORMAL on purpose: in WAL mode NORMAL already survives the game being
  killed, but a PC switched off at the wall (what happens to lab PCs at the bell) can lose the last
  commits. FULL fsyncs the WAL on every commit; we commit once per choice a child makes, seconds apart,
  so the cost is one fsync every few seconds — nothing a player can notice.
- `locking_mode=EXCLUSIVE` set before WAL is switched on: SQLite then keeps the WAL index in process
  memory instead of a shared-memory -shm file. Shared memory does not work on network folders, and a file
  here has exactly one writer (its machine), so nothing is lost by holding the lock.
- Errors surface as ResultsUnavailable, which the game turns into "results won't be saved" and play
  goes on.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from . import paths, schema
from .model import OUTCOMES, PHASES, clean_name, name_key

SYNCHRONOUS = "FULL"


class ResultsUnavailable(Exception):
    """Results can't be written (folder read-only or missing, file damaged or in use, disk full).

    The message says which file and why, for the log and the teacher; the child just keeps playing.
    """


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=0.2)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise ResultsUnavailable(f"{path}: could not switch the file to WAL mode (got {mode!r})")
        conn.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower()


class ResultsStore:
    """Anonymous results of one machine. Open with ResultsStore.open(data_dir)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Callable[[], str] | None = None):
        self._conn = conn
        self.path = path
        self._clock = clock or utc_now  # looked up now, so a test can swap the module's clock
        #: One per game start; ties the runs and quiz answers of one sitting together.
        self.session_id = uuid.uuid4().hex

    # ----------------------------------------------------------------------------------------------- open
    @classmethod
    def open(cls, data_dir: str | os.PathLike | None = None, *, host: str | None = None,
             clock: Callable[[], str] | None = None) -> "ResultsStore":
        """Open (creating if needed) this machine's results file in `data_dir` (default: the user data folder).

        Falls back to a second file name when the host's file belongs to another PC with the same host name
        (cloned lab image) or is held by another game window on this PC.
        """
        folder = Path(data_dir) if data_dir is not None else paths.default_data_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ResultsUnavailable(f"{folder}: can't create the data folder ({exc.strerror or exc})") from exc
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ResultsUnavailable(f"{folder}: the data folder is read-only")
        fingerprint = paths.machine_fingerprint()
        names = [paths.host_file_name(host)]
        if fingerprint:
            names.append(paths.host_file_name(host, suffix=fingerprint[:8]))
        names.append(paths.host_file_name(host, suffix=f"pid{os.getpid()}"))
        last_error: Exception | None = None
        for name in names:
            try:
                return cls._open_or_set_aside(folder / name, fingerprint, clock)
            except _OtherOwner as exc:
                last_error = exc
            except ResultsUnavailable as exc:
                if not _is_locked(exc.__cause__):
                    raise
                last_error = exc
        raise ResultsUnavailable(f"{folder}: every results file name for this PC is in use ({last_error})")

    @classmethod
    def _open_or_set_aside(cls, path: Path, fingerprint: str | None, clock) -> "ResultsStore":
        """Open this PC's file; a damaged one is renamed `*.damaged-<time>` (kept for inspection, never
        read by the report) and a fresh file started, so one bad file can't stop a PC saving for good."""
        try:
            return cls.open_file(path, fingerprint=fingerprint, clock=clock)
        except ResultsUnavailable as exc:
            if not _is_damaged(exc.__cause__):
                raise
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
            try:
                for extra in ("", "-wal", "-shm"):
                    if Path(f"{path}{extra}").exists():
                        os.replace(f"{path}{extra}", f"{path}.damaged-{stamp}{extra}")
            except OSError as move_error:
                raise ResultsUnavailable(f"{path}: damaged and can't be set aside ({move_error})") from exc
            return cls.open_file(path, fingerprint=fingerprint, clock=clock)

    @classmethod
    def open_file(cls, path: str | os.PathLike, *, fingerprint: str | None = None,
                  clock: Callable[[], str] | None = None) -> "ResultsStore":
        """Open one given file for writing, migrating it to the current layout.

        With a `fingerprint`, a file that records a different machine raises _OtherOwner instead.
        """
        path = Path(path)
        clock = clock or utc_now
        conn = None
        try:
            conn = _connect(path)
            schema.migrate(conn)
            with _transaction(conn):
                owner = conn.execute("SELECT value FROM meta WHERE key='machine'").fetchone()
                if owner is None:
                    conn.execute("INSERT INTO meta VALUES('machine', ?)", (fingerprint or "",))
                    conn.execute("INSERT OR IGNORE INTO meta VALUES('created_at', ?)", (clock(),))
                elif fingerprint and owner[0] and owner[0] != fingerprint:
                    raise _OtherOwner(f"{path} belongs to another PC with the same host name")
                # Writing here also proves the file is writable before a child starts playing.
                conn.execute("INSERT OR REPLACE INTO meta VALUES('last_opened_at', ?)", (clock(),))
        except _OtherOwner:
            conn.close()
            raise
        except schema.NewerFileError as exc:
            conn.close()
            raise ResultsUnavailable(f"{path}: {exc}") from exc
        except (sqlite3.Error, OSError) as exc:
            if conn is not None:
                conn.close()
            raise ResultsUnavailable(f"{path}: {_describe(exc)}") from exc
        return cls(conn, path, clock)

    # ---------------------------------------------------------------------------------------------- write
    def start_run(self, class_name: str, nickname: str, scenario_id: str, lang: str = "") -> str:
        """Record that a child started a scenario; returns the run id the other calls take."""
        run_id = uuid.uuid4().hex
        row = (run_id, self.session_id, clean_name(class_name, "class name"), clean_name(nickname, "nickname"),
               str(scenario_id), str(lang or ""), self._clock())
        with self._write():
            self._conn.execute(
                "INSERT INTO runs(run_id, session_id, class_name, nickname, scenario_id, lang, started_at)"
                " VALUES(?, ?, ?, ?, ?, ?, ?)", row)
        return run_id

    def record_decision(self, run_id: str, node_id: str, choice_index: int, action: str, safe: bool,
                        points: int, seconds: float) -> int:
        """Record one choice, committed before this returns; returns its step number (1, 2, ...)."""
        with self._write():
            step = self._conn.execute(
                "SELECT COALESCE(MAX(step), 0) + 1 FROM decisions WHERE run_id = ?", (run_id,)).fetchone()[0]
            self._conn.execute(
                "INSERT INTO decisions(run_id, step, node_id, choice_index, action, safe, points, seconds, at)"
                " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, step, str(node_id), int(choice_index), str(action or ""), int(bool(safe)), int(points),
                 round(max(0.0, float(seconds)), 2), self._clock()))
        return int(step)

    def finish_run(self, run_id: str, outcome: str, score: int, max_score: int) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
        with self._write():
            cur = self._conn.execute(
                "UPDATE runs SET finished_at = ?, outcome = ?, score = ?, max_score = ? WHERE run_id = ?",
                (self._clock(), outcome, int(score), int(max_score), run_id))
            if cur.rowcount != 1:
                raise ValueError(f"no run {run_id!r} in {self.path}")

    def record_quiz_answer(self, class_name: str, nickname: str, phase: str, question_id: str,
                           chosen: int, correct: bool, topic: str = "", delay_days: int | None = None) -> None:
        """One quiz answer; `chosen` is the option's index in the quiz file (not its place on screen)."""
        if phase not in PHASES:
            raise ValueError(f"phase must be one of {PHASES}, not {phase!r}")
        with self._write():
            self._conn.execute(
                "INSERT INTO quiz_answers(session_id, class_name, nickname, phase, question_id, chosen, correct, at,"
                " topic, delay_days) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self.session_id, clean_name(class_name, "class name"), clean_name(nickname, "nickname"), phase,
                 str(question_id), int(chosen), int(bool(correct)), self._clock(), str(topic or ""),
                 None if delay_days is None else int(delay_days)))

    def now(self) -> str:
        """The store's clock (injected in tests): what 'today' is for the delayed check."""
        return self._clock()

    def quiz_history(self, class_name: str, nickname: str) -> dict:
        """For one child of one class in this file: {"answered": {phase: {question ids}}, "last_played": ISO
        time of their latest finished story or answer (None if none)} — whether a quiz is due, and the delay."""
        cls, nick = name_key(class_name), name_key(nickname)
        answered: dict[str, set[str]] = {}
        last = None
        for c, n, phase, qid, at in self._read(
                "SELECT class_name, nickname, phase, question_id, at FROM quiz_answers"):
            if name_key(c) == cls and name_key(n) == nick:
                answered.setdefault(phase, set()).add(qid)
                if phase != "delayed":
                    last = max(last or at, at)
        for c, n, at in self._read("SELECT class_name, nickname, finished_at FROM runs WHERE finished_at IS NOT NULL"):
            if name_key(c) == cls and name_key(n) == nick:
                last = max(last or at, at)
        return {"answered": answered, "last_played": last}

    # --------------------------------------------------------------------------------------------- manage
    def classes(self) -> list[str]:
        """Class names in this file (one spelling per class)."""
        rows = self._read("SELECT class_name FROM runs UNION ALL SELECT class_name FROM quiz_answers")
        names: dict[str, str] = {}
        for (name,) in rows:
            names.setdefault(name_key(name), name)
        return sorted(names.values(), key=name_key)

    def player_status(self, class_name: str, nickname: str) -> tuple[set[str], set[str]]:
        """(scenario ids finished, quiz phases answered) by one child of one class in this file — what a
        class session needs to know whether the quiz is due."""
        cls, nick = name_key(class_name), name_key(nickname)
        finished = {sid for c, n, sid in self._read(
            "SELECT class_name, nickname, scenario_id FROM runs WHERE outcome IS NOT NULL")
            if name_key(c) == cls and name_key(n) == nick}
        phases = {p for c, n, p in self._read("SELECT DISTINCT class_name, nickname, phase FROM quiz_answers")
                  if name_key(c) == cls and name_key(n) == nick}
        return finished, phases

    def delete_class(self, class_name: str) -> int:
        """Erase one class from this file, for good; returns how many runs and quiz answers went.

        secure_delete zeroes freed pages, VACUUM rebuilds the file and the checkpoint empties the WAL, so
        the nicknames are gone from the bytes on disk, not just from the tables.
        """
        key = name_key(class_name)
        spellings = self._read("SELECT class_name FROM runs UNION SELECT class_name FROM quiz_answers")
        names = [n for (n,) in spellings if name_key(n) == key]  # every spelling: "5B", "5b", "5B "
        if not names:
            return 0
        marks = ",".join("?" * len(names))
        try:
            self._conn.execute("PRAGMA secure_delete=ON")
            with _transaction(self._conn):
                self._conn.execute(
                    f"DELETE FROM decisions WHERE run_id IN (SELECT run_id FROM runs WHERE class_name IN ({marks}))",
                    names)
                runs = self._conn.execute(f"DELETE FROM runs WHERE class_name IN ({marks})", names).rowcount
                quiz = self._conn.execute(f"DELETE FROM quiz_answers WHERE class_name IN ({marks})", names).rowcount
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            raise ResultsUnavailable(f"{self.path}: {_describe(exc)}") from exc
        return runs + quiz

    def close(self) -> None:
        """Close; SQLite checkpoints the WAL into the main file so the folder holds one file per PC."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> "ResultsStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------- internals
    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        try:
            with _transaction(self._conn):
                yield
        except sqlite3.Error as exc:
            raise ResultsUnavailable(f"{self.path}: {_describe(exc)}") from exc

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise ResultsUnavailable(f"{self.path}: {_describe(exc)}") from exc


class _OtherOwner(Exception):
    """The file at the host's name was made by a different PC."""


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def _is_damaged(exc: BaseException | None) -> bool:
    text = str(exc)
    return isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    if _is_locked(exc):
        return "the file is in use by another game window or PC"
    if "readonly" in text or "read-only" in text:
        return "the file is read-only"
    if "not a database" in text or "malformed" in text:
        return "the file is damaged or is not a results file"
    return text
