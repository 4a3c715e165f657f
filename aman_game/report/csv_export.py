"""The results as one CSV table for a spreadsheet: one row per run, per decision and per quiz answer.

Typed names that a spreadsheet would run as a formula (=..., +..., -..., @...) get a leading apostrophe.
A `kind` column (run | decision | quiz) says which; filter on it. A quiz row's `phase` is pre, post or
delayed (a later day's check, with `delay_days`), `chosen` the option's index in the quiz file. Columns are stable English names and
numbers are plain (1/0 for yes/no, seconds with a dot) so a spreadsheet or a script reads them in any
locale. Written as UTF-8 with a byte-order mark, which Excel needs to show Arabic nicknames correctly.
"""
from __future__ import annotations

import csv
import io

from aman_game.results.model import ClassResults

from .content_source import ReportContent

COLUMNS = ("kind", "class", "nickname", "scenario_id", "scenario_title", "run_id", "step", "node_id",
           "choice_index", "action", "safe", "points", "seconds", "outcome", "score", "max_score", "phase",
           "question_id", "chosen", "correct", "started_at", "finished_at", "at", "lang", "source_file", "topic",
           "delay_days")


def rows(results: ClassResults, content: ReportContent, lang: str) -> list[dict]:
    out: list[dict] = []
    for run in sorted(results.runs, key=lambda r: (r.class_name, r.nickname, r.started_at)):
        base = {"class": _cell(run.class_name), "nickname": _cell(run.nickname), "scenario_id": run.scenario_id,
                "scenario_title": content.title(run.scenario_id, lang), "run_id": run.run_id, "lang": run.lang,
                "source_file": run.source}
        out.append({**base, "kind": "run", "outcome": run.outcome or "", "score": _n(run.score),
                    "max_score": _n(run.max_score), "started_at": run.started_at, "finished_at": run.finished_at or ""})
        for d in run.decisions:
            out.append({**base, "kind": "decision", "step": d.step, "node_id": d.node_id,
                        "choice_index": d.choice_index, "action": d.action, "safe": int(d.safe), "points": d.points,
                        "seconds": d.seconds, "at": d.at})
    for q in sorted(results.quiz_answers, key=lambda q: (q.class_name, q.nickname, q.phase, q.at)):
        out.append({"kind": "quiz", "class": _cell(q.class_name), "nickname": _cell(q.nickname), "phase": q.phase,
                    "question_id": q.question_id, "chosen": q.chosen, "correct": int(q.correct), "at": q.at,
                    "source_file": q.source, "topic": q.topic, "delay_days": _n(q.delay_days)})
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Typed text (nickname, class) that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _n(value) -> object:
    return "" if value is None else value


def to_csv(results: ClassResults, content: ReportContent, lang: str = "en") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(results, content, lang))
    return buffer.getvalue()


def write_csv(path, results: ClassResults, content: ReportContent, lang: str = "en") -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(to_csv(results, content, lang))
