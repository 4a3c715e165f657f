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
from ..widgets.chat_view import ChatView
from ..widgets.mock_app import HEADER_H
from .base import Screen
from .play_view import PlayView, _avatar_of
from .play_voice import PlayVoice, spoken

_ = i18n._
N_ = i18n.N_
APP_ACTIONS = ("block", "report", "tell_adult")
NOTICES = {
    "block": (N_("You blocked {name}."), "block"),
    "report": (N_("You reported {name}. Thank you!"), "report"),
    "tell_adult": (N_("You told a trusted adult."), "adult"),
    "ignore": (N_("You did not answer."), None),
    "delete": (N_("You deleted the chat."), "delete"),  # the chat empties first, as in a real app
    "leave": (N_("You left the chat."), "close"),
    "tell_friend": (N_("You talked to a friend."), "friend"),
}
#: F5 (author mode) after the step on screen was renamed or removed from the file.
RELOAD_NODE_GONE = N_("The step '{node}' is no longer in the story file: the story starts again.")
NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3,
               pygame.K_KP1: 0, pygame.K_KP2: 1, pygame.K_KP3: 2, pygame.K_KP4: 3}


class PlayScreen(PlayVoice, PlayView, Screen):
    cache_static = True
    name = "play"
    default_action = "results"  # at the end of the story: Enter opens the results

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
        self.choice_scroll = 0  # px the choices are scrolled (only when they have a scrolling view)
        self.choice_view = None  # that view (set by geometry)
        self.choice_total = 0
        self.shots = 0  # node visits, for screenshot names
        self.node_chat_start = 0  # chat entries before the current step's messages (F5 keeps those)
        self.tip: Optional[list] = None  # [words, seconds left]: why a control that looks clickable did nothing

    # -- session ----------------------------------------------------------------------------------
    def _new_session(self, scenario, resume) -> PlaySession:
        game = self.game
        # a new order of the choices for every play (the safe one is not always first), unless the game was
        # given a seed (play --seed) or shows stories as written (previews, the screen gallery)
        order = dict(seed=getattr(game, "choice_seed", None), shuffle=getattr(game, "shuffle_choices", True))
        session = PlaySession(scenario, **order)
        if resume:
            try:  # replay the saved choices; any mismatch (the file changed) starts afresh
                for index in resume.get("choices", []):
                    session.choose(int(index))
                if session.node_id != resume.get("node"):
                    raise ValueError("resume point moved")
            except (IndexError, KeyError, ValueError, TypeError):
                session = PlaySession(scenario, **order)
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

    def exit(self) -> None:
        super().exit()
        self.game.collect_garbage = True  # its bubbles and surfaces are freed at the next quiet moment

    def start_node(self) -> None:
        node = self.session.node
        self.node_chat_start = len(self.chat.entries)  # F5 replays this step from here
        self.choice_scroll = 0
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

    def go_to(self, node_id: str, via: Optional[list] = None) -> None:
        """Show a node as if just reached (its own messages only): previews of every node. `via`: the
        choice indexes that lead there from the start (play_session.node_paths), so the step number and
        the progress dots are the ones a child would see; without it the node is shown as step 1."""
        if via:
            for index in via:
                self.session.choose(index)
        if self.session.node_id != node_id:
            self.session.node_id = node_id
            self.session.path.append(node_id)
        self.chat.clear()
        self.start_node()
        self.fast_forward()

    def build(self) -> None:
        super().build()
        self._apply_pulse()
        if self.state in ("choosing", "ended") and self.chat.scroll == 0:
            # the chat above the choices cannot show the newest message whole (large text, a tall card, four
            # long choices): show it from its first line, the rest a scroll away
            column = self._chat_column()
            self.chat.show_newest_from_top(column.height, column.width, self.look)

    def relayout(self) -> None:
        self.chat.rebuild()
        super().relayout()

    # -- the flow ---------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.errors:
            return
        if self.tip is not None and not self.game.fast:
            self.tip[1] -= dt
            if self.tip[1] <= 0:
                self.tip = None
                self.dirty = True
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
        if self.tip is not None and not self.game.fast:
            waits.append(max(0.0, self.tip[1]))
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
        self.say([spoken(msg.text)])  # queued: a message never cuts off the one before it

    def _arrived(self) -> None:
        if self.session.at_end:
            self.state = "ended"
            self.chat.add(("end", self.session.node.end))
            self.session.finish()
            self.say([spoken(self.session.node.end.text)])
        else:
            self.state = "choosing"
            self.read_choices()
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
        else:  # the story follows the adult the child chose: a choice that names one is not asked again
            from .app_sheets import adult_named
            sheet = AdultSheet(self.game, self.look, adult_named(self.session.node.choices[index].text.get("en")))
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
            if choice.action == "delete":
                self.chat.clear()
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
        """F5: read the scenario file again; show its problems on screen, or show the current step again as
        the file now has it. The chat so far stays; when the step is gone from the file, a line in the chat
        says so and the story starts again below it."""
        from ..content import ContentError, load_scenario

        path = getattr(self.scenario, "file", "")
        try:
            fresh = load_scenario(path)
        except ContentError as exc:
            self.errors = [str(p) for p in exc.problems][:12]
            self.build()
            return
        except OSError as exc:
            self.errors = [f"{path}: {exc}"]
            self.build()
            return
        old = self.session
        gone = old.node_id not in fresh.nodes
        self.errors = []
        self.scenario = fresh
        self.session = self._new_session(fresh, None)
        if gone:  # the chat so far stays; a line in it says why the story starts again
            self.chat.add(("notice", RELOAD_NODE_GONE, "refresh", {"node": old.node_id}))
        else:  # the chat up to this step stays; this step's messages are shown again as the file has them
            self.session.node_id = old.node_id
            self.session.path = list(old.path)
            self.session.decisions = list(old.decisions)
            self.chat.keep_first(self.node_chat_start)
        self.start_node()

    # -- input ------------------------------------------------------------------------------------
    def handle_event(self, event) -> bool:
        if self.tip is not None and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.tip = None  # the next key or click closes a tip (and may show another)
            self.dirty = True
        if event.type == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1 and not self.errors:
            hit = self.chat.hit(event.pos)
            if hit is not None and hit[0] == "scroll":
                app, _r, _p = self.geometry()
                self.chat.scroll_by(hit[1] * max(120, (app.height - HEADER_H) * 2 // 3), app.height - HEADER_H)
                self.dirty = True
                return True
            if hit is not None and hit[0] == "card":
                self.show_tip(self.card_reason())
                return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F5:
                self.reload()
                return True
            if event.key in NUMBER_KEYS and self.state == "choosing":
                position = NUMBER_KEYS[event.key]  # the number drawn on the button, not the file's order
                if position < len(self.session.node.choices):
                    self.pick_choice(self.session.index_at(position))
                return True
            if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                app, _r, _p = self.geometry()
                self.chat.scroll_by(200 if event.key == pygame.K_PAGEUP else -200, app.height - HEADER_H)
                return True
        if event.type == pygame.MOUSEWHEEL:
            app, _r, _p = self.geometry()
            if self.choice_view is not None and self._pointer_y() > app.bottom:
                self.scroll_choices(-event.y * 60)  # the choices scroll where they have their own view
                return True
            self.chat.scroll_by(event.y * 60, app.height - HEADER_H)
            return True
        before = self.focus.focused
        consumed = super().handle_event(event)
        after = self.focus.focused
        if after is not before and getattr(after, "name", "").startswith("choice:") and self.choice_view is not None:
            self.scroll_choices(0, reveal=after.rect)  # the keyboard focus never rests on a hidden choice
            after = self.focus.focused
        if event.type == pygame.KEYDOWN and after is not before and self.state == "choosing" \
                and getattr(after, "name", "").startswith("choice:"):
            self.say(self.choice_lines(int(after.name.split(":")[1])), interrupt=True)  # the choice in focus
        return consumed

    def _pointer_y(self) -> int:
        try:
            return self.game.to_canvas(pygame.mouse.get_pos())[1]
        except Exception:  # no window (tests): treat the pointer as over the choices
            return 720

    def autoplay_target(self, policy):
        if self.errors:
            return None
        if self.state == "choosing":
            index = policy.pick(self.session)  # logical: the policy chooses by meaning (or by a --path position)
            action = self.session.node.choices[index].action
            if action in APP_ACTIONS and self.session.choice_index_for_action(action) == index:
                return f"app:{action}"  # practise the motion: the app's own control
            return f"choice:{self.session.position_of(index)}"
        if self.state == "ended":
            return "results"
        return None

    def screenshot_name(self) -> str:
        return f"play_{self.session.node_id}"
