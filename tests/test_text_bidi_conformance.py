"""The engine's visual order against Unicode's BidiCharacterTest.txt (15.0, vendored from Debian's unicode-data).

Levels come from python-bidi; L1/L2 (line-level reset and reordering) are ours. Cases the engine cannot
render as one line are left out: those with a paragraph separator inside (the engine splits paragraphs
before bidi, as a text box does).
"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from aman_game.text import bidi_levels

DATA = Path(__file__).parent / "data" / "BidiCharacterTest.txt.gz"


def _cases():
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            codes, direction, para_level, levels, order = line.split(";")
            text = "".join(chr(int(c, 16)) for c in codes.split())
            yield number, text, int(direction), int(para_level), levels.split(), [int(i) for i in order.split()]


def _renderable(text: str) -> bool:
    return not any(bidi_levels.bidi_class(ch) == "B" for ch in text)


def _check(text, direction, para_level, want_levels, want_order):
    if direction == 2:
        rtl = bidi_levels.first_strong_direction(text) == "rtl"
    else:
        rtl = direction == 1
    if int(rtl) != para_level:
        return "paragraph level"
    levels = bidi_levels.line_levels(text, bidi_levels.resolve_levels(text, rtl), para_level)
    for got, want in zip(levels, want_levels):
        if want != "x" and got != int(want):
            return f"levels {levels} != {want_levels}"
    kept = [i for i in bidi_levels.visual_order(levels) if want_levels[i] != "x"]
    if kept != want_order:
        return f"order {kept} != {want_order}"
    return None


def test_every_renderable_case_matches():
    total, failures = 0, []
    for number, text, direction, para_level, want_levels, want_order in _cases():
        if not _renderable(text):
            continue
        total += 1
        problem = _check(text, direction, para_level, want_levels, want_order)
        if problem:
            failures.append((number, problem))
    assert total > 90_000, f"only {total} cases read: is the vendored file complete?"
    assert not failures, f"{len(failures)} of {total} cases differ, first: {failures[:5]}"


@pytest.mark.parametrize("text, expected", [
    ("abc \u05d0\u05d1\u05d2 def", [0, 1, 2, 3, 6, 5, 4, 7, 8, 9, 10]),
    ("\u05d0 12 \u05d1", [5, 4, 2, 3, 1, 0]),
])
def test_known_orders(text, expected):
    rtl = bidi_levels.first_strong_direction(text) == "rtl"
    levels = bidi_levels.line_levels(text, bidi_levels.resolve_levels(text, rtl), int(rtl))
    assert bidi_levels.visual_order(levels) == expected
