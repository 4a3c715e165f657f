"""Which quiz items a class meets: only the topics its playlist teaches, never more than its band allows, the
same items before and after, parallel items for the delayed check, and each child's own option order."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest

from aman_game import SCENES_DIR
from aman_game.content import load_library
from aman_game.content.config import QUIZ_MAX_ITEMS
from aman_game.quiz_plan import days_between, load_banks, option_order, plan_for


@pytest.fixture(scope="module")
def library():
    return load_library(SCENES_DIR)


@pytest.fixture(scope="module")
def banks():
    return load_banks()


def _band(library, band):
    return [s for s in library.scenarios if s.age_band == band]


def test_one_bank_per_band_covering_every_topic_its_stories_teach(library, banks):
    assert set(banks) == {"7-9", "10-13"}
    for band, bank in banks.items():
        taught = {t for s in _band(library, band) for t in s.topics}
        forms = Counter((q.topic, q.form) for q in bank.questions)
        for topic in taught:
            assert forms[(topic, "a")] == 1 and forms[(topic, "b")] >= 1, (band, topic)


def test_a_7_9_class_never_meets_a_topic_its_playlist_does_not_teach(library, banks):
    stories = _band(library, "7-9")
    assert len(stories) >= 3
    for size in range(1, len(stories) + 1):
        for playlist in combinations(stories, size):
            plan = plan_for(list(playlist), banks, "7-9")
            taught = {t for s in playlist for t in s.topics}
            assert plan.band == "7-9" and plan.bank is banks["7-9"]
            assert 1 <= len(plan.items) <= QUIZ_MAX_ITEMS["7-9"]
            assert {q.topic for q in plan.items} <= taught
            assert all(q.form == "a" for q in plan.items)
            finished = {t for s in playlist[:1] for t in s.topics}
            delayed = plan.delayed_items(finished)
            assert delayed and {q.topic for q in delayed} <= finished and all(q.form == "b" for q in delayed)
            assert len(delayed) <= 3


def test_blackmail_is_asked_only_when_its_story_is_played(library, banks):
    ten = _band(library, "10-13")
    without = [s for s in ten if "blackmail" not in s.topics]
    assert "blackmail" not in {q.topic for q in plan_for(without, banks, "10-13").items}
    everything = plan_for(ten, banks, "10-13")
    assert len(everything.items) == QUIZ_MAX_ITEMS["10-13"]  # capped: the most taught topics first
    assert "blackmail" in {q.topic for q in plan_for([s for s in ten if "blackmail" in s.topics], banks, "").items}


def test_a_class_of_every_age_gets_the_younger_bank(library, banks):
    assert plan_for(list(library.scenarios), banks, "").band == "7-9"
    assert plan_for(_band(library, "10-13"), banks, "").band == "10-13"


def test_each_child_sees_their_own_order_and_the_right_answer_moves(banks):
    for bank in banks.values():
        for question in bank.questions:
            places = Counter()
            for k in range(60):
                order = option_order(question, "5B", f"child{k}", "pre")
                assert sorted(order) == list(range(len(question.options)))
                assert order == option_order(question, "5b ", f"CHILD{k}", "pre")  # same child, same order
                places[order.index(question.correct)] += 1
            assert len(places) == len(question.options), question.id  # the right answer sits everywhere


def test_days_between_counts_calendar_days():
    assert days_between("2026-03-01T07:00:00+00:00", "2026-03-01T09:00:00+00:00") == 0
    assert days_between("2026-03-01T07:00:00+00:00", "2026-03-08T07:00:00+00:00") == 7
    assert days_between("garbage", "2026-03-08T07:00:00+00:00") == 0
