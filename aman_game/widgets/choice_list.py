"""The child's choices: large buttons with a number badge (keys 1–4) at the reading start and, for the
actions done with an app control (block, report, tell an adult), that control's icon at the end."""
from __future__ import annotations

from typing import Optional

import pygame

from .. import i18n
from .. import theme as _theme
from . import label
from .button import Button, style_colors
from .icons import draw_icon
from .layout import is_rtl

APP_ACTION_ICONS = {"block": "block", "report": "report", "tell_adult": "adult"}
BADGE = 44
END_ICON = 40
PAD = 12  # badge inset: with an end icon the words get exactly the choice box's width (960 px)


def choice_text_width(button_width: int, action: str) -> int:
    """Width of a choice's words inside a button `button_width` px wide (badge at the start, the app
    control's icon at the end), never wider than the theme's choice box."""
    icon = APP_ACTION_ICONS.get(action)
    inner = button_width - 2 * PAD - BADGE - 16 - (END_ICON + 16 if icon else 0)
    return min(inner, _theme.current().box("choice").width)


def choice_layout(text: str, button_width: int, action: str = ""):
    """The choice's words as the button draws them: the choice box at the active text-size step (2 lines
    at the normal step, 3 at the larger ones), so a choice that fits at the normal size is never cut."""
    box = _theme.current().box("choice")
    return label.layout(text, box.size, choice_text_width(button_width, action), max_lines=box.max_lines,
                        scale=False)


def choice_height(text: str, button_width: int, action: str = "", *, tight: bool = False) -> int:
    """Height of a choice button `button_width` px wide: its words plus padding; `tight` trims the padding
    when the screen is short of room (large text, four long choices)."""
    lay = choice_layout(text, button_width, action)
    if tight:
        return max(BADGE + 6, lay.height + 8)
    return max(_theme.current().metrics.choice_height - 12, lay.height + 20)


def arrange(choices: list[tuple[str, str]], width: int, gap: int, *, columns: int = 1,
            tight: bool = False) -> Optional[tuple[list[pygame.Rect], int]]:
    """Rects (left-to-right terms, from (0, 0)) for choices given as (text, action), and their total height:
    one per row, or two per row in reading order when the screen is short of room (the chat above must keep
    the message being answered); each row as tall as its fuller choice. None when a choice would be cut in
    a column that narrow (its words need more lines than the choice box holds)."""
    col_w = width if columns == 1 else (width - gap * (columns - 1)) // columns
    if columns > 1 and any(choice_layout(text, col_w, action).truncated for text, action in choices):
        return None
    rects, y = [], 0
    for start in range(0, len(choices), columns):
        row = choices[start:start + columns]
        h = max(choice_height(text, col_w, action, tight=tight) for text, action in row)
        for k in range(len(row)):
            rects.append(pygame.Rect(k * (col_w + gap), y, col_w, h))
        y += h + gap
    return rects, max(0, y - gap)


class ChoiceButton(Button):
    def __init__(self, rect, index: int, text: str, action: str, on_activate):
        box = _theme.current().box("choice")
        super().__init__(rect, text, on_activate, name=f"choice:{index}", style="choice", size=box.size, bold=False,
                         radius=16)
        self.index = index
        self.action = action
        self.clip: Optional[pygame.Rect] = None  # the scrolling view the button is seen through, if any

    def hit(self, pos) -> bool:
        return super().hit(pos) and (self.clip is None or self.clip.collidepoint(pos))

    def draw(self, surface, focused: bool = False) -> None:
        if self.clip is None:
            super().draw(surface, focused)
            return
        old = surface.get_clip()
        # the focus ring sits just outside the button: keep it inside the view's margin too
        surface.set_clip(self.clip.inflate(12, 12).clip(old) if old else self.clip.inflate(12, 12))
        try:
            super().draw(surface, focused)
        finally:
            surface.set_clip(old)

    def text_layout(self):
        """The words as drawn (the large-text audit checks they are never cut)."""
        return choice_layout(self.label, self.rect.width, self.action)

    def _draw_content(self, surface, rect, fg) -> None:
        th = _theme.current()
        pal = th.palette
        rtl = is_rtl()
        pad = PAD
        bc = (rect.right - pad - BADGE // 2, rect.centery) if rtl else (rect.left + pad + BADGE // 2, rect.centery)
        pygame.draw.circle(surface, pal.primary, bc, BADGE // 2)
        label.draw(surface, i18n.format_number(self.index + 1), bc, 22, pal.on_primary, bold=True, anchor="center")
        icon = APP_ACTION_ICONS.get(self.action)
        surf = label.render(self.text_layout(), fg)
        tx = rect.right - pad - BADGE - 16 - surf.get_width() if rtl else rect.left + pad + BADGE + 16
        surface.blit(surf, (tx, rect.centery - surf.get_height() // 2))
        if icon:
            ic = (rect.left + pad + END_ICON // 2, rect.centery) if rtl else (rect.right - pad - END_ICON // 2, rect.centery)
            draw_icon(surface, icon, ic, END_ICON - 8, pal.text_muted)


__all__ = ["ChoiceButton", "arrange", "choice_height", "choice_layout", "APP_ACTION_ICONS", "style_colors"]
