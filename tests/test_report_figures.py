"""The class figures (what the report, the CSV and the summary screen show), from a hand-worked dataset."""
from __future__ import annotations

import pytest

from aman_game.report import compute
from aman_game.results import load_results

from results_helpers import CLASS_FIGURES, build_class_dataset


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    build_class_dataset(folder)
    return load_results([folder])


def test_class_5b_figures_match_the_hand_worked_numbers(results):
    fig = compute(results.for_class("5B"), "5B")
    assert list(fig.nicknames) == CLASS_FIGURES["children"]
    assert {s.scenario_id: (s.decisions, s.safe, s.rate) for s in fig.scenarios} == CLASS_FIGURES["scenarios"]
    assert {(d.scenario_id, d.node_id): (d.decisions, d.safe) for d in fig.decisions} == CLASS_FIGURES["decisions"]
    assert (fig.total_decisions, fig.total_safe) == CLASS_FIGURES["total"]
    assert (fig.runs_started, fig.runs_finished) == (8, 7)


def test_decisions_are_listed_in_playing_order_and_most_missed_first(results):
    fig = compute(results.for_class("5B"))
    assert [(d.scenario_id, d.node_id) for d in fig.decisions] == [
        ("test_gift", "offer"), ("test_gift", "ask_secret"), ("test_gift", "ask_secret_late"), ("test_photo", "ask")]
    # offer: 2 unsafe; then one unsafe each at the same rate (50%), by story id.
    assert [(d.node_id, d.unsafe) for d in fig.most_missed()] == [("offer", 2), ("ask_secret_late", 1), ("ask", 1)]
    offer = fig.most_missed()[0]
    assert offer.unsafe_choices == ((1, 2),)  # "Take the gems." chosen twice


def test_who_finished_what_shows_the_best_attempt(results):
    fig = compute(results.for_class("5B"))
    omar = fig.cell("omar", "test_gift")  # nicknames match whatever the case
    assert (omar.attempts, omar.finished, omar.outcome, omar.score, omar.max_score) == (2, True, "safe", 20, 20)
    sara_photo = fig.cell("Sara", "test_photo")
    assert (sara_photo.attempts, sara_photo.finished, sara_photo.outcome) == (1, False, None)
    assert fig.cell("Omar", "test_photo") is None
    nour_photo = fig.cell("Nour", "test_photo")
    assert (nour_photo.outcome, nour_photo.score, nour_photo.max_score) == ("recovered", 0, 10)


def test_quiz_before_after_and_mean_gain(results):
    quiz = compute(results.for_class("5B")).quiz
    got = {c.nickname: ((c.pre.correct, c.pre.answered) if c.pre else None,
                        (c.post.correct, c.post.answered) if c.post else None) for c in quiz.children}
    assert got == CLASS_FIGURES["quiz"]
    assert quiz.mean_pre == pytest.approx(CLASS_FIGURES["mean_pre"])
    assert quiz.mean_post == pytest.approx(CLASS_FIGURES["mean_post"])
    assert quiz.mean_gain == pytest.approx(CLASS_FIGURES["mean_gain"])
    assert quiz.both == 2


def test_another_class_is_kept_apart(results):
    fig = compute(results.for_class("6A"))
    assert list(fig.nicknames) == ["Lina"]
    assert (fig.total_decisions, fig.total_safe) == (2, 1)
    assert fig.quiz.children == () and fig.quiz.mean_gain is None
    assert fig.cell("Lina", "test_gift").outcome == "unsafe"


def test_empty_results_give_empty_figures():
    from aman_game.results import ClassResults

    fig = compute(ClassResults())
    assert fig.safe_rate is None and fig.most_missed() == [] and fig.quiz.mean_pre is None
