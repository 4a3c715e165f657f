"""Language: two big cards, each written in its own language, so a child who reads only one finds it."""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.base import Widget
from ..widgets.draw import focus_ring, panel
from ..widgets.robot import draw_robot
from .base import Screen

_ = i18n._


class LanguageCard(Widget):
    def __init__(self, rect, lang: str, on_activate, selected: bool):
        super().__init__(rect, on_activate, name=f"lang:{lang}")
        self.lang = lang
        self.selected = selected

    def draw(self, surface, focused=False):
        th = _theme.current()
        pal = th.palette
        fill = pal.primary_soft if (self.selected or self.hover) else pal.surface
        panel(surface, self.rect, fill, border=pal.primary if self.selected else None)
        native = i18n.language_name(self.lang)
        label.draw(surface, native, (self.rect.centerx, self.rect.centery - 18), FONT_SIZES["huge"], pal.text,
                   bold=True, anchor="center", lang=self.lang)
        hint = {"ar": "Arabic", "en": "الإنجليزية"}.get(self.lang, "")
        other = "en" if self.lang == "ar" else "ar"
        label.draw(surface, hint, (self.rect.centerx, self.rect.centery + 48), FONT_SIZES["small"], pal.text_muted,
                   anchor="center", lang=other)
        if focused:
            focus_ring(surface, self.rect)


class LanguageScreen(Screen):
    cache_static = True
    name = "language"
    header_band = False

    @property
    def default_action(self) -> str:
        return f"lang:{i18n.current_language()}"  # Enter keeps the language on screen

    def __init__(self, game, then: str | None = None):
        super().__init__(game)
        self.then = then

    def make_widgets(self):
        cur = i18n.current_language()
        rects = self.frame.row([420, 420], 60, y=250, height=240, inset=190)
        cards = [LanguageCard(r, lang, (lambda l=lang: self.choose(l)), lang == cur)
                 for r, lang in zip(rects, ("ar", "en"))]
        return [self.header_back(), *cards]

    def choose(self, lang: str) -> None:
        self.game.language_chosen = True
        self.game.update_settings(language=lang)
        if self.then == "profile":
            from .profile import ProfileScreen

            self.stack.replace(ProfileScreen(self.game))
        else:
            self.stack.pop(lang)

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    def autoplay_target(self, policy):
        return f"lang:{policy.language}"

    def draw_content(self, surface):
        pal = _theme.current().palette
        label.draw(surface, "اختر لغتك", (640, 140), FONT_SIZES["heading"], pal.text, bold=True, anchor="center",
                   lang="ar")
        label.draw(surface, "Choose your language", (640, 190), FONT_SIZES["body"], pal.text_muted, anchor="center",
                   lang="en")
        draw_robot(surface, pygame.Rect(570, 520, 140, 180), "happy")
