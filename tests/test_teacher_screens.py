"""Teacher mode screens, headless, in both languages: PIN set and check, the rest after wrong PINs, class
setup, starting a session, the summary's figures, saving the report and erasing a class."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.results import load_results
from aman_game.screens.teacher import TeacherScreen, open_teacher_mode
from aman_game.screens.teacher_pin import MAX_TRIES, PinScreen
from aman_game.screens.teacher_setup import ClassSetupScreen
from aman_game.screens.teacher_summary import SummaryScreen
from aman_game.screens.title import TitleScreen
from aman_game.teacher_config import ClassSession, TeacherConfig

from results_helpers import build_class_dataset


@pytest.fixture(params=["en", "ar"])
def game(request, tmp_path):
    g = Game(settings=settings_mod.Settings(language=request.param), save_settings=False, data_dir=str(tmp_path),
             fast=True)
    g.results_dir = tmp_path
    g.open()
    yield g
    g.close()
    i18n.set_language("en")


def _show(game, screen):
    game.stack.push(screen)
    game.settle(100)
    game.screenshot(Path(game.data_dir) / "shots" / f"{screen.name}.png")  # draws every widget
    return screen


def _press(game, screen, name):
    widget = screen.widget(name)
    assert widget is not None and widget.enabled, name
    game.post_click(widget.rect.center)
    game.settle(50)


def test_first_use_sets_the_pin_twice_then_opens_teacher_mode(game):
    title = _show(game, TitleScreen(game))
    _press(game, title, "teacher")
    pin = game.stack.top
    assert isinstance(pin, PinScreen) and pin.setting
    for digits in ("5793", "5793"):
        for d in digits:
            _press(game, pin, f"key:{d}")
        _press(game, pin, "key:ok")
    assert isinstance(game.stack.top, TeacherScreen)
    saved = TeacherConfig.load(game.results_dir)
    assert saved.check_pin("5793") and not saved.check_pin("5790")


def test_two_different_pins_are_refused(game):
    pin = _show(game, PinScreen(game, TeacherConfig.load(game.results_dir)))
    for digits in ("1234", "4321"):
        for d in digits:
            pin.type_digit(d)
        pin.submit()
    assert game.stack.top is pin and pin.first is None and pin.message
    assert not TeacherConfig.load(game.results_dir).has_pin()


def test_wrong_pins_make_the_pad_rest(game):
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2222", iterations=1000)
    pin = _show(game, PinScreen(game, config))
    for _ in range(MAX_TRIES):
        for d in "1111":
            pin.type_digit(d)
        pin.submit()
    assert pin._resting() > 25
    for d in "2222":
        pin.type_digit(d)
    pin.submit()
    assert game.stack.top is pin and pin.digits == ""  # even the right PIN waits
    config.lock_until = 0.0  # the rest is over (it is kept in teacher.json, not in the game)
    for key in (pygame.K_2, pygame.K_KP2, pygame.K_2, pygame.K_2, pygame.K_KP_ENTER):
        game.post_key(key)
    game.step()
    assert game.stack.top is not pin


def test_class_setup_returns_the_session_the_teacher_chose(game):
    results = []
    game.stack.push(TitleScreen(game))
    setup = ClassSetupScreen(game, None, existing=["6A"])
    game.stack.push(setup, results.append)
    game.settle(50)
    _press(game, setup, "save")  # no name yet: refused, asked for
    assert results == [] and setup.message
    for ch in "6a":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    game.settle(50)
    _press(game, setup, "save")  # "6a" is "6A", which exists
    assert results == [] and "6a" in setup.message
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="X"))
    ids = [s.id for s in setup.scenarios if s.age_band == "7-9"]  # stories a 7-9 class will see
    for sid in (ids[1], ids[0]):
        _press(game, setup, f"story:{sid}")
    for name in ("language:en", "age:7-9", "kiosk", "quiz"):
        _press(game, setup, name)
    _press(game, setup, "save")
    assert results == [ClassSession("6aX", [ids[1], ids[0]], "en", "7-9", False, True, False)]


def test_starting_a_session_from_teacher_mode_runs_it_here(game):
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2468", iterations=1000)
    config.upsert_session(ClassSession("5B", playlist=["photo_request"], language="ar"))
    config.save()
    game.stack.push(TitleScreen(game))
    teacher = _show(game, TeacherScreen(game, config))
    _press(game, teacher, "start")
    assert isinstance(game.stack.top, TitleScreen)
    assert TeacherConfig.load(game.results_dir).active == "5B"
    assert [s.id for s in game.library().scenarios] == ["photo_request"] and i18n.current_language() == "ar"
    teacher = _show(game, TeacherScreen(game, TeacherConfig.load(game.results_dir)))
    _press(game, teacher, "end")
    assert TeacherConfig.load(game.results_dir).active == "5B"  # asked first
    _press(game, game.stack.top, "option:yes")
    assert TeacherConfig.load(game.results_dir).active == "" and game.class_session is None
    assert len(game.library().scenarios) > 1


def test_summary_shows_the_report_figures_saves_the_report_and_erases(game):
    build_class_dataset(game.results_dir)
    summary = _show(game, SummaryScreen(game, "5B", game.results_dir))
    fig = summary.figures
    assert list(fig.nicknames) == ["Hamad", "Nour", "Omar", "Sara"]
    assert (fig.total_decisions, fig.total_safe) == (12, 8) and round(fig.quiz.mean_gain, 2) == 0.6
    assert summary._gain_words(fig).strip("\u2066\u2069") == "+" + i18n.format_number(60)
    _press(game, summary, "save_report")
    path = summary.report_path()
    page = path.read_text(encoding="utf-8")
    assert path.parent == game.results_dir and f'lang="{i18n.current_language()}"' in page
    assert "Nour" in page and "Lina" not in page
    _press(game, summary, "erase")
    confirm = game.stack.top
    _press(game, confirm, "option:yes")
    assert load_results([game.results_dir]).classes() == ["6A"]
    assert game.stack.top is summary and not summary.figures.nicknames


def test_screens_mirror_in_arabic(game):
    config = TeacherConfig.load(game.results_dir)
    screen = _show(game, TeacherScreen(game, config))
    back = screen.widget("back")
    rtl = i18n.current_language() == "ar"
    assert (back.rect.centerx > 640) == rtl


def test_teacher_button_on_the_title_leads_to_the_pin(game):
    title = _show(game, TitleScreen(game))
    open_teacher_mode(game, game.stack)
    assert isinstance(game.stack.top, PinScreen)
    _press(game, game.stack.top, "back")
    assert game.stack.top is title


def test_teacher_mode_says_when_results_cannot_be_saved(game, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    game.results_dir = blocker / "data"
    screen = _show(game, TeacherScreen(game, TeacherConfig.load(game.results_dir)))
    assert screen.problem and "data folder" in screen.problem
    game.results_dir = tmp_path
    assert _show(game, TeacherScreen(game, TeacherConfig.load(tmp_path))).problem is None
