"""How the play screen looks: the game bar, the mock app (header, chat column, composer), the choices.

A mixin of PlayScreen kept apart from the story logic (play.py) so each stays small: geometry and
widgets for the current state, the static layer, and the parts redrawn every frame (the chat column).
"""
from __future__ import annotations

from typing import Optional

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.avatars import ROBOT
from ..widgets.button import Button, IconButton
from ..widgets.chat_bubble import ChatItem
from ..widgets.choice_list import ChoiceButton, choice_height
from ..widgets.draw import panel
from ..widgets.mock_app import COMPOSER_H, HEADER_H, draw_composer, draw_header_identity, draw_window

_ = i18n._
BAR_H = 56
CHOICE_GAP = 8
MIN_CHAT = 150  # px of chat kept visible above the choices (buttons get tighter first)


class PlayView:
    # -- chat items -------------------------------------------------------------------------------
    @property
    def look(self):
        return _theme.current().look(self.scenario.app.look)

    @property
    def lobby(self) -> bool:
        return self.scenario.app.look == "game_lobby"

    def contact(self):
        """The person the chat is with: the first other sender at the start, else the first character."""
        for m in self.scenario.nodes[self.scenario.start].messages:
            if m.sender in self.scenario.characters:
                return self.scenario.characters[m.sender]
        return next(iter(self.scenario.characters.values()), None)

    def contact_name(self) -> str:
        c = self.contact()
        return i18n.pick(c.name) if c is not None else ""

    def _make_item(self, entry: tuple) -> ChatItem:
        kind = entry[0]
        if kind == "msg":
            m = entry[1]
            if m.sender not in self.scenario.characters:  # "me"
                return ChatItem("message", "me", i18n.pick(m.text), logical=i18n.pick_logical(m.text))
            ch = self.scenario.characters[m.sender]
            others = {x.sender for n in self.scenario.nodes.values() for x in n.messages} & set(self.scenario.characters)
            return ChatItem("message", "them", i18n.pick(m.text), sender=m.sender, name=i18n.pick(ch.name),
                            avatar=_avatar_of(ch), card=m.card, show_name=self.lobby or len(others) > 1,
                            logical=i18n.pick_logical(m.text))
        if kind == "me":
            return ChatItem("message", "me", i18n.pick(entry[1]), logical=i18n.pick_logical(entry[1]))
        if kind == "end":
            end = entry[1]
            icon = {"safe": "safe", "recovered": "check"}.get(end.outcome, "unsafe")
            return ChatItem("notice", "center", i18n.pick(end.text), icon=icon, logical=i18n.pick_logical(end.text))
        msgid, icon = entry[1], entry[2]
        return ChatItem("notice", "center", _(msgid).format(name=self.contact_name()), icon=icon)

    # -- widgets and geometry ---------------------------------------------------------------------
    def _choice_rows(self, tight: bool = False) -> list[int]:
        if self.state == "choosing":
            return [choice_height(i18n.pick(c.text), 960, tight=tight) for c in self.session.node.choices]
        if self.state == "ended":
            return [64]
        return []

    def geometry(self):
        prompt = self.session.node.prompt if self.state == "choosing" else None
        prompt_h = 0
        if prompt is not None:
            box = _theme.current().box("prompt")
            prompt_h = label.layout(i18n.pick(prompt), box.size, box.width, bold=True, max_lines=2, scale=False).height + 4

        def app_rect(rows):
            area = (sum(rows) + CHOICE_GAP * max(0, len(rows) - 1) + prompt_h + 16) if rows else 0
            return pygame.Rect(40, BAR_H + 4, 1200, 720 - BAR_H - 4 - 8 - area)

        rows = self._choice_rows()
        app = app_rect(rows)
        if app.height - HEADER_H - 14 < MIN_CHAT and rows:
            rows = self._choice_rows(tight=True)
            app = app_rect(rows)
        return app, rows, prompt_h

    def make_widgets(self):
        app, rows, prompt_h = self.geometry()
        if getattr(self, "errors", None):  # author mode: nothing to press under the problems but Pause
            return [IconButton(self.frame.place(pygame.Rect(16, 8, 44, 44)), "pause", self.open_pause, name="pause",
                               words=_("Pause"), style="secondary", radius=22)]
        widgets = []
        y = app.bottom + 8 + prompt_h
        if self.state == "choosing":
            for i, (c, h) in enumerate(zip(self.session.node.choices, rows)):
                r = self.frame.place(pygame.Rect(90, y, 1100, h))
                widgets.append(ChoiceButton(r, i, i18n.pick(c.text), c.action, (lambda k=i: self.pick_choice(k))))
                y += h + CHOICE_GAP
        elif self.state == "ended":
            r = self.frame.place(pygame.Rect(440, y, 400, 64))
            widgets.append(Button(r, _("See how you did"), self.show_results, name="results", icon="star"))
        widgets += self._header_controls(app)
        pause = IconButton(self.frame.place(pygame.Rect(16, 8, 44, 44)), "pause", self.open_pause, name="pause",
                           words=_("Pause"), style="secondary", radius=22)
        widgets.append(pause)
        return widgets

    def _header_controls(self, app: pygame.Rect) -> list[Button]:
        look = self.look
        items = [("block", _("Block"), "block"), ("report", _("Report"), "report"), ("tell_adult", _("Tell an adult"), "adult")]
        widths = [label.measure(t, FONT_SIZES["small"], bold=True)[0] + 78 for _a, t, _i in items]
        total = sum(widths) + 10 * (len(widths) - 1)
        out, x = [], app.right - 16 - total
        for (action, words, icon), w in zip(items, widths):
            r = self.frame.place(pygame.Rect(x, app.top + (HEADER_H - 48) // 2, w, 48))
            b = Button(r, words, (lambda a=action: self.open_control(a)), name=f"app:{action}", icon=icon,
                       style="ghost", size=FONT_SIZES["small"], radius=24,
                       colors=(look.header_control, look.on_header, None))
            available = self.state == "choosing" and self.session.choice_index_for_action(action) is not None
            if not available:
                b.enabled = False
                b.colors = (None, _blend(look.on_header, look.header, 0.55), None)
            out.append(b)
            x += w + 10
        self.controls_width = total
        return out

    # -- drawing ----------------------------------------------------------------------------------
    def _chat_column(self) -> pygame.Rect:
        app, _rows, _p = self.geometry()
        composer = self.state in ("arriving", "acting", "feedback")
        top = app.top + HEADER_H
        bottom = app.bottom - 14 - (COMPOSER_H + 8 if composer else 0)
        return pygame.Rect(app.left + 24, top, app.width - 48, bottom - top)

    def draw_dynamic(self, surface):
        self.chat.draw(surface, self._chat_column(), self.look, self.rtl)

    def draw(self, surface):
        super().draw(surface)
        if self.errors:  # last: the problems cover the app, its controls and the choices
            self._draw_errors(surface)

    def draw_static(self, surface):
        th = _theme.current()
        pal = th.palette
        surface.fill(pal.bg)
        look = self.look
        app, rows, prompt_h = self.geometry()
        chat = draw_window(surface, app, look)
        header = pygame.Rect(app.left, app.top, app.width, HEADER_H)
        rtl = self.rtl
        name_w = app.width - getattr(self, "controls_width", 480) - 140
        if self.lobby:
            draw_header_identity(surface, header, look, lobby=True, title=i18n.pick(self.scenario.app.name),
                                 subtitle=_("Lobby chat"), avatar=None, key="lobby", rtl=rtl, width=name_w)
        else:
            c = self.contact()
            status = _("Blocked") if self.blocked else _("online")
            draw_header_identity(surface, header, look, lobby=False, title=self.contact_name(), subtitle=status,
                                 avatar=_avatar_of(c) if c else None, key=c.id if c else "", rtl=rtl, width=name_w)
        composer = self.state in ("arriving", "acting", "feedback")
        if composer:
            if self.blocked:
                words = _("You blocked this person.")
            elif self.state == "arriving":
                words = _("Type a message…")
            else:
                words = _("Choose your answer below")
            draw_composer(surface, pygame.Rect(chat.left + 24, chat.bottom - COMPOSER_H, chat.width - 48, COMPOSER_H - 8),
                          look, words, rtl)
        self._draw_bar(surface)
        if self.state == "choosing" and self.session.node.prompt is not None:
            box = th.box("prompt")
            r = self.frame.place(pygame.Rect(90, app.bottom + 8, 1100, prompt_h))
            label.draw_in(surface, i18n.pick(self.session.node.prompt), r, box.size, pal.text, bold=True, valign="top",
                          max_lines=2, scale=False)

    def _draw_bar(self, surface) -> None:
        pal = _theme.current().palette
        title = self.frame.place(pygame.Rect(76, 6, 760, 48))
        label.draw_in(surface, i18n.pick(self.scenario.title), title, FONT_SIZES["small"], pal.text, bold=True, max_lines=1)
        done = len(self.session.decisions)
        n = done + (0 if self.session.at_end else 1)
        xs = [1240 - 12 - (n - 1 - i) * 30 for i in range(n)]
        for i, x in enumerate(xs):
            c = (self.frame.x(x, 0), 30)
            if i < done:
                pygame.draw.circle(surface, pal.primary, c, 10)
            else:
                pygame.draw.circle(surface, pal.primary, c, 10, 3)
        step = self.frame.place(pygame.Rect(860, 6, 1240 - 12 - n * 30 - 860, 48))
        label.draw_in(surface, _("Step {n}").format(n=i18n.format_number(max(1, n))), step, FONT_SIZES["tiny"],
                      pal.text_muted, align="end", max_lines=1)

    def _draw_errors(self, surface) -> None:
        pal = _theme.current().palette
        r = pygame.Rect(80, 90, 1120, 540)
        panel(surface, r, pal.surface, border=pal.danger)
        label.draw_in(surface, _("This story file has problems. Fix them and press F5 to reload."),
                      pygame.Rect(r.left + 24, r.top + 20, r.width - 48, 40), FONT_SIZES["body"], pal.danger, bold=True,
                      valign="top")
        y = r.top + 76
        for line in self.errors:
            rect = label.draw(surface, line, (r.left + 24, y), FONT_SIZES["tiny"], pal.text, width=r.width - 48,
                              lang="en", max_lines=3)
            y = rect.bottom + 8
            if y > r.bottom - 30:
                break


def _avatar_of(character) -> Optional[str]:
    """A character's picture; the guide without one is drawn as Aman the robot."""
    if character.avatar:
        return character.avatar
    return ROBOT if character.role == "guide" else None


def _blend(a, b, t: float):
    return tuple(round(a[i] * (1 - t) + b[i] * t) for i in range(3))
