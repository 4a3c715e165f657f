"""Real window under Xvfb on a 1024×768 lab screen (issue 15, item 5): the window opens at the largest 16:9
size that fits (1024×576), nothing is cut (the Teacher button is whole and clickable), and F11 back from
full screen puts the window on the screen, not off it."""
from __future__ import annotations

import pytest

from xvfb_harness import MISSING, SKIP_REASON, GameWindow, Xvfb, screen_is

pytestmark = [pytest.mark.xvfb, pytest.mark.skipif(bool(MISSING), reason=SKIP_REASON)]


@pytest.fixture
def small_screen():
    server = Xvfb(size=(1024, 768))
    yield server
    server.stop()


def test_the_window_fits_a_1024x768_screen_and_the_teacher_button_is_whole(small_screen, tmp_path):
    game = GameWindow(small_screen, tmp_path / "home", [], {"language": "en", "sound": False})
    try:
        state = game.wait(screen_is("title"), "the title screen")
        assert state["window"] == [1024, 576]
        x, y, w, h = game.geometry()
        assert (w, h) == (1024, 576) and x >= 0 and y >= 0 and x + w <= 1024 and y + h <= 768
        tx, ty, tw, th = state["widgets"]["teacher"][:4]
        left, top = game.to_window((tx, ty), state)
        right, bottom = game.to_window((tx + tw, ty + th), state)
        assert 0 <= left and right <= 1024 and 0 <= top and bottom <= 576  # the Teacher button is whole
        game.click_widget("teacher")
        game.wait(screen_is("teacher_pin"), "the PIN pad after a click on Teacher")
        game.key("Escape")
        game.wait(screen_is("title"), "back on the title")
        game.key("F11")
        game.wait(lambda s: s["fullscreen"], "full screen")
        game.key("F11")
        back = game.wait(lambda s: not s["fullscreen"], "a window again")
        assert back["window"] == [1024, 576]
        game.refind()
        x, y, w, h = game.geometry()
        assert x >= 0 and y >= 0 and x + w <= 1024 and y + h <= 768, (x, y, w, h)  # on the screen
    finally:
        game.stop()
