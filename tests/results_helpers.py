"""Shared by the results and report tests: play test scenarios the way the game records them, and a
known class dataset whose figures are worked out by hand in CLASS_FIGURES below."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from aman_game.content import load_scenario
from aman_game.results import ResultsStore

SCENES = Path(__file__).parent / "data" / "report_scenes"


class TickingClock:
    """A clock shared by every store of a dataset: each call is one second later, so order is certain."""

    def __init__(self) -> None:
        self._t = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)

    def __call__(self) -> str:
        self._t += timedelta(seconds=1)
        return self._t.isoformat(timespec="milliseconds")


def play(store: ResultsStore, class_name: str, nickname: str, scenario_id: str, picks: list[int],
         lang: str = "en", finish: bool = True) -> str:
    """Walk a test scenario choosing `picks` in turn, recording each step as the game does."""
    scenario = load_scenario(SCENES / f"{scenario_id}.yaml")
    run = store.start_run(class_name, nickname, scenario_id, lang)
    node, score, best = scenario.start_node, 0, 0
    for pick in picks:
        choice = node.choices[pick]
        store.record_decision(run, node.id, pick, choice.action, choice.safe, choice.points, 4.5)
        score += choice.points
        best += max(c.points for c in node.choices)
        node = scenario.node(choice.next)
    if finish:
        assert node.is_end, f"picks {picks} did not reach an end of {scenario_id}"
        store.finish_run(run, node.end.outcome, score, best)
    return run


def quiz(store: ResultsStore, class_name: str, nickname: str, phase: str, marks: str) -> None:
    """marks like "10000": question q1 right, q2–q5 wrong."""
    for i, mark in enumerate(marks, start=1):
        store.record_quiz_answer(class_name, nickname, phase, f"q{i}", 0 if mark == "1" else 1, mark == "1")


def build_class_dataset(folder: Path) -> list[Path]:
    """Class 5B on two PCs (plus one child typed as "5b") and class 6A; see CLASS_FIGURES."""
    clock = TickingClock()
    pc1 = ResultsStore.open(folder, host="LAB-PC-01", clock=clock)
    pc2 = ResultsStore.open(folder, host="LAB-PC-02", clock=clock)
    try:
        quiz(pc1, "5B", "Nour", "pre", "10000")
        play(pc1, "5B", "Nour", "test_gift", [0, 0])          # safe 20/20
        play(pc1, "5B", "Nour", "test_photo", [1])            # recovered 0/10
        quiz(pc1, "5B", "Nour", "post", "11111")
        quiz(pc1, "5B", "Omar", "pre", "11000")
        play(pc1, "5B", "Omar", "test_gift", [1, 1])          # unsafe 0/20
        play(pc1, "5B", "Omar", "test_gift", [0, 0])          # replay: safe 20/20
        quiz(pc2, "5B", "Omar", "post", "01110")              # changed PC for the post quiz ...
        pc2.record_quiz_answer("5B", "Omar", "post", "q1", 0, True)  # ... and went back to q1: now 4/5
        quiz(pc2, "5B", "Sara", "pre", "11100")
        play(pc2, "5B", "Sara", "test_gift", [1, 0])          # recovered 10/20
        play(pc2, "5B", "Sara", "test_photo", [], finish=False)  # started, not finished
        play(pc2, "5b", "Hamad", "test_gift", [0, 0])         # class typed "5b": same class
        play(pc2, "5B", "Hamad", "test_photo", [0])           # safe 10/10
        play(pc2, "6A", "Lina", "test_gift", [0, 1])          # other class: unsafe 10/20
    finally:
        pc1.close()
        pc2.close()
    return [pc1.path, pc2.path]


# Worked out by hand from build_class_dataset, for class 5B:
#   test_gift:  offer      Nour+ Omar- Omar+ Sara- Hamad+   -> 5 choices, 3 safe, 60%
#               ask_secret Nour+ Omar+ Hamad+               -> 3 choices, 3 safe, 100%
#          ask_secret_late Omar- Sara+  (after the gems)    -> 2 choices, 1 safe, 50%
#               scenario: 10 choices, 7 safe, 70%
#   test_photo: ask        Nour- Hamad+                     -> 2 choices, 1 safe, 50%
#   class: 12 choices, 8 safe, 67%
#   quiz: Nour 1/5 -> 5/5 (+80), Omar 2/5 -> 4/5 (+40), Sara 3/5 -> none; over the 2 children who took both:
#         before 30%, after 90%, gain +60 (Sara's 60% before is not mixed in: after - before = gain)
CLASS_FIGURES = {
    "children": ["Hamad", "Nour", "Omar", "Sara"],
    "scenarios": {"test_gift": (10, 7, 0.7), "test_photo": (2, 1, 0.5)},
    "decisions": {("test_gift", "offer"): (5, 3), ("test_gift", "ask_secret"): (3, 3),
                  ("test_gift", "ask_secret_late"): (2, 1), ("test_photo", "ask"): (2, 1)},
    "total": (12, 8),
    "quiz": {"Nour": ((1, 5), (5, 5)), "Omar": ((2, 5), (4, 5)), "Sara": ((3, 5), None)},
    "mean_pre": 0.3, "mean_post": 0.9, "mean_gain": 0.6,
}
