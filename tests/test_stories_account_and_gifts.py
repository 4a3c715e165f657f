"""What the two 10-13 stories on a fake moderator (fake_moderator_link) and gift cards from an admired player
(gift_card_gamer) promise to teach, checked on the loaded story graph so an edit cannot quietly drop it:
playable without the sensitive-stories switch, at least seven decisions on the safe path, every outcome
reachable, a way back after every unsafe choice, and the steps each story exists for."""
from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from aman_game import SCENES_DIR  # noqa: E402
from aman_game.content import load_library  # noqa: E402

STORIES = ("fake_moderator_link", "gift_card_gamer")


@pytest.fixture(scope="module")
def lib():
    return load_library(SCENES_DIR)


def _reachable(scenario) -> set[str]:
    seen, todo = set(), [scenario.start]
    while todo:
        nid = todo.pop()
        if nid not in seen:
            seen.add(nid)
            todo.extend(c.next for c in scenario.node(nid).choices)
    return seen


def _safe_path(scenario) -> list[str]:
    """The path a child takes who always picks the best safe choice (what `play --autoplay safe` does)."""
    path, nid = [], scenario.start
    while not scenario.node(nid).is_end:
        path.append(nid)
        choices = scenario.node(nid).choices
        best = max((i for i, c in enumerate(choices) if c.safe), key=lambda i: (choices[i].points, -i))
        nid = choices[best].next
    return path + [nid]


@pytest.mark.parametrize("story", STORIES)
def test_normal_sensitivity_ages_10_13_and_seven_decisions_on_the_safe_path(lib, story):
    s = lib.scenario(story)
    assert (s.sensitivity, s.age_band) == ("normal", "10-13")
    path = _safe_path(s)
    assert len(path) - 1 >= 7
    assert s.node(path[-1]).end.outcome == "safe"


@pytest.mark.parametrize("story", STORIES)
def test_every_outcome_is_reachable_and_every_unsafe_choice_has_a_way_back(lib, story):
    s = lib.scenario(story)
    reached = _reachable(s)
    assert {s.node(n).end.outcome for n in reached if s.node(n).is_end} == {"safe", "recovered", "unsafe"}
    for nid in reached:
        for c in s.node(nid).choices:
            if c.safe:
                continue
            after = s.node(c.next)
            # the way back: the next step offers a safe choice, or the story ends without calling it safe
            assert any(x.safe for x in after.choices) or after.end.outcome != "safe", (nid, c.next)


def test_fake_moderator_after_the_code_is_given_dad_changes_the_password_and_turns_on_two_step(lib):
    s = lib.scenario("fake_moderator_link")
    givers = [(nid, c) for nid in _reachable(s) for c in s.node(nid).choices
              if c.action == "send" and "code" in c.text.values["en"].lower()]
    assert givers, "a child can give the code away"
    for _nid, c in givers:
        assert c.next == "code_given"
    # from code_given every safe turn reaches the node where Dad and the child secure the account
    assert {c.next for c in s.node("code_given").choices if c.safe} == {"dad_after_code"}
    secure = [c for c in s.node("dad_after_code").choices if c.safe]
    assert secure and all("two-step" in c.text.values["en"] for c in secure)
    assert any("not your fault" in m.text.values["en"] and "ما حدث ليس ذنبك" in m.text.values["ar"]
               for m in s.node("dad_after_code").messages)


def test_gift_card_gamer_never_sends_a_photo_and_keeps_the_cards_unused(lib):
    s = lib.scenario("gift_card_gamer")
    assert "photo_request" not in s.topics
    # the open camera is a way back: nothing there sends, and the safe turn goes to Mum
    pause = s.node("photo_pause")
    assert all(c.action != "send" for c in pause.choices)
    assert [c.action for c in pause.choices if c.safe] == ["tell_adult"]
    # on the safe path the gift card is kept as evidence, and Mum reads the region's safety site
    path = _safe_path(s)
    assert "mum_listens" in path and "mum_site" in path
    keep = [c for c in s.node("mum_listens").choices if c.safe]
    assert keep and all("evidence" in c.text.values["en"] for c in keep)
    assert any("{help:safety_site}" in m.text.values["en"] and "{help:safety_site}" in m.text.values["ar"]
               for m in s.node("mum_site").messages)
