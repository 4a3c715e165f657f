"""Issue 15, the teacher's side of a lesson, driven through the real event queue (clicks alone, keys alone) in
English and Arabic: a new class is listed as soon as it is saved; a class no child could play is refused
with its reason, and chosen stories the children would not see are named before saving."""
from __future__ import annotations

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.screens.teacher import TeacherScreen
from aman_game.screens.teacher_setup import ClassSetupScreen
from aman_game.screens.title import TitleScreen
from aman_game.teacher_config import TeacherConfig


@pytest.fixture(params=["en", "ar"])
def game(request, tmp_path):
    g = Game(settings=settings_mod.Settings(language=request.param), save_settings=False, data_dir=str(tmp_path),
             fast=True)
    g.results_dir = tmp_path
    g.open()
    yield g
    g.close()
    i18n.set_language("en")


def click(game, name):
    widget = game.stack.top.widget(name)
    assert widget is not None and widget.enabled and widget.visible, name
    game.post_click(widget.rect.center)
    game.settle(50)


def key(game, k, mod=0):
    game.post_key(k, mod)
    game.settle(50)


def type_text(game, text):
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    game.settle(50)


def tab_to(game, name, limit=40):
    for _ in range(limit):
        focused = game.stack.top.focus.focused
        if focused is not None and focused.name == name:
            return
        key(game, pygame.K_TAB)
    raise AssertionError(f"Tab never reached {name}")


def teacher(game):
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2468", iterations=1000)
    config.save()
    game.stack.push(TitleScreen(game))
    game.stack.push(TeacherScreen(game, config))
    game.settle(50)
    return game.stack.top


def safe_stories(game, n=2):
    setup_ids = [s.id for s in game.library().scenarios if s.sensitivity != "high"]
    return setup_ids[:n]


def test_a_new_class_is_listed_as_soon_as_it_is_saved_mouse(game):
    screen = teacher(game)
    click(game, "new")
    assert isinstance(game.stack.top, ClassSetupScreen)
    type_text(game, "5B")
    first, second = safe_stories(game)
    setup = game.stack.top
    click(game, f"story:{first}")
    if setup.widget(f"story:{second}") is None:
        click(game, "page:next")
    click(game, f"story:{second}")
    click(game, "save")
    assert game.stack.top is screen
    assert screen.widget("class:5B") is not None, "the saved class is not listed"
    assert screen.widget("start") is not None  # and it is selected: Start for 5B is offered
    game.screenshot(game.data_dir + "/teacher_after_save.png")


def test_a_new_class_is_listed_as_soon_as_it_is_saved_keyboard(game):
    screen = teacher(game)
    tab_to(game, "new")
    key(game, pygame.K_RETURN)
    assert isinstance(game.stack.top, ClassSetupScreen)
    type_text(game, "6C")
    key(game, pygame.K_RETURN)  # Enter in the name field saves (the whole library: no story chosen)
    assert game.stack.top is screen
    assert screen.widget("class:6C") is not None
    assert screen.focus.focused is not None and screen.focus.focused.name == "class:6C"
    tab_to(game, "remove")
    key(game, pygame.K_RETURN)
    key(game, pygame.K_RETURN)  # the dialog's Enter keeps the class (the highlighted button is Keep)
    assert game.stack.top is screen and screen.widget("class:6C") is not None
    click(game, "remove")
    click(game, "option:yes")
    assert screen.widget("class:6C") is None


def test_a_class_no_child_could_play_is_refused_with_the_reason(game):
    teacher(game)
    click(game, "new")
    setup = game.stack.top
    type_text(game, "5B")
    sensitive = next(s for s in setup.scenarios if s.sensitivity == "high")
    while setup.widget(f"story:{sensitive.id}") is None:
        click(game, "page:next")
    click(game, f"story:{sensitive.id}")
    click(game, "save")
    assert game.stack.top is setup, "saved a class whose only story no child can see"
    assert setup.message == setup.message.strip() and i18n._("Sensitive stories are off.") in setup.message
    click(game, "save")  # still refused: nothing to play
    assert game.stack.top is setup
    click(game, "allow_high")
    click(game, "save")
    assert not isinstance(game.stack.top, ClassSetupScreen)
    assert TeacherConfig.load(game.results_dir).session("5B").allow_high_sensitivity


def test_chosen_stories_the_children_would_not_see_are_named_before_saving(game):
    teacher(game)
    click(game, "new")
    setup = game.stack.top
    type_text(game, "4A")
    safe = next(s for s in setup.scenarios if s.sensitivity != "high" and s.age_band == "7-9")
    sensitive = next(s for s in setup.scenarios if s.sensitivity == "high")
    for story in (safe, sensitive):
        while setup.widget(f"story:{story.id}") is None:
            click(game, "page:next")
        click(game, f"story:{story.id}")
    click(game, "save")
    assert game.stack.top is setup and i18n.pick(sensitive.title) in setup.message
    game.screenshot(game.data_dir + "/setup_warning.png")
    click(game, "save")  # the teacher read it: a second Save keeps the setup
    assert not isinstance(game.stack.top, ClassSetupScreen)
    assert TeacherConfig.load(game.results_dir).session("4A").playlist == [safe.id, sensitive.id]
