"""The class quiz answered with the keyboard alone — Enter, arrows in reading order, Tab, number keys — with
the focus ring visible on the control in focus, in English and in Arabic. Every input is a posted KEYDOWN
event through the game's own loop; nothing is clicked and no method of the screen is called directly."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game import theme
from aman_game.app import Game
from aman_game.content import load_quiz
from aman_game.screens.quiz import QuizScreen
from aman_game.screens.title import TitleScreen

QUIZ = Path(__file__).parent / "snapshots" / "fixture_quiz.yaml"
FORWARD = {"en": pygame.K_RIGHT, "ar": pygame.K_LEFT}  # the arrow that moves on in reading order
BACKWARD = {"en": pygame.K_LEFT, "ar": pygame.K_RIGHT}


class Recorder:
    def __init__(self):
        self.answers = []

    def record_quiz_answer(self, nickname, phase, question_id, chosen, correct):
        self.answers.append((question_id, chosen, correct))


@pytest.fixture
def game(tmp_path):
    g = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False, data_dir=tmp_path,
             fast=True)
    g.open()
    pygame.event.clear()
    yield g
    g.close()
    i18n.set_language("en")


def settle(game):
    """Run the loop while events are queued or a screen wants drawing (never into an idle wait)."""
    for _ in range(50):
        if not pygame.event.peek() and not game.stack.dirty:
            return
        game.step()


def press(game, key, mod=0):
    game.post_key(key, mod)
    settle(game)


def ring_pixels(game, widget) -> int:
    """Pixels of the focus colour in the band just outside the widget's start and end sides (where
    focus_ring draws; the top and bottom bands are shared with the rows above and below)."""
    game.draw()
    colour = tuple(theme.current().palette.focus[:3])
    m = theme.current().metrics
    reach = m.focus_gap + m.focus_width
    r = widget.rect
    count = 0
    for y in range(r.top + 20, r.bottom - 20):
        for x in [*range(r.left - reach - 1, r.left), *range(r.right, r.right + reach + 1)]:
            if tuple(game.canvas.get_at((x, y))[:3]) == colour:
                count += 1
    return count


def focused(screen) -> str:
    w = screen.focus.focused
    return w.name if w is not None else ""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_quiz_answered_with_keys_alone_shows_the_focus_ring(game, lang):
    game.update_settings(language=lang)
    quiz = load_quiz(QUIZ)
    recorder = Recorder()
    done = []
    game.stack.push(TitleScreen(game))
    screen = game.stack.push(QuizScreen(game, quiz, "pre", "Sami", recorder=recorder), done.append)
    game.draw()
    assert focused(screen) == "start"  # the first Enter starts at once

    press(game, pygame.K_RETURN)
    assert screen.index == 0
    assert focused(screen) == "option:0", "the first question's first option takes the keyboard focus"
    assert screen.focus.focus_visible and ring_pixels(game, screen.widget("option:0")) > 50

    # arrows follow the reading direction; Up/Down and Tab/Shift+Tab move too
    press(game, FORWARD[lang])
    assert focused(screen) == "option:1"
    assert ring_pixels(game, screen.widget("option:1")) > 50
    assert ring_pixels(game, screen.widget("option:0")) == 0  # one ring on screen, where the focus is
    press(game, BACKWARD[lang])
    assert focused(screen) == "option:0"
    press(game, pygame.K_TAB)
    press(game, pygame.K_TAB)
    assert focused(screen) == "option:2"
    press(game, pygame.K_TAB, pygame.KMOD_SHIFT)
    press(game, pygame.K_UP)
    assert focused(screen) == "option:0"
    press(game, pygame.K_DOWN)
    assert focused(screen) == "option:1"

    press(game, pygame.K_RETURN)  # answer the focused option
    assert recorder.answers == [("stranger_request", 1, True)]
    assert screen.index == 1
    assert focused(screen) == "option:0" and ring_pixels(game, screen.widget("option:0")) > 50

    for n in range(1, len(quiz.questions)):  # the rest with number keys: 1, 2, 1, ...
        press(game, pygame.K_1 if n % 2 else pygame.K_2)
    assert [a[1] for a in recorder.answers[1:]] == [0 if n % 2 else 1 for n in range(1, len(quiz.questions))]
    assert screen.question is None and focused(screen) == "continue"
    assert ring_pixels(game, screen.widget("continue")) > 50

    press(game, pygame.K_ESCAPE)  # no way round the quiz
    assert game.stack.top is screen
    press(game, pygame.K_RETURN)
    assert game.stack.top is not screen
    assert done == [sum(1 for a in recorder.answers if a[2])]


def test_mouse_users_see_no_ring_but_keys_still_work(game):
    """A click answers without showing the ring; the next key press shows it on the next question's first option."""
    quiz = load_quiz(QUIZ)
    game.stack.push(TitleScreen(game))
    screen = game.stack.push(QuizScreen(game, quiz, "pre", "Sami"))
    game.draw()
    game.post_click(screen.widget("start").rect.center)
    settle(game)
    assert screen.index == 0 and not screen.focus.focus_visible
    assert ring_pixels(game, screen.widget("option:0")) == 0
    press(game, pygame.K_RETURN)  # Enter on the focused first option answers it, ring shown
    assert screen.index == 1 and focused(screen) == "option:0" and screen.focus.focus_visible
