"""Direction-aware placement: layout speaks of start and end, never left and right.

A screen builds its rectangles as if for a left-to-right language, then passes each through `Frame.place`,
which mirrors it inside its container when the language reads right to left. Bubble sides, avatars,
buttons, header controls and progress all flip through this one path.
"""
from __future__ import annotations

import pygame

from .. import i18n
from ..theme import CANVAS_SIZE


def is_rtl(lang: str | None = None) -> bool:
    return i18n.direction(lang or i18n.current_language()) == "rtl"


class Frame:
    """A container rectangle and a reading direction; converts start/end positions to canvas x."""

    def __init__(self, rect=None, rtl: bool | None = None):
        self.rect = pygame.Rect(rect if rect is not None else (0, 0, *CANVAS_SIZE))
        self.rtl = is_rtl() if rtl is None else rtl

    def place(self, rect) -> pygame.Rect:
        """Mirror a rect given in left-to-right terms (relative to the canvas) inside this frame."""
        r = pygame.Rect(rect)
        if self.rtl:
            r.x = self.rect.left + self.rect.right - r.right
        return r

    def x(self, x: float, width: float = 0) -> int:
        """Canvas x of something `width` wide whose left-to-right x would be `x`."""
        if self.rtl:
            return round(self.rect.left + self.rect.right - x - width)
        return round(x)

    def start(self, inset: int, width: int) -> int:
        """x of a box `width` wide, `inset` px from the start edge."""
        return self.x(self.rect.left + inset, width)

    def end(self, inset: int, width: int) -> int:
        """x of a box `width` wide, `inset` px from the end edge."""
        return self.x(self.rect.right - inset - width, width)

    def row(self, widths: list[int], gap: int, *, y: int, height: int, inset: int = 0,
            from_end: bool = False) -> list[pygame.Rect]:
        """Boxes laid side by side in reading order from the start (or packed against the end)."""
        rects, cursor = [], inset
        for w in widths:
            if from_end:
                x = self.rect.right - cursor - w
                rects.append(self.place(pygame.Rect(x, y, w, height)))
            else:
                rects.append(self.place(pygame.Rect(self.rect.left + cursor, y, w, height)))
            cursor += w + gap
        return rects

    @property
    def start_anchor(self) -> str:
        return "topright" if self.rtl else "topleft"

    @property
    def end_anchor(self) -> str:
        return "topleft" if self.rtl else "topright"


def forward_key(key: int, rtl: bool) -> int:
    """+1 when an arrow key moves forward in reading order, -1 backward, 0 for other keys.

    Right goes forward in a left-to-right language; in Arabic, Left does. Down is always forward."""
    import pygame as pg

    if key == pg.K_DOWN:
        return 1
    if key == pg.K_UP:
        return -1
    if key == pg.K_RIGHT:
        return -1 if rtl else 1
    if key == pg.K_LEFT:
        return 1 if rtl else -1
    return 0
