"""The scrolling chat column: its entries, their pre-rendered items, the typing indicator, scrolling.

Entries are kept as their source (a scenario message, a choice's text, a notice's msgid), so a language
switch re-renders every bubble in the new language. The view sticks to the newest message unless the
child scrolls back (wheel, Page Up/Down).
"""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from .. import theme as _theme
from .chat_bubble import ChatItem, draw_typing, render_item
from .draw import _cached
from .icons import draw_icon

GAP = 12
FADE_H = 56


def _top_fade(width: int, colour) -> pygame.Surface:
    """The chat background fading from opaque (top) to clear over FADE_H px, cached per width and colour."""

    def make():
        surf = pygame.Surface((width, FADE_H), pygame.SRCALPHA)
        for y in range(FADE_H):
            alpha = round(255 * (1 - y / FADE_H) ** 0.8)
            pygame.draw.line(surf, (*colour[:3], alpha), (0, y), (width, y))
        return surf

    return _cached(("chat-top-fade", width, tuple(colour)), make)


class ChatView:
    def __init__(self, make_item: Callable[[tuple], ChatItem]):
        self.make_item = make_item  # entry -> ChatItem (text picked in the current language)
        self.entries: list[tuple] = []
        self.items: list[ChatItem] = []
        self.scroll = 0  # px scrolled back from the newest message
        self.typing: Optional[tuple[Optional[str], str]] = None  # (avatar, sender) while someone types
        self.phase = 0.0
        self._rendered_for = None

    def add(self, entry: tuple) -> ChatItem:
        self.entries.append(entry)
        item = self.make_item(entry)
        self.items.append(item)
        if self._rendered_for is not None:
            render_item(item, *self._rendered_for)
        self.scroll = 0
        return item

    def clear(self) -> None:
        self.entries.clear()
        self.items.clear()
        self.scroll = 0

    def rebuild(self) -> None:
        """Re-create every item from its entry (language, text size or contrast changed)."""
        self.items = [self.make_item(e) for e in self.entries]
        self._rendered_for = None

    def _ensure_rendered(self, width: int, look, rtl: bool) -> None:
        key = (width, look, rtl)
        if self._rendered_for != key:
            for item in self.items:
                render_item(item, width, look, rtl)
            self._rendered_for = key

    def content_height(self) -> int:
        h = sum(i.surface.get_height() + GAP for i in self.items if i.surface is not None)
        return h + (58 if self.typing else 0)

    def scroll_by(self, dy: int, view_h: int) -> None:
        self.scroll = max(0, min(self.scroll + dy, max(0, self.content_height() - view_h + 2 * GAP)))

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, look, rtl: bool) -> None:
        self._ensure_rendered(rect.width, look, rtl)
        old_clip = surface.get_clip()
        surface.set_clip(rect.clip(old_clip) if old_clip else rect)
        bottom = rect.bottom - GAP + self.scroll
        if self.typing:
            avatar, sender = self.typing
            draw_typing(surface, rect.left, bottom, rect.width, look, rtl, self.phase, avatar, sender)
            bottom -= 46 + GAP
        more_above = False
        for n, item in enumerate(reversed(self.items)):
            surf = item.surface
            h = surf.get_height()
            top = bottom - h
            if top < rect.bottom:
                surface.blit(surf, (rect.left + item.x, top))
            bottom = top - GAP
            if top < rect.top:
                more_above = True
                break
        surface.set_clip(old_clip)
        if more_above:  # earlier messages are above: wheel or Page Up reads them
            pal = _theme.current().palette
            # the cut-off bubble fades out under the header, so the arrow never sits on readable words
            surface.blit(_top_fade(rect.width, look.background), rect.topleft)
            c = (rect.centerx, rect.top + 22)
            pygame.draw.circle(surface, pal.primary, c, 17)
            draw_icon(surface, "up", c, 20, pal.on_primary)
        if self.scroll > 0:  # a hint that newer messages are below
            pal = _theme.current().palette
            c = (rect.centerx, rect.bottom - 26)
            pygame.draw.circle(surface, pal.primary, c, 20)
            draw_icon(surface, "down", c, 22, pal.on_primary)
