"""Every screen of the game drawn in the pseudo-locales: the proof that the screens hold no hard-coded
English and follow the language's direction.

- In `xa` every string the screens lay out in the current language must come out accented (from the
  catalog or from scenario text through i18n.pick). Plain English there was never translated.
- In `xb` every paragraph laid out in the current language must be right-to-left.
Strings deliberately drawn in a fixed language (the bilingual language picker passes lang="ar"/"en")
strings without words (numbers, icons, web addresses), language names (each written in its own
language) and the player's nickname are not the screens' words and are left out.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pygame = pytest.importorskip("pygame")

from aman_game import i18n  # noqa: E402
from aman_game import settings as settings_mod  # noqa: E402
from aman_game.pseudo_locale import _ACCENTS  # noqa: E402
from aman_game.text.engine import TextEngine  # noqa: E402

SNAP_DIR = Path(__file__).parent / "snapshots"
ACCENTED = set("".join(chr(c) for c in _ACCENTS.values()))
NICKNAME = "Sami"


@pytest.fixture(scope="module")
def game(tmp_path_factory):
    from aman_game.app import Game
    from aman_game.content import Library, load_scenario

    scenarios = [load_scenario(SNAP_DIR / f"fixture_{n}.yaml") for n in ("messenger", "lobby")]
    g = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False,
             data_dir=tmp_path_factory.mktemp("data"), fast=True)
    g.open()
    g._library = Library(tuple(scenarios), ())
    g.player = (NICKNAME, "owl")
    g.fixture_scenarios = scenarios
    yield g
    g.close()
    i18n.set_language("en")


@pytest.fixture
def laid_out(monkeypatch):
    """Every (text, lang, direction) the text engine is asked to lay out while the fixture is active."""
    seen = []
    original = TextEngine.layout

    def spy(self, text, lang, *args, **kwargs):
        lay = original(self, text, lang, *args, **kwargs)
        seen.append((text, lang, lay.direction))
        return lay
    monkeypatch.setattr(TextEngine, "layout", spy)
    return seen


def draw_screen(game, name):
    from aman_game.screens import gallery

    gallery.open_screen(game, name, game.fixture_scenarios)
    for scene in game.stack.visible():
        scene.dirty = True
    game.stack.draw(game.canvas)


def has_words(text: str) -> bool:
    """Words of a sentence, not data: a web address or a domain is the same in every language."""
    text = re.sub(r"\S*://\S*|(?:www\.)?[\w-]+(?:\.[\w-]+)+", "", text)
    return bool(re.search(r"[A-Za-z]{2}", text))


def screen_names():
    from aman_game.screens import gallery

    return gallery.NAMES


@pytest.mark.parametrize("name", screen_names())
def test_no_hard_coded_english_in_the_accented_pseudo_locale(game, laid_out, name):
    game.update_settings(language="xa")
    draw_screen(game, name)
    mine = [text for text, lang, _d in laid_out if lang == "xa"]
    assert mine, f"{name}: nothing was drawn in the current language"
    autonyms = {i18n.language_name(code) for code in i18n.available_languages(include_pseudo=True)}
    plain = [t for t in mine
             if has_words(t) and not (set(t) & ACCENTED) and NICKNAME not in t and t not in autonyms]
    assert plain == [], f"{name}: drawn without translation: {plain}"


@pytest.mark.parametrize("name", screen_names())
def test_every_paragraph_is_right_to_left_in_the_rtl_pseudo_locale(game, laid_out, name):
    game.update_settings(language="xb")
    draw_screen(game, name)
    mine = [(text, d) for text, lang, d in laid_out if lang == "xb" and has_words(text)]
    assert mine
    assert [t for t, d in mine if d != "rtl"] == []
