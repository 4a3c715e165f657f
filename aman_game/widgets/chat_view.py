"""The scrolling chat column: its entries, their pre-rendered items, the typing indicator, scrolling.

Entries are kept as their source (a scenario message, a choice's text, a notice's msgid), so a language
switch re-renders every bubble in the new language. The view sticks to the newest message unless the
child scrolls back (wheel, Page Up/Down).
"""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from .. import theme as _theme
from .chat_bubble import ChatItem, draw_typing, measure_item, render_item
from .draw import _cached
from .icons import draw_icon

GAP = 12
FADE_H = 56


def _top_fade(width: int, colour, height: int = FADE_H) -> pygame.Surface:
    """The chat background fading from opaque (top) to clear over `height` px, cached per size and colour."""

    def make():
        surf = pygame.Surface((width, height), pygame.SRCALPHA)
        for y in range(height):
            alpha = round(255 * (1 - y / height) ** 0.8)
            pygame.draw.line(surf, (*colour[:3], alpha), (0, y), (width, y))
        return surf

    return _cached(("chat-top-fade", width, height, tuple(colour)), make)


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

    def keep_first(self, count: int) -> None:
        """Drop every entry after the first `count` (F5 shows the current step's messages again)."""
        del self.entries[count:]
        del self.items[count:]
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

    def newest_height(self, width: int, look) -> int:
        """Height of the newest item in a column `width` px wide (measured, not rendered): the play screen
        keeps at least this much chat above the choices, so the message being answered is seen whole."""
        if not self.items:
            return 0
        return measure_item(self.items[-1], width, look)[1]

    def show_newest_from_top(self, view_h: int, width: int, look) -> None:
        """When the newest item is taller than the view, scroll so it starts at the top of the view: the
        message being answered is read from its first line; the rest is below (wheel, Page Down)."""
        h = self.newest_height(width, look)
        if self.items and not self.typing and h + 2 * GAP > view_h:
            self.scroll = h + 2 * GAP - view_h

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
        whole_top = rect.bottom  # top of the highest item seen whole
        side = self.items[-1].side if self.items else "center"  # side of that item (else the newest's)
        for n, item in enumerate(reversed(self.items)):
            surf = item.surface
            h = surf.get_height()
            top = bottom - h
            if top < rect.bottom:
                surface.blit(surf, (rect.left + item.x, top))
                if top >= rect.top and bottom <= rect.bottom:
                    whole_top, side = top, item.side
            bottom = top - GAP
            if top < rect.top:
                more_above = True
                break
        surface.set_clip(old_clip)
        newest_cut = whole_top == rect.bottom and bool(self.items)  # not even the newest item is seen whole
        if more_above:  # earlier messages are above: wheel or Page Up reads them
            # the cut-off bubble fades out under the header, but the fade never reaches an item seen whole
            # or the newest item: the message being answered is never dimmed or covered
            fade = 0 if newest_cut else min(FADE_H, whole_top - rect.top)
            if fade >= 8:
                surface.blit(_top_fade(rect.width, look.background, fade), rect.topleft)
            _hint(surface, rect, "up", None if fade >= 40 else side, rtl)
        if self.scroll > 0:  # a hint that newer messages are below
            _hint(surface, rect, "down", side if newest_cut else None, rtl)


def _hint(surface: pygame.Surface, rect: pygame.Rect, icon: str, side: Optional[str], rtl: bool) -> None:
    """A scroll arrow at the top or bottom of the chat column: centred, or — when `side` names the side of
    the item it would cover — in the corner across from that side (the other person's bubbles sit at the
    reading start, the child's at the end), so it never sits on words being read."""
    pal = _theme.current().palette
    up = icon == "up"
    y = rect.top + 22 if up else rect.bottom - 26
    if side is None:
        x = rect.centerx
    else:
        toward_left = ((side == "me") != rtl) if side != "center" else rtl
        x = rect.left + 22 if toward_left else rect.right - 22
    pygame.draw.circle(surface, pal.primary, (x, y), 17 if up else 20)
    draw_icon(surface, icon, (x, y), 20 if up else 22, pal.on_primary)
