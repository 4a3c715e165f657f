"""Profile: a nickname (never a real name — the screen says so) and an animal picture.

Players who already played on this computer appear as quick picks, so a child can continue where they
stopped. Only the nickname and the picture's name are kept (aman_game.progress).
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.avatars import AVATARS, avatar_surface
from ..widgets.base import Widget
from ..widgets.button import Button
from ..widgets.draw import focus_ring, panel, rounded_rect
from ..widgets.icons import draw_icon
from ..widgets.layout import is_rtl
from ..widgets.text_input import TextInput
from .base import Screen

_ = i18n._


class AvatarChoice(Widget):
    def __init__(self, rect, avatar: str, on_activate, selected: bool):
        super().__init__(rect, on_activate, name=f"avatar:{avatar}")
        self.avatar = avatar
        self.selected = selected

    def draw(self, surface, focused=False):
        pal = _theme.current().palette
        size = self.rect.width
        if self.selected or self.hover:
            pygame.draw.circle(surface, pal.primary if self.selected else pal.border, self.rect.center, size // 2 + 6,
                               5 if self.selected else 3)
        surface.blit(avatar_surface(self.avatar, size), self.rect)
        if self.selected:  # a tick badge: selection is a shape too, not only a colour
            c = (self.rect.right - 10, self.rect.bottom - 10)
            pygame.draw.circle(surface, pal.surface, c, 17)
            draw_icon(surface, "safe", c, 30, pal.primary)
        if focused:
            focus_ring(surface, self.rect, size // 2)


class PlayerChip(Button):
    def __init__(self, rect, nickname: str, avatar: str | None, on_activate):
        super().__init__(rect, nickname, on_activate, name=f"player:{nickname}", style="secondary", bold=False,
                         size=FONT_SIZES["small"], radius=28)
        self.avatar = avatar or "fox"

    def _draw_content(self, surface, rect, fg):
        m = _theme.current().metrics
        a = rect.height - 12
        rtl = is_rtl()
        ax = rect.right - 6 - a if rtl else rect.left + 6
        surface.blit(avatar_surface(self.avatar, a), (ax, rect.top + 6))
        inner = pygame.Rect(rect.left + (m.gap if rtl else a + 16), rect.top, rect.width - a - 16 - m.gap, rect.height)
        label.draw_in(surface, self.label, inner, self.size, fg, max_lines=1)


class ProfileScreen(Screen):
    cache_static = True
    name = "profile"

    def __init__(self, game):
        super().__init__(game)
        nickname, avatar = game.player or ("", None)
        self.nickname = nickname
        self.avatar = avatar or "fox"
        self.input: TextInput | None = None

    def make_widgets(self):
        th = _theme.current()
        m = th.metrics
        widgets: list[Widget] = [self.header_back()]
        self.input = TextInput(self.frame.place(pygame.Rect(340, 286, 600, 80)), self.nickname, name="nickname",
                               placeholder=_("Type a nickname"), on_change=self._changed, on_submit=self.done)
        widgets.append(self.input)
        size, gap = 92, 22
        names = list(AVATARS)
        rects = self.frame.row([size] * len(names), gap, y=436, height=size,
                               inset=(1280 - len(names) * size - (len(names) - 1) * gap) // 2)
        for r, name in zip(rects, names):
            widgets.append(AvatarChoice(r, name, (lambda n=name: self._pick(n)), name == self.avatar))
        recent = [p for p in self.game.progress.players() if p[0]][-4:][::-1]
        if recent:
            rects = self.frame.row([240] * len(recent), m.gap, y=564, height=54, inset=340 + 160)
            for r, (nick, av) in zip(rects, recent):
                widgets.append(PlayerChip(r, nick, av, (lambda n=nick, a=av: self._use(n, a))))
        self.continue_button = Button(self.frame.place(pygame.Rect(460, 636, 360, 64)), _("Continue"), self.done,
                                      name="continue", icon="next")
        self.continue_button.enabled = bool(self.nickname.strip())
        widgets.append(self.continue_button)
        return widgets

    def _changed(self, value: str) -> None:
        self.nickname = value
        self.continue_button.enabled = bool(value.strip())
        self.invalidate()  # the character counter is part of the static layer

    def _pick(self, name: str) -> None:
        self.avatar = name
        for w in self.focus.widgets:
            if isinstance(w, AvatarChoice):
                w.selected = w.avatar == name
        self.invalidate()

    def _use(self, nickname: str, avatar: str | None) -> None:
        self.nickname = nickname
        self.avatar = avatar if avatar in AVATARS else "fox"
        self.done()

    def done(self) -> None:
        nickname = " ".join(self.nickname.split())
        if not nickname:
            self.focus.focus_on("nickname")
            return
        self.game.player = (nickname, self.avatar)
        self.game.progress.set_player(nickname, self.avatar)
        from .menu import MenuScreen

        self.stack.push(MenuScreen(self.game))

    def handle_event(self, event) -> bool:
        if self.input is not None and self.input.handle_text_event(event):
            if self.continue_button is not None:
                self.continue_button.enabled = bool(self.nickname.strip())
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            focused = self.focus.focused
            if focused is None or focused is self.input:
                self.done()
                return True
        return super().handle_event(event)

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    def autoplay_target(self, policy):
        if not self.nickname.strip():
            return ("type", policy.nickname)
        return "continue"

    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        self.draw_title(surface, _("Who is playing?"))
        note = pygame.Rect(240, 116, 800, 84)
        panel(surface, note, pal.primary_soft, lifted=False)
        icon_c = self.frame.place(pygame.Rect(note.left + 20, note.centery - 24, 48, 48)).center
        draw_icon(surface, "lock", icon_c, 40, pal.primary)
        text_rect = self.frame.place(pygame.Rect(note.left + 84, note.top, note.width - 104, note.height))
        label.draw_in(surface, _("Use a nickname, never your real name. Only the nickname is kept on this computer."),
                      text_rect, FONT_SIZES["small"], pal.text, max_lines=2)
        cap = self.frame.place(pygame.Rect(340, 236, 600, 44))
        label.draw_in(surface, _("Your nickname"), cap, FONT_SIZES["body"], pal.text, bold=True, valign="bottom")
        count = pygame.Rect(340, 370, 600, 30)
        from ..widgets.text_input import base_length

        counter = i18n.format_number(base_length(self.nickname)) + " / " + i18n.format_number(16)
        label.draw_in(surface, counter, self.frame.place(count), FONT_SIZES["tiny"], pal.text_muted, align="end")
        cap2 = self.frame.place(pygame.Rect(160, 380, 960, 44))  # ends clear of the selected picture's ring
        label.draw_in(surface, _("Choose a picture"), cap2, FONT_SIZES["body"], pal.text, bold=True, valign="bottom",
                      max_lines=1)
        if any(isinstance(w, PlayerChip) for w in self.focus.widgets):
            cap3 = self.frame.place(pygame.Rect(160, 564, 330, 54))
            label.draw_in(surface, _("Played here before:"), cap3, FONT_SIZES["small"], pal.text_muted, max_lines=2)
        rounded_rect(surface, pal.border, pygame.Rect(160, 550, 960, 2), 1)
