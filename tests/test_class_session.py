"""A teacher's class session in the running game, driven through the real screens and event queue:
language lock, playlist, pre quiz before the first story, post quiz after the last, results recorded,
and the kiosk that only the PIN leaves."""
from __future__ import annotations

import argparse

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.autoplay import AutoplayDriver, Policy
from aman_game.class_session import attach_to_game, library_for
from aman_game.results import load_results
from aman_game.screens.teacher_pin import PinScreen
from aman_game.screens.title import TitleScreen
from aman_game.teacher_config import ClassSession, TeacherConfig

PLAYLIST = ["photo_request"]


def _args(data_dir, **kw):
    return argparse.Namespace(data_dir=str(data_dir), class_name=kw.get("class_name"), nickname=None,
                              autoplay=None, path=None)


@pytest.fixture
def classroom(tmp_path):
    config = TeacherConfig.load(tmp_path)
    config.set_pin("2468", iterations=1000)
    config.upsert_session(ClassSession("5B", playlist=PLAYLIST, language="ar", kiosk=True, quiz=True))
    config.start_session("5B")
    config.save()
    game = Game(settings=settings_mod.Settings(language="en"), save_settings=False, data_dir=str(tmp_path), fast=True)
    attach_to_game(game, _args(tmp_path))
    yield game, tmp_path
    game.quit_guard = None
    game.close()
    i18n.set_language("en")


def _run_until(game, done, max_steps=6000):
    for _ in range(max_steps):
        if done():
            return True
        game.step()
    return done()


def test_the_session_locks_language_and_offers_only_its_playlist(classroom):
    game, _ = classroom
    assert i18n.current_language() == "ar" and game.language_locked and game.language_chosen
    game.update_settings(language="en")  # F2, the title's language button and settings all go through here
    assert i18n.current_language() == "ar"
    assert [s.id for s in game.library().scenarios] == PLAYLIST
    assert game.kiosk and game.quit_guard is not None


def test_library_filter_keeps_order_age_band_and_sensitivity():
    class Lib:
        def __init__(self, scenarios):
            self.scenarios = scenarios

    import dataclasses

    @dataclasses.dataclass(frozen=True)
    class S:
        id: str
        age_band: str
        sensitivity: str = "normal"

    @dataclasses.dataclass(frozen=True)
    class L:
        scenarios: tuple

    lib = L((S("a", "7-9"), S("b", "10-13"), S("c", "10-13", "high"), S("d", "7-9")))
    ids = lambda session: [s.id for s in library_for(session, lib).scenarios]  # noqa: E731
    assert ids(ClassSession("x", playlist=["d", "a", "zzz"])) == ["d", "a"]
    assert ids(ClassSession("x", age_band="10-13")) == ["b"]
    assert ids(ClassSession("x", age_band="10-13", allow_high_sensitivity=True)) == ["b", "c"]


def test_a_child_does_the_pre_quiz_plays_the_playlist_then_the_post_quiz(classroom):
    game, data_dir = classroom
    game.open()
    driver = AutoplayDriver(Policy("safe", nickname="Nour", language="ar"))
    game.controllers.append(driver)
    game.stack.push(TitleScreen(game))
    recorder = game.class_session.recorder
    seen: list[str] = []
    game.stack.listeners.append(lambda top: seen.append(getattr(top, "name", "")) if top is not None else None)
    assert _run_until(game, lambda: "post" in recorder.status("Nour")[1] and game.stack.top.name == "quiz"
                      and game.stack.top.question is None), driver.error
    assert driver.error is None
    # The pre quiz came before the first story, the post quiz after the last.
    assert seen.index("quiz") < seen.index("play") < len(seen) - 1 - seen[::-1].index("quiz")
    recorder.close()
    results = load_results([data_dir]).for_class("5B")
    (run,) = results.runs
    assert (run.nickname, run.scenario_id, run.lang, run.outcome) == ("Nour", "photo_request", "ar", "safe")
    assert run.decisions and all(d.safe for d in run.decisions)
    pre = [a for a in results.quiz_answers if a.phase == "pre"]
    post = [a for a in results.quiz_answers if a.phase == "post"]
    # photo_request teaches photo_request, gift_offer and secret_keeping: one form-a item each, the same
    # items before and after
    assert sorted(a.topic for a in pre) == ["gift_offer", "photo_request", "secret_keeping"]
    assert [a.question_id for a in pre] == [a.question_id for a in post]
    assert all(a.correct for a in results.quiz_answers)  # the safe policy answers right


def test_the_kiosk_is_left_only_with_the_pin(classroom):
    game, _ = classroom
    game.open()
    game.stack.push(TitleScreen(game))
    game.running = True
    game.quit()  # the window's close button, Alt+F4 or the title's Leave all come here
    assert game.running and isinstance(game.stack.top, PinScreen)
    game.quit()  # asked again while the PIN screen shows: still one PIN screen
    assert sum(isinstance(s, PinScreen) for s in game.stack.scenes()) == 1
    pin = game.stack.top
    for digit in "1111":
        pin.type_digit(digit)
    pin.submit()
    assert game.running and game.pin_failures == 1 and pin.message  # wrong PIN: still here, told so
    for key in (pygame.K_2, pygame.K_4, pygame.K_6, pygame.K_8, pygame.K_RETURN):
        game.post_key(key)
    game.step()
    assert not game.running
    game.fullscreen = True
    game.toggle_fullscreen()  # F11 can't leave full screen in the kiosk
    assert game.fullscreen


def test_a_quiz_left_for_the_title_screen_resumes_where_it_was(classroom):
    """Keyboard only, in the class's Arabic: the menu brings the pre quiz; one answer, Esc, 'back to the title
    screen'; the next time the menu shows, the quiz comes back with only the questions not yet answered."""
    from aman_game.screens.menu import MenuScreen

    game, _ = classroom
    game.open()
    game.player = ("Nour", "fox")
    game.stack.push(TitleScreen(game))
    game.stack.push(MenuScreen(game))
    assert _run_until(game, lambda: game.stack.top.name == "quiz", 50)
    quiz = game.stack.top
    asked = [q.id for q in quiz.questions]
    assert quiz.phase == "pre" and len(asked) == 3
    for key in (pygame.K_RETURN, pygame.K_2, pygame.K_ESCAPE, pygame.K_LEFT, pygame.K_LEFT, pygame.K_RETURN):
        game.post_key(key)
        _run_until(game, lambda: not pygame.event.peek(), 20)
    assert isinstance(game.stack.top, TitleScreen)
    assert game.class_session.recorder.history("Nour")["answered"]["pre"] == {asked[0]}
    game.stack.push(MenuScreen(game))
    assert _run_until(game, lambda: game.stack.top.name == "quiz", 50)
    assert [q.id for q in game.stack.top.questions] == asked[1:]
