"""Buttons: text with an optional icon at the reading start, in a few styles taken from the theme.

The label is a string or a callable returning one, so a button built once still follows a language
switch; screens rebuild their buttons on re-layout anyway (positions mirror).
"""
from __future__ import annotations

from typing import Callable, Optional, Union

import pygame

from .. import theme as _theme
from . import label
from .base import Widget
from .draw import focus_ring, panel, rounded_rect
from .icons import draw_icon
from .layout import is_rtl

Text = Union[str, Callable[[], str]]


def _resolve(text: Text) -> str:
    return text() if callable(text) else (text or "")


def style_colors(style: str, hover: bool = False):
    """(fill, text colour, border) of a button style."""
    p = _theme.current().palette
    if style == "primary":
        return (p.primary_hover if hover else p.primary), p.on_primary, None
    if style == "danger":
        return p.danger, p.on_danger, None
    if style == "safe":
        return p.safe, p.on_primary, None
    if style == "ghost":
        return (p.primary_soft if hover else None), p.primary, None
    if style == "selected":
        return p.primary_soft, p.text, p.primary
    # secondary / choice
    return (p.surface_alt if hover else p.surface), p.on_secondary, p.border


class Button(Widget):
    def __init__(self, rect, text: Text, on_activate: Optional[Callable[[], None]] = None, *, name: str = "",
                 style: str = "primary", icon: str | None = None, size: int | None = None, bold: bool = True,
                 radius: int | None = None, colors: tuple | None = None):
        super().__init__(rect, on_activate, name=name or (text if isinstance(text, str) else ""))
        self.text = text
        self.style = style
        self.icon = icon
        self.size = size or _theme.FONT_SIZES["button"]
        self.bold = bold
        self.radius = radius
        self.colors = colors  # (fill, text, border) overriding the style, e.g. for a mock app's own colours

    @property
    def label(self) -> str:
        return _resolve(self.text)

    def draw(self, surface: pygame.Surface, focused: bool = False) -> None:
        th = _theme.current()
        m = th.metrics
        radius = m.radius if self.radius is None else self.radius
        fill, fg, border = self.colors or style_colors(self.style, self.hover and self.enabled)
        rect = self.rect.move(0, 2) if self.pressed else self.rect
        if self.highlight > 0:
            # "look here" glow in the control's own text colour: never the focus ring's colour, so the one
            # amber ring on screen is always where the keyboard focus is
            glow = rect.inflate(round(10 + 10 * self.highlight), round(10 + 10 * self.highlight))
            rounded_rect(surface, (*fg[:3], round(70 + 110 * self.highlight)), glow,
                         radius + 8, max(2, round(5 * self.highlight)))
        if fill is not None:
            panel(surface, rect, fill, radius=radius, border=border, lifted=self.style not in ("ghost",))
        elif border is not None:
            rounded_rect(surface, border, rect, radius, th.outline())
        if not self.enabled:
            rounded_rect(surface, (*th.palette.bg[:3], 150), rect, radius)
        self._draw_content(surface, rect, fg)
        if focused:
            focus_ring(surface, rect, radius)

    def _draw_content(self, surface: pygame.Surface, rect: pygame.Rect, fg) -> None:
        m = _theme.current().metrics
        text = self.label
        icon_px = round(min(rect.height * 0.5, _theme.current().size(self.size) * 1.25)) if self.icon else 0
        gap = m.gap // 2 + 2 if (self.icon and text) else 0
        pad = min(m.pad, rect.height // 3)
        avail = max(10, rect.width - 2 * pad - icon_px - gap)
        lay = label.fit_size(text, self.size, avail, rect.height - 6, bold=self.bold, align="center") if text else None
        tw = lay.width if lay else 0
        total = icon_px + gap + tw
        x0 = rect.centerx - total // 2
        rtl = is_rtl()
        if self.icon:
            ix = (x0 + total - icon_px // 2) if rtl else (x0 + icon_px // 2)
            draw_icon(surface, self.icon, (ix, rect.centery), icon_px, fg, rtl=rtl)
        if lay:
            surf = label.render(lay, fg)
            tx = x0 if rtl else x0 + icon_px + gap
            surface.blit(surf, (tx, rect.centery - surf.get_height() // 2))


class IconButton(Button):
    """A round or square control showing only an icon (with its words kept for narration and tests)."""

    def __init__(self, rect, icon: str, on_activate=None, *, name: str = "", words: Text = "", style: str = "ghost",
                 colors: tuple | None = None, radius: int | None = None):
        super().__init__(rect, words, on_activate, name=name, style=style, icon=icon, colors=colors, radius=radius)

    def _draw_content(self, surface, rect, fg) -> None:
        draw_icon(surface, self.icon, rect.center, round(min(rect.width, rect.height) * 0.55), fg, rtl=is_rtl())


class Toggle(Button):
    """An on/off switch with its label at the start and the switch at the end; the state also in words."""

    def __init__(self, rect, text: Text, value: bool, on_change: Callable[[bool], None], *, name: str = "",
                 on_words: Text = "On", off_words: Text = "Off"):
        super().__init__(rect, text, None, name=name, style="secondary", bold=False, size=_theme.FONT_SIZES["body"])
        self.value = value
        self.on_change = on_change
        self.on_words, self.off_words = on_words, off_words
        self.on_activate = self._flip

    def _flip(self) -> None:
        self.value = not self.value
        self.on_change(self.value)

    def _draw_content(self, surface, rect, fg) -> None:
        th = _theme.current()
        p, m = th.palette, th.metrics
        rtl = is_rtl()
        sw, sh = 72, 38
        sx = rect.left + m.pad if rtl else rect.right - m.pad - sw
        sw_rect = pygame.Rect(sx, rect.centery - sh // 2, sw, sh)
        rounded_rect(surface, p.primary if self.value else p.star_empty, sw_rect, sh // 2)
        knob_x = (sw_rect.right - sh // 2) if (self.value != rtl) else (sw_rect.left + sh // 2)
        pygame.draw.circle(surface, p.surface if not th.high_contrast else p.on_primary, (knob_x, sw_rect.centery), sh // 2 - 5)
        words = _resolve(self.on_words if self.value else self.off_words)
        wl = label.layout(words, _theme.FONT_SIZES["small"], None, bold=True)
        ws = label.render(wl, p.text)
        wx = sw_rect.right + m.gap if rtl else sw_rect.left - m.gap - ws.get_width()
        surface.blit(ws, (wx, rect.centery - ws.get_height() // 2))
        avail = rect.width - 2 * m.pad - sw - ws.get_width() - 2 * m.gap
        # two lines at most, a little smaller before they would spill out of the switch's card
        lay = label.fit_size(self.label, self.size, avail, rect.height - 6, max_lines=2, min_scale=0.75)
        surf = label.render(lay, fg)
        tx = rect.right - m.pad - surf.get_width() if rtl else rect.left + m.pad
        surface.blit(surf, (tx, rect.centery - surf.get_height() // 2))
