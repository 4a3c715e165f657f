"""`main.py preview --lang` takes any available language, the pseudo-locales included, so a translator can
look at clipped (xa) or mirrored (xb) screens; an unknown language is one clear line and exit code 2."""
from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from aman_game import i18n
from aman_game.commands import preview
from aman_game.text.engine import TextEngine

pytest.importorskip("pygame")

FIXTURE = Path(__file__).parent / "snapshots" / "fixture_lobby.yaml"


def _args(lang: str, out: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    preview.configure(parser)
    return parser.parse_args([str(FIXTURE), "--lang", lang, "--out", str(out)])


@pytest.fixture
def layouts(monkeypatch):
    seen: list[tuple[str, str]] = []
    original = TextEngine.layout

    def spy(self, text, lang, *args, **kwargs):
        seen.append((text, lang))
        return original(self, text, lang, *args, **kwargs)
    monkeypatch.setattr(TextEngine, "layout", spy)
    yield seen
    i18n.set_language("en")


def test_every_pseudo_locale_is_offered():
    assert {"xa", "xb"} <= set(i18n.available_languages(include_pseudo=True))


@pytest.mark.parametrize("lang,direction", [("xa", "ltr"), ("xb", "rtl")])
def test_preview_renders_in_a_pseudo_locale(tmp_path, layouts, lang, direction):
    assert preview.run(_args(lang, tmp_path)) == 0
    assert (tmp_path / "node_gems.png").is_file() and (tmp_path / "feedback_gems_1.png").is_file()
    drawn = [text for text, code in layouts if code == lang]
    assert drawn, "nothing was laid out in the pseudo-locale"
    if lang == "xa":  # the scenario's own text went through the accenting transform, brackets and all
        assert any(t.startswith("[") and t.endswith("]") and "é" in t for t in drawn)
    assert i18n.direction(lang) == direction


def test_an_unknown_language_is_refused_with_the_list(tmp_path, capsys):
    assert preview.run(_args("fr", tmp_path)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("aman preview: no language 'fr'") and "xa" in err and "xb" in err
    assert not list(tmp_path.iterdir())
