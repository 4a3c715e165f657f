"""The window's size and place: the largest 16:9 window that fits the desktop, in the middle of the screen.

A lab PC's screen may be smaller than the 1280×720 canvas (1024×768 is common): a window larger than the
desktop would be cut (the Teacher button read "acher"). The canvas is scaled into whatever size is chosen.
"""
from __future__ import annotations

from typing import Optional

import pygame

from .theme import CANVAS_SIZE

#: Room kept free above and below a window that does not fill the screen: a title bar and a task bar.
DESKTOP_RESERVE_H = 80


def window_size_for(desktop: Optional[tuple[int, int]]) -> tuple[int, int]:
    """The largest 16:9 window that fits the desktop with room for a title bar and a task bar: 1280×720
    on a 1280×800 screen, 1024×576 on a 1024×768 lab screen (never wider or taller than the desktop, so
    no control is cut). Unknown desktop: the canvas size."""
    if not desktop or desktop[0] <= 0 or desktop[1] <= 0:
        return CANVAS_SIZE
    cw, ch = CANVAS_SIZE
    width, height = desktop[0], max(ch // 4, desktop[1] - DESKTOP_RESERVE_H)
    scale = min(width / cw, height / ch)
    return max(320, int(cw * scale)), max(180, int(ch * scale))


def desktop_size() -> Optional[tuple[int, int]]:
    """The first screen's size; None without a real screen (the dummy/offscreen drivers of tests and
    previews report a made-up 1024×768: they keep the canvas size)."""
    if pygame.display.get_driver() in ("dummy", "offscreen"):
        return None
    try:
        sizes = pygame.display.get_desktop_sizes()
    except (pygame.error, AttributeError):
        return None
    return tuple(sizes[0]) if sizes else None


def centre_window() -> None:
    """Put the window in the middle of the screen (SDL leaves it where it was, or at 0,0)."""
    import warnings

    try:
        with warnings.catch_warnings():  # from_display_module is deprecated for drawing, not for moving
            warnings.simplefilter("ignore", DeprecationWarning)
            pygame.Window.from_display_module().position = pygame.WINDOWPOS_CENTERED
    except (pygame.error, AttributeError):
        pass
