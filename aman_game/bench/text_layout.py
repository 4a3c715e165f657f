"""Text engine speed: layout + render of a 200-character mixed Arabic/English paragraph, cold and cached.

cold:   every cache of the engine emptied first (layouts, rendered runs and layouts, shaped word widths,
        bidi levels) — the fonts stay open, as they are after the first frame. The cost of a text the
        game has never shown.
cached: the same call again — what redrawing an unchanged text costs (two dictionary look-ups).
first:  a brand-new engine (fonts opened at this size too), once: a text's cost at the very start.
Medians over many repetitions; the paragraph is built to be exactly 200 characters.
"""
from __future__ import annotations

import statistics
import time

#: Arabic with Latin names, a number, a phone number and a URL inside it: every engine path at once.
PARAGRAPH = ("أرسل لك Ahmed بطاقة iTunes بقيمة 50 ريالًا في لعبة Castle Quest. لا تقبل هدية من شخص لا تعرفه، "
             "واتصل بالرقم 66815757 أو زر https://safespace.qa وأخبر شخصًا بالغًا تثق به في البيت أو المدرسة.")
SIZE, WIDTH, COLOR = 24, 600, (20, 30, 40)


def paragraph(length: int = 200) -> str:
    text = PARAGRAPH
    while len(text) < length:
        text += " " + PARAGRAPH
    return text[:length]


def _clear(engine) -> None:
    engine.clear()
    measurer = getattr(engine._layouter, "measure", None)
    if measurer is not None and hasattr(measurer, "_widths"):
        measurer._widths.clear()
    from ..text import bidi_levels

    bidi_levels.resolve_levels.cache_clear()


def _once(engine, text: str) -> float:
    t0 = time.perf_counter()
    lay = engine.layout(text, "ar", SIZE, WIDTH)
    engine.render(lay, COLOR)
    return time.perf_counter() - t0


def measure_layout(cold_repeats: int = 60, cached_repeats: int = 5000) -> dict:
    from .autoplay_runs import headless

    headless()
    import pygame

    pygame.font.init()
    from ..text.engine import TextEngine
    from ..text.fonts import FontSet

    text = paragraph()
    t0 = time.perf_counter()
    engine = TextEngine(FontSet())
    _once(engine, text)
    first = time.perf_counter() - t0  # a new engine: the fonts are opened too
    cold = []
    for _ in range(cold_repeats):
        _clear(engine)
        cold.append(_once(engine, text))
    _once(engine, text)
    t0 = time.perf_counter()
    for _ in range(cached_repeats):
        lay = engine.layout(text, "ar", SIZE, WIDTH)
        engine.render(lay, COLOR)
    cached = (time.perf_counter() - t0) / cached_repeats
    lay = engine.layout(text, "ar", SIZE, WIDTH)
    return {
        "layout_cold_ms": round(statistics.median(cold) * 1000, 3),
        "layout_cold_min_ms": round(min(cold) * 1000, 3) if cold else None,
        "layout_cold_p90_ms": round(sorted(cold)[int(len(cold) * 0.9) - 1] * 1000, 3) if cold else None,
        "layout_cached_ms": round(cached * 1000, 5),
        "layout_first_ms": round(first * 1000, 3),
        "layout_chars": len(text),
        "layout_lines": len(lay.lines),
        "layout_missing_glyphs": lay.missing_glyphs,
    }
