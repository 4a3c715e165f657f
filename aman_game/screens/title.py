"""Title: the Aman robot waves; Play, Help, Settings, and the language switch."""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.robot import draw_robot
from .base import Screen

_ = i18n._


class TitleScreen(Screen):
    cache_static = True
    name = "title"
    header_band = False
    default_action = "play"  # Enter plays; the Teacher button is never reached by Enter alone

    def resume(self) -> None:
        """Back on the title (a story ended, teacher mode started a session): the keyboard focus starts
        afresh, so the next Enter is Play, not whatever was focused before (e.g. the Teacher button)."""
        self.focus.focus = None
        self.focus.focus_visible = False
        super().resume()

    def make_widgets(self):
        m = _theme.current().metrics
        x, w = 600, 480
        other = "en" if i18n.current_language() == "ar" else "ar"
        items = [
            ("play", _("Play"), self.play, "primary", "play", 84),
            ("help", _("Where to get help"), self.help, "secondary", "help", 68),
            ("settings", _("Settings"), self.settings, "secondary", "gear", 68),
            ("language", i18n.language_name(other), self.switch_language, "secondary", "globe", 68),
        ]
        widgets, y = [], 318
        for name, text, cb, style, icon, h in items:
            rect = self.frame.place(pygame.Rect(x, y, w, h))
            widgets.append(Button(rect, text, cb, name=name, style=style, icon=icon,
                                  size=FONT_SIZES["button"] + (4 if name == "play" else 0)))
            y += h + m.gap
        # Teacher mode (class sessions, summary): small and quiet, behind the PIN (screens/teacher.py).
        widgets.append(Button(self.frame.place(pygame.Rect(24, 648, 200, 52)), _("Teacher"), self.teacher,
                              name="teacher", style="ghost", icon="lock", size=FONT_SIZES["small"]))
        return widgets

    def teacher(self) -> None:
        from .teacher import open_teacher_mode

        open_teacher_mode(self.game, self.stack)

    def play(self) -> None:
        from .language import LanguageScreen
        from .profile import ProfileScreen

        if getattr(self.game, "language_chosen", False):
            self.stack.push(ProfileScreen(self.game))
        else:
            self.stack.push(LanguageScreen(self.game, then="profile"))

    def help(self) -> None:
        from .help import HelpScreen

        self.stack.push(HelpScreen(self.game))

    def settings(self) -> None:
        from .settings import SettingsScreen

        self.stack.push(SettingsScreen(self.game))

    def switch_language(self) -> None:
        self.game.language_chosen = True
        self.game.toggle_language()

    def on_back(self) -> bool:
        from .confirm import ConfirmDialog

        def done(yes):
            if yes:
                self.game.quit()

        self.stack.push(ConfirmDialog(self.game, _("Leave the game?"), yes=_("Leave"), no=_("Stay")), done)
        return True

    def autoplay_target(self, policy):
        return "play"

    def draw_content(self, surface):
        pal = _theme.current().palette
        robot_rect = self.frame.place(pygame.Rect(110, 150, 400, 470))
        draw_robot(surface, robot_rect, "wave", flip=self.rtl)
        x, w = 600, 480
        head = self.frame.place(pygame.Rect(x, 120, w, 100))
        label.draw_in(surface, _("Aman"), head, FONT_SIZES["huge"] + 16, pal.primary, bold=True, valign="bottom")
        sub = self.frame.place(pygame.Rect(x, 226, w, 80))
        label.draw_in(surface, _("Stay safe online: a game for children"), sub, FONT_SIZES["body"], pal.text_muted,
                      valign="top", max_lines=2)
        # kiosk: F11 cannot leave full screen, so it is not offered
        keys = (_("F2: language · Esc: back") if self.game.kiosk else
                _("F2: language · F11: full screen · Esc: back"))
        label.draw(surface, keys, (640, 690), FONT_SIZES["tiny"], pal.text_muted, anchor="center")
