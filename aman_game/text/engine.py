"""TextEngine: cached layout and rendering. Screens and tools draw text only through this."""
from __future__ import annotations

import dataclasses
import logging
from collections import OrderedDict

import pygame

from .cache import ByteLRU
from .fonts import FontSet
from .layout import Layouter, TextLayout

log = logging.getLogger(__name__)

Color = tuple[int, int, int] | tuple[int, int, int, int]


def _surface_bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize() + 64


class TextEngine:
    """Lays out and renders bilingual text.

    Three caches, so redrawing an unchanged text costs a dictionary look-up: layouts by their arguments
    (count-bounded), rendered runs and whole rendered layouts (each bounded in bytes, least recently used
    goes first).
    """

    LAYOUT_ENTRIES = 4096

    # Sized for a 1280×720 game: a full canvas of text is ~3.7 MB of surfaces, and a screen shows far less,
    # so 8 MB of runs and 12 MB of whole layouts hold every string of the screens a child moves between
    # (the stack, a story's chat, feedback, results) with room to spare; more only kept text no one reads
    # again resident (the peak RSS figure in docs/architecture.md).
    def __init__(self, fonts: FontSet | None = None, run_cache_bytes: int = 8 << 20,
                 surface_cache_bytes: int = 12 << 20):
        self.fonts = fonts or FontSet()
        self._layouter = Layouter(self.fonts)
        self._layouts: OrderedDict[tuple, TextLayout] = OrderedDict()
        self.run_cache: ByteLRU[pygame.Surface] = ByteLRU(run_cache_bytes, _surface_bytes)
        self.surface_cache: ByteLRU[pygame.Surface] = ByteLRU(surface_cache_bytes, _surface_bytes)
        self.missing_reported: set[str] = set()

    # -- layout -------------------------------------------------------------------------------------
    def layout(self, text, lang: str, size: int, width: int | None = None, *, direction: str = "auto",
               align: str = "start", bold: bool = False, line_spacing: float = 1.3,
               max_lines: int | None = None) -> TextLayout:
        key = (text, lang, size, width, direction, align, bold, line_spacing, max_lines)
        try:
            hit = self._layouts.get(key)
        except TypeError:  # unhashable input: lay out its string form
            return self.layout(str(text), lang, size, width, direction=direction, align=align, bold=bold,
                               line_spacing=line_spacing, max_lines=max_lines)
        if hit is not None:
            self._layouts.move_to_end(key)
            return hit
        from .. import i18n  # late: i18n pulls in Babel, which the text command does not always need

        result = self._layouter.layout(text, lang, size, width, direction, align, bold, line_spacing,
                                       max_lines, lang_direction=i18n.direction(lang))
        result = dataclasses.replace(result, key=key)
        if result.missing_glyphs:
            new = set(result.missing_chars) - self.missing_reported
            if new:
                self.missing_reported |= new
                log.warning("no bundled font has %s", ", ".join(f"U+{ord(c):04X}" for c in sorted(new)))
        self._layouts[key] = result
        if len(self._layouts) > self.LAYOUT_ENTRIES:
            self._layouts.popitem(last=False)
        return result

    def measure(self, text, lang: str, size: int, bold: bool = False) -> tuple[int, int]:
        lay = self.layout(text, lang, size, None, bold=bold)
        return lay.width, lay.height

    # -- rendering ----------------------------------------------------------------------------------
    def render_run(self, run, size: int, color: Color) -> pygame.Surface:
        key = (run.text, run.role, run.bold, size, run.direction, run.script, tuple(color))
        surface = self.run_cache.get(key)
        if surface is None:
            font = self.fonts.font(run.role, run.bold, size)
            font.set_script(run.script)
            font.set_direction(pygame.DIRECTION_RTL if run.direction == "rtl" else pygame.DIRECTION_LTR)
            try:
                surface = font.render(run.text, True, color)
            except (pygame.error, ValueError) as exc:
                log.warning("could not render %r: %s", run.text[:40], exc)
                surface = pygame.Surface((max(1, run.width), 1), pygame.SRCALPHA)
            self.run_cache.put(key, surface)
        return surface

    def render(self, layout: TextLayout, color: Color) -> pygame.Surface:
        """The whole layout on one transparent surface of layout.width × layout.height."""
        key = (layout.key or (layout.text, layout.size, layout.width, layout.lines), tuple(color))
        surface = self.surface_cache.get(key)
        if surface is not None:
            return surface
        surface = pygame.Surface((max(1, layout.width), max(1, layout.height)), pygame.SRCALPHA)
        for line in layout.lines:
            baseline = line.y + layout.ascent
            glyphs = [self.render_run(run, layout.size, color) for run in line.runs]
            # Run widths in the layout are sums of per-word widths (see Measurer); a long run's shaped
            # width can differ by a few pixels of rounding. Place the rendered runs edge to edge from the
            # line's starting edge, so no gap or overlap opens between runs and the aligned edge stays put.
            if line.direction == "rtl":
                x = line.x + line.width
                places = []
                for g in reversed(glyphs):
                    x -= g.get_width()
                    places.append(x)
                places.reverse()
            else:
                x, places = line.x, []
                for g in glyphs:
                    places.append(x)
                    x += g.get_width()
            for run, g, gx in zip(line.runs, glyphs, places):
                font = self.fonts.font(run.role, run.bold, layout.size)
                surface.blit(g, (gx, baseline - font.get_ascent()))
        return self.surface_cache.put(key, surface)

    def draw(self, target: pygame.Surface, text, pos: tuple[int, int], *, lang: str, size: int,
             color: Color, width: int | None = None, align: str = "start", bold: bool = False,
             direction: str = "auto", line_spacing: float = 1.3, max_lines: int | None = None,
             anchor: str = "topleft") -> pygame.Rect:
        """Lay out, render (cached) and blit; returns the rectangle drawn. anchor is a pygame.Rect attribute."""
        lay = self.layout(text, lang, size, width, direction=direction, align=align, bold=bold,
                          line_spacing=line_spacing, max_lines=max_lines)
        surface = self.render(lay, color)
        rect = surface.get_rect(**{anchor: pos})
        target.blit(surface, rect)
        return rect

    def clear(self) -> None:
        self._layouts.clear()
        self.run_cache.clear()
        self.surface_cache.clear()


_engine: TextEngine | None = None


def get_engine() -> TextEngine:
    """The process-wide engine (fonts are opened once)."""
    global _engine
    if _engine is None:
        _engine = TextEngine()
    return _engine
