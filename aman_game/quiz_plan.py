"""Which quiz items a class is asked, and in which order a child sees each item's options.

The banks (scenes/quiz/<band>.yaml) hold two items per topic: form a, asked before and after playing, and
its parallel form b, asked in the delayed check when a child comes back on a later day. A class is asked
only about the topics its playlist teaches — the stories it offers after the age band and sensitivity
filters — so a 7-9 class never meets a blackmail item its stories did not prepare it for:
- the bank is the one of the youngest band among the stories offered (a mixed class gets the gentler one);
- its topics are those of the offered stories, the most taught first, at most QUIZ_MAX_ITEMS[band];
- pre and post ask the same items, so the class's before/after figures compare like with like;
- each child sees the options in their own order (seeded by class, nickname, item and phase), so the right
  answer has no fixed place and a neighbour's screen does not give it away; answers are recorded by the
  option's index in the file, never by where it was on screen.
Everything here is plain data: no pygame, no files written.
"""
from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .content.config import AGE_BANDS, QUIZ_DELAYED_ITEMS, QUIZ_MAX_ITEMS
from .results.model import name_key

log = logging.getLogger(__name__)


def load_banks(folder: Optional[Path] = None) -> dict:
    """age band -> Quiz, from scenes/quiz/; a broken bank is left out (logged), never raised."""
    from . import SCENES_DIR
    from .content import ContentError, load_quiz

    folder = Path(folder) if folder is not None else SCENES_DIR / "quiz"
    banks = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        try:
            quiz = load_quiz(path)
        except (ContentError, OSError) as exc:
            log.warning("quiz bank left out: %s", exc)
            continue
        banks.setdefault(quiz.age_band, quiz)
    return banks


def band_for(scenarios: Sequence, session_band: str = "") -> str:
    """The bank a class uses: its own age band, else the youngest band among the stories offered."""
    if session_band in AGE_BANDS:
        return session_band
    bands = {s.age_band for s in scenarios}
    return next((b for b in AGE_BANDS if b in bands), AGE_BANDS[-1])


def taught_topics(scenarios: Iterable) -> list[str]:
    """Topics of the stories, the most taught first (ties: the order they first appear)."""
    counts: dict[str, int] = {}
    for scenario in scenarios:
        for topic in scenario.topics:
            counts[topic] = counts.get(topic, 0) + 1
    order = list(counts)
    return sorted(order, key=lambda t: (-counts[t], order.index(t)))


@dataclass(frozen=True)
class QuizPlan:
    """What one class is asked: the band, the form-a items (pre and post) and the bank for delayed items."""

    band: str
    items: tuple  # Question, form a, in asking order
    bank: object = None  # the Quiz they come from

    def delayed_items(self, finished_topics: Iterable[str], limit: int = QUIZ_DELAYED_ITEMS, seed: str = "") -> tuple:
        """Form-b items on the topics a child finished, at most `limit`, asked in the plan's order. When
        there are more topics than that, which ones is drawn per child (`seed`), so across the class every
        topic gets its retention figure."""
        finished = set(finished_topics)
        by_topic = {}
        for question in self.bank.questions if self.bank is not None else ():
            if question.form == "b":
                by_topic.setdefault(question.topic, question)
        topics = [q.topic for q in self.items if q.topic in finished and q.topic in by_topic]
        if len(topics) > limit:
            drawn = set(random.Random(seed).sample(topics, limit))
            topics = [t for t in topics if t in drawn]
        return tuple(by_topic[t] for t in topics)


def plan_for(scenarios: Sequence, banks: dict, session_band: str = "") -> Optional[QuizPlan]:
    """The class's plan from the stories it offers; None when there is no bank or no topic to ask about."""
    band = band_for(scenarios, session_band)
    bank = banks.get(band)
    if bank is None or not scenarios:
        return None
    form_a = {}
    for question in bank.questions:
        if question.form == "a":
            form_a.setdefault(question.topic, question)
    topics = [t for t in taught_topics(scenarios) if t in form_a][: QUIZ_MAX_ITEMS.get(band, 8)]
    if not topics:
        return None
    # ask them in the bank's order (the author's order: easy ones first), not by how often they are taught
    order = {q.id: i for i, q in enumerate(bank.questions)}
    items = sorted((form_a[t] for t in topics), key=lambda q: order[q.id])
    return QuizPlan(band, tuple(items), bank)


def option_order(question, class_name: str, nickname: str, phase: str) -> tuple[int, ...]:
    """The file indexes of the options in the order this child sees them (the same every time they look)."""
    seed = "|".join((name_key(class_name), name_key(nickname), question.id, phase))
    order = list(range(len(question.options)))
    random.Random(seed).shuffle(order)
    return tuple(order)


def days_between(earlier_iso: str, later_iso: str) -> int:
    """Whole calendar days, in this PC's time zone, from one stored UTC time to another (0 the same day)."""
    try:
        a = datetime.fromisoformat(earlier_iso).astimezone().date()
        b = datetime.fromisoformat(later_iso).astimezone().date()
    except (TypeError, ValueError):
        return 0
    return max(0, (b - a).days)
