"""The menu's page indicator and the settings' digit samples, in the language's own words and digits.

- "Page 1 of 2" is one translatable string whose numbers follow the digits setting; the room between the
  page buttons grows with it, so no language clips it.
- The digit choices show their samples ("123", "١٢٣") exactly as written whatever digits are chosen.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

pygame = pytest.importorskip("pygame")

from aman_game import i18n  # noqa: E402
from aman_game import settings as settings_mod  # noqa: E402
from aman_game.text.engine import TextEngine  # noqa: E402
from aman_game.theme import FONT_SIZES  # noqa: E402
from aman_game.widgets import label  # noqa: E402

SNAP_DIR = Path(__file__).parent / "snapshots"


@pytest.fixture(scope="module")
def game(tmp_path_factory):
    from aman_game.app import Game
    from aman_game.content import Library, load_scenario

    base = [load_scenario(SNAP_DIR / f"fixture_{n}.yaml") for n in ("messenger", "lobby")]
    seven = [dataclasses.replace(base[i % 2], id=f"story_{i}") for i in range(7)]  # two pages of six
    g = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False,
             data_dir=tmp_path_factory.mktemp("data"), fast=True)
    g.open()
    g._library = Library(tuple(seven), ())
    g.player = ("Sami", "owl")
    yield g
    g.close()
    settings_mod.apply(settings_mod.Settings())


@pytest.fixture
def drawn(monkeypatch):
    seen: list[str] = []
    original = TextEngine.layout

    def spy(self, text, lang, *args, **kwargs):
        seen.append(text)
        return original(self, text, lang, *args, **kwargs)
    monkeypatch.setattr(TextEngine, "layout", spy)
    return seen


def _menu(game):
    from aman_game.screens.menu import MenuScreen

    game.stack.clear()
    screen = game.stack.push(MenuScreen(game))
    game.draw()
    return screen


@pytest.mark.parametrize("lang,digits,expected", [
    ("en", "latn", "Page 1 of 2"),
    ("ar", "latn", "الصفحة 1 من 2"),
    ("ar", "arab", "الصفحة ١ من ٢"),
])
def test_the_page_indicator_is_one_translated_string(game, drawn, lang, digits, expected):
    game.update_settings(language=lang, digits=digits)
    try:
        screen = _menu(game)
        from aman_game.screens import words

        assert screen.pages == 2
        # "Page 1 of 2" as one translated string, after the age band the page holds (issue 12: grouped)
        band = words.age_band(screen.page_items()[0].age_band) + " · "
        assert screen.page_words() == band + expected
        assert band + expected in drawn
        assert not [t for t in drawn if " / " in t]  # the old bare "1 / 2" is gone
        prev, nxt = screen.widget("page:prev").rect, screen.widget("page:next").rect
        gap = max(nxt.left, prev.left) - min(nxt.right, prev.right)
        assert label.measure(screen.page_words(), FONT_SIZES["small"])[0] < gap  # room to spare between the buttons
        screen.turn(1)
        game.draw()
        assert screen.page_words().endswith(expected.replace("1", "2", 1).replace("١", "٢", 1))
    finally:
        game.update_settings(language="en", digits="latn")


def test_the_indicator_fits_in_the_longer_pseudo_locale(game):
    game.update_settings(language="xa")
    try:
        screen = _menu(game)
        words = screen.page_words()
        assert words.startswith("[") and words.endswith("]")  # translated, not hard-coded
        assert screen.pager_gap() > 110  # the room grew with the words
    finally:
        game.update_settings(language="en")


def test_more_topics_are_not_glued_to_a_dot_that_reads_as_zero(game):
    from aman_game.screens.menu import topics_layout

    game.update_settings(language="ar", digits="arab")
    try:
        lay = topics_layout(["friend_request", "fake_identity", "gift_offer", "secret_keeping", "private_app",
                             "photo_request", "personal_info", "voice_chat"], 200, 60)
        text = "".join(run.text for line in lay.lines for run in line.runs)
        assert "+" in text and "٠" not in text
        assert "· \u2066" not in "".join(line.text for line in lay.lines)
    finally:
        game.update_settings(language="en", digits="latn")


@pytest.mark.parametrize("lang,digits", [("en", "latn"), ("ar", "latn"), ("ar", "arab")])
def test_digit_choices_show_their_samples_as_written(game, drawn, lang, digits):
    from aman_game.screens.settings import SettingsScreen

    game.update_settings(language=lang, digits=digits)
    try:
        game.stack.clear()
        screen = game.stack.push(SettingsScreen(game))
        game.draw()
        western, eastern = screen.widget("digits:latn").label, screen.widget("digits:arab").label
        assert western.endswith("123") and eastern.endswith("١٢٣")  # never rewritten to the chosen digits
        assert western.startswith(i18n._(settings_mod.CHOICE_LABELS["digits"]["latn"]))
        assert any(t.endswith("123") for t in drawn) and any(t.endswith("١٢٣") for t in drawn)
    finally:
        game.update_settings(language="en", digits="latn")
