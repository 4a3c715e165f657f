"""The help screen sizes its cards to their content: a region with a few short entries gets short cards
(not tall half-empty ones stretched over a fixed grid), a full page still fits above the bottom buttons,
and no description or contact line is cut off — in both languages and at every text size."""
from __future__ import annotations

from pathlib import Path

import pytest

pygame = pytest.importorskip("pygame")

from aman_game import SCENES_DIR, i18n  # noqa: E402
from aman_game.content import load_region  # noqa: E402
from aman_game.screens import help as help_screen  # noqa: E402
from aman_game.text.engine import TextEngine  # noqa: E402

FIXTURE_REGION = Path(__file__).parent / "snapshots" / "fixture_region.yaml"
REGIONS = {"fixture": FIXTURE_REGION, **{p.stem: p for p in sorted((SCENES_DIR / "regions").glob("*.yaml"))}}


def _help(game, monkeypatch, region_path, lang, size):
    region = load_region(region_path)
    monkeypatch.setattr(help_screen, "load_help_region", lambda code: region)
    game.update_settings(language=lang, text_size=size)
    game.stack.clear()
    screen = game.stack.push(help_screen.HelpScreen(game))
    return screen, region


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_few_short_entries_get_short_cards(game, monkeypatch, lang):
    screen, region = _help(game, monkeypatch, FIXTURE_REGION, lang, 1)
    grid = screen.grid_rect()
    share = (grid.height - help_screen.CARD_GAP * 2) // 3  # the old fixed three-row card height
    rows = screen.row_heights()
    assert len(rows) == 2
    no_link = [r for r in region.resources[:2] if not r.url]
    assert no_link and rows[0] < share  # the first row holds no QR code: shorter than a stretched card
    assert sum(rows) + help_screen.CARD_GAP < grid.height - 150  # the rest of the screen stays free
    assert rows[1] >= help_screen.QR_MAX + 24  # the row with a web link keeps its full-size QR code


@pytest.mark.parametrize("name", sorted(REGIONS))
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", [1, 3])
def test_every_page_fits_and_nothing_is_cut_off(game, monkeypatch, name, lang, size):
    screen, _region = _help(game, monkeypatch, REGIONS[name], lang, size)
    truncated: list[str] = []
    original = TextEngine.layout

    def spy(self, text, code, *args, **kwargs):
        lay = original(self, text, code, *args, **kwargs)
        if lay.truncated:
            truncated.append(text)
        return lay
    monkeypatch.setattr(TextEngine, "layout", spy)
    for page in range(screen.pages):
        screen.page = page
        screen.build()
        grid = screen.grid_rect()
        items = screen.page_items()
        rows = screen.row_heights()
        needs = [max(screen.card_need(r) for r in items[i:i + 2]) for i in range(0, len(items), 2)]
        gaps = help_screen.CARD_GAP * (len(rows) - 1)
        assert sum(rows) + gaps <= grid.height  # never over the bottom buttons or the canvas edge
        crowded = sum(needs) + gaps > grid.height
        assert crowded or rows == needs  # uncrowded: each row exactly as tall as its fuller card needs
        truncated.clear()
        screen.dirty = True
        game.draw()
        if not crowded:  # the measured fits are real: no description or contact line was ellipsised
            names = {i18n.pick(r.name) for r in items}
            assert [t for t in truncated if t not in names] == []
