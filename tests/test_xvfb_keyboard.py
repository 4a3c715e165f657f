"""Real window under Xvfb, keyboard only: a story played to the end with Tab, arrows, Enter and number keys,
and the amber focus ring seen in screenshots exactly where the keyboard focus is — mirrored in Arabic,
where Left moves forward."""
from __future__ import annotations

import pytest

from xvfb_harness import FIXTURES, MISSING, SKIP_REASON, is_focus_colour, ring_pixels, launch, screen_is, xvfb  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.xvfb, pytest.mark.skipif(bool(MISSING), reason=SKIP_REASON)]


def test_a_story_played_to_the_end_with_the_keyboard_alone(launch):
    game = launch(["play", str(FIXTURES / "fixture_messenger.yaml"), "--fast", "--lang", "en"])
    game.wait(lambda s: s["state"] == "choosing", "the first choices")
    game.key("shift+Tab")  # backwards from nothing: the last control, Pause in the top corner
    state = game.wait(lambda s: s["focus"] == "pause" and s["focus_visible"], "Shift+Tab to Pause")
    shot = game.screenshot()  # its whole ring is inside the window, even the edge next to the top of the screen
    ring = ring_pixels(shot, state["widgets"]["pause"], state)
    round_ring = [ring[i] for i in (1, 3, 4, 5)]  # a round button has a round ring: its top, bottom and sides
    assert all(is_focus_colour(c) for c in round_ring), round_ring
    game.key("Tab")  # and forward again, round to the first choice
    game.wait(lambda s: s["focus"] == "choice:0" and s["focus_visible"], "Tab to the first choice")
    game.key("Down", "Down", "Up")  # arrows walk the choices in reading order
    game.wait(lambda s: s["focus"] == "choice:1", "arrows to the second choice")
    game.key("Up", "Return")  # "Accept and open the link"
    game.wait(screen_is("feedback"), "feedback after the first choice")
    assert game.state["screen"] == "feedback_hello_0"
    game.key("Return")  # Continue is the default: one key press goes on
    second = game.wait(lambda s: s["screen"] == "play_opened" and s["state"] == "choosing", "the second step")
    assert second["focus"] is None  # a new step starts without a stale ring
    game.key("2")  # a number key picks "Stop, and tell Dad": the app's own "tell an adult" sheet opens
    sheet = game.wait(screen_is("adult"), "the tell-an-adult sheet")
    # the choice already names Dad: the sheet offers him (and Cancel), never "My teacher" to be answered by Dad
    assert sorted(sheet["widgets"]) == ["option:cancel", "option:parent"]
    game.key("Tab")
    game.wait(lambda s: s["focus"] == "option:parent", "Tab in the sheet")
    game.key("Return")
    game.wait(screen_is("feedback"), "feedback after telling an adult")
    assert game.state["screen"] == "feedback_opened_1"
    game.key("Return")
    game.wait(lambda s: s["screen"].startswith("play_") and s["state"] == "ended", "the end of the story")
    game.key("Return")
    game.wait(screen_is("results"), "the results")
    game.key("Return")
    game.wait(screen_is("help"), "help resources after the story")
    game.key("Return")  # Back to stories: the story's screens close and the game ends
    assert game.wait_exit() == 0


@pytest.mark.parametrize("lang, forward, backward", [("en", "Right", "Left"), ("ar", "Left", "Right")])
def test_the_focus_ring_is_drawn_where_the_focus_is(launch, lang, forward, backward):
    game = launch([], settings={"language": lang, "sound": False})
    title = game.wait(screen_is("title"), "the title screen")
    assert title["lang"] == lang
    game.key("Tab")
    state = game.wait(lambda s: s["focus"] == "play" and s["focus_visible"], "focus on Play")
    play, help_ = state["widgets"]["play"], state["widgets"]["help"]
    # the buttons mirror: the Play button sits right of the middle in English, left of it in Arabic
    assert (play[0] + play[2] // 2 > 640) == (lang == "en")
    shot = game.screenshot()
    assert all(is_focus_colour(c) for c in ring_pixels(shot, play, state)), ring_pixels(shot, play, state)
    assert not any(is_focus_colour(c) for c in ring_pixels(shot, help_, state))
    game.key(forward)  # forward in reading order: Right in English, Left in Arabic
    state = game.wait(lambda s: s["focus"] == "help", f"{forward} moves forward")
    shot = game.screenshot()
    assert all(is_focus_colour(c) for c in ring_pixels(shot, help_, state))
    assert not any(is_focus_colour(c) for c in ring_pixels(shot, play, state))
    game.key(backward)
    game.wait(lambda s: s["focus"] == "play", f"{backward} moves back")
    game.key("Return")  # Enter presses the focused button: Play leads to the language question
    game.wait(screen_is("language"), "the language screen")


def test_arrows_follow_reading_direction_on_the_choices_in_arabic(launch):
    game = launch(["play", str(FIXTURES / "fixture_lobby.yaml"), "--fast", "--lang", "ar"])
    game.wait(lambda s: s["state"] == "choosing", "the choices")
    game.key("Tab")
    game.wait(lambda s: s["focus"] == "choice:0", "the first choice")
    game.key("Left")
    state = game.wait(lambda s: s["focus"] == "choice:1", "Left: the next choice in Arabic")
    shot = game.screenshot()
    rect = state["widgets"]["choice:1"]
    assert all(is_focus_colour(c) for c in ring_pixels(shot, rect, state))
    game.resize(960, 540)  # the ring is scaled with the canvas and still frames the focused choice
    state = game.wait(lambda s: s["window"] == [960, 540] and s["focus"] == "choice:1", "the smaller window")
    shot = game.screenshot()
    assert all(is_focus_colour(c, tolerance=80) for c in ring_pixels(shot, rect, state)), ring_pixels(shot, rect, state)
    above = ring_pixels(shot, state["widgets"]["choice:0"], state)
    del above[3]  # its bottom edge lies in the 8 px gap next to choice 1's ring
    assert not any(is_focus_colour(c) for c in above)
    game.key("Right")
    game.wait(lambda s: s["focus"] == "choice:0", "Right: backward in Arabic")


def test_from_the_title_to_a_story_with_the_keyboard_alone(launch):
    game = launch([], settings={"language": "en", "sound": False})
    game.wait(screen_is("title"), "the title screen")
    game.key("Tab", "Return")  # Play
    game.wait(screen_is("language"), "the language question")
    game.key("Tab", "Tab", "Tab")  # Back, العربية, English
    game.wait(lambda s: s["focus"] == "lang:en", "the English card")
    game.key("Return")
    game.wait(screen_is("profile"), "the nickname screen")
    game.x("type", "--delay", "20", "Sami")  # real key presses become the game's text input
    game.wait(lambda s: s["widgets"]["continue"][4] == 1, "Continue enabled by the nickname")
    game.key("Return")
    menu = game.wait(screen_is("menu"), "the story menu")
    first_story = next(name for name in menu["widgets"] if name.startswith("scenario:"))
    for _ in range(12):  # Change player, Settings, Help, the age filters, then the stories in reading order
        before = game.state["focus"]
        if before == first_story:
            break
        game.key("Tab")
        game.wait(lambda s, before=before: s["focus"] != before and s["focus_visible"], "the next control")
    assert game.state["focus"] == first_story
    game.key("Return")
    story = game.wait(lambda s: s["screen"].startswith("play_") and s["stack"][-2:] == ["menu", "play"], "the story")
    assert story["lang"] == "en"
