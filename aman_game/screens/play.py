"""Play: the mock app where a scenario happens — messages arrive after a typing indicator, the child
chooses, practises block / report / tell-an-adult with the app's own controls, and gets feedback.

States: arriving (messages of the node come one by one) → choosing → acting (the child's move shows in
the chat) → feedback (overlay) → the next node … → ended (a button to the results). F5 reloads the
scenario file from disk (author mode); problems are listed on screen instead of crashing.
"""
from __future__ import annotations

import math
from collections import deque
from typing import Optional

import pygame

from .. import i18n
from .. import theme as _theme
from ..play_session import PlaySession
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.avatars import ROBOT
from ..widgets.button import Button, IconButton
from ..widgets.chat_bubble import ChatItem
from ..widgets.chat_view import ChatView
from ..widgets.choice_list import APP_ACTION_ICONS, ChoiceButton, choice_height
from ..widgets.draw import panel
from ..widgets.mock_app import COMPOSER_H, HEADER_H, draw_composer, draw_header_identity, draw_window
from .base import Screen

_ = i18n._
N_ = i18n.N_
APP_ACTIONS = ("block", "report", "tell_adult")
NOTICES = {
    "block": (N_("You blocked {name}."), "block"),
    "report": (N_("You reported {name}. Thank you!"), "report"),
    "tell_adult": (N_("You told a trusted adult."), "adult"),
    "ignore": (N_("You did not answer."), None),
}
BAR_H = 56
CHOICE_GAP = 8
MIN_CHAT = 150  # px of chat kept visible above the choices (buttons get tighter first)
NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
               pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3}


class PlayScreen(Screen):
    cache_static = True
    name = "play"

    def __init__(self, game, scenario, *, resume: Optional[dict] = None):
        super().__init__(game)
        self.scenario = scenario
        self.session = self._new_session(scenario, resume)
        self.chat = ChatView(self._make_item)
        self.pending: deque = deque()
        self.state = "arriving"
        self.timer = 0.0
        self.typing_msg = None
        self.pulse = 0.0  # seconds of control animation left
        self.pulse_action: Optional[str] = None
        self.blocked = False
        self.errors: list[str] = []
        self.last: Optional[tuple] = None  # (choice, decision) awaiting feedback
        self.shots = 0  # node visits, for screenshot names

    # -- session ----------------------------------------------------------------------------------
    def _new_session(self, scenario, resume) -> PlaySession:
        session = PlaySession(scenario)
        if resume:
            try:  # replay the saved choices; any mismatch (the file changed) starts afresh
                for index in resume.get("choices", []):
                    session.choose(int(index))
                if session.node_id != resume.get("node"):
                    raise ValueError("resume point moved")
            except (IndexError, KeyError, ValueError, TypeError):
                session = PlaySession(scenario)
        game = self.game
        if game.player:
            nickname = game.player[0]
            session.on_decision.append(lambda s, d: game.progress.save_step(nickname, s.scenario.id, s.node_id,
                                                                            s.path, [x.choice for x in s.decisions]))
            session.on_finish.append(lambda s, summary: game.progress.save_finish(
                nickname, s.scenario.id, summary.stars, summary.score, summary.max_score))
        for hook in list(getattr(game, "session_hooks", [])):
            hook(session)
        game.last_session = session
        return session

    def enter(self) -> None:
        super().enter()
        self.start_node()

    def start_node(self) -> None:
        node = self.session.node
        self.pending = deque(node.messages)
        self.state = "arriving"
        self.timer = self.game.delay(0.4)
        self.typing_msg = None
        self.build()
        self.dirty = True

    def fast_forward(self) -> None:
        """Deliver the node's remaining messages at once and stop at its choices (previews, tests, bench)."""
        if self.typing_msg is not None:
            self.pending.appendleft(self.typing_msg)
            self.typing_msg = None
            self.chat.typing = None
        while self.pending:
            self.chat.add(("msg", self.pending.popleft()))
        if self.state == "arriving":
            self._arrived()
        self.dirty = True

    def go_to(self, node_id: str) -> None:
        """Show a node as if just reached (its own messages only): previews of every node."""
        self.session.node_id = node_id
        self.session.path.append(node_id)
        self.chat.clear()
        self.start_node()
        self.fast_forward()

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
        pause = IconButton(self.frame.place(pygame.Rect(14, 4, 48, 48)), "pause", self.open_pause, name="pause",
                           words=_("Pause"), style="secondary", radius=24)
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

    def build(self) -> None:
        super().build()
        self._apply_pulse()

    def relayout(self) -> None:
        self.chat.rebuild()
        super().relayout()

    # -- the flow ---------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.errors:
            return
        if self.chat.typing:
            self.chat.phase += dt
            self.dirty = True
        if self.pulse > 0:
            self.pulse = max(0.0, self.pulse - dt)
            self._apply_pulse()
            self.dirty = True
        if self.state in ("arriving", "acting"):
            self.timer -= dt
            if self.timer <= 0:
                self._advance()

    def next_wake(self) -> Optional[float]:
        if self.errors:
            return None
        waits = []
        if self.state in ("arriving", "acting"):
            waits.append(max(0.0, self.timer))
        if self.chat.typing and not _theme.current().reduced_motion:
            waits.append(0.12)
        if self.pulse > 0:
            waits.append(0.05)
        return min(waits) if waits else None

    def _advance(self) -> None:
        if self.state == "acting":
            self._show_feedback()
            return
        if self.typing_msg is not None:
            self._deliver(self.typing_msg)
            self.typing_msg = None
            self.chat.typing = None
            self.timer = self.game.delay(0.35)
        elif self.pending:
            msg = self.pending.popleft()
            if msg.sender in self.scenario.characters:
                ch = self.scenario.characters[msg.sender]
                self.typing_msg = msg
                self.chat.typing = (_avatar_of(ch), msg.sender)
                self.chat.phase = 0.0
                words = len(i18n.pick_logical(msg.text).split())
                self.timer = self.game.delay(0.7 + min(1.3, words * 0.08))
            else:
                self._deliver(msg)
                self.timer = self.game.delay(0.4)
        else:
            self._arrived()
        self.dirty = True

    def _deliver(self, msg) -> None:
        self.chat.add(("msg", msg))
        self.game.audio.play("message")
        self.game.audio.narrate(i18n.pick_logical(msg.text), i18n.current_language())

    def _arrived(self) -> None:
        if self.session.at_end:
            self.state = "ended"
            self.chat.add(("end", self.session.node.end))
            self.session.finish()
        else:
            self.state = "choosing"
            actions = [c.action for c in self.session.node.choices if c.action in APP_ACTIONS]
            if actions and not _theme.current().reduced_motion:
                self.pulse, self.pulse_action = self.game.delay(2.4), None
        self.shots += 1
        self.build()

    def _apply_pulse(self) -> None:
        for action in APP_ACTIONS:
            w = self.widget(f"app:{action}")
            if w is None:
                continue
            if not w.enabled:
                w.highlight = 0.0
            elif self.pulse > 0 and self.pulse_action in (None, action):
                w.highlight = 0.5 + 0.5 * math.sin(self.pulse * 7)
            else:
                w.highlight = 0.35 if self.pulse_action in (None, action) else 0.0

    def pick_choice(self, index: int) -> None:
        if self.state != "choosing" or not (0 <= index < len(self.session.node.choices)):
            return
        action = self.session.node.choices[index].action
        if action in APP_ACTIONS:
            self.open_control(action, index)
        else:
            self.commit(index)

    def open_control(self, action: str, index: Optional[int] = None) -> None:
        """Open the app's own sheet for block / report / tell an adult (from the header or a choice)."""
        if self.state != "choosing":
            return
        if index is None:
            index = self.session.choice_index_for_action(action)
            if index is None:
                return
        from .app_sheets import AdultSheet, BlockSheet, ReportSheet

        self.pulse, self.pulse_action = (self.game.delay(1.2) if not _theme.current().reduced_motion else 0.0), action
        self._apply_pulse()
        if action == "block":
            sheet = BlockSheet(self.game, self.look, self.contact_name())
        elif action == "report":
            sheet = ReportSheet(self.game, self.look, self.contact_name())
        else:
            sheet = AdultSheet(self.game, self.look)
        self.stack.push(sheet, lambda result, i=index: self._sheet_done(i, result))

    def _sheet_done(self, index: int, result) -> None:
        if result is None:
            return  # cancelled: still choosing
        self.commit(index)

    def commit(self, index: int) -> None:
        choice = self.session.node.choices[index]
        decision = self.session.choose(index)
        if choice.action in NOTICES:
            msgid, icon = NOTICES[choice.action]
            self.chat.add(("notice", msgid, icon))
            if choice.action == "block":
                self.blocked = True
        else:
            self.chat.add(("me", choice.text))
        self.last = (choice, decision)
        self.state = "acting"
        self.pulse = 0.0
        self.timer = self.game.delay(0.8)
        self.game.audio.play("tap")
        self.build()

    def _show_feedback(self) -> None:
        from .feedback import FeedbackScreen

        choice, decision = self.last
        self.state = "feedback"
        self.invalidate()
        self.stack.push(FeedbackScreen(self.game, choice, decision), lambda _r: self.start_node())

    def show_results(self) -> None:
        from .results import ResultsScreen

        self.stack.replace(ResultsScreen(self.game, self.session))

    def open_pause(self) -> None:
        from .confirm import PauseDialog

        def done(result):
            if result == "leave":
                self.game.audio.stop_narration()
                self.stack.pop(None)

        self.stack.push(PauseDialog(self.game), done)

    def on_back(self) -> bool:
        self.open_pause()
        return True

    # -- author mode ------------------------------------------------------------------------------
    def reload(self) -> None:
        """F5: read the scenario file again; show its problems on screen, or restart the current node."""
        from ..content import ContentError, load_scenario

        path = getattr(self.scenario, "file", "")
        try:
            fresh = load_scenario(path)
        except ContentError as exc:
            self.errors = [str(p) for p in exc.problems][:12]
            self.invalidate()
            return
        except OSError as exc:
            self.errors = [f"{path}: {exc}"]
            self.invalidate()
            return
        node = self.session.node_id if self.session.node_id in fresh.nodes else fresh.start
        self.errors = []
        self.scenario = fresh
        old = self.session
        self.session = self._new_session(fresh, None)
        self.session.node_id = node
        self.session.path = list(old.path) if node == old.node_id else [node]
        self.session.decisions = list(old.decisions) if node == old.node_id else []
        self.chat.clear()
        self.start_node()

    # -- input ------------------------------------------------------------------------------------
    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F5:
                self.reload()
                return True
            if event.key in NUMBER_KEYS and self.state == "choosing":
                self.pick_choice(NUMBER_KEYS[event.key])
                return True
            if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                app, _r, _p = self.geometry()
                self.chat.scroll_by(200 if event.key == pygame.K_PAGEUP else -200, app.height - HEADER_H)
                return True
        if event.type == pygame.MOUSEWHEEL:
            app, _r, _p = self.geometry()
            self.chat.scroll_by(event.y * 60, app.height - HEADER_H)
            return True
        return super().handle_event(event)

    def autoplay_target(self, policy):
        if self.errors:
            return None
        if self.state == "choosing":
            index = policy.pick(self.session)
            action = self.session.node.choices[index].action
            if action in APP_ACTIONS and self.session.choice_index_for_action(action) == index:
                return f"app:{action}"  # practise the motion: the app's own control
            return f"choice:{index}"
        if self.state == "ended":
            return "results"
        return None

    def screenshot_name(self) -> str:
        return f"play_{self.session.node_id}"

    # -- drawing ----------------------------------------------------------------------------------
    def _chat_column(self) -> pygame.Rect:
        app, _rows, _p = self.geometry()
        composer = self.state in ("arriving", "acting", "feedback")
        top = app.top + HEADER_H
        bottom = app.bottom - 14 - (COMPOSER_H + 8 if composer else 0)
        return pygame.Rect(app.left + 24, top, app.width - 48, bottom - top)

    def draw_dynamic(self, surface):
        self.chat.draw(surface, self._chat_column(), self.look, self.rtl)
        if self.errors:
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


__all__ = ["PlayScreen", "APP_ACTIONS", "APP_ACTION_ICONS"]
