"""Scores, stars and the per-topic summary of one play-through. Pure: no pygame, no files.

A child who makes the safe choice at once and ends the story early must not score less than one who
takes a longer road, so the maximum is counted over the decisions actually met: each decision is worth
the best points any of its choices offers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

#: The safe actions a child practised, in the order "what went well" lists them.
ACTION_ORDER = ("block", "report", "tell_adult", "decline", "leave", "tell_friend", "ignore", "delete", "reply",
                "send", "accept")


@dataclass(frozen=True)
class Decision:
    """One choice the child made."""
    node: str
    choice: int  # index among the node's choices
    action: str
    safe: bool
    points: int
    best_points: int  # the most this decision could give
    topics: tuple[str, ...] = ()  # what the step was about: the node's topics, else the scenario's
    seconds: float = 0.0


@dataclass(frozen=True)
class Summary:
    score: int
    max_score: int
    stars: int  # 0..3 for a finished scenario (no points, no star)
    safe_count: int
    decision_count: int
    went_well: tuple[str, ...]  # safe actions practised (distinct, in ACTION_ORDER)
    revisit: tuple[str, ...]  # topics of the steps chosen unsafely (distinct, in the order met)
    outcome: str = ""
    ratio: float = field(default=0.0)


def stars_for(score: int, max_score: int, outcome: str = "") -> int:
    """Three stars for (nearly) every safe step and a safe ending, two for half the points or a way back to
    safety, one for any points at all; no points, no star (a star the child did not earn teaches nothing)."""
    ratio = score / max_score if max_score > 0 else 1.0
    if score <= 0 and max_score > 0:
        return 0
    if ratio >= 0.85 and outcome in ("safe", ""):
        return 3
    if ratio >= 0.5 or outcome == "recovered":
        return 2
    return 1


def summarize(decisions: Sequence[Decision], outcome: str = "", scenario_topics: Sequence[str] = ()) -> Summary:
    score = sum(max(0, d.points) for d in decisions)
    max_score = sum(max(0, d.best_points) for d in decisions)
    safe = [d for d in decisions if d.safe]
    went_well = tuple(a for a in ACTION_ORDER if any(d.action == a for d in safe))
    # Only the topics of the steps where the child chose unsafely: a child who slipped at the photo step
    # is not sent back to friend requests. A step without topics stands for the whole scenario.
    revisit: list[str] = []
    for d in decisions:
        if d.safe:
            continue
        for topic in d.topics or tuple(scenario_topics):
            if topic not in revisit:
                revisit.append(topic)
    if outcome == "unsafe" and not revisit:  # an unsafe ending reached without an unsafe choice
        revisit = list(scenario_topics)
    ratio = score / max_score if max_score > 0 else 1.0
    return Summary(score, max_score, stars_for(score, max_score, outcome), len(safe), len(decisions), went_well,
                   tuple(revisit), outcome, ratio)
