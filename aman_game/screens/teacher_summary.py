"""The class summary in the game: the report's own figures (aman_game.report.figures), on one screen.

Read from every results file in the data folder — on a shared folder that is the whole lab, live (files are
read from copies, so the PCs still playing are not disturbed). From here the teacher saves the full HTML
report into the data folder, or erases the class's results for good.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pygame

from .. import i18n
from .. import theme as _theme
from ..theme import FONT_SIZES
from ..widgets import label
from ..widgets.button import Button
from ..widgets.draw import panel, rounded_rect
from .base import Screen, later, words_of
from .teacher_setup import full_library

_ = i18n._
N_ = i18n.N_
LEFT = pygame.Rect(40, 196, 600, 396)
RIGHT = pygame.Rect(660, 196, 580, 396)
BARS = 5
MISSED = 3


class SummaryScreen(Screen):
    name = "teacher_summary"
    cache_static = True  # every change of what draw_content shows calls invalidate()

    def __init__(self, game, class_name: str, data_dir):
        super().__init__(game)
        self.class_name = class_name
        self.data_dir = Path(data_dir)
        self.note = ""
        self.figures = None
        self.content = None
        self.results = None
        self.load()

    def load(self) -> None:
        from ..report.content_source import ReportContent
        from ..report.figures import compute
        from ..results import load_results

        if self.content is None:
            self.content = ReportContent(scenarios={s.id: s for s in full_library(self.game).scenarios})
        self.results = load_results([self.data_dir]) if self.data_dir.is_dir() else None
        one = self.results.for_class(self.class_name) if self.results is not None else None
        self.figures = compute(one, self.class_name) if one is not None else None
        self.invalidate()

    # -- actions ---------------------------------------------------------------------------------
    def make_widgets(self):
        widgets = [self.header_back()]
        rects = self.frame.row([300, 220, 380], 20, y=640, height=60, inset=40)
        widgets.append(Button(rects[0], _("Save the report"), self.save_report, name="save_report",
                              size=FONT_SIZES["small"]))
        widgets.append(Button(rects[1], _("Refresh"), self.refresh, name="refresh", icon="refresh",
                              style="secondary", size=FONT_SIZES["small"]))
        widgets.append(Button(rects[2], _("Erase this class's results"), self.erase, name="erase", style="secondary",
                              size=FONT_SIZES["small"]))
        return widgets

    def refresh(self) -> None:
        self.note = ""
        self.load()

    def report_path(self) -> Path:
        safe = re.sub(r"[^\w-]+", "-", self.class_name).strip("-") or "class"
        return self.data_dir / f"report-{safe}-{_dt.date.today().isoformat()}.html"

    def save_report(self) -> None:
        from ..report import build_class_report
        from ..report.content_source import load_content

        self.load()
        if self.results is None:
            self.note = later(N_("There is no results folder yet."))
            return
        path = self.report_path()
        try:
            page = build_class_report(self.results.for_class(self.class_name), load_content(), i18n.current_language(),
                                      class_name=self.class_name)
            path.write_text(page, encoding="utf-8")
            self.note = later(N_("Report saved: {path}"), path="\u2066" + str(path) + "\u2069")  # a path reads LTR
        except OSError as exc:
            self.note = later(N_("The report could not be saved: {reason}"), reason=exc.strerror or str(exc))
        self.invalidate()

    def erase(self) -> None:
        from .confirm import ConfirmDialog

        def done(yes) -> None:
            if yes:
                self._erase()

        self.stack.push(ConfirmDialog(self.game, _("Erase every result of class {name}?").format(name=self.class_name),
                                      _("From every results file in the data folder, for good. Make the report "
                                        "first if you need it."), yes=_("Erase"), no=_("Keep"), danger=True), done)

    def _erase(self) -> None:
        from ..results.maintenance import delete_class

        for holder in (getattr(self.game, "class_session", None), self.game):
            recorder = getattr(holder, "recorder", None) or getattr(holder, "results_recorder", None)
            if recorder is not None:
                recorder.close()  # this PC's file is held open while recording: let it go (it reopens)
                recorder._status.clear()
        report = delete_class([self.data_dir], self.class_name)
        from ..progress import delete_class as delete_progress

        delete_progress(self.data_dir, self.class_name)  # the children's nicknames and stars go too
        if self.game._progress is not None:
            self.game._progress.reload()
        if report.failed:
            self.note = later(N_("Erased from {done} files; {busy} files are in use on other computers: erase again after "
                          "the class."), done=i18n.format_number(len(report.deleted)),
                                               busy=i18n.format_number(len(report.failed)))
        else:
            self.note = later(N_("The results of class {name} are erased."), name=self.class_name)
        self.load()

    def on_back(self) -> bool:
        self.stack.pop(None)
        return True

    # -- drawing ---------------------------------------------------------------------------------
    def draw_content(self, surface):
        th = _theme.current()
        pal = th.palette
        self.draw_title(surface, _("Class {name}: summary").format(name=self.class_name))
        fig = self.figures
        if fig is None or not fig.nicknames:
            label.draw(surface, _("No results for this class yet."), (640, 360), FONT_SIZES["body"], pal.text_muted,
                       anchor="center")
            self._draw_note(surface)
            return
        finished = sum(1 for cell in fig.table.values() if cell.finished)
        cards = [(_("Children"), i18n.format_number(len(fig.nicknames))),
                 (_("Stories finished"),  # isolated left to right: "3 / 4" in Arabic too, never "4 / 3"
                  f"\u2066{i18n.format_number(finished)} / {i18n.format_number(len(fig.table))}\u2069"),
                 (_("Safe choices"), i18n.format_percentage(fig.safe_rate) if fig.safe_rate is not None else "–"),
                 (self._gain_caption(fig), self._gain_words(fig))]
        # four cards exactly as wide as the two panels below them (40..1240)
        for rect, (caption, value) in zip(self.frame.row([288] * 4, 16, y=100, height=84, inset=40), cards):
            panel(surface, rect, pal.surface)
            inner = rect.inflate(-28, -12)
            label.draw_in(surface, caption, inner, FONT_SIZES["tiny"], pal.text_muted, valign="top", max_lines=1)
            label.draw_in(surface, value, inner, FONT_SIZES["heading"], pal.text, bold=True, valign="bottom", max_lines=1)
        self._draw_rates(surface, fig)
        self._draw_missed(surface, fig)
        self._draw_note(surface)

    def story_title(self, scenario_id: str) -> str:
        """A story's title as the screen shows scenario text (digits, harakat, pseudo-locales: i18n.pick);
        the id when the story is no longer in the library."""
        scenario = self.content.scenarios.get(scenario_id)
        return i18n.pick(scenario.title) if scenario is not None else scenario_id

    def situation(self, scenario_id: str, node_id: str, lang: str) -> str:
        """What the child had just read at a decision (the report's wording), shown like all scenario text."""
        scenario = self.content.scenarios.get(scenario_id)
        node = scenario.nodes.get(node_id) if scenario is not None else None
        if node is None:
            return self.content.situation(scenario_id, node_id, lang)
        if node.messages:
            return i18n.pick(node.messages[-1].text)
        return i18n.pick(node.prompt) if node.prompt is not None else node_id

    def _gain_caption(self, fig) -> str:
        """The gain is over the children who took both quizzes (the report's paired figure): say how many."""
        if fig.quiz.mean_gain is None:
            return _("Quiz: gain (points)")
        from ..report.quiz_html import children_words

        return _("Quiz gain (points), {children}").format(
            children=children_words(fig.quiz.both, i18n.current_language()))

    def _gain_words(self, fig) -> str:
        gain = fig.quiz.mean_gain
        if gain is None:
            return "–"
        points = round(gain * 100)
        sign = "+" if points > 0 else ("\u2212" if points < 0 else "")
        return "\u2066" + sign + i18n.format_number(abs(points)) + "\u2069"  # isolated: the sign stays in front

    def _draw_rates(self, surface, fig) -> None:
        pal = _theme.current().palette
        box = self.frame.place(LEFT)
        panel(surface, box, pal.surface)
        label.draw_in(surface, _("Safe choices per story"), self.frame.place(pygame.Rect(LEFT.left + 20, LEFT.top + 12,
                      LEFT.width - 40, 34)), FONT_SIZES["small"], pal.text, bold=True, max_lines=1)
        y = LEFT.top + 52
        for rate in fig.scenarios[:BARS]:
            title = self.story_title(rate.scenario_id)
            label.draw_in(surface, title, self.frame.place(pygame.Rect(LEFT.left + 20, y, 250, 44)), FONT_SIZES["tiny"],
                          pal.text, max_lines=2)
            track = pygame.Rect(LEFT.left + 280, y + 12, 220, 20)
            rounded_rect(surface, pal.surface_alt, self.frame.place(track), 6)
            value = rate.rate or 0.0
            if value > 0:
                rounded_rect(surface, pal.safe, self.frame.place(pygame.Rect(track.left, track.top,
                                                                             max(4, round(track.width * value)), 20)), 6)
            text = i18n.format_percentage(rate.rate) if rate.rate is not None else "–"
            label.draw_in(surface, text, self.frame.place(pygame.Rect(track.right + 10, y, 80, 44)), FONT_SIZES["tiny"],
                          pal.text, bold=True, max_lines=1)
            y += 52
        unfinished = [n for n in fig.nicknames
                      if not any((c := fig.cell(n, s)) is not None and c.finished for s in fig.scenario_ids)]
        if unfinished:
            text = _("Not finished a story yet: {names}").format(names=", ".join(unfinished))
            label.draw_in(surface, text, self.frame.place(pygame.Rect(LEFT.left + 20, LEFT.bottom - 60, LEFT.width - 40,
                                                                      54)), FONT_SIZES["tiny"], pal.text_muted,
                          max_lines=2)

    def _draw_missed(self, surface, fig) -> None:
        pal = _theme.current().palette
        lang = i18n.current_language()
        box = self.frame.place(RIGHT)
        panel(surface, box, pal.surface)
        label.draw_in(surface, _("Most-missed decisions"), self.frame.place(pygame.Rect(RIGHT.left + 20, RIGHT.top + 12,
                      RIGHT.width - 40, 34)), FONT_SIZES["small"], pal.text, bold=True, max_lines=1)
        missed = fig.most_missed(MISSED)
        if not missed:
            label.draw_in(surface, _("Nobody made an unsafe choice."), self.frame.place(pygame.Rect(
                RIGHT.left + 20, RIGHT.top + 60, RIGHT.width - 40, 60)), FONT_SIZES["small"], pal.text_muted,
                valign="top", max_lines=2)
            return
        y = RIGHT.top + 56
        for d in missed:
            head = self.frame.place(pygame.Rect(RIGHT.left + 20, y, RIGHT.width - 40, 28))
            label.draw_in(surface, self.story_title(d.scenario_id), head, FONT_SIZES["tiny"], pal.text,
                          bold=True, max_lines=1)
            situation = self.frame.place(pygame.Rect(RIGHT.left + 20, y + 28, RIGHT.width - 40, 48))
            shown = label.draw_in(surface, self.situation(d.scenario_id, d.node_id, lang), situation,
                                  FONT_SIZES["tiny"], pal.text_muted, valign="top", max_lines=2)
            count = _("Unsafe choices: {count} of {total}").format(count=i18n.format_number(d.unsafe),
                                                                   total=i18n.format_number(d.decisions))
            # the count goes right under its situation (one line or two), the next decision after a gap
            label.draw_in(surface, count, self.frame.place(pygame.Rect(RIGHT.left + 20, shown.bottom + 2,
                                                                       RIGHT.width - 40, 26)),
                          FONT_SIZES["tiny"], pal.unsafe, bold=True, max_lines=1)
            y += 112

    def _draw_note(self, surface) -> None:
        if self.note:
            pal = _theme.current().palette
            label.draw_in(surface, words_of(self.note), self.frame.place(pygame.Rect(40, 598, 1200, 36)), FONT_SIZES["tiny"],
                          pal.text, max_lines=1)
