"""The results file's table layout and its migrations.

`PRAGMA user_version` holds the layout version. A new file and an old file take the same road: every
step from the file's version up to CURRENT_VERSION runs in order, one function per step, each inside the
caller's transaction, so a file is never left half-migrated. A file from a *newer* game is never touched.

Layout history
  v1  runs, decisions, quiz_answers: the first layout.
  v2  adds the language a run was played in (runs.lang), the action of each choice (decisions.action),
      and a meta table (which machine owns the file, when it was made) so two lab PCs that share a host
      name never write into one file.
  v3  quiz answers carry the item's topic and, for the delayed check a returning child takes on a later
      day (phase 'delayed'), the delay in days; `chosen` is the option's index in the quiz file, whatever
      place the shuffled screen showed it in. SQLite cannot change a CHECK, so the table is rebuilt.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

CURRENT_VERSION = 3


class NewerFileError(Exception):
    """The file was written by a newer version of the game; this one must not guess its layout."""


def _create_v1(conn: sqlite3.Connection) -> None:
    # Only what issue 6 allows: a class name, a nickname, what was played and chosen, and times.
    conn.execute(
        """CREATE TABLE runs(
            run_id      TEXT PRIMARY KEY,      -- random id, unique across every machine's file
            session_id  TEXT NOT NULL,         -- one per game start (a class session on one PC)
            class_name  TEXT NOT NULL,
            nickname    TEXT NOT NULL,
            scenario_id TEXT NOT NULL,
            started_at  TEXT NOT NULL,         -- ISO 8601, UTC
            finished_at TEXT,
            outcome     TEXT,                  -- safe | recovered | unsafe; NULL while unfinished
            score       INTEGER,
            max_score   INTEGER)"""
    )
    conn.execute(
        """CREATE TABLE decisions(
            run_id       TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            step         INTEGER NOT NULL,     -- 1, 2, 3 ... within the run
            node_id      TEXT NOT NULL,
            choice_index INTEGER NOT NULL,
            safe         INTEGER NOT NULL,     -- 0 | 1
            points       INTEGER NOT NULL,
            seconds      REAL NOT NULL,        -- time the child took to choose
            at           TEXT NOT NULL,
            PRIMARY KEY(run_id, step))"""
    )
    conn.execute(
        """CREATE TABLE quiz_answers(
            session_id  TEXT NOT NULL,
            class_name  TEXT NOT NULL,
            nickname    TEXT NOT NULL,
            phase       TEXT NOT NULL CHECK(phase IN ('pre', 'post')),
            question_id TEXT NOT NULL,
            chosen      INTEGER NOT NULL,
            correct     INTEGER NOT NULL,      -- 0 | 1
            at          TEXT NOT NULL)"""
    )
    conn.execute("CREATE INDEX runs_by_class ON runs(class_name)")
    conn.execute("CREATE INDEX quiz_by_class ON quiz_answers(class_name)")


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE runs ADD COLUMN lang TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE decisions ADD COLUMN action TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE quiz_answers_v3(
            session_id  TEXT NOT NULL,
            class_name  TEXT NOT NULL,
            nickname    TEXT NOT NULL,
            phase       TEXT NOT NULL CHECK(phase IN ('pre', 'post', 'delayed')),
            question_id TEXT NOT NULL,
            chosen      INTEGER NOT NULL,      -- the option's index in the quiz file (not its place on screen)
            correct     INTEGER NOT NULL,      -- 0 | 1
            at          TEXT NOT NULL,
            topic       TEXT NOT NULL DEFAULT '',
            delay_days  INTEGER)               -- delayed check: days since the child last played; else NULL"""
    )
    conn.execute("INSERT INTO quiz_answers_v3(session_id, class_name, nickname, phase, question_id, chosen, correct,"
                 " at) SELECT session_id, class_name, nickname, phase, question_id, chosen, correct, at"
                 " FROM quiz_answers")
    conn.execute("DROP TABLE quiz_answers")
    conn.execute("ALTER TABLE quiz_answers_v3 RENAME TO quiz_answers")
    conn.execute("CREATE INDEX quiz_by_class ON quiz_answers(class_name)")


#: MIGRATIONS[n] takes a file from version n to version n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: _create_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
}
assert sorted(MIGRATIONS) == list(range(CURRENT_VERSION))


def file_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = CURRENT_VERSION) -> int:
    """Bring the file up to `target` in one transaction; returns the version it had before.

    The connection must be in autocommit mode (isolation_level=None): BEGIN IMMEDIATE takes the write
    lock before reading user_version, so two processes can't both migrate the same file.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = file_version(conn)
        if before > CURRENT_VERSION:
            raise NewerFileError(f"results file layout v{before} is newer than this game's v{CURRENT_VERSION}")
        for version in range(before, target):
            MIGRATIONS[version](conn)
        if target != before:
            conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
        return before
    except BaseException:
        conn.execute("ROLLBACK")
        raise
