"""The child's choices: large buttons with a number badge (keys 1–4) at the reading start and, for the
actions done with an app control (block, report, tell an adult), that control's icon at the end."""
from __future__ import annotations

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


def choice_height(text: str, width: int, *, tight: bool = False) -> int:
    """Height of a choice button whose text box is `width` px (the theme's choice box, 2 lines max);
    `tight` trims the padding when the screen is short of room (large text, four long choices)."""
    box = _theme.current().box("choice")
    lay = label.layout(text, box.size, min(width, box.width), max_lines=box.max_lines, scale=False)
    if tight:
        return max(BADGE + 6, lay.height + 6)
    return max(_theme.current().metrics.choice_height - 12, lay.height + 20)


class ChoiceButton(Button):
    def __init__(self, rect, index: int, text: str, action: str, on_activate):
        box = _theme.current().box("choice")
        super().__init__(rect, text, on_activate, name=f"choice:{index}", style="choice", size=box.size, bold=False,
                         radius=16)
        self.index = index
        self.action = action

    def _draw_content(self, surface, rect, fg) -> None:
        th = _theme.current()
        pal = th.palette
        box = th.box("choice")
        rtl = is_rtl()
        pad = 16
        bc = (rect.right - pad - BADGE // 2, rect.centery) if rtl else (rect.left + pad + BADGE // 2, rect.centery)
        pygame.draw.circle(surface, pal.primary, bc, BADGE // 2)
        label.draw(surface, i18n.format_number(self.index + 1), bc, 22, pal.on_primary, bold=True, anchor="center")
        icon = APP_ACTION_ICONS.get(self.action)
        text_w = rect.width - 2 * pad - BADGE - 16 - (END_ICON + 16 if icon else 0)
        text_w = min(text_w, box.width)
        lay = label.layout(self.label, box.size, text_w, max_lines=box.max_lines, scale=False)
        surf = label.render(lay, fg)
        tx = rect.right - pad - BADGE - 16 - surf.get_width() if rtl else rect.left + pad + BADGE + 16
        surface.blit(surf, (tx, rect.centery - surf.get_height() // 2))
        if icon:
            ic = (rect.left + pad + END_ICON // 2, rect.centery) if rtl else (rect.right - pad - END_ICON // 2, rect.centery)
            draw_icon(surface, icon, ic, END_ICON - 8, pal.text_muted)


__all__ = ["ChoiceButton", "choice_height", "APP_ACTION_ICONS", "style_colors"]
