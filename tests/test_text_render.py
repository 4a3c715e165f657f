"""Rendered text: PNG snapshots compared with a tolerance, the run cache, and glyph coverage of shipped text.

Set AMAN_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after a deliberate change (then look at them).
"""
from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
import yaml

from aman_game import LOCALES_DIR, SCENES_DIR
from aman_game.text import get_engine

SNAPSHOTS = Path(__file__).parent / "snapshots" / "text"
INK = (20, 24, 40)

CASES = {
    "arabic_harakat": ("أَمَانٌ لِلْأَطْفَالِ: لا تَقْبَلْ هَدِيَّةً مِنْ غَرِيبٍ.", "ar", 360),
    "arabic_mixed": ("أرسل لك Ahmed بطاقة (iTunes) بقيمة 50 ريالًا. اتصل بالرقم 66815757 أو زر safespace.qa", "ar", 380),
    "english_mixed": ("Ahmed sent you an iTunes card worth 50 riyals (أمان). Call 66815757.", "en", 380),
}


def render_case(text, lang, width):
    engine = get_engine()
    layout = engine.layout(text, lang, 26, width)
    canvas = pygame.Surface((width + 20, layout.height + 20))
    canvas.fill((255, 255, 255))
    canvas.blit(engine.render(layout, INK), (10, 10))
    return canvas


def mean_difference(a: pygame.Surface, b: pygame.Surface) -> float:
    if a.get_size() != b.get_size():
        return 255.0
    raw_a = pygame.image.tobytes(a, "RGB")
    raw_b = pygame.image.tobytes(b, "RGB")
    return sum(abs(x - y) for x, y in zip(raw_a, raw_b)) / len(raw_a)


@pytest.mark.parametrize("name", sorted(CASES))
def test_snapshot(name, tmp_path):
    surface = render_case(*CASES[name])
    path = SNAPSHOTS / f"{name}.png"
    if os.environ.get("AMAN_UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surface, str(path))
    expected = pygame.image.load(str(path))
    diff = mean_difference(surface, expected)
    if diff > 1.5:
        pygame.image.save(surface, str(tmp_path / f"{name}.png"))
    assert diff <= 1.5, f"{name} differs from its snapshot by {diff:.2f} per channel (new render in {tmp_path})"


def test_snapshot_comparison_catches_a_reversed_line():
    good = render_case(*CASES["arabic_mixed"])
    text, lang, width = CASES["arabic_mixed"]
    wrong = render_case(text, lang, width)
    flipped = pygame.transform.flip(wrong, True, False)
    assert mean_difference(good, flipped) > 1.5


def test_redrawing_an_unchanged_text_hits_the_cache():
    engine = get_engine()
    layout = engine.layout("نص لا يتغير", "ar", 22, 300)
    first = engine.render(layout, INK)
    misses = engine.surface_cache.misses
    again = engine.render(engine.layout("نص لا يتغير", "ar", 22, 300), INK)
    assert again is first and engine.surface_cache.misses == misses


def test_run_cache_stays_within_its_byte_budget():
    from aman_game.text.engine import TextEngine

    small = TextEngine(run_cache_bytes=200_000, surface_cache_bytes=200_000)
    for i in range(400):
        small.render(small.layout(f"سطر رقم {i} line number {i}", "ar", 24, 400), INK)
    assert 0 < small.run_cache.bytes <= 200_000
    assert 0 < small.surface_cache.bytes <= 200_000


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def shipped_strings():
    for path in sorted(SCENES_DIR.rglob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            for text in _strings(yaml.safe_load(fh)):
                yield path.name, text
    from babel.messages.pofile import read_po

    for po in sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po")):
        with open(po, "rb") as fh:
            for message in read_po(fh):
                strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
                for text in strings:
                    if text:
                        yield f"{po.parent.parent.name}/{po.name}", text


def test_no_shipped_string_misses_a_glyph():
    engine = get_engine()
    seen = 0
    problems = []
    for where, text in shipped_strings():
        seen += 1
        for bold in (False, True):
            layout = engine.layout(text, "ar", 20, None, bold=bold)
            if layout.missing_glyphs:
                problems.append(f"{where}: {text[:50]!r} misses {layout.missing_chars}")
    assert seen > 50, "expected the shipped scenarios and catalogs to hold text"
    assert not problems, "\n".join(problems[:20])
