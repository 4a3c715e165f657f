"""Shared test setup: every test runs headless (no window, no audio device needed)."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def _restore_defaults() -> None:
    """Back to what tests assume: English, Western digits, harakat shown, normal theme, narration off."""
    from aman_game import settings as settings_mod

    settings_mod.apply(settings_mod.Settings(language="en", sound=False, narration=False))


@pytest.fixture(scope="module")
def game(tmp_path_factory):
    """One headless Game per test module, in English, with its own data folder; the process-wide
    settings (language, theme, digits) are put back afterwards."""
    from aman_game import settings as settings_mod
    from aman_game.app import Game

    g = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False,
             data_dir=tmp_path_factory.mktemp("data"), fast=True)
    g.shuffle_choices = False  # tests written against positions see the author's order; shuffle tests opt in
    g.open()
    yield g
    g.close()
    _restore_defaults()


@pytest.fixture
def clean_i18n():
    """Put the i18n state (language, digits, harakat, catalog folders) back after a test."""
    from aman_game import i18n

    saved = (i18n.current_language(), i18n.current_digits(), i18n.harakat_shown(), list(i18n.catalog_dirs))
    yield
    i18n.set_language(saved[0])
    i18n.set_digits(saved[1])
    i18n.set_harakat(saved[2])
    i18n.catalog_dirs[:] = saved[3]
    i18n.reload_catalogs()
