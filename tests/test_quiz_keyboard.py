"""The class quiz answered with the keyboard alone — arrows in reading order, Tab, Enter, number keys, Esc —
and with the mouse alone, in English and in Arabic. No answer is pre-selected: Enter on nothing does
nothing, and the ring appears only after a key. Every input is a posted event through the game's own loop;
no method of the screen is called directly."""
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

    def record_quiz_answer(self, nickname, phase, question_id, chosen, correct, topic="", delay_days=None):
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
    assert focused(screen) == "", "no option is chosen for the child"
    assert ring_pixels(game, screen.widget("option:0")) == 0
    for _ in range(3):
        press(game, pygame.K_RETURN)  # Enter (and Space) on nothing does nothing
        press(game, pygame.K_SPACE)
    assert screen.index == 0 and recorder.answers == [] and focused(screen) == ""

    # the first arrow shows the ring on the first option; arrows follow the reading direction
    press(game, FORWARD[lang])
    assert focused(screen) == "option:0" and screen.focus.focus_visible
    assert ring_pixels(game, screen.widget("option:0")) > 50
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
    assert screen.index == 1 and focused(screen) == ""  # the next question again starts with nothing chosen
    press(game, pygame.K_RETURN)
    assert screen.index == 1

    for n in range(1, len(screen.questions)):  # the rest with number keys: 1, 2, 1, ...
        press(game, pygame.K_1 if n % 2 else pygame.K_2)
    assert [a[1] for a in recorder.answers[1:]] == [0 if n % 2 else 1 for n in range(1, len(screen.questions))]
    assert screen.question is None and focused(screen) == "continue"
    assert ring_pixels(game, screen.widget("continue")) > 50
    press(game, pygame.K_RETURN)
    assert game.stack.top is not screen
    assert done == [sum(1 for a in recorder.answers if a[2])]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_esc_pauses_the_quiz_and_it_resumes_where_it_was(game, lang):
    """Esc shows the pause card: Esc or 'Back to the quiz' return to the same question; 'Back to the title
    screen' closes the quiz, and a new quiz screen for the same child starts at the first unanswered item."""
    game.update_settings(language=lang)
    quiz = load_quiz(QUIZ)
    recorder = Recorder()
    results = []
    game.stack.push(TitleScreen(game))
    screen = game.stack.push(QuizScreen(game, quiz, "pre", "Sami", recorder=recorder), results.append)
    press(game, pygame.K_RETURN)
    press(game, pygame.K_2)  # question 1 answered
    press(game, pygame.K_ESCAPE)
    assert game.stack.top.name == "quiz_pause" and screen.index == 1
    press(game, pygame.K_ESCAPE)  # Esc again: back to the quiz, same question
    assert game.stack.top is screen and screen.index == 1
    press(game, pygame.K_ESCAPE)
    pause = game.stack.top
    press(game, FORWARD[lang])
    press(game, FORWARD[lang])
    assert pause.focus.focused.name == "option:title"
    press(game, pygame.K_RETURN)
    assert isinstance(game.stack.top, TitleScreen) and results == ["title"]
    assert [a[0] for a in recorder.answers] == ["stranger_request"]
    again = QuizScreen(game, quiz, "pre", "Sami", recorder=recorder, answered=[a[0] for a in recorder.answers])
    assert [q.id for q in again.questions] == ["secret_gift"]


def test_shuffled_options_are_recorded_by_their_file_index(game):
    """The screen shows this child's order; the answer stored is the option's index in the file."""
    quiz = load_quiz(QUIZ)
    recorder = Recorder()
    first = quiz.questions[0]
    order = {first.id: (2, 0, 1)}  # the right answer (file index 1) is shown third
    game.stack.push(TitleScreen(game))
    screen = game.stack.push(QuizScreen(game, quiz, "pre", "Sami", recorder=recorder, orders=order))
    press(game, pygame.K_RETURN)
    assert screen.widget("option:2").text.endswith(first.options[1]["en"])
    game.post_click(screen.widget("option:2").rect.center)
    settle(game)
    assert recorder.answers == [(first.id, 1, True)]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_mouse_alone_answers_the_quiz_without_a_ring(game, lang):
    """Start, every answer and Continue by clicks: no ring ever shows, every answer is recorded."""
    game.update_settings(language=lang)
    quiz = load_quiz(QUIZ)
    recorder = Recorder()
    done = []
    game.stack.push(TitleScreen(game))
    screen = game.stack.push(QuizScreen(game, quiz, "pre", "Sami", recorder=recorder), done.append)
    game.draw()
    game.post_click(screen.widget("start").rect.center)
    settle(game)
    for n in range(len(screen.questions)):
        assert screen.index == n and not screen.focus.focus_visible
        assert ring_pixels(game, screen.widget("option:0")) == 0
        game.post_click(screen.widget("option:0").rect.center)
        settle(game)
    assert len(recorder.answers) == len(screen.questions)
    game.post_click(screen.widget("continue").rect.center)
    settle(game)
    assert game.stack.top is not screen and done == [sum(a[2] for a in recorder.answers)]
