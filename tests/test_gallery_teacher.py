"""Teacher mode and the quiz in the screen gallery: each opens in a known state from its own temporary
class dataset — never the machine's data folder — and the bench times them like every other screen."""
from __future__ import annotations

from pathlib import Path

import pytest

pygame = pytest.importorskip("pygame")

from aman_game import settings as settings_mod  # noqa: E402
from aman_game.screens import gallery  # noqa: E402
from aman_game.screens.gallery_teacher import CHILDREN, CLASS  # noqa: E402

SNAP_DIR = Path(__file__).parent / "snapshots"


@pytest.fixture
def game(monkeypatch):
    """A game with no data folder of its own: anything reaching for the user's data folder fails."""
    from aman_game.app import Game
    from aman_game.content import Library, load_scenario
    from aman_game.results import paths

    def forbidden():
        raise AssertionError("the gallery reached for the machine's own data folder")
    monkeypatch.setattr(paths, "default_data_dir", forbidden)
    scenarios = [load_scenario(SNAP_DIR / f"fixture_{n}.yaml") for n in ("messenger", "lobby")]
    g = Game(settings=settings_mod.Settings(language="ar", sound=False), save_settings=False, fast=True)
    g.open()
    g._library = Library(tuple(scenarios), ())
    g.fixture_scenarios = scenarios
    yield g
    g.close()
    settings_mod.apply(settings_mod.Settings())


def test_every_teacher_screen_is_in_the_gallery():
    assert set(gallery.TEACHER_NAMES) == {"teacher_pin", "teacher", "teacher_setup", "teacher_summary", "quiz"}
    assert set(gallery.TEACHER_NAMES) <= set(gallery.NAMES)


def test_teacher_screens_open_in_a_known_state_from_a_temporary_dataset(game):
    scenarios = game.fixture_scenarios
    shown = {}
    for name in gallery.TEACHER_NAMES:
        top = gallery.open_screen(game, name, scenarios)
        assert len(game.draw_frames(1)) == 1, name
        shown[name] = top
    folder = Path(game.results_dir)
    assert folder.is_dir() and folder.name.startswith("aman-gallery-")
    assert list(folder.glob("results-*.sqlite3"))  # the recorded class, in the gallery's own folder
    assert shown["teacher_pin"].setting and shown["teacher_pin"].digits == "24"
    assert shown["teacher"].config.active == CLASS and shown["teacher"].problem is None
    assert shown["teacher_setup"].class_name == CLASS
    assert shown["teacher_setup"].playlist == [s.id for s in scenarios]
    figures = shown["teacher_summary"].figures
    assert sorted(figures.nicknames) == sorted(CHILDREN)
    assert 0 < figures.total_safe < figures.total_decisions  # safe and unsafe steps both on show
    assert figures.quiz.mean_gain is not None and figures.quiz.mean_gain > 0
    quiz = shown["quiz"]
    assert quiz.question is quiz.questions[0]
    gallery.open_screen(game, "teacher", scenarios)
    assert Path(game.results_dir) == folder  # recorded once per game, reused


def test_the_bench_times_the_teacher_screens():
    from aman_game.bench.frames import measure_screens

    result = measure_screens(frames=3, warmup=1, languages=("ar",), names=gallery.TEACHER_NAMES)
    assert set(result["screens"]) == {f"ar/{name}" for name in gallery.TEACHER_NAMES}
    assert all("p99_ms" in v for v in result["screens"].values()), result["screens"]


def _changed(before: pygame.Surface, after: pygame.Surface, rect: pygame.Rect) -> bool:
    """Did anything inside `rect` of the canvas change between two frames?"""
    a, b = before.subsurface(rect), after.subsurface(rect)
    return any(a.get_at((x, y)) != b.get_at((x, y)) for x in range(0, rect.width, 2) for y in range(0, rect.height, 2))


def _frame(game) -> pygame.Surface:
    game.settle(20)
    game.draw()
    return game.canvas.copy()


def _click(game, screen, name):
    widget = screen.widget(name)
    assert widget is not None, name
    game.post_click(widget.rect.center)
    game.settle(20)


def test_the_cached_teacher_screens_still_show_every_change(game):
    """The teacher screens and the quiz cache their static layer (a frame is a few blits): every change
    of what they show must still reach the screen."""
    scenarios = game.fixture_scenarios
    pin = gallery.open_screen(game, "teacher_pin", scenarios)
    before = _frame(game)
    _click(game, pin, "key:7")
    assert pin.digits == "247" and _changed(before, _frame(game), pygame.Rect(410, 178, 460, 80))  # a third dot

    setup = gallery.open_screen(game, "teacher_setup", scenarios)
    before = _frame(game)
    _click(game, setup, "kiosk")
    assert setup.kiosk and _changed(before, _frame(game), setup.widget("kiosk").rect)
    setup.class_name = ""
    before = _frame(game)
    _click(game, setup, "save")  # no name: a message appears
    assert setup.message and _changed(before, _frame(game), setup.frame.place(pygame.Rect(660, 560, 560, 60)))

    teacher = gallery.open_screen(game, "teacher", scenarios)
    before = _frame(game)
    _click(game, teacher, "class:6A")
    assert teacher.selected == "6A" and _changed(before, _frame(game), teacher.widget("start").rect)

    summary = gallery.open_screen(game, "teacher_summary", scenarios)
    before = _frame(game)
    _click(game, summary, "save_report")
    assert summary.note and _changed(before, _frame(game), pygame.Rect(40, 598, 1200, 36))

    quiz = gallery.open_screen(game, "quiz", scenarios)
    before = _frame(game)
    _click(game, quiz, "option:0")
    assert quiz.index == 1 and _changed(before, _frame(game), pygame.Rect(190, 100, 900, 180))
