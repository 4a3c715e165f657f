"""Set up a class session: its name, the stories in order, language, age band, sensitive stories, kiosk, quiz.

Pops a ClassSession (or None when cancelled); the teacher screen saves it. Stories are added to the
playlist in the order they are pressed (the number shows the order); pressing again takes one out. No
story pressed means the whole library, narrowed by the age band.
"""
from __future__ import annotations

import pygame

from .. import i18n
from .. import theme as _theme
from ..results.model import name_key
from ..teacher_config import ClassSession
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button, Toggle
from ..widgets.text_input import TextInput
from . import words
from .base import Screen

_ = i18n._
LEFT_X, LEFT_W = 60, 540
RIGHT_X, RIGHT_W = 660, 560
ROWS = 6


def full_library(game):
    """The whole library, even while a class session narrows the menu to its playlist (or free play hides
    the sensitive stories)."""
    return game.library(whole=True)


class ClassSetupScreen(Screen):
    name = "teacher_setup"
    default_action = "save"
    cache_static = True  # every change of what draw_content shows calls invalidate()

    def __init__(self, game, session: ClassSession | None, existing: list[str] = ()):
        super().__init__(game)
        base = session or ClassSession("")
        self.original = session.name if session else ""
        self.existing = [n for n in existing if name_key(n) != name_key(self.original)]
        self.class_name = base.name
        self.playlist = list(base.playlist)
        self.language = base.language
        self.age_band = base.age_band
        self.allow_high = base.allow_high_sensitivity
        self.kiosk = base.kiosk
        self.quiz = base.quiz
        self.page = 0
        self.message = ""
        self._warned: ClassSession | None = None  # the setup a warning was shown for: Save again keeps it
        self.input: TextInput | None = None
        self.scenarios = list(full_library(game).scenarios)

    # -- widgets ---------------------------------------------------------------------------------
    def make_widgets(self):
        widgets = [self.header_back(_("Cancel"))]
        self.input = TextInput(self.frame.place(pygame.Rect(LEFT_X, 132, LEFT_W, 64)), self.class_name,
                               name="class_name", placeholder=_("e.g. 5B"), on_change=self._renamed,
                               on_submit=self.save)
        widgets.append(self.input)
        pages = max(1, (len(self.scenarios) + ROWS - 1) // ROWS)
        self.page = min(self.page, pages - 1)
        y = 256
        for scenario in self.scenarios[self.page * ROWS:(self.page + 1) * ROWS]:
            rect = self.frame.place(pygame.Rect(LEFT_X, y, LEFT_W, 54))
            widgets.append(Button(rect, self._story_words(scenario), (lambda s=scenario.id: self.toggle_story(s)),
                                  name=f"story:{scenario.id}",
                                  style="selected" if scenario.id in self.playlist else "secondary",
                                  size=FONT_SIZES["tiny"], bold=scenario.id in self.playlist, radius=12))
            y += 54 + 8
        if pages > 1:
            prev_r, next_r = self.frame.row([64, 64], 20, y=630, height=48, inset=LEFT_X + LEFT_W - 148)
            widgets.append(Button(prev_r, "", (lambda: self.turn(-1)), name="page:prev", icon="back",
                                  style="secondary", radius=24))
            widgets.append(Button(next_r, "", (lambda: self.turn(1)), name="page:next", icon="next",
                                  style="secondary", radius=24))
        rows = [("language", [("", _("Child chooses")), ("ar", i18n.language_name("ar")),
                              ("en", i18n.language_name("en"))], self.language, 132),
                ("age", [("", _("All ages")), ("7-9", words.age_band("7-9")), ("10-13", words.age_band("10-13"))],
                 self.age_band, 236)]
        for key, options, current, top in rows:
            width = (RIGHT_W - 2 * 10) // 3
            for rect, (value, text) in zip(self.frame.row([width] * 3, 10, y=top, height=52, inset=RIGHT_X), options):
                widgets.append(Button(rect, text, (lambda k=key, v=value: self.choose(k, v)), name=f"{key}:{value or 'any'}",
                                      style="selected" if value == current else "secondary",
                                      size=FONT_SIZES["tiny"], bold=value == current, radius=12))
        toggles = [("allow_high", _("Sensitive stories (photos, threats)"), self.allow_high),
                   ("kiosk", _("Kiosk: PIN to leave"), self.kiosk),
                   ("quiz", _("Quiz before and after"), self.quiz)]
        y = 312
        for key, text, value in toggles:
            rect = self.frame.place(pygame.Rect(RIGHT_X, y, RIGHT_W, 70))
            widgets.append(Toggle(rect, text, value, (lambda v, k=key: self.set_flag(k, v)), name=key,
                                  on_words=_("On"), off_words=_("Off")))
            y += 80
        widgets.append(Button(self.frame.place(pygame.Rect(RIGHT_X + RIGHT_W - 300, 630, 300, 64)), _("Save"),
                              self.save, name="save"))
        return widgets

    def _story_words(self, scenario) -> str:
        text = i18n.pick(scenario.title) + " · " + words.age_band(scenario.age_band)
        if scenario.sensitivity == "high":
            text += " · " + _("sensitive")
        if scenario.id in self.playlist:
            text = f"{i18n.format_number(self.playlist.index(scenario.id) + 1)}. {text}"
        return text

    # -- changes ---------------------------------------------------------------------------------
    def _renamed(self, value: str) -> None:
        self.class_name = value
        self.message = ""
        self.invalidate()

    def _refresh(self, focus: str) -> None:
        self.build()
        self.focus.focus_on(focus)
        self.invalidate()

    def toggle_story(self, scenario_id: str) -> None:
        self.message = ""
        if scenario_id in self.playlist:
            self.playlist.remove(scenario_id)
        else:
            self.playlist.append(scenario_id)
        self._refresh(f"story:{scenario_id}")

    def turn(self, step: int) -> None:
        pages = max(1, (len(self.scenarios) + ROWS - 1) // ROWS)
        self.page = (self.page + step) % pages
        self._refresh("page:next" if step > 0 else "page:prev")

    def choose(self, key: str, value: str) -> None:
        self.message = ""
        if key == "language":
            self.language = value
        else:
            self.age_band = value
        self._refresh(f"{key}:{value or 'any'}")

    def set_flag(self, key: str, value: bool) -> None:
        self.message = ""
        setattr(self, key, value)
        self.invalidate()

    def result(self) -> ClassSession:
        return ClassSession(" ".join(self.class_name.split()), list(self.playlist), self.language, self.age_band,
                            self.allow_high, self.kiosk, self.quiz)

    def hidden_stories(self, session: ClassSession) -> tuple[list, list]:
        """(what the children will be offered, the chosen stories they will not see), as the class session
        filters the library (class_session.library_for): a chosen story outside the age band, or sensitive
        while sensitive stories are off, is never shown."""
        from ..class_session import library_for

        offered = list(library_for(session, full_library(self.game)).scenarios)
        seen = {s.id for s in offered}
        by_id = {s.id: s for s in self.scenarios}
        hidden = [by_id[i] for i in session.playlist if i in by_id and i not in seen]
        return offered, hidden

    def _hidden_reason(self, session: ClassSession, hidden: list) -> str:
        if not session.allow_high_sensitivity and any(s.sensitivity == "high" for s in hidden):
            return _("Sensitive stories are off.")
        return _("They are not for the age band {band}.").format(band=words.age_band(session.age_band))

    def save(self) -> None:
        """Save the class, unless no child could play it (refused, with the reason); chosen stories the
        children will not see are named first, and a second Save keeps them anyway."""
        session = self.result()
        offered, hidden = self.hidden_stories(session)
        if not session.name:
            self.message = _("Give the class a name, e.g. 5B.")
            self.focus.focus_on("class_name")
        elif name_key(session.name) in {name_key(n) for n in self.existing}:
            self.message = _("There is already a class called {name}.").format(name=session.name)
        elif not offered:
            self.message = (_("No child could play this class: {reason} Choose other stories or change the "
                              "settings.").format(reason=self._hidden_reason(session, hidden)))
        elif hidden and self._warned != session:
            titles = ", ".join(i18n.pick(s.title) for s in hidden)
            self.message = (i18n.ngettext("The children will not see {n} chosen story: {titles}. {reason} Press Save "
                                          "again to keep it anyway.",
                                          "The children will not see {n} chosen stories: {titles}. {reason} Press "
                                          "Save again to keep them anyway.", len(hidden))
                            .format(n=i18n.format_number(len(hidden)), titles=titles,
                                    reason=self._hidden_reason(session, hidden)))
            self._warned = session
        else:
            self.stack.pop(session)
            return
        self.invalidate()

    def handle_event(self, event) -> bool:
        if self.input is not None and self.input.handle_text_event(event):
            return True
        return super().handle_event(event)

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    # -- drawing ---------------------------------------------------------------------------------
    def draw_content(self, surface):
        pal = _theme.current().palette
        self.draw_title(surface, _("Class setup"))
        captions = [(LEFT_X, 96, LEFT_W, _("Class name")), (LEFT_X, 212, LEFT_W, _("Stories, in playing order")),
                    (RIGHT_X, 96, RIGHT_W, _("Language")), (RIGHT_X, 200, RIGHT_W, _("Age band"))]
        for x, y, w, text in captions:
            label.draw_in(surface, text, self.frame.place(pygame.Rect(x, y, w, 34)), FONT_SIZES["small"], pal.text,
                          bold=True, max_lines=1)
        hint = _("None chosen: every story for the age band.") if not self.playlist else _(
            "Stories chosen: {count}").format(count=i18n.format_number(len(self.playlist)))
        label.draw_in(surface, hint, self.frame.place(pygame.Rect(LEFT_X, 630, LEFT_W - 170, 48)), FONT_SIZES["tiny"],
                      pal.text_muted, max_lines=2)
        if self.message:  # between the last toggle (ends at 542) and Save (630)
            label.draw_in(surface, self.message, self.frame.place(pygame.Rect(RIGHT_X, 548, RIGHT_W, 78)),
                          FONT_SIZES["tiny"], pal.danger, bold=True, max_lines=3)
