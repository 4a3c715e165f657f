"""One row of a results file, checked like content: types, ranges, lengths, strict UTF-8, no controls.

A results file comes from a shared folder any pupil can write, or from a failing disk, so each row is
checked on its own and becomes a model object or None (the reader counts the Nones: "3 rows in
results-LAB-07 could not be read"). Text is decoded strictly from bytes, control characters (NUL, escape
…) are removed, and names longer than the game ever stores are cut with an ellipsis — so neither the
HTML report nor the CSV can be stretched or broken by a tampered row.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from .model import MAX_NAME_LENGTH, OUTCOMES, PHASES, Decision, QuizAnswer, Run

MAX_ID = 100       # run, session, scenario, node, question ids; actions; languages
MAX_TIME = 40      # ISO 8601 timestamps
MAX_SECONDS = 24 * 3600.0
MAX_POINTS = 10_000
MAX_STEP = 10_000


#: Unicode's control characters (category Cc): C0, DEL and C1. One regex pass instead of a test per character:
#: the report reads ~700,000 text cells for a lab's year.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


class _Bad(ValueError):
    pass


def _text(value, limit: int, *, empty: bool = False) -> str:
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise _Bad("not UTF-8") from None
    if not isinstance(value, str):
        raise _Bad("not text")
    cleaned = value[:limit * 4]
    if _CONTROLS.search(cleaned):
        cleaned = _CONTROLS.sub("", cleaned)
    if len(cleaned) > limit:
        cleaned = cleaned[:limit - 1].rstrip() + "…"
    if not cleaned.strip() and not empty:
        raise _Bad("empty")
    return cleaned


def _name(value) -> str:
    return " ".join(_text(value, MAX_NAME_LENGTH).split())


def _int(value, low: int, high: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _Bad("not a whole number in range")
    return value


def _optional_int(value, low: int, high: int) -> Optional[int]:
    return None if value is None else _int(value, low, high)


def _real(value, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Bad("not a number")
    if not low <= value <= high:
        raise _Bad("out of range")
    return float(value)


def decision_from_row(row) -> Optional[tuple[str, Decision]]:
    """(run_id, Decision) from a decisions row, or None."""
    try:
        run_id, step, node, choice, action, safe, points, seconds, at = row
        return _text(run_id, MAX_ID), Decision(
            _int(step, 1, MAX_STEP), _text(node, MAX_ID), _int(choice, 0, 99), _text(action, MAX_ID, empty=True),
            bool(_int(safe, 0, 1)), _int(points, -MAX_POINTS, MAX_POINTS), _real(seconds, 0.0, MAX_SECONDS),
            _text(at, MAX_TIME))
    except (_Bad, ValueError, TypeError):
        return None


def run_from_row(row, decisions: dict, source: str) -> Optional[Run]:
    try:
        (run_id, session_id, class_name, nickname, scenario_id, lang, started, finished, outcome, score,
         max_score) = row
        run_id = _text(run_id, MAX_ID)
        outcome = None if outcome is None else _text(outcome, MAX_ID)
        if outcome is not None and outcome not in OUTCOMES:
            raise _Bad("unknown outcome")
        return Run(run_id=run_id, session_id=_text(session_id, MAX_ID), class_name=_name(class_name),
                   nickname=_name(nickname), scenario_id=_text(scenario_id, MAX_ID),
                   lang=_text(lang, MAX_ID, empty=True), started_at=_text(started, MAX_TIME),
                   finished_at=None if finished is None else _text(finished, MAX_TIME), outcome=outcome,
                   score=_optional_int(score, -MAX_POINTS * 100, MAX_POINTS * 100),
                   max_score=_optional_int(max_score, 0, MAX_POINTS * 100),
                   decisions=tuple(decisions.get(run_id, ())), source=source)
    except (_Bad, ValueError, TypeError):
        return None


def answer_from_row(row, source: str) -> Optional[QuizAnswer]:
    try:
        session_id, class_name, nickname, phase, question_id, chosen, correct, at, topic, delay_days = row
        phase = _text(phase, 10)
        if phase not in PHASES:
            raise _Bad("unknown phase")
        days = None if delay_days is None else _int(delay_days, 0, 36_500)  # a later day's check: days since
        return QuizAnswer(_text(session_id, MAX_ID), _name(class_name), _name(nickname), phase,
                          _text(question_id, MAX_ID), _int(chosen, 0, 99), bool(_int(correct, 0, 1)),
                          _text(at, MAX_TIME), source, _text(topic, MAX_ID, empty=True) if topic is not None else "", days)
    except (_Bad, ValueError, TypeError):
        return None
