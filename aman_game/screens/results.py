"""Results: how the story ended, stars and score, what went well, topics to revisit, and a compact help strip
(tell a trusted adult; More help opens the full page). Continue goes back to the stories; after the last
story the child had left to play (the end of the session) it opens the full help page first.

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
OUTCOME_Y = 184
CONTENT_BOTTOM = 560  # the help strip starts 8 px below, the buttons' row under it
STRIP = pygame.Rect(40, 568, 1200, 56)  # the compact help strip (left-to-right terms)


class ResultsScreen(Screen):
    cache_static = True
    name = "results"
    default_action = "continue"

    def __init__(self, game, session):
        super().__init__(game)
        self.session = session
        self.summary = session.finish()
        self.scroll = 0  # px the ending is scrolled in its card (only when taller than the room for it)

    def enter(self) -> None:
        super().enter()
        self.game.audio.play("finish")

    def make_widgets(self):
        rects = self.frame.row([300, 300], 24, y=636, height=66, inset=COL_X)
        words_more = _("More help")
        w = max(180, label.measure(words_more, FONT_SIZES["small"], bold=True)[0] + 84)
        more = self.frame.place(pygame.Rect(STRIP.right - 8 - w, STRIP.top + 6, w, STRIP.height - 12))
        return [
            Button(rects[0], _("Continue"), self.carry_on, name="continue", icon="next"),
            Button(rects[1], _("Play again"), self.again, name="again", icon="refresh", style="secondary"),
            Button(more, words_more, self.more_help, name="more_help", icon="help", style="secondary",
                   size=FONT_SIZES["small"]),
        ]

    def session_done(self) -> bool:
        """True when this child has now finished every story offered to them (a class session's playlist,
        or everything in the menu): the end of the session, when the full help page is shown."""
        if self.stack is not None and self.stack.scenes()[:1] == [self]:
            return True  # a story played on its own (`play ID`): nothing to go back to
        player = self.game.player
        offered = [s.id for s in self.game.library().scenarios]
        if not player or not offered:
            return True
        return set(offered) <= self._finished(player[0])

    def _finished(self, nickname: str) -> set:
        """The stories this child has played to an end: the class session's results when one runs, else
        this computer's progress (a story with a record and no half-way point)."""
        session = getattr(self.game, "class_session", None)
        if session is not None:
            return set(session.recorder.status(nickname)[0])
        record = getattr(self.game.progress, "_record", None)  # progress has no public "finished" yet
        if record is None:
            return set()
        done = set()
        for scenario in self.game.library().scenarios:
            rec = record(nickname, scenario.id)
            if rec is not None and rec.get("resume") is None and rec.get("at", -1) >= 0:
                done.add(scenario.id)
        return done

    def carry_on(self) -> None:
        """Continue: back to the stories, or the full help page when the session is done."""
        if self.session_done():
            self.to_help()
        else:
            self.stack.pop(None)

    def more_help(self) -> None:
        from .help import HelpScreen

        self.stack.push(HelpScreen(self.game))

    def outcome_layout(self):
        """The story's ending in the outcome box at the active text-size step (6 lines at the normal step,
        8 at the largest), as drawn."""
        end = self.session.node.end
        if end is None:
            return None
        box = _theme.current().box("outcome")
        return label.layout(i18n.pick(end.text), box.size, box.width, max_lines=box.max_lines, scale=False)

    def outcome_card(self) -> pygame.Rect:
        """The ending's card (left-to-right terms): the outcome box with 24 px padding either side, never
        reaching the buttons — a longer ending (the largest text) scrolls inside it."""
        lay = self.outcome_layout()
        h = min((lay.height if lay else 0) + 36, CONTENT_BOTTOM - OUTCOME_Y)
        return pygame.Rect(COL_X - 24, OUTCOME_Y, COL_W + 48, h)

    def max_scroll(self) -> int:
        lay = self.outcome_layout()
        return max(0, (lay.height if lay else 0) + 36 - self.outcome_card().height)

    def handle_event(self, event) -> bool:
        if self.max_scroll() > 0:
            dy = None
            if event.type == pygame.MOUSEWHEEL:
                dy = -event.y * 60
            elif event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                dy = 200 if event.key == pygame.K_PAGEDOWN else -200
            if dy is not None:
                scroll = max(0, min(self.scroll + dy, self.max_scroll()))
                if scroll != self.scroll:
                    self.scroll = scroll
                    self.invalidate()
                return True
        return super().handle_event(event)

    def to_help(self) -> None:
        from .help import HelpScreen

        self.stack.replace(HelpScreen(self.game, after_scenario=True))

    def again(self) -> None:
        from .navigation import screen_class  # by name: play imports this module, not the reverse

        self.stack.replace(screen_class("play")(self.game, self.session.scenario))

    def on_back(self) -> bool:
        self.carry_on()
        return True

    def autoplay_target(self, policy):
        return "continue"

    def _draw_help_strip(self, surface) -> None:
        """One line of help after every story: tell a trusted adult (More help, at its end, has the rest)."""
        pal = _theme.current().palette
        strip = self.frame.place(STRIP)
        panel(surface, strip, pal.primary_soft, lifted=False)
        ic = self.frame.place(pygame.Rect(STRIP.left + 14, STRIP.top + 12, 32, 32)).center
        draw_icon(surface, "adult", ic, 30, pal.primary)
        more = self.widget("more_help")
        room = STRIP.width - 60 - (more.rect.width if more else 200) - 24
        text = self.frame.place(pygame.Rect(STRIP.left + 58, STRIP.top, room, STRIP.height))
        lay = label.fit_size(_("Worried about something online? Tell an adult you trust. You will not be in "
                               "trouble."), FONT_SIZES["small"], text.width, text.height - 4, bold=True, max_lines=2,
                             min_scale=0.7)
        surf = label.render(lay, pal.text)
        surface.blit(surf, (text.right - surf.get_width() if self.rtl else text.left,
                            text.centery - surf.get_height() // 2))

    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        self._draw_help_strip(surface)
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
        y = OUTCOME_Y
        if end is not None:
            lay = self.outcome_layout()
            card = self.frame.place(self.outcome_card())
            tone = {"safe": pal.safe_soft, "recovered": pal.primary_soft}.get(outcome, pal.unsafe_soft)
            panel(surface, card, tone, lifted=False)
            inner = card.inflate(0, -12)
            old_clip = surface.get_clip()
            surface.set_clip(inner.clip(old_clip) if old_clip else inner)
            surface.blit(label.render(lay, pal.text), (card.left + 24, card.top + 18 - self.scroll))
            surface.set_clip(old_clip)
            if self.max_scroll() > 0:  # the rest of the ending: arrows on the card's top and bottom edges,
                # where the clipped lines are (the words fill the card's width)
                for icon, shown, cy in (("up", self.scroll > 0, card.top + 2),
                                        ("down", self.scroll < self.max_scroll(), card.bottom - 4)):
                    if shown:
                        pygame.draw.circle(surface, pal.primary, (card.centerx, cy), 15)
                        draw_icon(surface, icon, (card.centerx, cy), 18, pal.on_primary)
            y = card.bottom + 20
        # what went well: as many lines as fit above the buttons (the story's own ending above is never cut)
        went = [_(words.WENT_WELL[a]) for a in s.went_well if a in words.WENT_WELL][:3]
        went = went[:max(0, (CONTENT_BOTTOM - y - 40) // 36)]
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
        if s.revisit and y + 42 + 40 <= CONTENT_BOTTOM:  # the heading and at least one row of topics
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
                    if y + 40 > CONTENT_BOTTOM:  # keep clear of the buttons
                        break
                chip = self.frame.place(pygame.Rect(COL_X + x, y, w, 40))
                rounded_rect(surface, pal.unsafe_soft, chip, 20)
                ic = self.frame.place(pygame.Rect(COL_X + x + 10, y + 8, 24, 24)).center
                draw_icon(surface, "unsafe", ic, 20, pal.unsafe)
                tr = self.frame.place(pygame.Rect(COL_X + x + 40, y, w - 48, 40))
                label.draw_in(surface, text, tr, FONT_SIZES["small"], pal.text, max_lines=1)
                x += w + 12
