"""Layout golden tests as data: the exact lines and runs (text, direction, x, width, font) of Arabic,
English and mixed paragraphs at several widths, as `main.py text --json` prints them.

A change to the engine that moves a run by a pixel shows here as a diff of data, not a blurry image.
After a deliberate change: AMAN_UPDATE_GOLDEN=1, then read the diff of tests/data/text_golden.json.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from aman_game.text import get_engine

GOLDEN = Path(__file__).parent / "data" / "text_golden.json"

CASES = [
    ("harakat", "أَمَانٌ لِلْأَطْفَالِ: لَا تَقْبَلْ هَدِيَّةً مِنْ غَرِيبٍ، وَأَخْبِرْ مَامَا.", "ar"),
    ("lam_alef", "لا، لأنّ الأمان أولًا", "ar"),
    ("numbers", "أرسل لك Ahmed بطاقة iTunes بقيمة 50 ريالًا و1,250 جوهرة", "ar"),
    ("phone_url", "اتصل بالرقم 66815757 أو زر https://safespace.qa/ar اليوم", "ar"),
    ("brackets", "الرمز (ABC-123) داخل [القوسين] و{هنا}", "ar"),
    ("english", "Never accept a friend request from someone you do not know.", "en"),
    ("english_with_arabic", "Aman (أمان) means safety; call 66815757.", "en"),
    ("handle", "تابعني على @noor.q أو راسل help@school.qa", "ar"),
]
WIDTHS = (160, 320, 640)


def compute() -> dict:
    engine = get_engine()
    return {f"{name}@{width}": engine.layout(text, lang, 22, width).to_dict()
            for name, text, lang in CASES for width in WIDTHS}


def test_layouts_match_the_golden_data():
    got = compute()
    if os.environ.get("AMAN_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert set(got) == set(want)
    for key in sorted(want):
        assert got[key] == want[key], key


@pytest.mark.parametrize("name, text, lang", CASES)
def test_golden_data_is_sane(name, text, lang):
    """What the golden file holds was checked by eye once; these properties keep it honest."""
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for width in WIDTHS:
        layout = data[f"{name}@{width}"]
        assert layout["missing_glyphs"] == 0
        # Every character kept in logical order (a word wider than the box is cut, so compare letters).
        assert "".join("".join(line["text"] for line in layout["lines"]).split()) == "".join(text.split())
        for line in layout["lines"]:
            assert line["width"] <= width
            xs = [run["x"] for run in line["runs"]]
            assert xs == sorted(xs)
            if layout["direction"] == "rtl":
                last = line["runs"][-1]
                assert last["x"] + last["width"] == width, "Arabic lines start at the right edge"
