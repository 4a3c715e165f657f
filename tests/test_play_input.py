"""Playing with the keyboard alone, the mouse through a scaled window, the mock app's own controls,
the nickname field, resume, author-mode reload and the language switch — all through posted events."""
from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.content import ContentError, Library, Problem, load_scenario
from aman_game.screens.app_sheets import BlockSheet, ReportSheet
from aman_game.screens.confirm import ConfirmDialog, PauseDialog
from aman_game.screens.feedback import FeedbackScreen
from aman_game.screens.menu import MenuScreen
from aman_game.screens.play import PlayScreen
from aman_game.screens.profile import ProfileScreen
from aman_game.screens.results import ResultsScreen

FIXTURES = Path(__file__).parent / "snapshots"


@pytest.fixture
def game(tmp_path):
    g = Game(settings=settings_mod.Settings(language="en"), save_settings=False, data_dir=tmp_path, fast=True)
    g.open()
    pygame.event.clear()
    yield g
    g.close()
    i18n.set_language("en")


@pytest.fixture
def messenger():
    return load_scenario(FIXTURES / "fixture_messenger.yaml")


def settle(game, turns=400):
    for _ in range(turns):
        top = game.stack.top
        if not pygame.event.peek() and (top is None or top.next_wake() is None) and not game.stack.dirty:
            return
        game.step()


def key(game, k, mod=0):
    game.post_key(k, mod)
    settle(game)


def click(game, widget):
    game.post_click(widget.rect.center)
    settle(game)


def start(game, scenario):
    screen = game.stack.push(PlayScreen(game, scenario))
    settle(game)
    assert screen.state == "choosing"
    return screen


def test_keyboard_alone_plays_to_the_results(game, messenger):
    play = start(game, messenger)
    key(game, pygame.K_2)  # choice 2 is "block": the app's block sheet opens
    assert isinstance(game.stack.top, BlockSheet)
    key(game, pygame.K_TAB)
    assert game.stack.top.focus.focused.name == "option:block" and game.stack.top.focus.focus_visible
    key(game, pygame.K_RETURN)
    assert isinstance(game.stack.top, FeedbackScreen)
    assert play.session.decisions[-1].action == "block" and play.blocked
    key(game, pygame.K_RETURN)  # Continue is the feedback's default: one Enter goes on
    assert game.stack.top is play and play.state == "ended"
    key(game, pygame.K_TAB)
    key(game, pygame.K_RETURN)
    assert isinstance(game.stack.top, ResultsScreen)
    assert "message" in game.audio.played and "safe" in game.audio.played


@pytest.mark.parametrize("lang,forward", [("en", pygame.K_RIGHT), ("ar", pygame.K_LEFT)])
def test_arrow_keys_follow_the_reading_direction(game, messenger, lang, forward):
    game.update_settings(language=lang)
    play = start(game, messenger)
    key(game, pygame.K_TAB)
    assert play.focus.focused.name == "choice:0"
    key(game, forward)
    assert play.focus.focused.name == "choice:1"
    back = pygame.K_LEFT if forward == pygame.K_RIGHT else pygame.K_RIGHT
    key(game, back)
    assert play.focus.focused.name == "choice:0"


def test_rtl_mirrors_the_mock_app(game, messenger):
    positions = {}
    for lang in ("en", "ar"):
        game.update_settings(language=lang)
        game.stack.clear()
        play = start(game, messenger)
        item = next(i for i in play.chat.items if i.side == "them")
        positions[lang] = (play.widget("pause").rect.centerx, play.widget("app:block").rect.centerx,
                           play.widget("choice:0").rect.centerx, item.x)
    assert positions["en"][0] < 640 < positions["ar"][0]  # pause at the reading start
    assert positions["en"][1] > 640 > positions["ar"][1]  # header controls at the end
    assert positions["en"][3] == 0 and positions["ar"][3] > 0  # the other person's bubbles at the start


def test_header_controls_and_cancel(game, messenger):
    play = start(game, messenger)
    assert play.widget("app:block").highlight > 0  # the practised control draws attention
    click(game, play.widget("choice:1"))  # the block choice opens the app's sheet, it does not decide
    assert isinstance(game.stack.top, BlockSheet) and not play.session.decisions
    click(game, game.stack.top.widget("option:cancel"))
    assert game.stack.top is play and play.state == "choosing" and not play.session.decisions
    click(game, play.widget("app:report"))
    assert isinstance(game.stack.top, ReportSheet)
    click(game, game.stack.top.widget("option:pretending"))
    assert play.session.decisions[-1].action == "report"
    assert any(i.kind == "notice" for i in play.chat.items)


def test_clicks_land_through_a_scaled_window(game, messenger):
    pygame.display.set_mode((1600, 1000), pygame.RESIZABLE)
    game._on_resize()
    play = start(game, messenger)
    click(game, play.widget("choice:0"))  # "accept": decided at once
    assert play.session.decisions and play.session.decisions[0].choice == 0


def test_pause_and_quit_need_confirmation(game, messenger):
    play = start(game, messenger)
    key(game, pygame.K_ESCAPE)
    assert isinstance(game.stack.top, PauseDialog)
    key(game, pygame.K_ESCAPE)
    assert game.stack.top is play
    key(game, pygame.K_ESCAPE)
    click(game, game.stack.top.widget("option:leave"))
    assert isinstance(game.stack.top, ConfirmDialog)
    click(game, game.stack.top.widget("option:yes"))
    assert play not in game.stack.scenes() and not game.stack


def test_nickname_field_takes_arabic_and_latin(game):
    profile = game.stack.push(ProfileScreen(game))
    settle(game)
    assert not profile.widget("continue").enabled
    for text in ("سَ", "امي", " 😀", "_7"):
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    settle(game)
    assert profile.nickname == "سَامي _7"  # the emoji is dropped, harakat kept
    key(game, pygame.K_BACKSPACE)
    assert profile.nickname == "سَامي _"
    for _ in range(5):
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="abcd"))
    settle(game)
    assert len([c for c in profile.nickname if c != "\u064e"]) == 16  # 16 characters, marks aside
    click(game, profile.widget("avatar:panda"))
    click(game, profile.widget("continue"))
    assert isinstance(game.stack.top, MenuScreen) and game.player[1] == "panda"
    assert game.progress.players()[-1][0] == profile.nickname


def test_menu_filters_lists_valid_stories_and_resumes(game, messenger):
    lobby = load_scenario(FIXTURES / "fixture_lobby.yaml")
    broken = ContentError([Problem("scenes/broken.yaml", 2, 1, "error", "bad", "E101")])
    game._library = Library((messenger, lobby), (broken,))
    game.player = ("Lina", "cat")
    menu = game.stack.push(MenuScreen(game))
    settle(game)
    # grouped by age band: the 7-9 story first, the 10-13 one on the next page (a page never mixes bands)
    assert menu.widget("scenario:fixture_lobby") and menu.widget("scenario:fixture_messenger") is None
    click(game, menu.widget("page:next"))
    assert menu.widget("scenario:fixture_messenger") and menu.widget("scenario:fixture_lobby") is None
    click(game, menu.widget("filter:7-9"))
    assert menu.widget("scenario:fixture_messenger") is None and menu.widget("scenario:fixture_lobby")
    click(game, menu.widget("filter:10-13"))
    click(game, menu.widget("scenario:fixture_messenger"))
    play = game.stack.top
    settle(game)
    click(game, play.widget("choice:0"))  # a decision: progress keeps the place
    assert game.progress.resume_point("Lina", "fixture_messenger")["node"] == "opened"
    game.stack.clear()
    menu = game.stack.push(MenuScreen(game))  # the 10-13 filter is remembered
    settle(game)
    assert menu.widget("scenario:fixture_messenger").resumable
    click(game, menu.widget("scenario:fixture_messenger"))
    assert game.stack.top.session.node_id == "opened" and len(game.stack.top.session.decisions) == 1


def test_f5_reloads_and_shows_problems_instead_of_crashing(game, tmp_path):
    path = tmp_path / "story.yaml"
    shutil.copy(FIXTURES / "fixture_messenger.yaml", path)
    play = start(game, load_scenario(path))
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("next: safe_end", "next: nowhere", 1), encoding="utf-8")
    key(game, pygame.K_F5)
    assert play.errors and any("story.yaml:" in e for e in play.errors)
    game.draw()  # the problems are drawn on screen
    path.write_text(good.replace("Block them", "Block this person"), encoding="utf-8")
    key(game, pygame.K_F5)
    assert not play.errors and play.state == "choosing"
    assert play.widget("choice:1").label == "Block this person"


def test_language_switch_mid_story_rewrites_the_chat(game, messenger):
    play = start(game, messenger)
    before = [i.text for i in play.chat.items]
    key(game, pygame.K_F2)
    after = [i.text for i in play.chat.items]
    assert i18n.current_language() == "ar" and before != after
    assert play.widget("choice:0").label == messenger.nodes["hello"].choices[0].text["ar"]
