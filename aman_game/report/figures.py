"""The class's figures, computed from ClassResults as plain data.

The HTML report, the CSV and the in-game summary screen all read these, so the teacher sees the same
numbers everywhere. Definitions (the report prints them too):
- a decision is one choice a child made; every attempt counts, replays included;
- safe-choice rate = safe decisions / all decisions (per scenario, or per decision point = scenario + node);
- a child finished a scenario when any of their runs of it reached an end; the cell shows their best run;
- a quiz score is the child's latest answer to each question of that phase: correct / answered;
- the class's quiz before, after and gain are over the children who took both quizzes (paired), with that
  n beside them; see quiz_figures.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from aman_game.results.model import ClassResults, Run, name_key

from .quiz_figures import ChildQuiz, QuizScore, QuizSummary, quiz_summary  # noqa: F401 (re-exported)

_OUTCOME_RANK = {"safe": 3, "recovered": 2, "unsafe": 1}


@dataclass(frozen=True)
class Cell:
    """One child × one scenario."""

    attempts: int
    finished: bool
    outcome: str | None = None  # of the best finished run
    score: int | None = None
    max_score: int | None = None


@dataclass(frozen=True)
class ScenarioRate:
    scenario_id: str
    decisions: int
    safe: int
    children: int  # who started it
    finished_children: int

    @property
    def rate(self) -> float | None:
        return self.safe / self.decisions if self.decisions else None


@dataclass(frozen=True)
class DecisionRate:
    scenario_id: str
    node_id: str
    decisions: int
    safe: int
    unsafe_choices: tuple[tuple[int, int], ...] = ()  # (choice index, times) most chosen first
    first_step: float = 0.0  # mean step number, to list a scenario's decisions in playing order

    @property
    def rate(self) -> float | None:
        return self.safe / self.decisions if self.decisions else None

    @property
    def unsafe(self) -> int:
        return self.decisions - self.safe


@dataclass(frozen=True)
class ClassFigures:
    class_name: str
    nicknames: tuple[str, ...]
    scenario_ids: tuple[str, ...]
    table: dict[tuple[str, str], Cell] = field(default_factory=dict)  # (nickname key, scenario id) -> Cell
    scenarios: tuple[ScenarioRate, ...] = ()
    decisions: tuple[DecisionRate, ...] = ()
    quiz: QuizSummary = QuizSummary((), None, None, None, 0)
    runs_started: int = 0
    runs_finished: int = 0
    total_decisions: int = 0
    total_safe: int = 0

    @property
    def safe_rate(self) -> float | None:
        return self.total_safe / self.total_decisions if self.total_decisions else None

    def cell(self, nickname: str, scenario_id: str) -> Cell | None:
        return self.table.get((name_key(nickname), scenario_id))

    def most_missed(self, limit: int = 5) -> list[DecisionRate]:
        """Decision points with at least one unsafe choice, most unsafe choices first (then lowest rate)."""
        missed = [d for d in self.decisions if d.unsafe > 0]
        missed.sort(key=lambda d: (-d.unsafe, d.rate if d.rate is not None else 1.0, d.scenario_id, d.node_id))
        return missed[:limit]


def compute(results: ClassResults, class_name: str = "") -> ClassFigures:
    """Figures for the results given (pass `results.for_class(name)` for one class)."""
    nicknames = tuple(results.nicknames())
    scenario_ids = tuple(results.scenario_ids())
    runs = results.runs
    return ClassFigures(
        class_name=class_name,
        nicknames=nicknames,
        scenario_ids=scenario_ids,
        table=_table(runs),
        scenarios=tuple(_scenario_rate(sid, [r for r in runs if r.scenario_id == sid]) for sid in scenario_ids),
        decisions=_decision_rates(runs, scenario_ids),
        quiz=quiz_summary(results),
        runs_started=len(runs),
        runs_finished=sum(r.finished for r in runs),
        total_decisions=sum(len(r.decisions) for r in runs),
        total_safe=sum(d.safe for r in runs for d in r.decisions),
    )


def _best(runs: list[Run]) -> Run | None:
    finished = [r for r in runs if r.finished]
    if not finished:
        return None
    return max(finished, key=lambda r: (_OUTCOME_RANK.get(r.outcome or "", 0), r.score or 0, r.finished_at or ""))


def _table(runs: tuple[Run, ...]) -> dict[tuple[str, str], Cell]:
    groups: dict[tuple[str, str], list[Run]] = defaultdict(list)
    for run in runs:
        groups[(name_key(run.nickname), run.scenario_id)].append(run)
    table = {}
    for key, group in groups.items():
        best = _best(group)
        table[key] = Cell(len(group), best is not None, best.outcome if best else None,
                          best.score if best else None, best.max_score if best else None)
    return table


def _scenario_rate(scenario_id: str, runs: list[Run]) -> ScenarioRate:
    decisions = [d for r in runs for d in r.decisions]
    return ScenarioRate(
        scenario_id=scenario_id,
        decisions=len(decisions),
        safe=sum(d.safe for d in decisions),
        children=len({name_key(r.nickname) for r in runs}),
        finished_children=len({name_key(r.nickname) for r in runs if r.finished}),
    )


def _decision_rates(runs: tuple[Run, ...], scenario_order: tuple[str, ...]) -> tuple[DecisionRate, ...]:
    counts: dict[tuple[str, str], list] = {}
    for run in runs:
        for d in run.decisions:
            entry = counts.setdefault((run.scenario_id, d.node_id), [0, 0, Counter(), 0])
            entry[0] += 1
            entry[1] += d.safe
            if not d.safe:
                entry[2][d.choice_index] += 1
            entry[3] += d.step
    rates = [
        DecisionRate(sid, node, total, safe, tuple(sorted(unsafe.items(), key=lambda kv: (-kv[1], kv[0]))),
                     steps / total)
        for (sid, node), (total, safe, unsafe, steps) in counts.items()
    ]
    order = {sid: i for i, sid in enumerate(scenario_order)}
    rates.sort(key=lambda d: (order.get(d.scenario_id, len(order)), d.first_step, d.node_id))
    return tuple(rates)
