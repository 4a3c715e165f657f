"""Real window under Xvfb (issue 15): a lesson as a teacher and children meet it, with real keys and clicks.
The teacher saves a new class with the mouse and sees it listed at once; a child plays with the keyboard
alone, where Enter is always the screen's main action and never changes who is playing; another child
typing the first child's nickname is not let in without that child's picture."""
from __future__ import annotations

import pytest

from xvfb_harness import MISSING, SKIP_REASON, launch, screen_is, xvfb  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.xvfb, pytest.mark.skipif(bool(MISSING), reason=SKIP_REASON)]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_new_class_is_listed_after_save_in_a_real_window(launch, lang):
    game = launch([], settings={"language": lang, "sound": False})
    game.wait(screen_is("title"), "the title screen")
    game.click_widget("teacher")
    game.wait(screen_is("teacher_pin"), "the PIN pad")
    for _ in range(2):  # first use: the PIN twice, with the mouse
        for digit in "2468":
            game.click_widget(f"key:{digit}")
        game.click_widget("key:ok")
    game.wait(lambda s: s["screen"] == "teacher" and "new" in s["widgets"], "teacher mode")
    game.click_widget("new")
    game.wait(lambda s: s["screen"] == "teacher_setup", "the class setup")
    game.x("type", "--delay", "30", "5B")
    state = game.wait(lambda s: any(n.startswith("story:") for n in s["widgets"]), "the stories")
    stories = [n for n in state["widgets"] if n.startswith("story:")][:2]
    for name in stories:
        game.click_widget(name)
    game.click_widget("save")
    listed = game.wait(lambda s: s["screen"] == "teacher" and "class:5B" in s["widgets"],
                       "the new class in the list at once")
    assert "start" in listed["widgets"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_child_plays_with_the_keyboard_and_enter_never_changes_the_player(launch, lang):
    game = launch([], settings={"language": lang, "sound": False})
    game.wait(screen_is("title"), "the title screen")
    game.key("Return")  # one press: Play
    game.wait(lambda s: s["screen"] in ("language", "profile"), "Play opened")
    if game.state["screen"] == "language":
        game.key("Return")  # the language on screen
    game.wait(screen_is("profile"), "the nickname screen")
    game.x("type", "--delay", "30", "Omar")
    game.wait(lambda s: s["widgets"]["continue"][4] == 1, "Continue enabled")
    game.key("Return")
    menu = game.wait(screen_is("menu"), "the story list")
    assert menu["focus"] is None
    game.key("Return")  # one press opens a story, never "Change player"
    game.wait(lambda s: s["screen"].startswith("play_"), "a story")
    game.key("Escape")
    game.wait(lambda s: s["stack"][-1] == "pause", "paused")
    game.key("Return")  # Enter keeps playing
    game.wait(lambda s: s["stack"][-1] == "play", "playing again")
    game.key("Escape")
    game.wait(lambda s: s["stack"][-1] == "pause", "paused again")
    game.click_widget("option:leave")  # leaving is a deliberate step, and it is confirmed
    game.wait(lambda s: s["stack"][-1] == "confirm", "asked")
    game.click_widget("option:yes")
    game.wait(screen_is("menu"), "back on the story list")
    game.key("Escape")  # back to the nickname screen: it is empty, for the next child
    profile = game.wait(screen_is("profile"), "the nickname screen again")
    assert profile["widgets"]["continue"][4] == 0
    assert not [n for n in profile["widgets"] if n.startswith("player:")]  # no other child's nickname
    game.x("type", "--delay", "30", "omar")
    game.click_widget("avatar:cat")
    game.key("Return")  # Omar's nickname with another picture: not let in
    game.click_widget("avatar:fox")  # Omar's own picture (he kept the first one)
    game.wait(lambda s: s["screen"] == "profile", "still on the nickname screen")
    game.key("Return")
    game.wait(screen_is("menu"), "Omar continues with his own picture")
    assert len([s for s in game.states if s["screen"] == "menu"]) >= 2
