"""Real window under Xvfb: a real mouse click on a choice; the window resized, then a click that must still
hit the right button (the canvas is letterboxed and scaled); F2 switches the language at once; F11 goes
full screen and back; Esc asks before leaving and never throws a child out."""
from __future__ import annotations

import pytest

from xvfb_harness import FIXTURES, MISSING, SCREEN, SKIP_REASON, launch, screen_is, xvfb  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.xvfb, pytest.mark.skipif(bool(MISSING), reason=SKIP_REASON)]


def test_mouse_clicks_hit_the_right_choice_before_and_after_a_resize(launch):
    game = launch(["play", str(FIXTURES / "fixture_messenger.yaml"), "--fast", "--lang", "en"])
    game.wait(lambda s: s["state"] == "choosing", "the first choices")
    game.click_widget("choice:0")
    game.wait(screen_is("feedback"), "feedback after a click")
    assert game.state["screen"] == "feedback_hello_0"  # the first choice, not its neighbour
    game.click_widget("continue")
    game.wait(lambda s: s["screen"] == "play_opened" and s["state"] == "choosing", "the second step")

    game.resize(960, 600)  # not 16:9: the 1280×720 canvas is scaled by 0.75 and letterboxed top and bottom
    state = game.wait(lambda s: s["window"] == [960, 600], "the resized window")
    assert state["scale"] == 0.75 and state["offset"] == [0, 30]
    assert game.geometry()[2:] == (960, 600)
    x, y, w, h = state["widgets"]["choice:0"][:4]
    # a click in the letterbox band above the canvas does nothing
    game.x("mousemove", "--window", game.wid, "480", "10", "click", "1")
    assert game.state["screen"] == "play_opened"
    game.click_widget("choice:0")  # "Send the photo": mapped back from window to canvas pixels
    game.wait(screen_is("feedback"), "feedback after the click in the scaled window")
    assert game.state["screen"] == "feedback_opened_0"
    # the click lands at the widget's centre in window pixels, which is not its canvas position
    assert game.to_window((x + w // 2, y + h // 2), state) != (x + w // 2, y + h // 2)


def test_f2_switches_the_language_everywhere_at_once(launch):
    game = launch([], settings={"language": "en", "sound": False})
    en = game.wait(screen_is("title"), "the title screen")
    game.key("F2")
    ar = game.wait(lambda s: s["lang"] == "ar", "Arabic after F2")
    # the layout mirrored: Play moved from the right half to the left half
    centre = {lang: st["widgets"]["play"][0] + st["widgets"]["play"][2] // 2 for lang, st in (("en", en), ("ar", ar))}
    assert centre["en"] > 640 > centre["ar"]
    shot = game.screenshot()
    x, y, w, h = ar["widgets"]["play"][:4]
    fill = tuple(shot.get_at((x + 30, y + h // 2)))[:3]  # the blue Play button is drawn where the state says
    assert fill[2] > 150 and fill[0] < 100, fill
    game.key("ctrl+l")
    game.wait(lambda s: s["lang"] == "en", "English after Ctrl+L")


def test_f11_full_screen_and_back_and_clicks_still_land(launch):
    game = launch([], settings={"language": "en", "sound": False})
    game.wait(screen_is("title"), "the title screen")
    game.key("F11")
    full = game.wait(lambda s: s["fullscreen"], "full screen")
    assert full["window"] == list(SCREEN)  # the whole X screen
    assert full["scale"] == 1.0 and full["offset"] == [0, (SCREEN[1] - 720) // 2]  # letterboxed
    game.refind()
    assert game.geometry()[2:] == SCREEN
    game.click_widget("settings")
    game.wait(screen_is("settings"), "settings opened by a click in full screen")
    game.key("Escape")
    game.wait(screen_is("title"), "back to the title")
    game.key("F11")
    back = game.wait(lambda s: not s["fullscreen"], "a window again")
    assert back["window"] == [1280, 720]
    game.refind()
    assert game.geometry()[2:] == (1280, 720)


def test_escape_asks_before_leaving(launch):
    game = launch([], settings={"language": "ar", "sound": False})
    game.wait(screen_is("title"), "the title screen")
    game.key("Escape")
    ask = game.wait(lambda s: s["stack"] == ["title", "confirm"], "the leave question")
    assert set(ask["widgets"]) == {"option:yes", "option:no"}
    game.key("Escape")  # Esc answers "stay"
    game.wait(lambda s: s["stack"] == ["title"], "still on the title")
    game.key("Escape")
    game.wait(lambda s: s["stack"] == ["title", "confirm"], "asked again")
    game.key("Return")  # Enter is never the leaving answer: it stays
    game.wait(lambda s: s["stack"] == ["title"], "Enter answered Stay")
    assert game.proc.poll() is None
    game.key("Escape")
    game.wait(lambda s: s["stack"] == ["title", "confirm"], "asked a third time")
    game.key("Tab")  # leaving takes a deliberate step to the Leave button
    game.wait(lambda s: s["focus"] == "option:yes" and s["focus_visible"], "focus on Leave")
    game.key("Return")
    assert game.wait_exit() == 0


def test_escape_in_a_story_pauses_and_resumes(launch):
    game = launch(["play", str(FIXTURES / "fixture_lobby.yaml"), "--fast", "--lang", "en"])
    game.wait(lambda s: s["state"] == "choosing", "the choices")
    game.key("Escape")
    game.wait(lambda s: s["stack"] == ["play", "pause"], "the pause dialog")
    game.key("Escape")  # Esc twice never throws a child out of a story
    resumed = game.wait(lambda s: s["stack"] == ["play"], "back in the story")
    assert resumed["state"] == "choosing"


def test_f5_author_mode_shows_problems_then_reloads_the_fixed_file(launch, tmp_path):
    story = tmp_path / "story.yaml"
    good = (FIXTURES / "fixture_messenger.yaml").read_text(encoding="utf-8")
    story.write_text(good, encoding="utf-8")
    game = launch(["play", str(story), "--fast", "--lang", "ar"])
    first = game.wait(lambda s: s["state"] == "choosing", "the choices")
    story.write_text(good.replace("next: opened", "next: openned"), encoding="utf-8")  # a typo in the file
    game.key("F5")
    broken = game.wait(lambda s: s["errors"] == 1, "the problem listed on screen")
    assert set(broken["widgets"]) == {"pause"}  # nothing to press under the problems: no crash, no stale choices
    shot = game.screenshot()
    x, y, w, h = first["widgets"]["choice:0"][:4]
    assert tuple(shot.get_at((x + w // 2, y + h // 2)))[:3] == (255, 255, 255)  # the panel covers the choices
    story.write_text(good.replace("What will you do?", "What do you do now?"), encoding="utf-8")
    game.key("F5")
    fixed = game.wait(lambda s: s["errors"] == 0 and s["state"] == "choosing", "the story again after the fix")
    assert fixed["screen"] == first["screen"] and game.proc.poll() is None
