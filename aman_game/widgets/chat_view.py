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
from .icons import draw_icon

GAP = 12
STRIP_H = 40  # the "earlier / newer messages" strip at the top or bottom of the chat


class ChatView:
    def __init__(self, make_item: Callable[[tuple], ChatItem]):
        self.make_item = make_item  # entry -> ChatItem (text picked in the current language)
        self.entries: list[tuple] = []
        self.items: list[ChatItem] = []
        self.scroll = 0  # px scrolled back from the newest message
        self.typing: Optional[tuple[Optional[str], str]] = None  # (avatar, sender) while someone types
        self.phase = 0.0
        self._rendered_for = None
        self.strips: dict[str, pygame.Rect] = {}  # "up"/"down" -> the strip drawn last frame (clicks scroll)
        self.card_spots: list[tuple[pygame.Rect, ChatItem]] = []  # a card's own buttons on screen

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

    def node_height(self, count: int, width: int, look) -> int:
        """Height of the newest `count` items in a column `width` px wide (measured, not rendered), with the
        gaps between them: the play screen tries to keep the whole exchange being answered in view."""
        items = self.items[-count:] if count > 0 else []
        return sum(measure_item(i, width, look)[1] for i in items) + GAP * max(0, len(items) - 1)

    def show_newest_from_top(self, view_h: int, width: int, look) -> None:
        """When the newest item is taller than the view, scroll so it starts at the top of the view: the
        message being answered is read from its first line; the rest is below (wheel, Page Down)."""
        h = self.newest_height(width, look)
        room = view_h - (STRIP_H if len(self.items) > 1 else 0)  # the strip above says earlier ones are there
        if self.items and not self.typing and h + 2 * GAP > room:
            self.scroll = h + 2 * GAP - room

    def content_height(self) -> int:
        h = sum(i.surface.get_height() + GAP for i in self.items if i.surface is not None)
        return h + (58 if self.typing else 0)

    def scroll_by(self, dy: int, view_h: int) -> None:
        self.scroll = max(0, min(self.scroll + dy, max(0, self.content_height() - view_h + 2 * GAP + STRIP_H)))

    def hit(self, pos) -> Optional[tuple]:
        """What a click at `pos` (canvas) falls on: ("scroll", +1 earlier / -1 newer), ("card", item) for the
        app's own buttons on a card, or None."""
        for direction, rect in self.strips.items():
            if rect.collidepoint(pos):
                return ("scroll", 1 if direction == "up" else -1)
        for rect, item in self.card_spots:
            if rect.collidepoint(pos):
                return ("card", item)
        return None

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, look, rtl: bool) -> None:
        """The items from the newest (at the bottom, less `scroll`) upwards. When earlier items are out of
        view a strip across the top says so, and when newer ones are below (scrolled back) a strip across
        the bottom: the strips take their own room (no item is drawn under them, so the arrows never cover
        words) and a click on one scrolls."""
        self._ensure_rendered(rect.width, look, rtl)
        self.strips, self.card_spots = {}, []
        below = self.scroll > 0
        view = pygame.Rect(rect.left, rect.top, rect.width, rect.height - (STRIP_H if below else 0))
        above = rect.bottom + self.scroll - self.content_height() < rect.top  # the oldest item starts above
        if above:
            view.top, view.height = rect.top + STRIP_H, view.height - STRIP_H
        old_clip = surface.get_clip()
        surface.set_clip(view.clip(old_clip) if old_clip else view)
        bottom = rect.bottom - GAP + self.scroll
        if self.typing:
            avatar, sender = self.typing
            draw_typing(surface, rect.left, bottom, rect.width, look, rtl, self.phase, avatar, sender)
            bottom -= 46 + GAP
        for item in reversed(self.items):
            surf = item.surface
            top = bottom - surf.get_height()
            if top < view.bottom:
                surface.blit(surf, (rect.left + item.x, top))
                for spot in item.spots:
                    hot = spot.move(rect.left + item.x, top).clip(view)
                    if hot.height >= 12:
                        self.card_spots.append((hot, item))
            bottom = top - GAP
            if top < view.top:
                break
        surface.set_clip(old_clip)
        if above:
            self.strips["up"] = _strip(surface, pygame.Rect(rect.left, rect.top, rect.width, STRIP_H), "up", look)
        if below:
            self.strips["down"] = _strip(surface, pygame.Rect(rect.left, rect.bottom - STRIP_H, rect.width, STRIP_H),
                                         "down", look)


def _strip(surface: pygame.Surface, rect: pygame.Rect, icon: str, look) -> pygame.Rect:
    """A strip across the chat saying there is more above (or below): a round arrow button and its words,
    centred, on the chat's own background. Returns the part that takes a click (the whole strip)."""
    from .. import i18n
    from . import label

    pal = _theme.current().palette
    surface.fill(look.background, rect)
    words = i18n._("Earlier messages") if icon == "up" else i18n._("Newer messages")
    lay = label.tight_layout(words, _theme.FONT_SIZES["tiny"], rect.width - 120, bold=True, max_lines=1)
    text = label.render(lay, look.name_color)
    w = 34 + 10 + text.get_width()
    x0 = rect.centerx - w // 2
    rtl = lay.direction == "rtl"
    cx = x0 + w - 17 if rtl else x0 + 17
    cy = rect.centery
    pygame.draw.circle(surface, pal.primary, (cx, cy), 17)
    draw_icon(surface, icon, (cx, cy), 20, pal.on_primary)
    tx = x0 if rtl else x0 + 44
    surface.blit(text, (tx, cy - text.get_height() // 2))
    return rect.copy()
