"""The bilingual text engine: bidi (python-bidi), per-script font fallback, shaping (pygame-ce/HarfBuzz),
line breaking in logical order, alignment by reading direction, and a byte-bounded LRU of rendered runs.

Public surface (stable; screens and tools use only this):
    get_engine() -> TextEngine
    TextEngine.layout(text, lang, size, width, *, direction="auto", align="start", bold=False,
                      line_spacing=1.3, max_lines=None) -> TextLayout
    TextEngine.render(layout, color) -> pygame.Surface          (cached)
    TextEngine.draw(surface, text, pos, *, lang, size, color, width, ...) -> pygame.Rect
    TextLayout.to_dict()  -> the JSON shape `main.py text --json` prints
"""
from .engine import TextEngine, get_engine
from .layout import Line, Run, TextLayout

__all__ = ["TextEngine", "get_engine", "TextLayout", "Line", "Run"]
