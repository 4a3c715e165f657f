"""The results as one CSV table for a spreadsheet: one row per run, per decision and per quiz answer.

Every text cell is neutralised as OWASP advises for CSV injection: a cell that starts with = + - @, a tab
or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it,
whichever column it is in (a tampered results file can put `=HYPERLINK(...)` in an action or a time).
NULs and other control characters are removed and a value longer than MAX_CELL is cut with an ellipsis.
Numbers stay numbers. A `kind` column (run | decision | quiz) says which; filter on it. A quiz row's
`phase` is pre, post or delayed (a later day's check, with `delay_days`), `chosen` the option's index in
the quiz file. Columns are
stable English names and numbers are plain (1/0 for yes/no, seconds with a dot) so a spreadsheet or a script reads them in any
locale. Written as UTF-8 with a byte-order mark, which Excel needs to show Arabic nicknames correctly.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Iterator

from aman_game.results.model import ClassResults

from .content_source import ReportContent

COLUMNS = ("kind", "class", "nickname", "scenario_id", "scenario_title", "run_id", "step", "node_id",
           "choice_index", "action", "safe", "points", "seconds", "outcome", "score", "max_score", "phase",
           "question_id", "chosen", "correct", "started_at", "finished_at", "at", "lang", "source_file", "topic",
           "delay_days")


def rows(results: ClassResults, content: ReportContent, lang: str) -> list[dict]:
    return list(iter_rows(results, content, lang))


def iter_rows(results: ClassResults, content: ReportContent, lang: str) -> Iterator[dict]:
    """The CSV rows one by one (a lab's year is ~130,000 rows: written as they come, never all held)."""
    for row in _raw_rows(results, content, lang):
        yield {key: _cell(value) if isinstance(value, str) else value for key, value in row.items()}


def _raw_rows(results: ClassResults, content: ReportContent, lang: str) -> Iterator[dict]:
    for run in sorted(results.runs, key=lambda r: (r.class_name, r.nickname, r.started_at)):
        base = {"class": run.class_name, "nickname": run.nickname, "scenario_id": run.scenario_id,
                "scenario_title": content.title(run.scenario_id, lang), "run_id": run.run_id, "lang": run.lang,
                "source_file": run.source}
        yield {**base, "kind": "run", "outcome": run.outcome or "", "score": _n(run.score),
               "max_score": _n(run.max_score), "started_at": run.started_at, "finished_at": run.finished_at or ""}
        for d in run.decisions:
            yield {**base, "kind": "decision", "step": d.step, "node_id": d.node_id,
                   "choice_index": d.choice_index, "action": d.action, "safe": int(d.safe), "points": d.points,
                   "seconds": d.seconds, "at": d.at}
    for q in sorted(results.quiz_answers, key=lambda q: (q.class_name, q.nickname, q.phase, q.at)):
        yield {"kind": "quiz", "class": q.class_name, "nickname": q.nickname, "phase": q.phase,
               "question_id": q.question_id, "chosen": q.chosen, "correct": int(q.correct), "at": q.at,
               "source_file": q.source, "topic": q.topic, "delay_days": _n(q.delay_days)}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 300  # longer than any title, id or time the game writes
_CONTROLS = re.compile("[\x00-\x08\x0a-\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab and CR (handled below)


def _cell(text: str) -> str:
    """A text cell made safe for a spreadsheet: controls removed (a leading tab or CR is kept long enough
    to be neutralised, then made a space), cut to MAX_CELL, a formula-looking start neutralised with an
    apostrophe."""
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL - 1] + "…"
    if text.startswith(_FORMULA_START):
        text = "'" + text
    if "\t" in text or "\r" in text:
        text = text.replace("\t", " ").replace("\r", " ")
    return text


def _n(value) -> object:
    return "" if value is None else value


def _write_rows(fh, results: ClassResults, content: ReportContent, lang: str) -> None:
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(iter_rows(results, content, lang))


def to_csv(results: ClassResults, content: ReportContent, lang: str = "en") -> str:
    buffer = io.StringIO()
    _write_rows(buffer, results, content, lang)
    return buffer.getvalue()


def write_csv(path, results: ClassResults, content: ReportContent, lang: str = "en") -> None:
    """Streamed to the file row by row: a year of a lab's results never sits in memory as one string."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        _write_rows(fh, results, content, lang)
