"""The reader: merge any number of results files into one ClassResults.

Each file is first copied (with its -wal, if a game is still running or was killed) into a private
temporary folder and read there. So the report never takes a lock on, migrates or otherwise changes a
child's file, and it works the same on a read-only USB stick, a network share or a live lab folder.

The files are untrusted input (docs/architecture.md, "The data folder"): a file over MAX_FILE_BYTES is
not copied at all; a file failing `PRAGMA quick_check` is skipped and named; and every row is checked
on its own (rows.py) — a bad row is skipped and counted in `bad_rows`, never the whole folder.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable

from . import schema
from .model import BadRows, ClassResults, QuizAnswer, Run, SkippedFile, name_key
from .paths import find_results_files
from .rows import answer_from_row, decision_from_row, run_from_row
from .store import _is_damaged

#: A year of one lab PC is ~1 MB (750 runs); a file this big is not a results file the game wrote.
MAX_FILE_BYTES = 256 * 1024 * 1024


def load_results(paths: Iterable[str | os.PathLike]) -> ClassResults:
    """Read results files and folders of them (see paths.find_results_files); bad files are listed in
    `skipped` with the reason, never raised, so one damaged file can't hide a class's results."""
    runs: dict[str, Run] = {}
    answers: dict[tuple, QuizAnswer] = {}
    sources: list[str] = []
    skipped: list[SkippedFile] = []
    bad_rows: list[BadRows] = []
    with tempfile.TemporaryDirectory(prefix="aman-results-") as tmp:
        for index, path in enumerate(find_results_files(paths)):
            if not path.is_file():
                skipped.append(SkippedFile(str(path), "no such file"))
                continue
            try:
                size = path.stat().st_size
                if size > MAX_FILE_BYTES:
                    skipped.append(SkippedFile(str(path), f"too big to be a results file ({size / 2**20:,.0f} MB)"))
                    continue
                file_runs, file_answers, bad = _read_snapshot(path, Path(tmp) / str(index))
            except (sqlite3.Error, OSError, schema.NewerFileError, _Damaged) as exc:
                skipped.append(SkippedFile(str(path), _reason(exc)))
                continue
            finally:
                shutil.rmtree(Path(tmp) / str(index), ignore_errors=True)  # one copy on disk at a time
            sources.append(str(path))
            if bad:
                bad_rows.append(BadRows(str(path), bad))
            for run in file_runs:
                known = runs.get(run.run_id)
                if known is None or _completeness(run) > _completeness(known):
                    runs[run.run_id] = run
            for answer in file_answers:
                key = (answer.session_id, name_key(answer.nickname), answer.phase, answer.question_id, answer.at,
                       answer.chosen)
                answers.setdefault(key, answer)
    ordered_runs = sorted(runs.values(), key=lambda r: (r.started_at, r.run_id))
    ordered_answers = sorted(answers.values(), key=lambda a: (a.at, a.session_id, a.question_id))
    return ClassResults(tuple(ordered_runs), tuple(ordered_answers), tuple(sources), tuple(skipped),
                        tuple(bad_rows))


class _Damaged(Exception):
    pass


def _completeness(run: Run) -> tuple[int, int]:
    return (1 if run.finished else 0, len(run.decisions))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, schema.NewerFileError):
        return "written by a newer version of the game"
    if isinstance(exc, _Damaged) or _is_damaged(exc):
        return "damaged or not a results file"
    return str(exc)


def _read_snapshot(path: Path, workdir: Path) -> tuple[list[Run], list[QuizAnswer], int]:
    """Copy then read; a copy torn by a checkpoint running at that very moment is retried once."""
    for attempt in range(2):
        target = workdir / f"try{attempt}" / "results.sqlite3"
        target.parent.mkdir(parents=True)
        shutil.copyfile(path, target)
        wal = Path(f"{path}-wal")
        if wal.is_file() and wal.stat().st_size <= MAX_FILE_BYTES:
            shutil.copyfile(wal, f"{target}-wal")
        try:
            return _read_copy(target, str(path))
        except _Damaged:
            if attempt:
                raise
        finally:
            shutil.rmtree(target.parent, ignore_errors=True)
    raise AssertionError("unreachable")


def _read_copy(copy: Path, source: str) -> tuple[list[Run], list[QuizAnswer], int]:
    """Every row that passes its checks; the count of those that did not."""
    conn = sqlite3.connect(str(copy), isolation_level=None)
    conn.text_factory = bytes  # decoded (strictly) row by row: one bad string can't stop the whole query
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != b"ok":
            raise _Damaged(check.decode("utf-8", "replace")[:200])
        schema.migrate(conn)  # the private copy only: old layouts are read through the same code
        bad = 0
        decisions: dict[str, list] = {}
        for row in conn.execute(
                "SELECT run_id, step, node_id, choice_index, action, safe, points, seconds, at"
                " FROM decisions ORDER BY run_id, step"):
            checked = decision_from_row(row)
            if checked is None:
                bad += 1
            else:
                decisions.setdefault(checked[0], []).append(checked[1])
        runs = []
        for row in conn.execute(
                "SELECT run_id, session_id, class_name, nickname, scenario_id, lang, started_at, finished_at,"
                " outcome, score, max_score FROM runs"):
            run = run_from_row(row, decisions, source)
            if run is None:
                bad += 1
            else:
                runs.append(run)
        answers = []
        for row in conn.execute(
                "SELECT session_id, class_name, nickname, phase, question_id, chosen, correct, at, topic,"
                " delay_days FROM quiz_answers"):
            answer = answer_from_row(row, source)
            if answer is None:
                bad += 1
            else:
                answers.append(answer)
        return runs, answers, bad
    except sqlite3.DatabaseError as exc:
        if _is_damaged(exc):
            raise _Damaged(str(exc)) from exc
        raise
    except UnicodeDecodeError as exc:  # SQLite's own error message held the file's broken bytes
        raise _Damaged(f"damaged ({exc.reason})") from exc
    finally:
        conn.close()
