"""Results: how the story ended, stars and score, what went well, topics to revisit; then help resources.

Counts go through i18n.ngettext (Arabic has six plural forms) and numbers through i18n.format_number.
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel, rounded_rect
from ..widgets.icons import draw_icon
from ..widgets.robot import draw_robot
from . import words
from .base import Screen

_ = i18n._

COL_X, COL_W = 330, 900


class ResultsScreen(Screen):
    cache_static = True
    name = "results"
    default_action = "continue"

    def __init__(self, game, session):
        super().__init__(game)
        self.session = session
        self.summary = session.finish()

    def enter(self) -> None:
        super().enter()
        self.game.audio.play("finish")

    def make_widgets(self):
        rects = self.frame.row([300, 300], 24, y=636, height=66, inset=COL_X)
        return [
            Button(rects[0], _("Continue"), self.to_help, name="continue", icon="next"),
            Button(rects[1], _("Play again"), self.again, name="again", icon="refresh", style="secondary"),
        ]

    def to_help(self) -> None:
        from .help import HelpScreen

        self.stack.replace(HelpScreen(self.game, after_scenario=True))

    def again(self) -> None:
        from .play import PlayScreen

        self.stack.replace(PlayScreen(self.game, self.session.scenario))

    def on_back(self) -> bool:
        self.to_help()
        return True

    def autoplay_target(self, policy):
        return "continue"

    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        s = self.summary
        outcome = s.outcome or "safe"
        self.draw_title(surface, _(words.OUTCOMES.get(outcome, words.OUTCOMES["safe"])))
        robot = self.frame.place(pygame.Rect(40, 150, 260, 330))
        draw_robot(surface, robot, "cheer" if outcome != "unsafe" else "gentle", flip=self.rtl)
        # stars and score
        star_row = self.frame.place(pygame.Rect(COL_X, 104, 220, 64))
        xs = [star_row.left + 34 + i * 76 for i in range(3)]
        if self.rtl:
            xs = xs[::-1]
        for i, x in enumerate(xs):
            filled = i < s.stars
            draw_icon(surface, "star" if filled else "star_empty", (x, star_row.centery), 60,
                      pal.star if filled else pal.star_empty)
        score = i18n.ngettext("{score} of {max} point", "{score} of {max} points", s.max_score).format(
            score=i18n.format_number(s.score), max=i18n.format_number(s.max_score))
        safe = i18n.ngettext("You made {n} safe choice", "You made {n} safe choices", s.safe_count).format(
            n=i18n.format_number(s.safe_count))
        info = self.frame.place(pygame.Rect(COL_X + 250, 100, COL_W - 250, 36))
        label.draw_in(surface, score, info, FONT_SIZES["body"], pal.text, bold=True, max_lines=1)
        label.draw_in(surface, safe, info.move(0, 36), FONT_SIZES["small"], pal.text_muted, max_lines=1)
        # how the story ended, in the scenario's words
        end = self.session.node.end
        box = th.box("outcome")
        y = 184
        if end is not None:
            lay = label.layout(i18n.pick(end.text), box.size, box.width - 48, max_lines=box.max_lines, scale=False)
            h = lay.height + 36
            card = self.frame.place(pygame.Rect(COL_X, y, COL_W, h))
            tone = {"safe": pal.safe_soft, "recovered": pal.primary_soft}.get(outcome, pal.unsafe_soft)
            panel(surface, card, tone, lifted=False)
            surface.blit(label.render(lay, pal.text), (card.left + 24, card.top + 18))
            y = card.bottom + 20
        # what went well
        went = [_(words.WENT_WELL[a]) for a in s.went_well if a in words.WENT_WELL][:3]
        if went:
            head = self.frame.place(pygame.Rect(COL_X, y, COL_W, 36))
            label.draw_in(surface, _("What went well"), head, FONT_SIZES["body"], pal.text, bold=True, max_lines=1)
            y += 40
            for line in went:
                ic = self.frame.place(pygame.Rect(COL_X, y + 2, 30, 30)).center
                draw_icon(surface, "safe", ic, 26, pal.safe)
                r = self.frame.place(pygame.Rect(COL_X + 42, y, COL_W - 42, 34))
                label.draw_in(surface, line, r, FONT_SIZES["small"], pal.text, max_lines=1)
                y += 36
            y += 10
        if s.revisit and y < 600:
            head = self.frame.place(pygame.Rect(COL_X, y, COL_W, 36))
            label.draw_in(surface, _("Topics to look at again"), head, FONT_SIZES["body"], pal.text, bold=True,
                          max_lines=1)
            y += 42
            x = 0
            for code in s.revisit:  # every topic: the chips wrap to another row rather than drop one
                text = words.topic(code)
                w = label.measure(text, FONT_SIZES["small"])[0] + 64
                if x + w > COL_W:
                    x, y = 0, y + 48
                    if y + 40 > 624:  # keep clear of the buttons
                        break
                chip = self.frame.place(pygame.Rect(COL_X + x, y, w, 40))
                rounded_rect(surface, pal.unsafe_soft, chip, 20)
                ic = self.frame.place(pygame.Rect(COL_X + x + 10, y + 8, 24, 24)).center
                draw_icon(surface, "unsafe", ic, 20, pal.unsafe)
                tr = self.frame.place(pygame.Rect(COL_X + x + 40, y, w - 48, 40))
                label.draw_in(surface, text, tr, FONT_SIZES["small"], pal.text, max_lines=1)
                x += w + 12
