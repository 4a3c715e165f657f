"""Text on screen: the one place widgets reach the text engine (aman_game.text).

Sizes are base sizes (pt at the normal text step) and are scaled here by the theme's text-size step, so a
setting change reaches every string. The language defaults to the current one; the engine caches layouts
and rendered surfaces, so drawing an unchanged string each frame is a dictionary look-up and a blit.
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..text import get_engine


def _lang(lang: str | None) -> str:
    return lang or i18n.current_language()


def layout(text: str, size: int, width: int | None = None, *, bold: bool = False, align: str = "start",
           max_lines: int | None = None, lang: str | None = None, line_spacing: float = 1.3,
           scale: bool = True, direction: str | None = None):
    """The engine's layout of `text` in a box `width` px wide (None: one unwrapped line).

    The paragraph direction is the language's unless given: a Latin user name on an Arabic screen still
    sits at the screen's reading start ("auto" would push it to the left)."""
    pt = _theme.current().size(size) if scale else size
    code = _lang(lang)
    return get_engine().layout(text, code, pt, width, align=align, bold=bold, max_lines=max_lines,
                               line_spacing=line_spacing, direction=direction or i18n.direction(code))


def tight_layout(text: str, size: int, width: int, **kw):
    """Wrapped at `width`, then re-laid in a box as wide as its widest line (for bubbles and buttons).

    Re-laying at the widest line's width breaks at the same places (every line already fits), so the
    rendered surface hugs the text whichever side it is aligned to."""
    lay = layout(text, size, width, **kw)
    widest = max((line.width for line in lay.lines), default=0)
    if 0 < widest < lay.width:
        # a couple of px of slack: the engine may break a line laid in exactly its own measured width
        tight = layout(text, size, min(lay.width, widest + 2), **kw)
        if len(tight.lines) == len(lay.lines):
            return tight
    return lay


def fit_lines(text: str, size: int, width: int, height: int, max_lines: int = 6, **kw):
    """The layout with as many lines (≤ max_lines, the last one ellipsised) as fit in `height` px —
    so a longer translation or the largest text size shortens a description instead of overlapping."""
    lay = layout(text, size, width, max_lines=max_lines, **kw)
    n = len(lay.lines)
    while n > 1 and lay.height > height:
        n -= 1
        lay = layout(text, size, width, max_lines=n, **kw)
    return lay


def fit_size(text: str, size: int, width: int, height: int, max_lines: int = 2, min_scale: float = 0.7, **kw):
    """The layout at the largest size (from `size` down to min_scale × size) whose text fits the box —
    buttons keep their words whole at the largest text setting."""
    scale = kw.pop("scale", True)
    pt = _theme.current().size(size) if scale else size
    floor = max(8, int(pt * min_scale))
    while True:
        lay = tight_layout(text, pt, width, max_lines=max_lines, scale=False, **kw)
        if (lay.height <= height and not lay.truncated) or pt <= floor:
            return lay
        pt -= 2


def render(lay, color) -> pygame.Surface:
    return get_engine().render(lay, tuple(color))


def draw(surface: pygame.Surface, text: str, pos, size: int, color, *, width: int | None = None,
         anchor: str = "topleft", **kw) -> pygame.Rect:
    """Lay out, render and blit; `anchor` names the pygame.Rect point `pos` is (topleft, center, …)."""
    surf = render(layout(text, size, width, **kw), color)
    rect = surf.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    surface.blit(surf, rect)
    return rect


def draw_in(surface: pygame.Surface, text: str, rect, size: int, color, *, valign: str = "center",
            align: str = "start", **kw) -> pygame.Rect:
    """Draw text wrapped to `rect`'s width, aligned start/end/center by reading direction, and placed
    at the top, middle or bottom of the rect."""
    rect = pygame.Rect(rect)
    lay = layout(text, size, rect.width, align=align, **kw)
    surf = render(lay, color)
    if valign == "top":
        y = rect.top
    elif valign == "bottom":
        y = rect.bottom - surf.get_height()
    else:
        y = rect.centery - surf.get_height() // 2
    dest = surf.get_rect(topleft=(rect.left, y))
    surface.blit(surf, dest)
    return dest


def measure(text: str, size: int, *, bold: bool = False, lang: str | None = None) -> tuple[int, int]:
    lay = layout(text, size, None, bold=bold, lang=lang)
    return lay.width, lay.height


def line_height(size: int, *, bold: bool = False, scale: bool = True) -> int:
    """Height of one line at this size, with a script that has tall marks (Arabic) and one that doesn't."""
    return layout("Ag أُ", size, None, bold=bold, lang="en", scale=scale).height
