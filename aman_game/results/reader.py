"""The reader: merge any number of results files into one ClassResults.

Each file is first copied (with its -wal, if a game is still running or was killed) into a private
temporary folder and read there. So the report never takes a lock on, migrates or otherwise changes a
child's file, and it works the same on a read-only USB stick, a network share or a live lab folder.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable

from . import schema
from .model import ClassResults, Decision, QuizAnswer, Run, SkippedFile, name_key
from .paths import find_results_files


def load_results(paths: Iterable[str | os.PathLike]) -> ClassResults:
    """Read results files and folders of them (see paths.find_results_files); bad files are listed in
    `skipped` with the reason, never raised, so one damaged file can't hide a class's results."""
    runs: dict[str, Run] = {}
    answers: dict[tuple, QuizAnswer] = {}
    sources: list[str] = []
    skipped: list[SkippedFile] = []
    with tempfile.TemporaryDirectory(prefix="aman-results-") as tmp:
        for index, path in enumerate(find_results_files(paths)):
            if not path.is_file():
                skipped.append(SkippedFile(str(path), "no such file"))
                continue
            try:
                file_runs, file_answers = _read_snapshot(path, Path(tmp) / str(index))
            except (sqlite3.Error, OSError, schema.NewerFileError, _Damaged) as exc:
                skipped.append(SkippedFile(str(path), _reason(exc)))
                continue
            sources.append(str(path))
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
    return ClassResults(tuple(ordered_runs), tuple(ordered_answers), tuple(sources), tuple(skipped))


class _Damaged(Exception):
    pass


def _completeness(run: Run) -> tuple[int, int]:
    return (1 if run.finished else 0, len(run.decisions))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, schema.NewerFileError):
        return "written by a newer version of the game"
    if isinstance(exc, _Damaged) or "not a database" in str(exc):
        return "damaged or not a results file"
    return str(exc)


def _read_snapshot(path: Path, workdir: Path) -> tuple[list[Run], list[QuizAnswer]]:
    """Copy then read; a copy torn by a checkpoint running at that very moment is retried once."""
    for attempt in range(2):
        target = workdir / f"try{attempt}" / "results.sqlite3"
        target.parent.mkdir(parents=True)
        shutil.copyfile(path, target)
        wal = Path(f"{path}-wal")
        if wal.is_file():
            shutil.copyfile(wal, f"{target}-wal")
        try:
            return _read_copy(target, str(path))
        except _Damaged:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _read_copy(copy: Path, source: str) -> tuple[list[Run], list[QuizAnswer]]:
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise _Damaged(check)
        schema.migrate(conn)  # the private copy only: old layouts are read through the same code
        decisions: dict[str, list[Decision]] = {}
        for row in conn.execute(
                "SELECT run_id, step, node_id, choice_index, action, safe, points, seconds, at"
                " FROM decisions ORDER BY run_id, step"):
            decisions.setdefault(row[0], []).append(
                Decision(int(row[1]), row[2], int(row[3]), row[4], bool(row[5]), int(row[6]), float(row[7]), row[8]))
        runs = [
            Run(run_id=row[0], session_id=row[1], class_name=row[2], nickname=row[3], scenario_id=row[4],
                lang=row[5], started_at=row[6], finished_at=row[7], outcome=row[8],
                score=None if row[9] is None else int(row[9]),
                max_score=None if row[10] is None else int(row[10]),
                decisions=tuple(decisions.get(row[0], ())), source=source)
            for row in conn.execute(
                "SELECT run_id, session_id, class_name, nickname, scenario_id, lang, started_at, finished_at,"
                " outcome, score, max_score FROM runs")
        ]
        answers = [
            QuizAnswer(row[0], row[1], row[2], row[3], row[4], int(row[5]), bool(row[6]), row[7], source, row[8] or "",
                       None if row[9] is None else int(row[9]))
            for row in conn.execute(
                "SELECT session_id, class_name, nickname, phase, question_id, chosen, correct, at, topic, delay_days"
                " FROM quiz_answers")
        ]
        return runs, answers
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc) or "not a database" in str(exc):
            raise _Damaged(str(exc)) from exc
        raise
    finally:
        conn.close()
