"""Choices are shuffled on screen for every play, so the score measures judgement, not position.

The order is seeded (play --seed reproduces a child's screens), `order: fixed` keeps the author's order,
and every record — the decision, progress, results, the report — keeps the choice's logical index (its
place in the file), never the position pressed. Driven through the real event queue, keyboard and mouse,
in English and Arabic."""
from __future__ import annotations

import contextlib
import io
import json

import pygame
import pytest

from aman_game import SCENES_DIR, i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.cli import main
from aman_game.content import load_library, load_scenario
from aman_game.play_session import PlaySession
from aman_game.screens.play import PlayScreen

SEEDS = range(1, 21)


@pytest.fixture(scope="module")
def library():
    return load_library(SCENES_DIR)


def _press_always(scenario, seed: int, position: str) -> str:
    """The outcome for a child who always presses the first (or last) button shown."""
    session = PlaySession(scenario, seed=seed)
    for _ in range(60):
        if session.at_end:
            return session.node.end.outcome
        n = len(session.node.choices)
        session.choose(session.index_at(0 if position == "first" else n - 1))
    raise AssertionError(f"{scenario.id}: no ending after 60 presses")


def test_the_same_seed_shows_the_same_order_and_seeds_differ(library):
    scenario = library.scenario("gems_secret_7_9")
    a, b = PlaySession(scenario, seed=5), PlaySession(scenario, seed=5)
    assert a.order() == b.order() and sorted(a.order()) == [0, 1, 2]
    orders = {PlaySession(scenario, seed=s).order() for s in SEEDS}
    assert len(orders) == 6  # every order of three choices comes up over 20 seeds
    assert PlaySession(scenario, shuffle=False).order() == (0, 1, 2)


@pytest.mark.parametrize("position", ["first", "last"])
def test_always_the_same_button_wins_no_more_than_half_the_time(library, position):
    wins = {s.id: sum(_press_always(s, seed, position) == "safe" for seed in SEEDS) for s in library.scenarios}
    assert wins and all(n <= len(SEEDS) // 2 for n in wins.values()), wins


def test_a_fixed_order_is_kept(tmp_path):
    text = (SCENES_DIR / "gems_secret_7_9.yaml").read_text(encoding="utf-8")
    text = text.replace("  gem_offer:\n", "  gem_offer:\n    order: fixed\n    order_reason: \"a test\"\n", 1)
    (tmp_path / "fixed.yaml").write_text(text, encoding="utf-8")
    scenario = load_scenario(tmp_path / "fixed.yaml")
    assert all(PlaySession(scenario, seed=s).order("gem_offer") == (0, 1, 2) for s in SEEDS)
    assert any(PlaySession(scenario, seed=s).order("asks_again") != (0, 1, 2) for s in SEEDS)


def test_decisions_keep_the_logical_index(library):
    scenario = library.scenario("gems_secret_7_9")
    session = PlaySession(scenario, seed=3)
    position = session.order().index(2)  # where "Go and tell Dad" is shown in this play
    decision = session.choose(session.index_at(position))
    assert decision.choice == 2 and decision.action == "tell_adult"
    summary = session.summary_json("en")
    assert summary["choices"] == [2] and summary["positions"] == [position] and summary["seed"] == 3


def _cli(*args) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["play", *args, "--headless", "--fast"]) == 0
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_play_path_lists_on_screen_positions_and_seed_reproduces_them(library):
    scenario = library.scenario("threat_blackmail")
    first = _cli("threat_blackmail", "--path", "0,0,0,0,0,0,0,0,0,0", "--seed", "4")
    again = _cli("threat_blackmail", "--path", "0,0,0,0,0,0,0,0,0,0", "--seed", "4")
    assert first == again and set(first["positions"]) == {0}
    predicted = PlaySession(scenario, seed=4)
    for index in first["choices"]:
        assert predicted.index_at(0) == index
        predicted.choose(index)
    assert first["outcome"] == predicted.node.end.outcome


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_autoplay_safe_still_reaches_the_safe_ending(library, lang):
    for scenario_id in ("threat_blackmail", "friend_request_stranger"):
        summary = _cli(scenario_id, "--autoplay", "safe", "--seed", "11", "--lang", lang)
        assert summary["outcome"] == "safe", summary


def _shuffling_seed(scenario) -> int:
    """A seed that shows the first decision in an order other than the file's (most do)."""
    return next(s for s in range(1, 100) if PlaySession(scenario, seed=s).order() != (0, 1, 2))


@pytest.fixture
def game(tmp_path, library):
    g = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False, data_dir=tmp_path,
             fast=True)
    g.choice_seed = _shuffling_seed(library.scenario("voice_chat_game"))
    g.open()
    pygame.event.clear()
    yield g
    g.close()
    i18n.set_language("en")


def _run_until(game, ready, turns: int = 400) -> None:
    for _ in range(turns):
        game.step()
        if ready():
            return
    raise AssertionError("the screen never got there")


def _at_choices(game, scenario, lang: str) -> PlayScreen:
    i18n.set_language(lang)
    game.stack.clear()
    play = game.stack.push(PlayScreen(game, scenario))
    _run_until(game, lambda: play.state == "choosing")
    return play


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_number_keys_press_what_is_shown(game, library, lang):
    scenario = library.scenario("voice_chat_game")
    play = _at_choices(game, scenario, lang)
    order = play.session.order()
    assert order != tuple(range(len(order)))  # the seed shuffles this decision
    for position, index in enumerate(order):  # each button shows the choice the session says is there
        assert play.widget(f"choice:{position}").label == i18n.pick(scenario.start_node.choices[index].text)
    target = next(p for p, i in enumerate(order) if scenario.start_node.choices[i].action not in
                  ("block", "report", "tell_adult"))  # a choice decided at once (no app sheet)
    game.post_key(pygame.K_1 + target)
    _run_until(game, lambda: play.session.decisions)
    assert play.session.decisions[0].choice == order[target]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_click_presses_what_is_shown(game, library, lang):
    scenario = library.scenario("voice_chat_game")
    play = _at_choices(game, scenario, lang)
    order = play.session.order()
    target = next(p for p, i in enumerate(order) if scenario.start_node.choices[i].action not in
                  ("block", "report", "tell_adult"))
    game.post_click(play.widget(f"choice:{target}").rect.center)
    _run_until(game, lambda: play.session.decisions)
    assert play.session.decisions[0].choice == order[target]
    assert play.session.decisions[0].action == scenario.start_node.choices[order[target]].action


def test_results_keep_the_choice_not_the_button(tmp_path, library):
    """A class run recorded while the choices were shuffled stores the logical index, as runs recorded
    before shuffling did: the report names the choice the child pressed, whatever its position."""
    from aman_game.report.content_source import load_content
    from aman_game.results import load_results

    summary = _cli("threat_blackmail", "--path", "0,0,0,0,0,0,0,0,0,0", "--seed", "4", "--class", "5B",
                   "--nickname", "Nour", "--data-dir", str(tmp_path))
    (run,) = load_results([tmp_path]).runs
    assert [d.choice_index for d in run.decisions] == summary["choices"]
    content = load_content()
    scenario = library.scenario("threat_blackmail")
    node = scenario.start
    for decision, position in zip(run.decisions, summary["positions"]):
        shown = PlaySession(scenario, seed=4).order(node)[position]  # what the button at that position was
        assert decision.choice_index == shown
        choice = content.choice("threat_blackmail", node, decision.choice_index)
        assert choice.action == decision.action
        node = choice.next
