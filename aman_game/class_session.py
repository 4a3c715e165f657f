"""A class session inside the running game: results recording, the playlist, language lock, kiosk, quiz.

Two ways in:
- `play --class NAME --nickname NICK --data-dir DIR` (autoplay too): results are recorded exactly as in a
  class session, nothing else changes;
- a session the teacher started in teacher mode (teacher.json in the data folder has `active`): every PC
  pointed at that folder runs it — playlist, age band, sensitivity, language lock, kiosk, pre/post quiz;
- `play --class NAME` where NAME is a class set up in that folder (`class create`): that class's session,
  for this child only (with --autoplay, aman_game.class_autoplay plays it through headless).

The quiz (aman_game.quiz_plan): before the first story, after the last, and — when a child comes back on
a later day — a short delayed check on the topics of the stories they finished, recorded with the delay.

The game exposes small hooks for this (Game.session_hooks, controllers, library_filter, language_locked,
quit_guard, kiosk); everything else lives here. Results trouble never stops play: the recorder keeps
`problem` ("results won't be saved: …"), which teacher mode shows, and the child plays on.
"""
from __future__ import annotations

import atexit
import dataclasses
import logging
from pathlib import Path
from typing import Any, Callable, Optional

from .quiz_plan import days_between, load_banks, option_order, plan_for
from .results.model import name_key
from .results.paths import default_data_dir
from .teacher_config import ClassSession, TeacherConfig

log = logging.getLogger(__name__)


def library_for(session: ClassSession, library):
    """What a class session offers: the playlist in its order (or the whole library), narrowed to the
    session's age band and, unless allowed, without high-sensitivity scenarios."""
    by_id = {s.id: s for s in library.scenarios}
    chosen = [by_id[i] for i in session.playlist if i in by_id] if session.playlist else list(library.scenarios)
    if session.age_band:
        chosen = [s for s in chosen if s.age_band == session.age_band]
    if not session.allow_high_sensitivity:
        chosen = [s for s in chosen if s.sensitivity != "high"]
    return dataclasses.replace(library, scenarios=tuple(chosen))


class ResultsRecorder:
    """Writes each PlaySession of one class into this machine's results file (opened on first use)."""

    def __init__(self, data_dir, class_name: str, nickname_of: Callable[[], Optional[str]],
                 lang_of: Callable[[], str] = lambda: ""):
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.class_name = class_name
        self.nickname_of = nickname_of
        self.lang_of = lang_of
        self.problem: Optional[str] = None
        self._store = None  # a ResultsStore once opened
        self._status: dict[str, tuple[set[str], set[str]]] = {}  # nickname key -> (finished ids, quiz phases)
        self._history: dict[str, dict] = {}  # nickname key -> {"answered": {phase: ids}, "last_played": ISO}
        atexit.register(self.close)

    # -- the store -------------------------------------------------------------------------------
    @property
    def store(self):
        """This PC's ResultsStore, opened on first use; None once results can't be saved."""
        if self._store is None and self.problem is None:
            from .results.store import ResultsStore, ResultsUnavailable

            try:
                self._store = ResultsStore.open(self.data_dir)
            except ResultsUnavailable as exc:
                self._fail(exc)
        return self._store

    def _fail(self, exc: Exception) -> None:
        self.problem = str(exc)
        log.warning("results won't be saved: %s", exc)
        if self._store is not None:
            self._store.close()
            self._store = None

    def _write(self, method: str, *args) -> None:
        from .results.store import ResultsUnavailable

        store = self.store
        if store is None:
            return
        try:
            getattr(store, method)(*args)
        except ResultsUnavailable as exc:
            self._fail(exc)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- what a child did ------------------------------------------------------------------------
    def status(self, nickname: str) -> tuple[set[str], set[str]]:
        """(scenarios finished, quiz phases done) for a child of this class: from the file, then kept."""
        from .results.store import ResultsUnavailable

        key = name_key(nickname)
        if key not in self._status:
            found: tuple[set[str], set[str]] = (set(), set())
            store = self.store
            if store is not None:
                try:
                    found = store.player_status(self.class_name, nickname)
                except ResultsUnavailable as exc:
                    self._fail(exc)
            self._status[key] = found
        return self._status[key]

    def now(self) -> str:
        """The results file's clock (tests inject one through ResultsStore.open's clock)."""
        from .results.store import utc_now

        store = self.store
        return store.now() if store is not None else utc_now()

    def history(self, nickname: str) -> dict:
        """{"answered": {phase: question ids}, "last_played": ISO time or None} for a child: read from the
        file once, then kept up to date in memory (the game loop asks every frame the menu is on top)."""
        from .results.store import ResultsUnavailable

        key = name_key(nickname)
        if key not in self._history:
            found: dict = {"answered": {}, "last_played": None}
            store = self.store
            if store is not None:
                try:
                    found = store.quiz_history(self.class_name, nickname)
                except ResultsUnavailable as exc:
                    self._fail(exc)
            self._history[key] = found
        return self._history[key]

    def _played(self, nickname: str) -> None:
        self.history(nickname)["last_played"] = self.now()

    def attach(self, session: Any) -> None:
        """A Game.session_hooks entry: record the run, each decision, and the ending of `session`."""
        from .results.store import ResultsUnavailable

        nickname = self.nickname_of()
        store = self.store
        if not nickname or store is None:
            return
        try:
            run_id = store.start_run(self.class_name, nickname, session.scenario.id, self.lang_of())
        except ResultsUnavailable as exc:
            self._fail(exc)
            return
        finished = self.status(nickname)[0]

        def decided(_session, d) -> None:
            self._write("record_decision", run_id, d.node, d.choice, d.action, d.safe, d.points, d.seconds)

        def ended(s, summary) -> None:
            if summary.outcome:
                self._write("finish_run", run_id, summary.outcome, summary.score, summary.max_score)
                finished.add(s.scenario.id)
                self._played(nickname)

        session.on_decision.append(decided)
        session.on_finish.append(ended)

    def record_quiz_answer(self, nickname: str, phase: str, question_id: str, chosen: int, correct: bool,
                           topic: str = "", delay_days: Optional[int] = None) -> None:
        """`chosen` is the option's index in the quiz file (the screen shuffles them per child)."""
        self._write("record_quiz_answer", self.class_name, nickname, phase, question_id, chosen, correct, topic,
                    delay_days)
        self.status(nickname)[1].add(phase)
        self.history(nickname)["answered"].setdefault(phase, set()).add(question_id)
        if phase != "delayed":
            self._played(nickname)


class ClassSessionController:
    """Runs a teacher's class session in the game (a Game.controllers entry for the quiz and kiosk)."""

    def __init__(self, game, session: ClassSession, data_dir, config: Optional[TeacherConfig] = None):
        from . import i18n

        self.game = game
        self.session = session
        self.config = config
        self.recorder = ResultsRecorder(data_dir, session.name, self._nickname, i18n.current_language)
        self._fullscreen_done = False
        self._banks = None  # age band -> Quiz, loaded on first need
        self._plan = None
        self._plan_for: Optional[tuple] = None  # the scenario ids the plan was made for

    def _nickname(self) -> Optional[str]:
        return self.game.player[0] if self.game.player else None

    def install(self) -> "ClassSessionController":
        game, session = self.game, self.session
        game.session_hooks.append(self.recorder.attach)
        game.controllers.append(self)
        game.library_filter = lambda library: library_for(session, library)
        game.class_session = self
        if session.language:
            game.language_locked = False
            game.update_settings(language=session.language)
            game.language_locked = True
            game.language_chosen = True
        if session.kiosk:
            game.kiosk = True
            game.quit_guard = self._guard_quit
        game.library(reload=True)
        _ = self.recorder.store  # open now: a folder that can't be written shows in teacher mode at once
        return self

    def uninstall(self) -> None:
        game = self.game
        if self.recorder.attach in game.session_hooks:
            game.session_hooks.remove(self.recorder.attach)
        if self in game.controllers:
            game.controllers.remove(self)
        game.library_filter = None
        game.language_locked = False
        game.kiosk = False
        game.quit_guard = None
        game.class_session = None
        self.recorder.close()

    # -- kiosk -----------------------------------------------------------------------------------
    def _guard_quit(self) -> bool:
        """Leaving the kiosk needs the PIN: ask for it (False: not now), and quit for real when it is right."""
        if self.config is None or not self.config.has_pin():
            return True  # no PIN to ask for
        from .screens.teacher_pin import PinScreen

        if isinstance(self.game.stack.top, PinScreen):
            return False  # already asking

        def done(ok) -> None:
            if ok:
                self.game.quit(force=True)

        self.game.stack.push(PinScreen(self.game, self.config, purpose="leave"), done)
        return False

    # -- controller ------------------------------------------------------------------------------
    def next_wake(self) -> Optional[float]:
        return None

    def plan(self):
        """This class's QuizPlan (quiz_plan.plan_for over the stories it offers); None without a quiz."""
        if self._banks is None:
            self._banks = load_banks()
        scenarios = self.game.library().scenarios
        key = tuple(s.id for s in scenarios)
        if self._plan_for != key:  # asked every frame the menu shows: computed once per library
            self._plan = plan_for(scenarios, self._banks, self.session.age_band)
            self._plan_for = key
        return self._plan

    def quiz_due(self, nickname: str) -> Optional[tuple[str, tuple, Optional[int]]]:
        """(phase, items still to ask, delay in days) for a child now, or None:
        - 'delayed' when they come back on a later day having finished stories: form-b items on those
          stories' topics, asked before they continue;
        - 'pre' before their first finished story; 'post' once they finished every story offered.
        A phase left half-way (Esc, back to the title) is due again with the items not yet answered."""
        plan = self.plan() if self.session.quiz else None
        if plan is None:
            return None
        finished = self.recorder.status(nickname)[0]
        history = self.recorder.history(nickname)
        answered = history["answered"]

        def left(phase: str, items) -> tuple:
            return tuple(q for q in items if q.id not in answered.get(phase, set()))

        by_id = {s.id: s for s in self.game.library().scenarios}
        last = history["last_played"]
        delay = days_between(last, self.recorder.now()) if last else 0
        if finished and (delay >= 1 or answered.get("delayed")):
            topics = {t for sid in finished if sid in by_id for t in by_id[sid].topics}
            seed = f"{name_key(self.session.name)}|{name_key(nickname)}"
            todo = left("delayed", plan.delayed_items(topics, seed=seed))
            if todo:
                return "delayed", todo, delay
        if not finished and left("pre", plan.items):
            return "pre", left("pre", plan.items), None
        if by_id and set(by_id) <= finished and left("post", plan.items):
            return "post", left("post", plan.items), None
        return None

    def quiz_screen(self, nickname: str):
        """A QuizScreen for what is due now (items in this child's option order), or None."""
        due = self.quiz_due(nickname)
        if due is None:
            return None
        phase, items, delay = due
        from .screens.quiz import QuizScreen

        orders = {q.id: option_order(q, self.session.name, nickname, phase) for q in items}
        return QuizScreen(self.game, self.plan().bank, phase, nickname, self.recorder, items=items, orders=orders,
                          delay_days=delay if phase == "delayed" else None)

    def poll(self, game) -> None:
        if self.session.kiosk and not self._fullscreen_done and game.window is not None:
            self._fullscreen_done = True
            if not game.fullscreen:
                game.toggle_fullscreen()
        top = game.stack.top
        nickname = self._nickname()
        if nickname is None or type(top).__name__ != "MenuScreen":
            return
        screen = self.quiz_screen(nickname)
        if screen is not None:
            game.stack.push(screen, lambda result: self._quiz_closed(game, result))

    def _quiz_closed(self, game, result) -> None:
        """The child chose 'back to the title screen' in the quiz's pause card: go there (the quiz comes
        back, where it was, when they next reach the menu)."""
        if result != "title":
            return
        while len(game.stack) > 1 and type(game.stack.top).__name__ != "TitleScreen":
            game.stack.pop(None)


def start_session(game, config: TeacherConfig, name: str, data_dir) -> ClassSessionController:
    """Teacher pressed Start: remember it in teacher.json (every PC on the folder follows) and run it here."""
    stop_session(game)
    session = config.start_session(name)
    config.save()
    controller = ClassSessionController(game, session, data_dir, config).install()
    _close_with(game, controller.recorder)
    return controller


def stop_session(game, config: Optional[TeacherConfig] = None) -> None:
    current = getattr(game, "class_session", None)
    if current is not None:
        current.uninstall()
    if config is not None and config.active:
        config.end_session()
        config.save()


def _close_with(game, recorder: ResultsRecorder) -> None:
    """Close the results file when the game closes (the WAL is folded into the file, the lock released)."""
    close = game.close

    def close_both() -> None:
        recorder.close()
        close()

    game.close = close_both


def attach_to_game(game, args) -> None:
    """At start-up (play command): record for --class/--nickname, or resume the teacher's active session."""
    data_dir = getattr(args, "data_dir", None)
    game.results_dir = Path(data_dir) if data_dir else default_data_dir()
    class_name = getattr(args, "class_name", None)
    config = TeacherConfig.load(data_dir)
    session = config.session(class_name) if class_name else None
    if session is not None:
        # a class set up in this folder (teacher mode or `class create`): its whole session, for this child;
        # autoplay never locks the screen in a kiosk
        if getattr(args, "autoplay", None):
            session = dataclasses.replace(session, kiosk=False)
        controller = ClassSessionController(game, session, data_dir, config).install()
        _close_with(game, controller.recorder)
        return
    if class_name:
        from . import i18n

        nickname = getattr(args, "nickname", None)
        recorder = ResultsRecorder(data_dir, class_name,
                                   (lambda: nickname or (game.player[0] if game.player else None)),
                                   i18n.current_language)
        game.session_hooks.append(recorder.attach)
        game.results_recorder = recorder
        _close_with(game, recorder)
        return
    if getattr(args, "autoplay", None) or getattr(args, "path", None):
        return  # autoplay without a class never joins the teacher's session
    session = config.active_session()
    if session is not None:
        controller = ClassSessionController(game, session, data_dir, config).install()
        _close_with(game, controller.recorder)
