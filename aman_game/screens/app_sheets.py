"""The mock app's own sheets: confirm a block, pick a reason to report, choose which adult to tell.

Children practise the real motion: the header's Block button opens "Block …?" with the app's red button,
Report opens a list of reasons, and "Tell an adult" asks who. Each sheet is drawn in the mock app's
colours and returns its answer (None when cancelled) to the play screen that pushed it.
"""
from __future__ import annotations

import re

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import CANVAS_SIZE, FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel, rounded_rect
from ..widgets.icons import draw_icon
from .confirm import Dialog

_ = i18n._
N_ = i18n.N_

REPORT_REASONS = (
    ("pressure", N_("Asking for photos or private things")),
    ("pretending", N_("Pretending to be someone else")),
    ("scary", N_("Being mean, scary or threatening")),
    ("other", N_("Something else that feels wrong")),
)
ADULTS = (("parent", N_("Mum or Dad")), ("teacher", N_("My teacher")), ("other", N_("Another adult I trust")))


class AppSheet(Dialog):
    """A dialog in the look of the mock app (its card colour, accent and shapes)."""
    name = "sheet"
    icon = "report"
    shrink_without_message = False  # the sheet sets its own height

    def __init__(self, game, look, title: str, message: str, options, *, stacked: bool = False):
        super().__init__(game, title, message, options, cancel=None, robot=None)
        self.look = look
        self.stacked = stacked
        if stacked:
            self.height = 200 + len(options) * 72 + 76
        else:
            self.height = 300

    def make_widgets(self):
        th = _theme.current()
        m, look = th.metrics, self.look
        card = self.card
        widgets = []
        if self.stacked:
            y = card.top + 176
            for key, words, style in self.options:
                r = pygame.Rect(card.left + m.pad, y, card.width - 2 * m.pad, 62)
                colors = (look.accent, look.on_accent, None) if style == "primary" else (look.card, look.on_card, look.accent)
                widgets.append(Button(r, words, (lambda k=key: self.answer(k)), name=f"option:{key}", colors=colors,
                                      size=FONT_SIZES["body"], radius=14))
                y += 72
            r = self.frame.place(pygame.Rect(card.right - m.pad - 220, card.bottom - m.pad - 56, 220, 56))
            widgets.append(Button(r, _("Cancel"), (lambda: self.answer(None)), name="option:cancel",
                                  colors=(None, look.on_card, look.on_card), size=FONT_SIZES["small"], radius=14))
            return widgets
        n = len(self.options)
        bw = (card.width - 2 * m.pad - (n - 1) * m.gap) // max(1, n)
        rects = self.frame.row([bw] * n, m.gap, y=card.bottom - m.pad - 62, height=62, inset=card.left + m.pad)
        p = th.palette
        for r, (key, words, style) in zip(rects, self.options):
            if style == "danger":
                colors = (p.danger, p.on_danger, None)
            elif style == "primary":
                colors = (look.accent, look.on_accent, None)
            else:
                colors = (look.card, look.on_card, look.on_card)
            widgets.append(Button(r, words, (lambda k=key: self.answer(k)), name=f"option:{key}", colors=colors,
                                  size=FONT_SIZES["button"] - 2, radius=14))
        return widgets

    def answer(self, key) -> None:
        self.stack.pop(None if key in (None, "cancel") else key)

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    def draw_static(self, surface):
        th = _theme.current()
        m, look = th.metrics, self.look
        rounded_rect(surface, th.palette.scrim, pygame.Rect(0, 0, *CANVAS_SIZE), 0)
        card = self.card
        panel(surface, card, look.card, radius=20, border=look.accent)
        ic = self.frame.place(pygame.Rect(card.left + m.pad, card.top + m.pad, 56, 56)).center
        pygame.draw.circle(surface, look.accent, ic, 28)
        draw_icon(surface, self.icon, ic, 32, look.on_accent)
        box = self.frame.place(pygame.Rect(card.left + m.pad + 72, card.top + m.pad, card.width - 2 * m.pad - 72, 60))
        label.draw_in(surface, self.title, box, FONT_SIZES["heading"], look.on_card, bold=True, max_lines=2)
        if self.message:
            box = self.frame.place(pygame.Rect(card.left + m.pad, card.top + m.pad + 72, card.width - 2 * m.pad, 80))
            label.draw_in(surface, self.message, box, FONT_SIZES["body"], look.on_card, valign="top", max_lines=3)

    def autoplay_target(self, policy):
        return f"option:{self.options[0][0]}"


class BlockSheet(AppSheet):
    name = "block"
    icon = "block"

    def __init__(self, game, look, who: str):
        super().__init__(game, look, _("Block {name}?").format(name=who),
                         _("They will not be able to send you messages or see when you are online."),
                         [("block", _("Block"), "danger"), ("cancel", _("Cancel"), "secondary")])


class ReportSheet(AppSheet):
    name = "report"
    icon = "report"

    def __init__(self, game, look, who: str):
        super().__init__(game, look, _("Report {name}").format(name=who), _("Why are you reporting?"),
                         [(key, _(words), "secondary") for key, words in REPORT_REASONS], stacked=True)


#: Words that say which adult a choice already names (its English text, the source language): a story
#: that has the child tell Mum is not asked "who will you tell?" again, and never answers as someone else.
_NAMED_ADULTS = (("parent", {"mum", "dad", "mother", "father", "parent", "parents"}),
                 ("teacher", {"teacher", "ms", "mr", "miss", "worker"}))


def adult_named(text_en: str):
    """'parent' or 'teacher' when a tell-an-adult choice already names who is told, else None."""
    words = set(re.findall(r"[a-z]+", text_en.lower()))
    return next((key for key, names in _NAMED_ADULTS if words & names), None)


class AdultSheet(AppSheet):
    """Who will you tell? — unless the choice already said: then the sheet offers just that adult."""
    name = "adult"
    icon = "adult"

    def __init__(self, game, look, named=None):
        adults = [(key, words) for key, words in ADULTS if named in (None, key)]
        super().__init__(game, look, _("Tell a trusted adult"),
                         _("Who will you tell?") if named is None else _("Go and tell them now."),
                         [(key, _(words), "secondary") for key, words in adults], stacked=True)
