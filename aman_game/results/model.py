"""Results as plain data: what the report, the CSV and the teacher's summary screen read.

Frozen dataclasses, no SQLite and no pygame, so figures can be computed and tested as data.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

OUTCOMES = ("safe", "recovered", "unsafe")
PHASES = ("pre", "post", "delayed")
MAX_NAME_LENGTH = 40


def clean_name(text: str, what: str = "name") -> str:
    """A class name or nickname as stored: NFC, inner whitespace collapsed, at most 40 characters."""
    cleaned = " ".join(unicodedata.normalize("NFC", str(text or "")).split())
    if not cleaned:
        raise ValueError(f"{what} must not be empty")
    return cleaned[:MAX_NAME_LENGTH]


def name_key(text: str) -> str:
    """How two spellings of one nickname or class are recognised as the same ("5b " == "5B")."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@dataclass(frozen=True)
class Decision:
    step: int
    node_id: str
    choice_index: int
    action: str
    safe: bool
    points: int
    seconds: float
    at: str


@dataclass(frozen=True)
class Run:
    """One child playing one scenario once, finished or not."""

    run_id: str
    session_id: str
    class_name: str
    nickname: str
    scenario_id: str
    lang: str
    started_at: str
    finished_at: str | None
    outcome: str | None
    score: int | None
    max_score: int | None
    decisions: tuple[Decision, ...] = ()
    source: str = ""  # the results file it came from

    @property
    def finished(self) -> bool:
        return self.outcome is not None


@dataclass(frozen=True)
class QuizAnswer:
    session_id: str
    class_name: str
    nickname: str
    phase: str  # "pre" | "post" | "delayed" (a later day's check)
    question_id: str
    chosen: int  # the option's index in the quiz file
    correct: bool
    at: str
    source: str = ""
    topic: str = ""
    delay_days: int | None = None  # delayed answers: days since the child last played


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass(frozen=True)
class ClassResults:
    """Everything read from any number of results files, merged and de-duplicated."""

    runs: tuple[Run, ...] = ()
    quiz_answers: tuple[QuizAnswer, ...] = ()
    sources: tuple[str, ...] = ()
    skipped: tuple[SkippedFile, ...] = field(default=())

    def classes(self) -> list[str]:
        """Class names, one spelling per class (the first seen), sorted."""
        names: dict[str, str] = {}
        for item in (*self.runs, *self.quiz_answers):
            names.setdefault(name_key(item.class_name), item.class_name)
        return sorted(names.values(), key=name_key)

    def for_class(self, class_name: str) -> "ClassResults":
        key = name_key(class_name)
        return ClassResults(
            runs=tuple(r for r in self.runs if name_key(r.class_name) == key),
            quiz_answers=tuple(q for q in self.quiz_answers if name_key(q.class_name) == key),
            sources=self.sources,
            skipped=self.skipped,
        )

    def nicknames(self) -> list[str]:
        """Children of these results, one spelling each, sorted the way a class list is read."""
        names: dict[str, str] = {}
        for item in (*self.runs, *self.quiz_answers):
            names.setdefault(name_key(item.nickname), item.nickname)
        return sorted(names.values(), key=name_key)

    def scenario_ids(self) -> list[str]:
        """Scenarios in the order the class first played them."""
        seen: dict[str, None] = {}
        for run in sorted(self.runs, key=lambda r: r.started_at):
            seen.setdefault(run.scenario_id, None)
        return list(seen)
