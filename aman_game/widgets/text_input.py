"""A one-line text field for the only thing a child types: a nickname (Arabic or Latin, ≤ 16 characters).

Text comes from pygame TEXTINPUT events (so any keyboard layout and input method works); Backspace
removes the last character together with any vowel marks on it. Only letters, digits, marks, spaces and
_ - . are kept: no emoji or symbols the bundled fonts cannot draw. The paragraph direction follows the
text itself, so an Arabic nickname reads right to left even on the English screen.
"""
from __future__ import annotations

import unicodedata
from typing import Callable, Optional

import pygame

from .. import theme as _theme
from ..theme import FONT_SIZES
from . import label
from .base import Widget
from .draw import focus_ring, panel

ALLOWED_PUNCT = set("_-. ")


def clean_piece(text: str) -> str:
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LNM" or ch in ALLOWED_PUNCT:
            out.append(" " if cat == "Zs" else ch)
    return "".join(out)


def drop_last_char(text: str) -> str:
    """Remove the last base character and the combining marks after it (an Arabic letter with harakat)."""
    i = len(text)
    while i > 0 and unicodedata.combining(text[i - 1]):
        i -= 1
    return text[: max(0, i - 1)]


def base_length(text: str) -> int:
    return sum(1 for ch in text if not unicodedata.combining(ch))


class TextInput(Widget):
    takes_text = True

    def __init__(self, rect, value: str = "", *, name: str = "text", max_chars: int = 16,
                 placeholder: str = "", on_change: Optional[Callable[[str], None]] = None,
                 on_submit: Optional[Callable[[], None]] = None):
        super().__init__(rect, None, name=name)
        self.value = value
        self.max_chars = max_chars
        self.placeholder = placeholder
        self.on_change = on_change
        self.on_submit = on_submit
        self.caret_on = True

    def live(self, focused: bool) -> bool:
        return True  # the caret and the text change as the child types

    def activate(self) -> bool:
        """Enter in the field submits it (the screen's primary action: Continue, Save); typing goes
        through TEXTINPUT."""
        if self.on_submit is not None:
            self.on_submit()
        return True

    def insert(self, text: str) -> bool:
        piece = clean_piece(text)
        if not piece:
            return False
        new = self.value
        for ch in piece:
            if unicodedata.combining(ch) or base_length(new) < self.max_chars:
                new += ch
        if new.startswith(" "):
            new = new.lstrip()
        new = new.replace("  ", " ")
        if new != self.value:
            self.value = new
            if self.on_change:
                self.on_change(self.value)
            return True
        return False

    def handle_text_event(self, event) -> bool:
        if event.type == pygame.TEXTINPUT:
            self.insert(event.text)
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            if self.value:
                self.value = drop_last_char(self.value)
                if self.on_change:
                    self.on_change(self.value)
            return True
        return False

    def draw(self, surface, focused=False):
        th = _theme.current()
        pal, m = th.palette, th.metrics
        panel(surface, self.rect, pal.surface, radius=m.radius_small, border=pal.primary if focused else pal.border)
        inner = self.rect.inflate(-2 * m.pad, 0)
        size = FONT_SIZES["heading"]
        if self.value:
            lay = label.layout(self.value, size, inner.width, max_lines=1)
            surf = label.render(lay, pal.text)
            y = inner.centery - surf.get_height() // 2
            surface.blit(surf, (inner.left, y))
            line = lay.lines[0] if lay.lines else None
            if line is not None and self.caret_on:
                cx = inner.left + (line.x if lay.direction == "rtl" else line.x + line.width) + (-4 if lay.direction == "rtl" else 3)
                pygame.draw.line(surface, pal.primary, (cx, inner.centery - 20), (cx, inner.centery + 20), 3)
        else:
            label.draw_in(surface, self.placeholder, inner, FONT_SIZES["body"], pal.text_muted, max_lines=1)
            if self.caret_on:
                rtl = label.layout(self.placeholder or "a", FONT_SIZES["body"], None).direction == "rtl"
                cx = inner.right if rtl else inner.left
                pygame.draw.line(surface, pal.primary, (cx, inner.centery - 20), (cx, inner.centery + 20), 3)
        if focused:
            focus_ring(surface, self.rect, m.radius_small)
