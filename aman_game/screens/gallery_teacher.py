"""Teacher mode and the class quiz in a known state, for the screen gallery (snapshots, previews, bench).

These screens read a teacher configuration and a results folder. The gallery never touches the real
ones: it builds a configuration in memory (a PIN, classes 5B and 6A, 5B running) and records a small class
dataset — four children, two stories each, a pre and post quiz — into a temporary folder that lives as
long as the game (removed when the game object goes). `game.results_dir` is pointed at that folder, so
nothing is read from or written to the machine's own data folder.
"""
from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Sequence

CLASS = "5B"
CHILDREN = ("Nour", "Omar", "Sara", "Hamad")


@lru_cache(maxsize=1)
def load_gallery_quiz():
    """The shipped quiz (tests swap in a fixture so their pictures don't follow content edits)."""
    from .. import SCENES_DIR
    from ..content import load_quiz

    return load_quiz(SCENES_DIR / "quiz" / "quiz_7_9.yaml")


class _Clock:
    """One second per call from a fixed morning: the same dataset, row for row, on every run."""

    def __init__(self) -> None:
        self._t = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)

    def __call__(self) -> str:
        self._t += timedelta(seconds=1)
        return self._t.isoformat(timespec="milliseconds")


def _record(folder: Path, scenarios: Sequence, quiz) -> None:
    """Each child plays up to two stories (child k picks choice k at every step, so the class has safe and
    unsafe steps) and answers the quiz before (half right) and after (mostly right)."""
    from ..play_session import PlaySession
    from ..results import ResultsStore

    store = ResultsStore.open(folder, host="LAB-PC-01", clock=_Clock())
    try:
        for k, nickname in enumerate(CHILDREN):
            for scenario in scenarios[:2]:
                run = store.start_run(CLASS, nickname, scenario.id, "ar" if k % 2 else "en")
                session = PlaySession(scenario)
                while not session.at_end:
                    pick = k % len(session.node.choices)
                    d = session.choose(pick)
                    store.record_decision(run, d.node, d.choice, d.action, d.safe, d.points, 6.0 + k)
                summary = session.finish()
                store.finish_run(run, session.node.end.outcome, summary.score, summary.max_score)
            for phase, right_every in (("pre", 2), ("post", 1 if k else 2)):
                for i, question in enumerate(q for q in (quiz.questions if quiz else ()) if q.form == "a"):
                    right = (i + k) % right_every == 0
                    chosen = question.correct if right else (question.correct + 1) % len(question.options)
                    store.record_quiz_answer(CLASS, nickname, phase, question.id, chosen, right, question.topic)
    finally:
        store.close()


def gallery_folder(game, scenarios: Sequence) -> Path:
    """The game's gallery results folder, recorded once per game and set of stories."""
    key = tuple(s.id for s in scenarios[:2])
    held = getattr(game, "_gallery_teacher", None)
    if held is None or held[1] != key:
        holder = tempfile.TemporaryDirectory(prefix="aman-gallery-")
        folder = Path(holder.name)
        _record(folder, scenarios, load_gallery_quiz())
        game._gallery_teacher = held = (holder, key)
    game.results_dir = Path(held[0].name)
    return game.results_dir


def gallery_config(folder: Path, scenarios: Sequence):
    """A teacher configuration in memory (never saved): a PIN, two classes, 5B running."""
    from ..teacher_config import ClassSession, TeacherConfig

    config = TeacherConfig.load(folder)
    config.set_pin("2468", iterations=1000)
    config.upsert_session(ClassSession(CLASS, playlist=[s.id for s in scenarios[:2]], quiz=True))
    config.upsert_session(ClassSession("6A", language="ar", age_band="10-13", kiosk=True))
    config.active = CLASS
    return config


def open_teacher_screen(game, name: str, scenarios: Sequence):
    """Push teacher screen `name` (teacher_pin, teacher, teacher_setup, teacher_summary) or the quiz."""
    from .. import i18n
    from .quiz import QuizScreen
    from .teacher import TeacherScreen
    from .teacher_pin import PinScreen
    from .teacher_setup import ClassSetupScreen
    from .teacher_summary import SummaryScreen
    from ..teacher_config import TeacherConfig
    from .title import TitleScreen

    if name == "quiz":
        game.stack.push(TitleScreen(game))
        screen = game.stack.push(QuizScreen(game, load_gallery_quiz(), "pre", "Sami"))
        screen.begin()  # the first question, as a child sees it
        return screen
    folder = gallery_folder(game, scenarios)
    config = gallery_config(folder, scenarios)
    game.stack.push(TitleScreen(game))
    if name == "teacher_pin":
        # first use — the screen every teacher meets first — after the second PIN did not match the first,
        # with two digits of the next try typed: the hint, a message and the dots all show
        screen = game.stack.push(PinScreen(game, TeacherConfig.load(folder)))
        screen.digits = "24"
        screen.message = i18n._("The two PINs were not the same. Choose a PIN again.")
        return screen
    teacher = game.stack.push(TeacherScreen(game, config))
    # the line under the status shows the last action rather than the (temporary) results folder's path
    teacher.note = i18n._("Saved the class {name}.").format(name=CLASS)
    if name == "teacher":
        return teacher
    if name == "teacher_setup":
        return game.stack.push(ClassSetupScreen(game, config.session(CLASS), existing=[s.name for s in config.sessions]))
    if name == "teacher_summary":
        return game.stack.push(SummaryScreen(game, CLASS, folder))
    raise KeyError(name)
