"""The scenario writers' notes, through the format and the game: per-node `topics:` decide the results
screen's "topics to look at again"; `delete` empties the chat and says so (not the `ignore` line); the
prompt and the choices are read aloud, after the messages, and a choice is read again when focused."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pygame
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from aman_game import i18n, narration  # noqa: E402
from aman_game import settings as settings_mod  # noqa: E402
from aman_game.app import Game  # noqa: E402
from aman_game.content import load_scenario, validate_paths  # noqa: E402
from aman_game.narration import Narrator  # noqa: E402
from aman_game.play_session import PlaySession  # noqa: E402
from aman_game.screens.play import PlayScreen  # noqa: E402

VALID = Path(__file__).parent / "content" / "valid" / "gift_gems.yaml"
WAIT = 10  # an upper bound for the narration thread to react, never a speed assertion


def _scenario(tmp_path, *, node_topics: str | None = "[gift_offer]", action: str = "send") -> Path:
    """The valid fixture (topics gift_offer, friend_request) with the first node's topics and the unsafe
    choice's action replaced."""
    text = VALID.read_text(encoding="utf-8")
    if node_topics is not None:
        text = text.replace("  offer:\n", f"  offer:\n    topics: {node_topics}\n", 1)
    text = text.replace("        action: send\n", f"        action: {action}\n", 1)
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _unsafe_index(scenario) -> int:
    return next(i for i, c in enumerate(scenario.start_node.choices) if not c.safe)


def test_node_topics_are_loaded_and_validated(tmp_path):
    path = _scenario(tmp_path, node_topics="[gift_offer]", action="delete")
    assert validate_paths([path], fit=False) == []
    scenario = load_scenario(path)
    assert scenario.start_node.topics == ("gift_offer",)
    assert scenario.nodes["told_mum"].topics == ()
    assert scenario.start_node.choices[_unsafe_index(scenario)].action == "delete"


def test_only_the_topics_of_the_unsafe_step_are_revisited(tmp_path):
    scenario = load_scenario(_scenario(tmp_path, node_topics="[gift_offer]"))
    session = PlaySession(scenario)
    session.choose(_unsafe_index(scenario))
    summary = session.finish()
    assert summary.outcome == "unsafe"
    assert summary.revisit == ("gift_offer",)  # not friend_request, which the scenario also lists


def test_a_step_without_topics_stands_for_the_whole_scenario(tmp_path):
    scenario = load_scenario(_scenario(tmp_path, node_topics=None))
    session = PlaySession(scenario)
    session.choose(_unsafe_index(scenario))
    assert session.finish().revisit == ("gift_offer", "friend_request")
    safe = PlaySession(scenario)
    safe.choose(next(i for i, c in enumerate(scenario.start_node.choices) if c.safe))
    assert safe.finish().revisit == ()


class StubEngine:
    name, available = "stub", True

    def __init__(self):
        self.calls: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def speak(self, text, lang, cancelled):
        with self.lock:
            self.calls.append((text, lang))
        return True


@pytest.fixture
def game(tmp_path, monkeypatch):
    engine = StubEngine()
    narrator = Narrator(engines=[engine], enabled=False)
    monkeypatch.setattr(narration, "_narrator", narrator)
    g = Game(settings=settings_mod.Settings(language="en", sound=False, narration=True), save_settings=False,
             data_dir=tmp_path, fast=True)
    g.shuffle_choices = False  # these tests read the choices in the file's order
    g.open()
    g.engine = engine
    yield g
    g.close()
    narrator.shutdown()
    i18n.set_language("en")


def _play_to_choices(game, scenario) -> PlayScreen:
    screen = game.stack.push(PlayScreen(game, scenario))
    game.settle()
    assert screen.state == "choosing"
    return screen


def _notices(screen) -> list[str]:
    return [item.text for item in screen.chat.items if item.kind == "notice"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_delete_empties_the_chat_with_its_own_notice(game, tmp_path, lang):
    game.update_settings(language=lang)
    scenario = load_scenario(_scenario(tmp_path, action="delete"))
    screen = _play_to_choices(game, scenario)
    assert any(item.kind == "message" for item in screen.chat.items)
    screen.commit(_unsafe_index(scenario))
    assert [item.kind for item in screen.chat.items] == ["notice"]
    [notice] = screen.chat.items
    assert notice.text == i18n._("You deleted the chat.") and notice.icon == "delete"
    assert notice.text != i18n._("You did not answer.")


def test_ignore_keeps_the_chat_and_says_no_answer(game, tmp_path):
    scenario = load_scenario(_scenario(tmp_path, action="ignore"))
    screen = _play_to_choices(game, scenario)
    before = len(screen.chat.items)
    screen.commit(_unsafe_index(scenario))
    assert len(screen.chat.items) == before + 1
    assert _notices(screen)[-1] == "You did not answer."


def test_prompt_and_choices_are_read_after_the_messages(game, tmp_path):
    scenario = load_scenario(_scenario(tmp_path))
    _play_to_choices(game, scenario)
    assert narration.get_narrator().wait_idle(WAIT)
    spoken = [t for t, _lang in game.engine.calls]
    node = scenario.start_node
    expected = [m.text.get("en") for m in node.messages] + [node.prompt.get("en")] + [
        f"{i + 1}. {c.text.get('en')}" for i, c in enumerate(node.choices)]
    assert spoken == expected  # queued in order: no line cut off the one before it


def test_the_focused_choice_is_read_again(game, tmp_path):
    scenario = load_scenario(_scenario(tmp_path))
    _play_to_choices(game, scenario)
    assert narration.get_narrator().wait_idle(WAIT)
    game.engine.calls.clear()
    game.post_key(pygame.K_TAB)
    game.step()
    assert narration.get_narrator().wait_idle(WAIT)
    first = scenario.start_node.choices[0].text.get("en")
    assert [t for t, _lang in game.engine.calls] == [f"1. {first}"]
