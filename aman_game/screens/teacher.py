"""Teacher mode (behind the PIN): the class setups, start or end a class session, its summary, the PIN.

Reached from the title screen's Teacher button (`open_teacher_mode`). A class session started here is
written to teacher.json in the data folder, so every lab PC pointed at the same (shared) folder runs it
from its next start; this PC runs it at once. The results folder and any reason results can't be saved
are shown at the top, where the teacher sees them before the children sit down.
"""
from __future__ import annotations

from pathlib import Path

import pygame

from .. import i18n
from .. import theme as _theme
from ..teacher_config import TeacherConfig, TeacherConfigError
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button, Toggle
from ..widgets.draw import panel
from .base import Screen, later, words_of

_ = i18n._
N_ = i18n.N_
LEFT_X, LEFT_W = 60, 520
RIGHT_X, RIGHT_W = 640, 580
ROWS = 6
ACTION_H, ACTION_GAP = 54, 10  # five actions end at 554, above the chosen class's playing order
ORDER_TOP, ORDER_H = 562, 70


def results_dir(game) -> Path:
    from ..results import default_data_dir

    folder = getattr(game, "results_dir", None)
    return Path(folder) if folder else default_data_dir()


def results_problem(game) -> str | None:
    """Why results are not being saved (or could not be) right now, if so.

    With a recorder running, its own problem; otherwise this PC's results file is opened and closed once,
    so the teacher learns about a read-only or missing folder before the children sit down."""
    from ..results import ResultsStore, ResultsUnavailable

    session = getattr(game, "class_session", None)
    recorder = session.recorder if session is not None else getattr(game, "results_recorder", None)
    if recorder is not None:
        return recorder.problem
    try:
        ResultsStore.open(results_dir(game)).close()
    except ResultsUnavailable as exc:
        return str(exc)
    return None


def open_teacher_mode(game, stack) -> None:
    """The Teacher button: the PIN (chosen on first use), then teacher mode."""
    from .teacher_pin import PinScreen

    config = TeacherConfig.load(results_dir(game))

    def unlocked(ok) -> None:
        if ok:
            stack.push(TeacherScreen(game, config))

    stack.push(PinScreen(game, config), unlocked)


class TeacherScreen(Screen):
    name = "teacher"
    default_action = None  # Enter with nothing focused shows the focus ring: no teacher action is one key away
    cache_static = True  # every change of what draw_content shows calls invalidate()

    def __init__(self, game, config: TeacherConfig):
        super().__init__(game)
        self.config = config
        self.selected = config.active or (config.sessions[0].name if config.sessions else "")
        self.note = ""  # the last action's outcome (saved, could not save ...)
        self.problem: str | None = None

    @property
    def running(self):
        return getattr(self.game, "class_session", None)

    def make_widgets(self):
        m = _theme.current().metrics
        self.problem = self.config.problem or results_problem(self.game)  # on every build, not every frame
        if self.config.changes_accepted and not self.note:  # the PIN was typed over an outside edit
            self.note = _("The teacher settings were changed outside the game. Check each class's setup.")
        widgets = [self.header_back(_("Leave teacher mode"))]
        y = 244
        for session in self.config.sessions[:ROWS]:
            rect = self.frame.place(pygame.Rect(LEFT_X, y, LEFT_W, 56))
            words = session.name
            if self.config.active and session.name == self.config.active:
                words = _("{name} (running)").format(name=session.name)
            widgets.append(Button(rect, words, (lambda n=session.name: self.select(n)), name=f"class:{session.name}",
                                  style="selected" if session.name == self.selected else "secondary",
                                  size=FONT_SIZES["small"], radius=14))
            y += 56 + 10
        widgets.append(Button(self.frame.place(pygame.Rect(LEFT_X, 640, LEFT_W, 60)), _("New class"), self.new_class,
                              name="new", style="secondary", size=FONT_SIZES["small"]))
        actions = []
        chosen = self.config.session(self.selected) if self.selected else None
        if chosen is not None:
            if self.config.active and chosen.name == self.config.active:
                actions.append(("end", _("End the class session"), self.end_session, "danger"))
            else:
                actions.append(("start", _("Start the session for {name}").format(name=chosen.name),
                                self.start_session, "primary"))
            actions += [("edit", _("Change this class"), self.edit_class, "secondary"),
                        ("summary", _("Class summary and report"), self.summary, "secondary"),
                        ("remove", _("Remove this class setup"), self.remove_class, "secondary")]
        actions.append(("pin", _("Change the PIN"), self.change_pin, "secondary"))
        y = 244
        for name, words, callback, style in actions:
            rect = self.frame.place(pygame.Rect(RIGHT_X, y, RIGHT_W, ACTION_H))
            widgets.append(Button(rect, words, callback, name=name, style=style, size=FONT_SIZES["small"]))
            y += ACTION_H + ACTION_GAP
        # outside a class session the sensitive stories are hidden unless turned on here, for this computer
        free = Toggle(self.frame.place(pygame.Rect(RIGHT_X, 640, RIGHT_W, 60)),
                      _("Sensitive stories outside a class (this computer)"), self.game.settings.sensitive_free_play,
                      self.set_free_play, name="sensitive_free_play", on_words=_("On"), off_words=_("Off"))
        free.size = FONT_SIZES["tiny"]
        widgets.append(free)
        return widgets

    def set_free_play(self, value: bool) -> None:
        self.game.update_settings(sensitive_free_play=value)
        self.note = later(N_("Outside a class, sensitive stories are now offered on this computer.") if value else
                          N_("Outside a class, sensitive stories are now hidden on this computer."))
        self._refresh("sensitive_free_play")

    # -- actions ---------------------------------------------------------------------------------
    def select(self, name: str) -> None:
        self.selected = name
        self._refresh(f"class:{name}")

    def _refresh(self, focus: str | None = None) -> None:
        """Rebuild after a change (the stack resumes this screen *before* a child screen's result arrives,
        so a saved, removed or renamed class is only listed once we build again), keeping the keyboard
        focus on the control the teacher was using."""
        self.build()
        if focus:
            self.focus.focus_on(focus)
        self.invalidate()

    def _save(self) -> bool:
        try:
            self.config.save()
            return True
        except TeacherConfigError as exc:
            self.note = later(N_("Could not save the teacher settings: {reason}"), reason=str(exc))
            return False

    def new_class(self) -> None:
        self._edit(None)

    def edit_class(self) -> None:
        self._edit(self.config.session(self.selected))

    def _edit(self, session) -> None:
        from .teacher_setup import ClassSetupScreen

        old_name = session.name if session is not None else None

        def done(result) -> None:
            if result is None:
                return
            if old_name and old_name != result.name:
                was_active = self.config.active == old_name
                self.config.remove_session(old_name)
                if was_active:
                    self.config.active = result.name
            self.config.upsert_session(result)
            self.selected = result.name
            if self._save():
                self.note = later(N_("Saved the class {name}."), name=result.name)
                if self.running is not None and self.config.active == result.name:
                    self._restart_running()  # kiosk, language, playlist: the running session follows at once
            self._refresh(f"class:{result.name}")

        self.stack.push(ClassSetupScreen(self.game, session, existing=[s.name for s in self.config.sessions]), done)

    def _restart_running(self) -> None:
        from ..class_session import start_session

        try:
            start_session(self.game, self.config, self.config.active, results_dir(self.game))
        except TeacherConfigError as exc:
            self.note = later(N_("Could not save the teacher settings: {reason}"), reason=str(exc))

    def start_session(self) -> None:
        from ..class_session import start_session

        try:
            start_session(self.game, self.config, self.selected, results_dir(self.game))
        except TeacherConfigError as exc:
            self.note = later(N_("Could not save the teacher settings: {reason}"), reason=str(exc))
            self.build()
            return
        self.stack.pop(None)  # back to the title screen: the children can start

    def end_session(self) -> None:
        """Ask first (Start was a deliberate step too): ending stops every PC sharing the data folder."""
        from .confirm import ConfirmDialog

        def done(yes) -> None:
            if yes:
                self._end_session()

        self.stack.push(ConfirmDialog(self.game, _("End the class session {name}?").format(name=self.config.active),
                                      _("The children's results so far are kept. The game goes back to free play."),
                                      yes=_("End the session"), no=_("Keep it running"), danger=True), done)

    def _end_session(self) -> None:
        from ..class_session import stop_session

        try:
            stop_session(self.game, self.config)
            self.note = later(N_("The class session has ended."))
        except TeacherConfigError as exc:
            self.note = later(N_("Could not save the teacher settings: {reason}"), reason=str(exc))
        self._refresh("start")

    def summary(self) -> None:
        from .teacher_summary import SummaryScreen

        self.stack.push(SummaryScreen(self.game, self.selected, results_dir(self.game)))

    def remove_class(self) -> None:
        from .confirm import ConfirmDialog

        name = self.selected

        def done(yes) -> None:
            if yes and self.config.remove_session(name):
                self.selected = self.config.sessions[0].name if self.config.sessions else ""
                if self._save():
                    self.note = later(N_("Removed the class setup {name}. Its results are kept."), name=name)
            self._refresh("remove" if self.config.session(name) else "new")

        self.stack.push(ConfirmDialog(self.game, _("Remove the class setup {name}?").format(name=name),
                                      _("Only the setup goes. The results stay until you erase them from the "
                                        "summary."), yes=_("Remove"), no=_("Keep"), danger=True), done)

    def change_pin(self) -> None:
        from .teacher_pin import PinScreen

        def done(ok) -> None:
            if ok:
                self.note = later(N_("The new PIN is saved."))
                self._refresh("pin")

        self.stack.push(PinScreen(self.game, self.config, purpose="change"), done)

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    def order_words(self, session) -> str:
        """The chosen class's stories in playing order ("1. … · 2. …"), or what an empty playlist means."""
        if not session.playlist:
            return _("Stories: every story for the age band.")
        from .teacher_setup import full_library

        titles = {s.id: i18n.pick(s.title) for s in full_library(self.game).scenarios}
        steps = [f"{i18n.format_number(n)}. {titles.get(sid, sid)}" for n, sid in enumerate(session.playlist, 1)]
        return _("Stories in playing order: {stories}").format(stories=" · ".join(steps))

    # -- drawing ---------------------------------------------------------------------------------
    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        self.draw_title(surface, _("Teacher mode"))
        status = pygame.Rect(LEFT_X, 100, 1160, 96)
        panel(surface, status, pal.primary_soft, lifted=False)
        if self.config.active:
            line = _("Class session running: {name}").format(name=self.config.active)
        else:
            line = _("No class session is running.")
        inner = self.frame.place(pygame.Rect(status.left + 20, status.top + 8, status.width - 40, 36))
        label.draw_in(surface, line, inner, FONT_SIZES["body"], pal.text, bold=True, max_lines=1)
        problem = self.problem
        folder = "\u2066" + str(results_dir(self.game)) + "\u2069"  # isolated: a path reads left to right
        detail = (_("Results won't be saved: {reason}").format(reason=problem) if problem else
                  _("Results folder: {folder}").format(folder=folder))
        if self.note:
            detail = words_of(self.note)
        inner = self.frame.place(pygame.Rect(status.left + 20, status.top + 46, status.width - 40, 44))
        label.draw_in(surface, detail, inner, FONT_SIZES["tiny"], pal.text_muted, max_lines=2, valign="top")
        chosen = self.config.session(self.selected) if self.selected else None
        if chosen is not None:
            box = self.frame.place(pygame.Rect(RIGHT_X, ORDER_TOP, RIGHT_W, ORDER_H))
            label.draw_in(surface, self.order_words(chosen), box, FONT_SIZES["tiny"], pal.text_muted, max_lines=2,
                          valign="top")
        cap = self.frame.place(pygame.Rect(LEFT_X, 204, LEFT_W, 34))
        label.draw_in(surface, _("Classes"), cap, FONT_SIZES["body"], pal.text, bold=True, max_lines=1)
        if not self.config.sessions:
            box = self.frame.place(pygame.Rect(LEFT_X, 250, LEFT_W, 120))
            label.draw_in(surface, _("No classes yet. Press New class to set one up: its name, the stories to "
                                     "play and how the game runs."), box, FONT_SIZES["small"], pal.text_muted,
                          valign="top", max_lines=4)
