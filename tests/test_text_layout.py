"""Layout as data: direction, run order, fonts, wrapping, alignment, ellipsis, bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aman_game.text import get_engine
from aman_game.text.prepare import BIDI_CONTROLS

AR_FONT = "NotoSansArabic-Regular.ttf"
LATIN_FONT = "NotoSans-Regular.ttf"
MIXED = "أرسل لك Ahmed بطاقة iTunes بقيمة 50 ريالًا"


@pytest.fixture(scope="module")
def engine():
    return get_engine()


def runs_of(layout):
    return [run for line in layout.lines for run in line.runs]


def logical(layout):
    return " ".join(line.text for line in layout.lines)


def test_mixed_arabic_line_reads_right_to_left_with_ltr_islands(engine):
    lay = engine.layout(MIXED, "ar", 24, None)
    assert lay.direction == "rtl" and len(lay.lines) == 1
    texts = [r.text.strip() for r in runs_of(lay)]
    # Visual left-to-right: the sentence's end (ريالًا) is leftmost, its start (أرسل لك) rightmost.
    assert texts[0] == "ريالًا" and texts[-1].startswith("أرسل لك")
    assert texts.index("50") < texts.index("iTunes") < texts.index("Ahmed")
    by_text = {r.text.strip(): r for r in runs_of(lay)}
    assert by_text["50"].direction == "ltr" and by_text["Ahmed"].direction == "ltr"
    assert by_text["ريالًا"].direction == "rtl"
    assert by_text["Ahmed"].font == LATIN_FONT and by_text["ريالًا"].font == AR_FONT
    assert lay.missing_glyphs == 0


def test_runs_tile_the_line_left_to_right(engine):
    lay = engine.layout(MIXED, "ar", 24, None)
    x = 0
    for run in lay.lines[0].runs:
        assert run.x == x and run.width > 0
        x += run.width
    assert x == lay.lines[0].width


def test_harakat_stay_in_their_run_and_lam_alef_shapes(engine):
    plain = engine.layout("لا", "ar", 30, None).width
    lay = engine.layout("أَمَانٌ لِلْأَطْفَالِ", "ar", 30, None)
    assert len(runs_of(lay)) == 1, "marks must not split the Arabic run"
    assert runs_of(lay)[0].text == "أَمَانٌ لِلْأَطْفَالِ"
    # lam + alef form one ligature glyph: narrower than lam and alef drawn apart.
    apart = engine.layout("ل", "ar", 30, None).width + engine.layout("ا", "ar", 30, None).width
    assert plain < apart


def test_phone_numbers_and_urls_stay_left_to_right_inside_arabic(engine):
    lay = engine.layout("اتصل بالرقم 6681 5757 أو زر https://safespace.qa/ar اليوم", "ar", 24, None)
    ltr = [r.text for r in runs_of(lay) if r.direction == "ltr"]
    assert "6681 5757" in ltr, ltr
    assert "https://safespace.qa/ar" in ltr, ltr
    assert not any(ch in BIDI_CONTROLS for line in lay.lines for ch in line.text)


def test_english_paragraph_is_ltr_and_arabic_word_inside_is_rtl(engine):
    lay = engine.layout("Aman (أمان) means safety", "en", 24, None)
    assert lay.direction == "ltr"
    runs = runs_of(lay)
    assert runs[0].text.startswith("Aman") and runs[0].direction == "ltr"
    assert any(r.text == "أمان" and r.direction == "rtl" and r.font == AR_FONT for r in runs)


def test_direction_auto_falls_back_to_the_language_and_can_be_forced(engine):
    assert engine.layout("12 + 30", "ar", 20, None).direction == "rtl"
    assert engine.layout("12 + 30", "en", 20, None).direction == "ltr"
    assert engine.layout("Hello", "ar", 20, None).direction == "ltr"
    assert engine.layout("Hello", "ar", 20, None, direction="rtl").direction == "rtl"


@pytest.mark.parametrize("width", [120, 200, 320, 500])
@pytest.mark.parametrize("text, lang", [
    ("لا تقبل طلب صداقة من شخص لا تعرفه، وأخبر شخصًا بالغًا تثق به.", "ar"),
    ("Never accept a friend request from someone you do not know, and tell an adult you trust.", "en"),
    (MIXED, "ar"),
])
def test_wrapping_keeps_every_word_in_logical_order_within_the_box(engine, text, lang, width):
    lay = engine.layout(text, lang, 22, width)
    assert logical(lay).split() == text.split()
    for line in lay.lines:
        assert line.width <= width
    assert len(lay.lines) >= 2 if width < 300 else True
    # Narrower boxes never give fewer lines.
    assert len(engine.layout(text, lang, 22, width // 2).lines) >= len(lay.lines)


def test_word_wider_than_the_box_is_broken_not_overflowing(engine):
    lay = engine.layout("Supercalifragilisticexpialidocious", "en", 24, 100)
    assert len(lay.lines) > 2
    assert all(line.width <= 100 for line in lay.lines)
    assert "".join(line.text for line in lay.lines) == "Supercalifragilisticexpialidocious"


@pytest.mark.parametrize("align, rtl_right, ltr_left", [("start", True, True), ("end", False, False)])
def test_alignment_is_relative_to_the_paragraph_direction(engine, align, rtl_right, ltr_left):
    ar = engine.layout("مرحبًا", "ar", 24, 400, align=align)
    en = engine.layout("Hello", "en", 24, 400, align=align)
    assert (ar.lines[0].x + ar.lines[0].width == 400) is rtl_right
    assert (en.lines[0].x == 0) is ltr_left
    centred = engine.layout("Hello", "en", 24, 400, align="center").lines[0]
    assert abs(centred.x - (400 - centred.width) // 2) <= 1


def test_max_lines_cuts_with_an_ellipsis_at_the_logical_end(engine):
    text = "هذه جملة طويلة جدًا لا تتسع في سطرين داخل صندوق ضيق من صناديق اللعبة"
    lay = engine.layout(text, "ar", 24, 200, max_lines=2)
    assert len(lay.lines) == 2 and lay.truncated
    assert lay.lines[-1].text.endswith("…")
    assert lay.lines[-1].width <= 200
    assert lay.lines[-1].runs[0].text.startswith("…"), "in Arabic the ellipsis is drawn at the left"
    assert not engine.layout("short", "en", 24, 200, max_lines=2).truncated


def test_line_spacing_and_several_paragraphs(engine):
    one = engine.layout("سطر", "ar", 24, 300)
    two = engine.layout("سطر\nline", "ar", 24, 300)
    assert len(two.lines) == 2 and two.height > one.height
    assert two.lines[0].direction == "rtl" and two.lines[1].direction == "ltr"
    loose = engine.layout("a\nb", "en", 24, 300, line_spacing=2.0)
    tight = engine.layout("a\nb", "en", 24, 300, line_spacing=1.0)
    assert loose.lines[1].y > tight.lines[1].y


@pytest.mark.parametrize("bad", [
    "", "   ", "\x00\x01\x07 tab\there", "lone \ud800 surrogate", "\u202e override \u202c",
    "ኢትዮጵያ 日本語 עברית", "x" * 10_000, ("مرحبا " * 2000), None, 12345,
])
def test_bad_input_never_crashes_and_counts_missing_glyphs(engine, bad):
    lay = engine.layout(bad, "ar", 20, 300, max_lines=50)
    surface = engine.render(lay, (0, 0, 0))
    assert surface.get_width() >= 1
    if isinstance(bad, str) and "日本語" in bad:
        assert lay.missing_glyphs == len("ኢትዮጵያ日本語עברית")
        assert set(lay.missing_chars) >= {"日", "ע"}
    elif isinstance(bad, str) and "surrogate" in bad:
        assert lay.missing_glyphs == 0 and "lone ? surrogate" in lay.text  # replaced, never sent to SDL


def test_json_command_prints_the_documented_shape():
    out = subprocess.run([sys.executable, "main.py", "text", "--lang", "ar", "--width", "260", "--json", MIXED],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert set(data) == {"direction", "missing_glyphs", "lines"}
    assert data["direction"] == "rtl" and data["missing_glyphs"] == 0
    for line in data["lines"]:
        assert set(line) == {"text", "direction", "width", "runs"}
        for run in line["runs"]:
            assert set(run) == {"text", "direction", "x", "width", "font"}
    xs = [run["x"] for run in data["lines"][0]["runs"]]
    assert xs == sorted(xs)


@pytest.mark.parametrize("text, lang", [
    ("Hello world, we are friends", "en"), ("مرحبًا يا صديقي، كيف حالك اليوم؟", "ar"), (MIXED, "ar"),
    ("AVAWAVA To Ty Yo WAVE", "en"),
])
def test_text_fits_on_one_line_in_a_box_of_its_own_measured_width(engine, text, lang):
    width, _height = engine.measure(text, lang, 24)
    assert len(engine.layout(text, lang, 24, width).lines) == 1


def test_handles_and_email_addresses_keep_their_at_sign_inside_arabic(engine):
    lay = engine.layout("تابعني على @noor.q أو راسل help@school.qa اليوم", "ar", 24, None)
    ltr = [r.text for r in runs_of(lay) if r.direction == "ltr"]
    assert "@noor.q" in ltr and "help@school.qa" in ltr, ltr
