"""Issue 15, items 8–11, through the real event queue in English and Arabic: the teacher screens (confirmations
with the safe answer on Enter, the playing order, kiosk applied at once, the PIN rest counting down, notes
that follow F2), numbers (the help page's phone number in the chosen digits, "3 / 16" left to right),
read-aloud with no voice says why, and the pace after a story (a help strip; the full page at the end)."""
from __future__ import annotations

import pygame
import pytest

from aman_game import i18n, narration
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.screens.help import HelpScreen
from aman_game.screens.menu import MenuScreen
from aman_game.screens.profile import ProfileScreen
from aman_game.screens.results import ResultsScreen
from aman_game.screens.settings import SettingsScreen
from aman_game.screens.teacher import TeacherScreen
from aman_game.screens.teacher_pin import PinScreen
from aman_game.screens.teacher_summary import SummaryScreen
from aman_game.screens.title import TitleScreen
from aman_game.teacher_config import ClassSession, TeacherConfig

from results_helpers import build_class_dataset


@pytest.fixture(params=["en", "ar"])
def game(request, tmp_path):
    g = Game(settings=settings_mod.Settings(language=request.param, sound=False), save_settings=False,
             data_dir=str(tmp_path), fast=True)
    g.results_dir = tmp_path
    g.language_chosen = True
    g.open()
    pygame.event.clear()
    yield g
    g.close()
    i18n.set_language("en")
    i18n.set_digits("latn")


def key(game, k, mod=0):
    game.post_key(k, mod)
    game.settle(60)


def click(game, name):
    widget = game.stack.top.widget(name)
    assert widget is not None and widget.enabled and widget.visible, name
    game.post_click(widget.rect.center)
    game.settle(60)


def teacher(game, *sessions):
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2468", iterations=1000)
    for session in sessions:
        config.upsert_session(session)
    config.save()
    game.stack.push(TitleScreen(game))
    screen = game.stack.push(TeacherScreen(game, config))
    game.settle(60)
    return screen, config


def test_removing_a_class_highlights_keep_and_enter_keeps(game):
    screen, config = teacher(game, ClassSession("5B"))
    click(game, "remove")
    dialog = game.stack.top
    assert dialog.widget("option:no").style == "primary" and dialog.widget("option:yes").style == "danger"
    key(game, pygame.K_RETURN)
    assert game.stack.top is screen and TeacherConfig.load(game.results_dir).session("5B") is not None


def test_ending_a_session_asks_first(game):
    screen, config = teacher(game, ClassSession("5B", quiz=False))
    click(game, "start")
    screen = game.stack.push(TeacherScreen(game, TeacherConfig.load(game.results_dir)))
    game.settle(60)
    click(game, "end")
    assert game.stack.top is not screen and game.class_session is not None  # a question, not done yet
    key(game, pygame.K_ESCAPE)
    assert game.stack.top is screen and game.class_session is not None
    click(game, "end")
    click(game, "option:yes")
    assert game.class_session is None and TeacherConfig.load(game.results_dir).active == ""


def test_the_chosen_class_shows_its_playing_order(game):
    ids = [s.id for s in game.library(whole=True).scenarios][:2]
    screen, _config = teacher(game, ClassSession("5B", playlist=[ids[1], ids[0]]))
    words = screen.order_words(TeacherConfig.load(game.results_dir).session("5B"))
    titles = {s.id: i18n.pick(s.title) for s in game.library(whole=True).scenarios}
    first, second = f"{i18n.format_number(1)}. {titles[ids[1]]}", f"{i18n.format_number(2)}. {titles[ids[0]]}"
    assert first in words and second in words and words.index(first) < words.index(second)


def test_kiosk_turned_on_for_the_running_class_applies_at_once(game):
    screen, config = teacher(game, ClassSession("5B", quiz=False))
    click(game, "start")
    assert not game.kiosk
    screen = game.stack.push(TeacherScreen(game, TeacherConfig.load(game.results_dir)))
    game.settle(60)
    click(game, "edit")
    click(game, "kiosk")
    click(game, "save")
    assert game.stack.top is screen and game.kiosk and game.class_session is not None
    game.stack.pop()
    game.settle(60)
    title = game.stack.top
    assert isinstance(title, TitleScreen)
    assert "F11" not in (i18n._("F2: language · Esc: back"))


def test_the_pin_rest_counts_down(game, monkeypatch):
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2222", iterations=1000)
    pin = game.stack.push(PinScreen(game, config))
    game.settle(20)
    now = [1000.0]
    monkeypatch.setattr("aman_game.teacher_config.time.time", lambda: now[0])  # a clock the test moves
    config.lock_until = now[0] + 30  # the rest is kept in the teacher file (it survives a restart)
    first = pin.rest_words()
    assert i18n.format_number(30) in first
    assert pin.next_wake() == 1.0  # the screen wakes every second to count down
    now[0] += 18.5
    assert i18n.format_number(12) in pin.rest_words() and pin.rest_words() != first
    now[0] += 12
    assert pin.rest_words() == ""


def test_a_teacher_note_follows_f2(game):
    build_class_dataset(game.results_dir)
    summary = game.stack.push(SummaryScreen(game, "5B", game.results_dir))
    game.settle(60)
    click(game, "save_report")
    from aman_game.screens.base import words_of

    before = words_of(summary.note)
    assert before.startswith(i18n._("Report saved: {path}").split("{")[0])
    key(game, pygame.K_F2)
    after = words_of(summary.note)
    assert after != before and after.startswith(i18n._("Report saved: {path}").split("{")[0])


def test_the_help_numbers_follow_the_digits_setting(game):
    if i18n.current_language() != "ar":
        pytest.skip("Eastern digits are an Arabic setting")
    game.update_settings(digits="arab")
    help_screen = game.stack.push(HelpScreen(game))
    game.settle(60)
    lines = [help_screen._contact_line(res) for res in help_screen.resources if res.phone]
    assert lines and all(not any(ch in "0123456789" for ch in line) for line in lines), lines
    assert i18n.localize_digits("مطراش2") == "مطراش2"  # a name keeps its digits
    game.update_settings(digits="latn")


def test_the_nickname_counter_reads_left_to_right(game, monkeypatch):
    seen = []
    real = __import__("aman_game.widgets.label", fromlist=["draw_in"]).draw_in

    def spy(surface, text, *args, **kw):
        seen.append(text)
        return real(surface, text, *args, **kw)

    monkeypatch.setattr("aman_game.screens.profile.label.draw_in", spy)
    game.stack.push(ProfileScreen(game))
    game.settle(60)
    game.draw()
    counter = [t for t in seen if " / " in t]
    assert counter and counter[0].startswith("\u2066") and counter[0].endswith("\u2069")


def test_read_aloud_without_a_voice_says_why(game, monkeypatch):
    monkeypatch.setattr(narration.get_narrator(), "_engines", [])
    screen = game.stack.push(SettingsScreen(game))
    game.settle(60)
    assert screen.voice_note() == ""
    click(game, "narration")
    assert game.settings.narration
    assert screen.voice_note() == i18n._("No voice for reading aloud is installed on this computer, so nothing "
                                         "can be heard. Ask your teacher.")
    click(game, "narration")
    assert screen.voice_note() == ""


def _finish(game, scenario_id):
    """Play a story to its end by pressing the first choice (keys only), then open the results."""
    from aman_game.screens.play import PlayScreen

    play = game.stack.top
    assert isinstance(play, PlayScreen)
    for _ in range(30):
        game.settle(2000)
        top = game.stack.top
        if isinstance(top, ResultsScreen):
            return top
        if top is play and play.state == "ended":
            key(game, pygame.K_RETURN)  # See how you did
            continue
        if top is play and play.state == "choosing":
            safe = next(i for i, c in enumerate(play.session.node.choices) if c.action not in
                        ("block", "report", "tell_adult"))
            key(game, getattr(pygame, f"K_{safe + 1}"))
            continue
        key(game, pygame.K_RETURN)  # feedback: Continue
    raise AssertionError("the story did not end")


def test_after_a_story_a_help_strip_and_back_to_the_stories(game):
    game.player = ("Hamad", "owl")
    menu = game.stack.push(MenuScreen(game))
    game.settle(60)
    key(game, pygame.K_RETURN)  # the first story
    results = _finish(game, None)
    assert results.widget("more_help") is not None
    click(game, "more_help")  # the full page is one press away
    assert isinstance(game.stack.top, HelpScreen)
    key(game, pygame.K_ESCAPE)
    assert game.stack.top is results
    key(game, pygame.K_RETURN)  # Continue: more stories are left, so back to them (no full help page)
    assert game.stack.top is menu


def test_the_full_help_page_comes_after_the_last_story(game):
    config = TeacherConfig.load(game.results_dir)
    config.set_pin("2468", iterations=1000)  # class setups are sealed with the PIN
    one = [s.id for s in game.library(whole=True).scenarios if s.sensitivity != "high"][0]
    config.upsert_session(ClassSession("5B", playlist=[one], quiz=False))
    config.save()
    from aman_game.class_session import start_session

    start_session(game, config, "5B", game.results_dir)
    game.player = ("Hamad", "owl")
    game.stack.push(MenuScreen(game))
    game.settle(60)
    key(game, pygame.K_RETURN)
    _finish(game, one)
    key(game, pygame.K_RETURN)  # the only story of the session is done: the full help page
    assert isinstance(game.stack.top, HelpScreen) and game.stack.top.after_scenario


def test_the_window_is_the_largest_16_9_that_fits_the_desktop():
    from aman_game.window_size import window_size_for

    assert window_size_for((1024, 768)) == (1024, 576)  # a lab screen: the whole width, nothing cut
    assert window_size_for((1280, 800)) == (1280, 720)
    w, h = window_size_for((1920, 1080))
    assert h <= 1080 - 80 and w <= 1920 and abs(w / h - 16 / 9) < 0.01
    assert window_size_for(None) == (1280, 720)
