"""The chrome of the mock app: its window, header (contact or lobby) and message composer.

Two looks from the theme make two different apps: a messenger (blue header, a contact's picture and
"online", round bubbles with tails) and a game lobby's chat (dark, gold names, squarer bubbles, the
game's name in the header). Header controls (Block, Report, Tell an adult) are Buttons the play screen
owns; this module only paints around them, mirrored for right-to-left.
"""
from __future__ import annotations

from typing import Optional

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES, AppLook
from . import label
from .avatars import image_avatar
from .draw import _cached, panel, rounded_rect
from .icons import draw_icon

_ = i18n._
HEADER_H = 76
COMPOSER_H = 58


def chat_background(size, look: AppLook) -> pygame.Surface:
    """The chat area's backdrop: the look's colour with a faint pattern (dots or a grid), cached."""

    def make():
        surf = pygame.Surface(size)
        surf.fill(look.background)
        if look.pattern != look.background:
            if look.tail:  # messenger: soft dots
                for y in range(18, size[1], 44):
                    for x in range(18 + (y // 44 % 2) * 22, size[0], 44):
                        pygame.draw.circle(surf, look.pattern, (x, y), 3)
            else:  # lobby: a faint grid
                for x in range(0, size[0], 48):
                    pygame.draw.line(surf, look.pattern, (x, 0), (x, size[1]))
                for y in range(0, size[1], 48):
                    pygame.draw.line(surf, look.pattern, (0, y), (size[0], y))
        return surf

    return _cached(("chat-bg", tuple(size), look), make)


def draw_window(surface: pygame.Surface, rect: pygame.Rect, look: AppLook) -> pygame.Rect:
    """The app's window with its header band; returns the chat area (below the header)."""
    th = _theme.current()
    panel(surface, rect, look.background, radius=22, border=look.header if th.high_contrast else None)
    header = pygame.Rect(rect.left, rect.top, rect.width, HEADER_H)
    rounded_rect(surface, look.header, header, 22)
    pygame.draw.rect(surface, look.header, pygame.Rect(rect.left, rect.top + 30, rect.width, HEADER_H - 30))
    if th.high_contrast:
        pygame.draw.line(surface, look.on_header, (rect.left, header.bottom - 1), (rect.right - 1, header.bottom - 1), 2)
    chat = pygame.Rect(rect.left, header.bottom, rect.width, rect.height - HEADER_H - 14)
    surface.blit(chat_background(chat.size, look), chat.topleft)
    return chat


def header_title_layout(title: str, width: int):
    """The contact's or the app's name in the header, one line in `width` px (the large-text audit checks it)."""
    return label.layout(title, FONT_SIZES["small"] + 2, width, bold=True, max_lines=1)


def draw_header_identity(surface: pygame.Surface, header: pygame.Rect, look: AppLook, *, lobby: bool, title: str,
                         subtitle: str, avatar: Optional[str], key: str, rtl: bool, width: int) -> None:
    """The contact's picture and name (messenger) or the game's badge and name (lobby), at the start."""
    size = 50
    x = header.right - 20 - size if rtl else header.left + 20
    y = header.centery - size // 2
    if lobby:
        r = pygame.Rect(x, y, size, size)
        rounded_rect(surface, look.accent, r, 14)
        draw_icon(surface, "app", r.center, 30, look.on_accent)
    else:
        surface.blit(image_avatar(avatar, key, size), (x, y))
        dot = (x + size - 6, y + size - 6) if not rtl else (x + size - 6, y + size - 6)
        pygame.draw.circle(surface, look.header, dot, 9)
        pygame.draw.circle(surface, (90, 210, 120), dot, 6)
    tx = header.right - 20 - size - 16 - width if rtl else header.left + 20 + size + 16
    name_box = pygame.Rect(tx, header.top + 10, width, 34)
    lay = header_title_layout(title, width)
    ts = label.render(lay, look.on_header)
    surface.blit(ts, (name_box.right - ts.get_width() if rtl else name_box.left, name_box.centery - ts.get_height() // 2))
    sub_box = pygame.Rect(tx, header.top + 42, width, 26)
    label.draw_in(surface, subtitle, sub_box, FONT_SIZES["tiny"] - 1, look.on_header, max_lines=1)


def draw_composer(surface: pygame.Surface, rect: pygame.Rect, look: AppLook, text: str, rtl: bool) -> None:
    """A message field the child cannot type in (their words are the choices), with a send button."""
    rounded_rect(surface, look.composer, rect, rect.height // 2)
    if _theme.current().high_contrast:
        rounded_rect(surface, look.on_composer, rect, rect.height // 2, 2)
    inner = rect.inflate(-2 * 24 - rect.height, 0)
    if rtl:
        inner.x = rect.left + 24 + rect.height
    else:
        inner.x = rect.left + 24
    label.draw_in(surface, text, inner, FONT_SIZES["small"], look.on_composer, max_lines=1)
    c = (rect.left + rect.height // 2 + 4, rect.centery) if rtl else (rect.right - rect.height // 2 - 4, rect.centery)
    pygame.draw.circle(surface, look.accent, c, rect.height // 2 - 6)
    draw_icon(surface, "next", c, rect.height // 2 - 4, look.on_accent, rtl=rtl)
