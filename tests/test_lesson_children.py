"""Issue 15, the children's side of a lesson, through the real event queue (keys alone, clicks alone) in English
and Arabic: Enter is each screen's primary action and never changes who is playing; no other child's
nickname is shown and continuing as a returning child needs their picture; sensitive stories stay hidden
outside a class unless the teacher turned them on for this computer."""
from __future__ import annotations

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.screens.menu import MenuScreen
from aman_game.screens.play import PlayScreen
from aman_game.screens.profile import ProfileScreen
from aman_game.screens.teacher import TeacherScreen
from aman_game.screens.teacher_pin import PinScreen
from aman_game.screens.title import TitleScreen
from aman_game.teacher_config import ClassSession, TeacherConfig


@pytest.fixture(params=["en", "ar"])
def game(request, tmp_path):
    g = Game(settings=settings_mod.Settings(language=request.param, sound=False), save_settings=False,
             data_dir=str(tmp_path), fast=True)
    g.results_dir = tmp_path
    g.language_chosen = True
    g.open()
    yield g
    g.close()
    i18n.set_language("en")


def key(game, k, mod=0):
    game.post_key(k, mod)
    game.settle(60)


def click(game, name):
    widget = game.stack.top.widget(name)
    assert widget is not None and widget.enabled and widget.visible, name
    game.post_click(widget.rect.center)
    game.settle(60)


def type_text(game, text):
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    game.settle(60)


def sign_in(game, nickname, avatar=None, *, keyboard=True):
    """Title -> Play -> nickname (and a picture) -> the story list, by keys or by clicks."""
    if keyboard:
        key(game, pygame.K_RETURN)  # Enter on the title is Play: one press
    else:
        click(game, "play")
    assert isinstance(game.stack.top, ProfileScreen)
    type_text(game, nickname)
    if avatar:
        click(game, f"avatar:{avatar}")
    if keyboard:
        key(game, pygame.K_RETURN)
    else:
        click(game, "continue")


def test_enter_plays_opens_a_story_and_never_changes_the_player(game):
    game.stack.push(TitleScreen(game))
    game.settle(60)
    sign_in(game, "Omar")
    menu = game.stack.top
    assert isinstance(menu, MenuScreen) and game.player[0] == "Omar"
    assert menu.focus.focused is None
    key(game, pygame.K_RETURN)  # one press: the first story opens, not "Change player"
    assert isinstance(game.stack.top, PlayScreen), type(game.stack.top).__name__
    assert game.player[0] == "Omar"
    key(game, pygame.K_ESCAPE)  # Esc pauses
    assert game.stack.top.name == "pause"
    key(game, pygame.K_RETURN)  # Enter keeps playing
    assert isinstance(game.stack.top, PlayScreen)
    key(game, pygame.K_ESCAPE)
    key(game, pygame.K_ESCAPE)  # Esc in the pause menu keeps playing too
    assert isinstance(game.stack.top, PlayScreen)


def test_change_player_opens_an_empty_screen_with_no_other_nickname(game):
    game.stack.push(TitleScreen(game))
    game.settle(60)
    sign_in(game, "Omar", "owl", keyboard=False)
    click(game, "back")  # "Change player"
    profile = game.stack.top
    assert isinstance(profile, ProfileScreen)
    assert profile.nickname == "" and game.player is None
    assert not profile.widget("continue").enabled
    assert not [w for w in profile.focus.widgets if w.name.startswith("player:")]
    key(game, pygame.K_RETURN)  # nothing typed: Enter only puts the caret in the field
    assert game.stack.top is profile and game.player is None


def test_a_returning_child_continues_only_with_their_picture(game):
    game.stack.push(TitleScreen(game))
    game.settle(60)
    sign_in(game, "Omar", "owl", keyboard=False)
    click(game, "back")
    profile = game.stack.top
    type_text(game, "omar")  # another child types Omar's nickname: not let in, the picture is not named
    key(game, pygame.K_RETURN)
    assert game.stack.top is profile and profile.message
    click(game, "avatar:cat")
    click(game, "continue")
    assert game.stack.top is profile
    click(game, "avatar:owl")  # Omar's own picture: he continues
    click(game, "continue")
    assert isinstance(game.stack.top, MenuScreen) and game.player == ("omar", "owl")


def test_after_the_teacher_starts_a_session_enter_on_the_title_plays(game):
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2468", iterations=1000)
    config.upsert_session(ClassSession("5B", quiz=False))
    config.save()
    game.stack.push(TitleScreen(game))
    game.settle(60)
    for _ in range(12):  # Tab to the Teacher button, as a teacher at the keyboard would
        key(game, pygame.K_TAB)
        if game.stack.top.focus.focused.name == "teacher":
            break
    key(game, pygame.K_RETURN)
    assert isinstance(game.stack.top, PinScreen)
    for d in "2468":
        key(game, getattr(pygame, f"K_{d}"))
    key(game, pygame.K_RETURN)
    assert isinstance(game.stack.top, TeacherScreen)
    click(game, "start")
    assert isinstance(game.stack.top, TitleScreen)
    key(game, pygame.K_RETURN)
    assert isinstance(game.stack.top, ProfileScreen), type(game.stack.top).__name__


def test_sensitive_stories_are_hidden_outside_a_class_unless_the_teacher_allows_them(game):
    high = {s.id for s in game.library(whole=True).scenarios if s.sensitivity == "high"}
    assert high
    assert not high & {s.id for s in game.library().scenarios}
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2468", iterations=1000)
    config.save()
    game.stack.push(TitleScreen(game))
    game.stack.push(TeacherScreen(game, config))
    game.settle(60)
    click(game, "sensitive_free_play")
    assert game.settings.sensitive_free_play
    assert high <= {s.id for s in game.library().scenarios}
    click(game, "sensitive_free_play")
    assert not high & {s.id for s in game.library().scenarios}
    # a class session that allows them offers them; its own switch decides, not this computer's
    config.upsert_session(ClassSession("6A", allow_high_sensitivity=True, quiz=False))
    config.save()
    game.stack.top.relayout()
    click(game, "class:6A")
    click(game, "start")
    assert high <= {s.id for s in game.library().scenarios}


def test_the_menu_groups_stories_by_age_band(game):
    """Issue 12: with nine stories per band, a child of 7 sees the 7–9 stories first, pages never mix bands,
    and the pager says which band a page holds."""
    import dataclasses

    from aman_game.content import Library

    base = game.library(whole=True).scenarios[0]
    mixed = [dataclasses.replace(base, id=f"s{band}_{i}", age_band=band, sensitivity="normal")
             for i in range(9) for band in ("10-13", "7-9")]  # interleaved, 10–13 first
    game._library = Library(tuple(mixed), ())
    game.player = ("Sara", "cat")
    menu = game.stack.push(MenuScreen(game))
    game.settle(60)
    seen = []
    for _ in range(menu.pages):
        cards = [w.scenario for w in menu.focus.widgets if w.name.startswith("scenario:")]
        seen.append({c.age_band for c in cards})
        assert len(seen[-1]) == 1, "a page mixes age bands"
        if len(seen) == 1:
            assert i18n.pick(cards[0].title) and menu.page_words().startswith(
                __import__("aman_game.screens.words", fromlist=["age_band"]).age_band("7-9"))
        click(game, "page:next")
    assert [b.pop() for b in seen] == ["7-9", "7-9", "10-13", "10-13"]
    game._library = None
