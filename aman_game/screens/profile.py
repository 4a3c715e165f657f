"""Profile: a nickname (never a real name — the screen says so) and an animal picture.

No other child's nickname is ever shown here. A child who played before types their nickname again and
chooses their own picture to continue where they stopped: a nickname already used on this computer (in
this class) with another picture is refused kindly, so one child cannot continue as another by a tap.
The screen always opens empty (the last child's nickname is not left for the next one). Only the nickname
and the picture's name are kept (aman_game.progress).
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


class ProfileScreen(Screen):
    cache_static = True
    name = "profile"
    default_action = "continue"  # Enter (after typing, or after clicking a picture) goes on

    def __init__(self, game):
        super().__init__(game)
        self.nickname = ""
        self.avatar = "fox"
        self.picked = False  # a picture chosen by the child (a returning child must choose theirs)
        self.message = ""
        self.input: TextInput | None = None

    def resume(self) -> None:
        """Back from the stories ("Change player"): the next child starts with an empty screen."""
        self.game.player = None
        self.nickname, self.avatar, self.picked, self.message = "", "fox", False, ""
        self.focus.focus = None
        super().resume()

    def make_widgets(self):
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
        self.continue_button = Button(self.frame.place(pygame.Rect(460, 636, 360, 64)), _("Continue"), self.done,
                                      name="continue", icon="next")
        self.continue_button.enabled = bool(self.nickname.strip())
        widgets.append(self.continue_button)
        return widgets

    def _changed(self, value: str) -> None:
        self.nickname = value
        self.message = ""
        self.continue_button.enabled = bool(value.strip())
        self.invalidate()  # the character counter is part of the static layer

    def _pick(self, name: str) -> None:
        self.avatar = name
        self.picked = True
        self.message = ""
        for w in self.focus.widgets:
            if isinstance(w, AvatarChoice):
                w.selected = w.avatar == name
        self.invalidate()

    def known_picture(self, nickname: str) -> str | None:
        """The picture of a child who already played here under this nickname (this class), else None."""
        from ..progress import normalize_nickname

        key = normalize_nickname(nickname)
        for nick, avatar in self.game.progress.players():
            if normalize_nickname(nick) == key:
                return avatar if avatar in AVATARS else "fox"
        return None

    def done(self) -> None:
        nickname = " ".join(self.nickname.split())
        if not nickname:
            self.focus.focus_on("nickname")
            return
        known = self.known_picture(nickname)
        if known is not None and not (self.picked and self.avatar == known):
            # never say which picture it is: only the child who chose it knows
            self.message = _("Someone already played here with this nickname. If it is you, choose your "
                             "picture. If not, choose another nickname.")
            self.invalidate()
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

        # isolated left to right: "3 / 16" must not read "16 / 3" in an Arabic line
        counter = ("\u2066" + i18n.format_number(base_length(self.nickname)) + " / " + i18n.format_number(16)
                   + "\u2069")
        label.draw_in(surface, counter, self.frame.place(count), FONT_SIZES["tiny"], pal.text_muted, align="end")
        cap2 = self.frame.place(pygame.Rect(160, 380, 960, 44))  # ends clear of the selected picture's ring
        label.draw_in(surface, _("Choose a picture"), cap2, FONT_SIZES["body"], pal.text, bold=True, valign="bottom",
                      max_lines=1)
        rounded_rect(surface, pal.border, pygame.Rect(160, 550, 960, 2), 1)
        note = self.message or _("Played before? Type your nickname and choose your picture to continue.")
        label.draw_in(surface, note, self.frame.place(pygame.Rect(160, 558, 960, 74)), FONT_SIZES["small"],
                      pal.danger if self.message else pal.text_muted, bold=bool(self.message), max_lines=2)
