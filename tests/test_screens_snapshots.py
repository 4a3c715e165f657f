"""Every screen rendered headless in both languages and compared with a stored snapshot.

Snapshots are stored at half size (640×360) in tests/snapshots/ and compared by the mean absolute
difference per channel; a real layout change moves it far past the tolerance, a font hinting wobble does
not. After an intended visual change, rewrite them with AMAN_UPDATE_SNAPSHOTS=1 and look at the PNGs.
Fixture scenarios, a fixture region and a fixture quiz keep the pictures independent of the shipped content.
"""
from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.content import ContentError, Library, Problem, load_region, load_scenario
from aman_game.screens import gallery

SNAP_DIR = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("AMAN_UPDATE_SNAPSHOTS") == "1"
SIZE = (640, 360)
TOLERANCE = 2.5  # mean |difference| per channel, 0..255


def mean_abs_diff(a: pygame.Surface, b: pygame.Surface) -> float:
    """Mean absolute per-channel difference of two same-size images, computed with saturating blits."""
    a, b = a.convert(), b.convert()
    d1, d2 = a.copy(), b.copy()
    d1.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(a - b, 0)
    d2.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(b - a, 0)
    d1.blit(d2, (0, 0), special_flags=pygame.BLEND_RGB_ADD)  # |a - b|
    r, g, bl, _a = pygame.transform.average_color(d1, consider_alpha=False)
    return (r + g + bl) / 3


@pytest.fixture(scope="module")
def scenarios():
    return [load_scenario(SNAP_DIR / f"fixture_{n}.yaml") for n in ("messenger", "lobby")]


@pytest.fixture(scope="module")
def game(tmp_path_factory, scenarios):
    from aman_game.content import load_quiz
    from aman_game.screens import gallery_teacher
    from aman_game.screens import help as help_screen
    from aman_game.screens import settings as settings_screen

    data = tmp_path_factory.mktemp("data")
    g = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False, data_dir=data,
             fast=True)
    g.open()
    broken = ContentError([Problem("scenes/broken_story.yaml", 3, 7, "error", "unknown key 'tittle'", "E101")])
    g._library = Library(tuple(scenarios), (broken,))
    g.player = ("Sami", "owl")
    region = load_region(SNAP_DIR / "fixture_region.yaml")
    mp = pytest.MonkeyPatch()
    mp.setattr(help_screen, "load_help_region", lambda code: region)
    mp.setattr(settings_screen, "region_choices", lambda: [("qa", {"en": "Qatar", "ar": "قطر"}), ("zz", region.name)])
    quiz = load_quiz(SNAP_DIR / "fixture_quiz.yaml")
    mp.setattr(gallery_teacher, "load_gallery_quiz", lambda: quiz)  # teacher summary's quiz gain, the quiz screen
    yield g
    mp.undo()
    g.close()
    i18n.set_language("en")


def render(game, name, scenarios) -> pygame.Surface:
    gallery.open_screen(game, name, scenarios)
    game.draw()
    return pygame.transform.smoothscale(game.canvas, SIZE)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", gallery.NAMES)
def test_screen_matches_snapshot(game, scenarios, name, lang):
    game.update_settings(language=lang)
    image = render(game, name, scenarios)
    path = SNAP_DIR / f"{name}_{lang}.png"
    if UPDATE:
        pygame.image.save(image, str(path))
        return
    assert path.is_file(), f"no snapshot {path.name}: run with AMAN_UPDATE_SNAPSHOTS=1 and look at it"
    stored = pygame.image.load(str(path))
    assert stored.get_size() == SIZE
    diff = mean_abs_diff(image, stored)
    if diff > TOLERANCE:
        pygame.image.save(image, str(path.with_name(path.stem + ".actual.png")))
    assert diff <= TOLERANCE, f"{name} ({lang}) differs from its snapshot by {diff:.2f} (saved .actual.png)"


def test_every_screen_differs_between_languages(game, scenarios):
    """Every visible string follows the language: no screen renders the same in Arabic and English."""
    for name in gallery.NAMES:
        game.update_settings(language="en")
        en = render(game, name, scenarios)
        game.update_settings(language="ar")
        ar = render(game, name, scenarios)
        assert mean_abs_diff(en, ar) > 1.0, name


def test_high_contrast_and_large_text_render(game, scenarios):
    game.update_settings(language="ar", high_contrast=True, text_size=3)
    try:
        for name in ("play_messenger", "feedback_unsafe", "results_safe", "settings"):
            image = render(game, name, scenarios)
            # high contrast: a black backdrop dominates
            assert sum(pygame.transform.average_color(image)[:3]) < 3 * 110, name
    finally:
        game.update_settings(high_contrast=False, text_size=1, language="en")
