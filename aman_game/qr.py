"""QR codes for web links (the kiosk opens no browser, so a phone can take the address home).

segno builds the code offline; we paint its module matrix on a pygame Surface with a quiet zone, at
a whole number of pixels per module (crisp for phone cameras), cached per (text, size, colours).
"""
from __future__ import annotations

import functools

import pygame


@functools.lru_cache(maxsize=64)
def _matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    import segno

    code = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def qr_surface(text: str, size: int, dark=(0, 0, 0), light=(255, 255, 255), quiet: int = 2) -> pygame.Surface:
    """A square Surface at most `size` px wide showing the QR code of `text`."""
    return _qr_surface(text, int(size), tuple(dark), tuple(light), int(quiet))


@functools.lru_cache(maxsize=64)
def _qr_surface(text, size, dark, light, quiet) -> pygame.Surface:
    matrix = _matrix(text)
    n = len(matrix) + 2 * quiet
    module = max(1, size // n)
    side = module * n
    surf = pygame.Surface((side, side))
    surf.fill(light)
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                surf.fill(dark, pygame.Rect((x + quiet) * module, (y + quiet) * module, module, module))
    return surf


def decode_matrix(surface: pygame.Surface, text: str, quiet: int = 2) -> bool:
    """True when `surface` shows exactly the module matrix of `text` (a check for tests; no decoder needed)."""
    matrix = _matrix(text)
    n = len(matrix) + 2 * quiet
    module = surface.get_width() // n
    if module < 1:
        return False
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            px = surface.get_at(((x + quiet) * module + module // 2, (y + quiet) * module + module // 2))
            if (sum(px[:3]) < 384) != on:
                return False
    return True
