"""Shape primitives every widget shares: rounded panels with soft shadows, supersampled drawings.

Expensive pieces (blurred shadows, anti-aliased drawings) are made once per size and cached, so a frame
costs only blits. Colours come from the theme; nothing here picks a colour of its own.
"""
from __future__ import annotations

from typing import Callable, Hashable

import pygame

from .. import theme as _theme
from ..text.cache import ByteLRU

_SUPERSAMPLE = 3
# Bounded in bytes, not entries: a few full-width panels weigh as much as hundreds of small icons. 12 MB
# holds the backdrops (3.7 MB each at 1280×720) of the two themes a session uses and every shadow and
# drawing of the screens on the stack.
_CACHE_BYTES = 12 << 20
_cache: ByteLRU[pygame.Surface] = ByteLRU(
    _CACHE_BYTES, lambda s: s.get_width() * s.get_height() * s.get_bytesize() + 64)


def _cached(key: Hashable, make: Callable[[], pygame.Surface | None]) -> pygame.Surface | None:
    """The cached surface for `key`, made on a miss. A maker that could not make one (a picture that is not
    an image) returns None: that is handed back, not cached, so the caller draws its fallback."""
    surf = _cache.get(key)
    if surf is None:
        made = make()
        if made is None:
            return None
        surf = _cache.put(key, made)
    return surf


def rounded_rect(surface: pygame.Surface, color, rect, radius: int, width: int = 0) -> None:
    """A rounded rectangle; colours with alpha are blended rather than written over."""
    rect = pygame.Rect(rect)
    if rect.width <= 0 or rect.height <= 0:
        return
    radius = max(0, min(radius, rect.width // 2, rect.height // 2))
    if len(color) == 4 and color[3] < 255:
        tmp = _cached(("rr", rect.size, tuple(color), radius, width), lambda: _alpha_rr(rect.size, color, radius, width))
        surface.blit(tmp, rect.topleft)
    else:
        pygame.draw.rect(surface, color, rect, width, border_radius=radius)


def _alpha_rr(size, color, radius, width) -> pygame.Surface:
    tmp = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(tmp, color, tmp.get_rect(), width, border_radius=radius)
    return tmp


def shadow(surface: pygame.Surface, rect, radius: int, offset: int | None = None) -> None:
    """A soft drop shadow under a panel (none in high contrast, where borders carry the shape)."""
    th = _theme.current()
    color = th.palette.shadow
    if len(color) < 4 or color[3] == 0:
        return
    rect = pygame.Rect(rect)
    off = th.metrics.shadow_offset if offset is None else offset
    blur = 8
    surf = _cached(("shadow", rect.size, radius, tuple(color)), lambda: _make_shadow(rect.size, radius, color, blur))
    surface.blit(surf, (rect.x - blur * 2, rect.y - blur * 2 + off))


def _make_shadow(size, radius, color, blur) -> pygame.Surface:
    w, h = size
    pad = blur * 2
    surf = pygame.Surface((w + pad * 2, h + pad * 2), pygame.SRCALPHA)
    pygame.draw.rect(surf, color, pygame.Rect(pad, pad, w, h), border_radius=radius)
    return pygame.transform.gaussian_blur(surf, blur)


def panel(surface: pygame.Surface, rect, fill=None, *, radius: int | None = None, border=None,
          lifted: bool = True) -> pygame.Rect:
    """A card: shadow, fill and (in high contrast, or when asked) a border."""
    th = _theme.current()
    rect = pygame.Rect(rect)
    radius = th.metrics.radius if radius is None else radius
    if lifted:
        shadow(surface, rect, radius)
    rounded_rect(surface, fill or th.palette.surface, rect, radius)
    if border is not None or th.high_contrast:
        rounded_rect(surface, border or th.palette.border, rect, radius, th.outline())
    return rect


def focus_ring(surface: pygame.Surface, rect, radius: int | None = None) -> None:
    """The visible keyboard focus: a thick ring outside the focused control, in a colour and a shape."""
    th = _theme.current()
    m = th.metrics
    ring = pygame.Rect(rect).inflate(2 * (m.focus_gap + m.focus_width), 2 * (m.focus_gap + m.focus_width))
    r = (th.metrics.radius if radius is None else radius) + m.focus_gap + m.focus_width
    rounded_rect(surface, th.palette.focus, ring, r, m.focus_width)


def supersampled(key: Hashable, size: tuple[int, int], paint: Callable[[pygame.Surface, float], None]) -> pygame.Surface:
    """Paint at 3x on a transparent surface and scale down smoothly: cheap anti-aliasing, cached by key.

    `paint(surface, scale)` draws in its own units multiplied by `scale` (the 3x canvas factor times the
    ratio of the requested size to the painter's unit box, which the painter decides)."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))

    def make() -> pygame.Surface:
        big = pygame.Surface((w * _SUPERSAMPLE, h * _SUPERSAMPLE), pygame.SRCALPHA)
        paint(big, float(_SUPERSAMPLE))
        return pygame.transform.smoothscale(big, (w, h))

    return _cached(("ss", key, w, h), make)


def clear_cache() -> None:
    _cache.clear()
