"""Dialogs drawn over the screen below: a yes/no confirmation and the pause menu.

Each is an overlay scene that returns its answer to whoever pushed it (True/False, or the option's key).
Esc answers "no" / "keep playing", so Esc twice never throws a child out of a story by accident.
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import CANVAS_SIZE, FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel, rounded_rect
from ..widgets.robot import draw_robot
from .base import Screen

_ = i18n._


class Dialog(Screen):
    cache_static = True
    """A centred card over a dimmed backdrop; subclasses give the text and the options."""
    is_overlay = True
    name = "dialog"
    width, height = 720, 340
    shrink_without_message = True

    def __init__(self, game, title: str, message: str = "", options: list[tuple[str, str, str]] = (),
                 cancel: str | None = None, robot: str | None = "think"):
        super().__init__(game)
        self.title = title
        self.message = message
        self.options = list(options)  # (key, words, style)
        self.cancel = cancel
        self.robot = robot

    @property
    def card(self) -> pygame.Rect:
        # a question with no explanation gets a shorter card: no empty band above the buttons
        short = not self.message and self.shrink_without_message
        r = pygame.Rect(0, 0, self.width, 290 if short else self.height)
        r.center = (CANVAS_SIZE[0] // 2, CANVAS_SIZE[1] // 2)
        return r

    def make_widgets(self):
        card = self.card
        m = _theme.current().metrics
        n = len(self.options)
        bw = (card.width - 2 * m.pad - (n - 1) * m.gap) // max(1, n)
        rects = self.frame.row([bw] * n, m.gap, y=card.bottom - m.pad - 64, height=64, inset=card.left + m.pad)
        return [Button(r, words, (lambda k=key: self.answer(k)), name=f"option:{key}", style=style,
                       size=FONT_SIZES["button"] - 2)
                for r, (key, words, style) in zip(rects, self.options)]

    def answer(self, key) -> None:
        self.stack.pop(key)

    def on_back(self) -> bool:
        self.stack.pop(self.cancel)
        return True

    def draw_static(self, surface):
        pal = _theme.current().palette
        rounded_rect(surface, pal.scrim, pygame.Rect(0, 0, *CANVAS_SIZE), 0)
        card = self.card
        panel(surface, card, pal.surface, border=pal.border)
        m = _theme.current().metrics
        text_x = card.left + m.pad
        text_w = card.width - 2 * m.pad
        if self.robot:
            rr = self.frame.place(pygame.Rect(card.left + m.pad, card.top + m.pad, 130, 160))
            draw_robot(surface, rr, self.robot, flip=self.rtl)
            text_x += 150
            text_w -= 150
        box = self.frame.place(pygame.Rect(text_x, card.top + m.pad, text_w, 60))
        label.draw_in(surface, self.title, box, FONT_SIZES["heading"], pal.text, bold=True, valign="top", max_lines=2)
        if self.message:
            box = self.frame.place(pygame.Rect(text_x, card.top + m.pad + 64, text_w, 150))
            label.draw_in(surface, self.message, box, FONT_SIZES["body"], pal.text_muted, valign="top", max_lines=4)

    def autoplay_target(self, policy):
        return f"option:{self.options[0][0]}" if self.options else None


class ConfirmDialog(Dialog):
    """A yes/no question. Enter (with nothing focused) and Esc both answer no: one key never removes,
    erases or leaves anything. With `danger` the yes button is drawn as a warning and the safe answer is
    the highlighted one."""
    name = "confirm"
    default_action = "option:no"

    def __init__(self, game, title: str, message: str = "", *, yes: str | None = None, no: str | None = None,
                 danger: bool = False):
        styles = ("danger", "primary") if danger else ("primary", "secondary")
        super().__init__(game, title, message, [("yes", yes or _("Yes"), styles[0]), ("no", no or _("No"), styles[1])],
                         cancel="no")

    def answer(self, key) -> None:
        self.stack.pop(key == "yes")

    def on_back(self) -> bool:
        self.stack.pop(False)
        return True


class PauseDialog(Dialog):
    """Pause: keep playing, or leave the story (after a confirmation; progress is kept). Enter and Esc
    keep playing."""
    name = "pause"
    default_action = "option:resume"

    def __init__(self, game):
        super().__init__(game, _("Paused"), _("Take your time. Your place in the story is kept."),
                         [("resume", _("Keep playing"), "primary"), ("leave", _("Leave the story"), "secondary")],
                         cancel="resume", robot="happy")

    def answer(self, key) -> None:
        if key != "leave":
            self.stack.pop("resume")
            return

        def confirmed(yes):
            if yes:
                self.stack.pop("leave")

        self.stack.push(ConfirmDialog(self.game, _("Leave this story?"),
                                      _("You can come back later and continue where you stopped."),
                                      yes=_("Leave"), no=_("Stay")), confirmed)
