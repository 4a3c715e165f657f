"""Feedback after a choice, from Aman the robot: safe or not (icon AND words, never colour alone), why,
and what to do instead — in a warm voice that never blames the child."""
from __future__ import annotations

import logging

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import CANVAS_SIZE, FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel, rounded_rect
from ..widgets.icons import draw_icon
from ..widgets.robot import draw_robot
from .base import Screen

_ = i18n._
log = logging.getLogger(__name__)

CARD_W, TEXT_X = 1100, 290
BODY_TOP = 36 + 76 + 24  # card top to the words: margin, verdict band, gap
BODY_BOTTOM = 30 + 70 + 36  # the words to the card bottom: gap, the Continue row, margin
INSTEAD_HEAD = 44  # the "What to do instead:" heading, at least
SCROLL_KEYS = {pygame.K_PAGEUP: -200, pygame.K_PAGEDOWN: 200, pygame.K_UP: -60, pygame.K_DOWN: 60}


class FeedbackScreen(Screen):
    cache_static = True
    name = "feedback"
    is_overlay = True
    default_action = "continue"

    def __init__(self, game, choice, decision):
        super().__init__(game)
        self.choice = choice
        self.decision = decision
        self.scroll = 0  # px the words are scrolled (only when they are taller than the card can be)

    def enter(self) -> None:
        super().enter()
        self.game.audio.play("safe" if self.choice.safe else "unsafe")
        self.read_aloud()

    def read_aloud(self) -> None:
        """The verdict, why, "What to do instead:" and what to do, in order; `why` and `instead` play
        their recordings where the scenario names them (why_voice, instead_voice), else the system voice."""
        from .play_voice import spoken

        fb = self.choice.feedback
        lines = [self.verdict(), spoken(fb.why)]
        if fb.instead is not None:
            lines += [_("What to do instead:"), spoken(fb.instead)]
        try:
            from .. import narration

            narration.get_narrator().say_all(lines, i18n.current_language(), interrupt=True)
        except Exception as exc:  # narration must never break play
            log.debug("narration failed: %s", exc)

    def verdict(self) -> str:
        if not self.choice.safe:
            return _("Not safe this time")
        if self.decision.points < self.decision.best_points:
            # Safe but partial (e.g. telling a friend, not yet an adult): "Safe choice!" above feedback that
            # says "an adult needs to know" would send two messages at once.
            return _("A good start: one more step")
        return _("Safe choice!")

    def _layouts(self):
        """Why and what to do instead, in the feedback box at the active text-size step (7 lines at the
        normal step, 10 at the largest: a text that fits at the normal size is never cut at a larger one)."""
        th = _theme.current()
        box = th.box("feedback")
        w = min(CARD_W - TEXT_X - 40, box.width)
        fb = self.choice.feedback
        why = label.layout(i18n.pick(fb.why), box.size, w, max_lines=box.max_lines, scale=False)
        instead = None
        if fb.instead is not None:
            instead = label.layout(i18n.pick(fb.instead), box.size, w, max_lines=box.max_lines, scale=False)
        return why, instead

    def instead_heading(self):
        """"What to do instead:" as drawn beside its arrow (as tall as the language's line needs)."""
        return label.layout(_("What to do instead:"), FONT_SIZES["body"], CARD_W - TEXT_X - 40 - 44, bold=True,
                            max_lines=2)

    def instead_head_height(self) -> int:
        return max(INSTEAD_HEAD, self.instead_heading().height + 6)

    def body_height(self) -> int:
        """Height of the words under the verdict: why, then the heading and what to do instead."""
        why, instead = self._layouts()
        return why.height + (22 + self.instead_head_height() + instead.height if instead else 0)

    def card(self) -> pygame.Rect:
        """The card grows with the feedback text (centred), never smaller than the robot needs; past the
        canvas the words scroll inside it (body())."""
        h = BODY_TOP + self.body_height() + BODY_BOTTOM
        h = max(470, min(700, h))
        return pygame.Rect(90, (CANVAS_SIZE[1] - h) // 2, CARD_W, h)

    def body(self) -> pygame.Rect:
        """The part of the card the words are shown in (left-to-right terms, canvas coordinates)."""
        card = self.card()
        return pygame.Rect(card.left + TEXT_X, card.top + BODY_TOP, CARD_W - TEXT_X - 40, card.height - BODY_TOP - BODY_BOTTOM)

    def max_scroll(self) -> int:
        return max(0, self.body_height() - self.body().height)

    def scroll_by(self, dy: int) -> None:
        scroll = max(0, min(self.scroll + dy, self.max_scroll()))
        if scroll != self.scroll:
            self.scroll = scroll
            self.invalidate()

    def handle_event(self, event) -> bool:
        # long feedback at the largest text size: the words scroll (wheel, Page Up/Down, Up/Down arrows)
        if self.max_scroll() > 0:
            if event.type == pygame.MOUSEWHEEL:
                self.scroll_by(-event.y * 60)
                return True
            if event.type == pygame.KEYDOWN and event.key in SCROLL_KEYS:
                self.scroll_by(SCROLL_KEYS[event.key])
                return True
        return super().handle_event(event)

    def make_widgets(self):
        card = self.card()
        r = self.frame.place(pygame.Rect(card.right - 40 - 340, card.bottom - 36 - 66, 340, 66))
        return [Button(r, _("Continue"), self.done, name="continue", icon="next")]

    def done(self) -> None:
        self.game.audio.stop_narration()
        self.stack.pop(self.decision)

    def on_back(self) -> bool:
        self.done()
        return True

    def autoplay_target(self, policy):
        return "continue"

    def screenshot_name(self) -> str:
        return f"feedback_{self.decision.node}_{self.decision.choice}"

    def _draw_body(self, surface, x: int, w: int) -> None:
        """Why and what to do instead, clipped to the body and scrolled, with arrows when there is more."""
        pal = _theme.current().palette
        body = self.body()
        view = self.frame.place(body)
        old_clip = surface.get_clip()
        surface.set_clip(view.clip(old_clip) if old_clip else view)
        why, instead = self._layouts()
        y = body.top - self.scroll
        surf = label.render(why, pal.text)
        surface.blit(surf, self.frame.place(pygame.Rect(x, y, surf.get_width(), surf.get_height())))
        y += why.height + 22
        if instead is not None:
            first_line = min(self.instead_heading().height, 60)
            ic = self.frame.place(pygame.Rect(x, y + max(2, (first_line - 34) // 2), 34, 34)).center
            draw_icon(surface, "next", ic, 28, pal.primary, rtl=self.rtl)
            head = self.instead_heading()
            hs = label.render(head, pal.primary)
            surface.blit(hs, self.frame.place(pygame.Rect(x + 44, y, hs.get_width(), hs.get_height())))
            y += self.instead_head_height()
            surf = label.render(instead, pal.text)
            surface.blit(surf, self.frame.place(pygame.Rect(x, y, surf.get_width(), surf.get_height())))
        surface.set_clip(old_clip)
        if self.max_scroll() > 0:  # more words above or below: arrows at the body's end edge
            for icon, shown, cy in (("up", self.scroll > 0, body.top + 18),
                                    ("down", self.scroll < self.max_scroll(), body.bottom - 18)):
                if shown:
                    c = self.frame.place(pygame.Rect(body.right + 2, cy - 17, 34, 34)).center
                    pygame.draw.circle(surface, pal.primary, c, 17)
                    draw_icon(surface, icon, c, 20, pal.on_primary)

    def draw_static(self, surface):
        th = _theme.current()
        pal = th.palette
        rounded_rect(surface, pal.scrim, pygame.Rect(0, 0, *CANVAS_SIZE), 0)
        card = self.card()
        panel(surface, card, pal.surface, radius=28, border=pal.border)
        safe = self.choice.safe
        # the robot at the reading start, on a soft disc
        robot_area = self.frame.place(pygame.Rect(card.left + 30, card.centery - 150, 230, 300))
        pygame.draw.circle(surface, pal.safe_soft if safe else pal.primary_soft,
                           (robot_area.centerx, robot_area.centery + 40), 112)
        draw_robot(surface, robot_area, "cheer" if safe else "gentle", flip=self.rtl)
        says = self.frame.place(pygame.Rect(card.left + 30, robot_area.top - 44, 230, 40))
        label.draw_in(surface, _("Aman says"), says, FONT_SIZES["small"], pal.text_muted, bold=True, align="center")
        x, w = card.left + TEXT_X, CARD_W - TEXT_X - 40
        # verdict band: colour + icon shape + words
        band = self.frame.place(pygame.Rect(x, card.top + 36, w, 76))
        rounded_rect(surface, pal.safe_soft if safe else pal.unsafe_soft, band, 20)
        if th.high_contrast:
            rounded_rect(surface, pal.safe if safe else pal.unsafe, band, 20, 3)
        icon_c = self.frame.place(pygame.Rect(x + 18, card.top + 50, 48, 48)).center
        draw_icon(surface, "safe" if safe else "unsafe", icon_c, 46, pal.safe if safe else pal.unsafe,
                  bg=pal.safe_soft if safe else pal.unsafe_soft)
        pts_w = 0
        if self.decision.points > 0:
            pts = i18n.ngettext("+{n} point", "+{n} points", self.decision.points).format(
                n=i18n.format_number(self.decision.points))
            pts_w = label.measure(pts, FONT_SIZES["small"], bold=True)[0] + 16
            label.draw_in(surface, pts, band.inflate(-36, 0), FONT_SIZES["small"], pal.text_muted, align="end", bold=True)
        # the verdict keeps clear of the points (large text): it shrinks a little before it would be cut
        verdict_box = self.frame.place(pygame.Rect(x + 82, card.top + 36, w - 100 - pts_w, 76))
        lay = label.fit_size(self.verdict(), FONT_SIZES["heading"], verdict_box.width, 10 ** 4, bold=True,
                             max_lines=1, min_scale=0.8)
        vs = label.render(lay, pal.text)
        surface.blit(vs, vs.get_rect(midright=verdict_box.midright) if self.rtl else vs.get_rect(midleft=verdict_box.midleft))
        self._draw_body(surface, x, w)
        if not safe:
            note = self.frame.place(pygame.Rect(x, card.bottom - 36 - 68, w - 380, 68))
            label.draw_in(surface, _("Everyone makes mistakes. What matters is knowing what to do next."), note,
                          FONT_SIZES["tiny"], pal.text_muted, max_lines=2)
