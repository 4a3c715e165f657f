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
from ..widgets.chat_view import GAP as CHAT_GAP, STRIP_H as CHAT_STRIP
from ..widgets.choice_list import ChoiceButton, arrange
from ..widgets.draw import panel
from ..widgets.icons import draw_icon
from ..widgets.mock_app import COMPOSER_H, HEADER_H, draw_composer, draw_header_identity, draw_window

_ = i18n._
BAR_H = 56
CHOICE_GAP = 8
CHOICE_X, CHOICE_W = 90, 1100
BAR_TITLE_W = 760
MIN_CHAT = 150  # px of chat kept visible above the choices (buttons get tighter first)
TIP_SECONDS = 4.0  # a tip ("not at this step …") stays this long, or until the next click or key


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
        params = entry[3] if len(entry) > 3 else {}  # e.g. the step F5 could not find
        return ChatItem("notice", "center", _(msgid).format(name=self.contact_name(), **params), icon=icon)

    # -- widgets and geometry ---------------------------------------------------------------------
    def prompt_layout(self):
        """The node's question above the choices, as drawn (None when it has none or nothing is asked)."""
        prompt = self.session.node.prompt if self.state == "choosing" else None
        if prompt is None:
            return None
        box = _theme.current().box("prompt")
        return label.layout(i18n.pick(prompt), box.size, box.width, bold=True, max_lines=box.max_lines, scale=False)

    def shown_choices(self) -> list:
        """(logical index, choice) of the current decision, in the order the screen shows them."""
        choices = self.session.node.choices
        return [(i, choices[i]) for i in self.session.order()]

    def geometry(self):
        """(app window, choice rects, prompt height). The choices take what they need at the bottom and the
        chat keeps the rest, which should show the newest item whole (the message being answered) and at
        least MIN_CHAT: when it would not, the choices' padding tightens, then they go two to a row. If even
        that leaves too little, the tightest arrangement is used and the chat scrolls (play.py)."""
        scroll = getattr(self, "choice_scroll", 0)
        key = (self.state, self.session.node_id, len(self.chat.items), id(self.chat.items[-1]) if self.chat.items else None,
               _theme.current(), i18n.current_language(), scroll)
        cached = getattr(self, "_geometry", None)
        if cached is not None and cached[0] == key:
            self.choice_view, self.choice_total = cached[2], cached[3]
            return cached[1]
        prompt = self.prompt_layout()
        prompt_h = prompt.height + 4 if prompt is not None else 0
        top = BAR_H + 4
        bottom_space = 720 - top - 8  # the app window and the choice area share this
        view = None
        if self.state == "choosing":
            choices = [(i18n.pick(c.text), c.action) for _i, c in self.shown_choices()]
            # the exchange being answered: this step's messages whole if they can be (the choices tighten or
            # go two to a row first), else at least the newest whole; a strip above says earlier ones exist
            shown = min(len(self.chat.items), len(self.session.node.messages)) or 1
            strip = CHAT_STRIP if len(self.chat.items) > shown else 0
            newest = self.chat.newest_height(1200 - 48, self.look) + 2 * CHAT_GAP
            need = max(MIN_CHAT, newest + (CHAT_STRIP if len(self.chat.items) > 1 else 0),
                       self.chat.node_height(shown, 1200 - 48, self.look) + 2 * CHAT_GAP + strip)
            best = None
            for columns, tight in ((1, False), (1, True), (2, False), (2, True)):
                arranged = arrange(choices, CHOICE_W, CHOICE_GAP, columns=columns, tight=tight)
                if arranged is None:
                    continue  # a choice would be cut in half the width
                rects, total = arranged
                chat_h = bottom_space - (total + prompt_h + 16) - HEADER_H - 14
                if best is None or chat_h > best[2]:
                    best = (rects, total, chat_h)
                if chat_h >= need:
                    best = (rects, total, chat_h)
                    break
            rects, total, _chat_h = best
            area = total + prompt_h + 16
            most = bottom_space - (HEADER_H + 14 + MIN_CHAT)
            if area > most:
                # even the tightest arrangement leaves the chat less than MIN_CHAT (the longest choices and
                # prompt at the largest text): the choices scroll in the room left, never off the screen
                area = most
                view = pygame.Rect(CHOICE_X, 720 - 8 - area + 8 + prompt_h, CHOICE_W, area - prompt_h - 16)
                scroll = max(0, min(scroll, total - view.height))
                self.choice_scroll = scroll
        elif self.state == "ended":
            rects, area = [pygame.Rect(350, 0, 400, 64)], 64 + 16
        else:
            rects, area = [], 0
        app = pygame.Rect(40, top, 1200, bottom_space - area)
        y0 = app.bottom + 8 + prompt_h - (scroll if view else 0)
        placed = [self.frame.place(r.move(CHOICE_X, y0)) for r in rects]
        self.choice_view = self.frame.place(view) if view else None
        self.choice_total = total if view else 0
        result = (app, placed, prompt_h)
        self._geometry = (key, result, self.choice_view, self.choice_total)
        return result

    def scroll_choices(self, dy: int, reveal=None) -> bool:
        """Scroll the choices when they have a scrolling view: by dy px, or just enough to show `reveal`
        (a rect, e.g. the choice the keyboard focus moved to). True when it moved."""
        view = self.choice_view
        if view is None:
            return False
        before = self.choice_scroll
        if reveal is not None:
            if reveal.top < view.top:
                dy = reveal.top - view.top - 4
            elif reveal.bottom > view.bottom:
                dy = reveal.bottom - view.bottom + 4
            else:
                dy = 0
        self.choice_scroll = max(0, min(before + dy, self.choice_total - view.height))
        if self.choice_scroll != before:
            self.build()
            return True
        return False

    def make_widgets(self):
        app, rects, prompt_h = self.geometry()
        self._widgets_for = self._geometry[0]
        if getattr(self, "errors", None):  # author mode: nothing to press under the problems but Pause
            return [IconButton(self.frame.place(pygame.Rect(16, 8, 44, 44)), "pause", self.open_pause, name="pause",
                               words=_("Pause"), style="secondary", radius=22)]
        widgets = []
        if self.state == "choosing":
            # named and numbered by screen position (what the child sees and presses), acting on the choice's
            # logical index (what is scored and recorded)
            for position, ((i, c), r) in enumerate(zip(self.shown_choices(), rects)):
                button = ChoiceButton(r, position, i18n.pick(c.text), c.action, (lambda k=i: self.pick_choice(k)))
                button.clip = self.choice_view  # drawn and pressed only inside the scrolling view, if any
                widgets.append(button)
        elif self.state == "ended":
            widgets.append(Button(rects[0], _("See how you did"), self.show_results, name="results", icon="star"))
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
                b.on_disabled = lambda a=action: self.show_tip(self.unavailable_reason(a))
            out.append(b)
            x += w + 10
        self.controls_width = total
        return out

    # -- tips: why a control that looks clickable did nothing ----------------------------------------
    def unavailable_reason(self, action: str) -> str:
        """Why Block / Report / Tell an adult is greyed out just now, in a child's words."""
        if self.state == "arriving":
            return _("Wait a moment: the messages are still arriving.")
        if self.state in ("acting", "feedback"):
            return _("Wait a moment: your answer is on its way.")
        if self.state == "ended":
            return _("The story has ended. Press See how you did.")
        if action == "block" and self.blocked:
            return _("You already blocked {name}.").format(name=self.contact_name())
        return _("Not at this step. Choose one of the answers below.")

    def card_reason(self) -> str:
        """A click on a card's own button (Accept, Claim gift, Send photo …): the story is answered below."""
        if self.state == "choosing":
            return _("In this game you answer with the choices below.")
        return _("Wait a moment, then answer with the choices below.")

    def show_tip(self, text: str) -> None:
        """Show a short tip over the bottom of the chat for a few seconds (and read it aloud if narration
        is on): the answer a child gets when a control that looks clickable can't be used."""
        self.tip = [text, TIP_SECONDS]  # seconds left (fast mode: until the next key or click)
        self.say([text], interrupt=True)
        self.dirty = True

    def _draw_tip(self, surface) -> None:
        tip = getattr(self, "tip", None)
        if not tip:
            return
        pal = _theme.current().palette
        column = self._chat_column()
        lay = label.tight_layout(tip[0], FONT_SIZES["small"], column.width - 160, bold=True, max_lines=2)
        text = label.render(lay, pal.on_primary)
        box = pygame.Rect(0, 0, text.get_width() + 80, text.get_height() + 24)
        box.midbottom = (column.centerx, column.bottom - 12)
        panel(surface, box, pal.primary, lifted=True, radius=box.height // 2)
        icon_x = box.right - 26 if self.rtl else box.left + 26
        draw_icon(surface, "help", (icon_x, box.centery), 26, pal.on_primary)
        surface.blit(text, (box.left + (20 if self.rtl else 52), box.centery - text.get_height() // 2))

    # -- drawing ----------------------------------------------------------------------------------
    def _chat_column(self) -> pygame.Rect:
        app, _rows, _p = self.geometry()
        composer = self.state in ("arriving", "acting", "feedback")
        top = app.top + HEADER_H
        bottom = app.bottom - 14 - (COMPOSER_H + 8 if composer else 0)
        return pygame.Rect(app.left + 24, top, app.width - 48, bottom - top)

    def draw_dynamic(self, surface):
        self.chat.draw(surface, self._chat_column(), self.look, self.rtl)
        self._draw_tip(surface)

    def draw(self, surface):
        self.geometry()
        if self._geometry[0] != getattr(self, "_widgets_for", None):
            self.build()  # the chat changed under the choices (an entry added without a re-build): re-place them
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
        name_w = self.header_name_width()
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
        prompt = self.prompt_layout()
        if prompt is not None:
            r = self.frame.place(pygame.Rect(CHOICE_X, app.bottom + 8, CHOICE_W, prompt_h))
            surf = label.render(prompt, pal.text)
            surface.blit(surf, (r.right - surf.get_width() if rtl else r.left, r.top))
        view = self.choice_view
        if view is not None:  # more choices above or below the scrolling view: arrows beside it, at its end
            x = view.left - 26 if rtl else view.right + 26
            for icon, shown, y in (("up", self.choice_scroll > 0, view.top + 20),
                                   ("down", self.choice_scroll < self.choice_total - view.height, view.bottom - 20)):
                if shown:
                    pygame.draw.circle(surface, pal.primary, (x, y), 18)
                    draw_icon(surface, icon, (x, y), 20, pal.on_primary)

    def bar_title_layout(self):
        """The story's title in the game bar: one line, a little smaller before it would be cut."""
        return label.fit_size(i18n.pick(self.scenario.title), FONT_SIZES["small"], BAR_TITLE_W, 10 ** 4, bold=True,
                              max_lines=1, min_scale=0.8)

    def header_name_width(self) -> int:
        """Room for the contact's or the app's name in the app header, beside the Block/Report/Tell controls."""
        app = self.geometry()[0]
        return app.width - getattr(self, "controls_width", 480) - 140

    def header_title(self) -> str:
        return i18n.pick(self.scenario.app.name) if self.lobby else self.contact_name()

    def _draw_bar(self, surface) -> None:
        pal = _theme.current().palette
        title = self.frame.place(pygame.Rect(76, 6, BAR_TITLE_W, 48))
        lay = self.bar_title_layout()
        ts = label.render(lay, pal.text)
        surface.blit(ts, (title.right - ts.get_width() if self.rtl else title.left, title.centery - ts.get_height() // 2))
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
