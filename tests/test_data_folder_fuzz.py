"""Property-based fuzz (hypothesis) of the data folder, as tests/test_fuzz.py does for YAML (issue 14).

Each example builds a lab's shared folder in which the progress files, settings, teacher.json and a results
file are generated or damaged at random — values of any JSON type where the game expects a name or a
number, byte edits of files the game wrote, random values written into result rows, damage in the middle
of the SQLite file — beside one good results file from another PC. Whatever the folder holds:
- the game reaches its first frame (settings, progress and teacher file read at start-up);
- a class session plays: a story is played to an end with progress and results recorded, and that run
  is in the results afterwards;
- `report` exits 0 and reports every good file (the other PC's, and the one this session wrote).
Only derandomized examples, sized to keep the whole file under a minute on a lab-class CPU.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.class_session import ResultsRecorder, attach_to_game
from aman_game.cli import main
from aman_game.content import load_scenario
from aman_game.play_session import PlaySession
from aman_game.progress import Progress
from aman_game.results import ResultsStore, host_file_name, load_results
from aman_game.screens.title import TitleScreen
from aman_game.teacher_config import ClassSession, TeacherConfig

from results_helpers import SCENES, play

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SCENARIO = load_scenario(SCENES / "test_gift.yaml")
NASTY = [b"\x00", b"\xff\xfe", b"\xc3", b"{", b"[", b"]", b"}", b'"', b"1e400", b"-0", b"NaN", b"\\u0000",
         b"null", b"9" * 400, b"[" * 200]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30) | st.sampled_from(["fox", "", "=1+1", "x" * 3000, "\x00", "5B", "n1"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def maybe(strategy):
    return strategy | json_values


progress_doc = st.fixed_dictionaries({"players": maybe(st.dictionaries(st.text(max_size=6), maybe(
    st.fixed_dictionaries({
        "nickname": maybe(st.sampled_from(["Kid", "Sami", " kid ", "N" * 500])),
        "avatar": json_values, "class": maybe(st.sampled_from(["5B", "", "5b"])), "seen": json_values,
        "scenarios": maybe(st.dictionaries(st.sampled_from(["test_gift", "x"]), maybe(st.fixed_dictionaries({
            "stars": json_values, "at": json_values,
            "resume": maybe(st.fixed_dictionaries({"node": maybe(st.sampled_from(["ask_secret", "offer"])),
                                                   "path": json_values, "choices": maybe(st.lists(json_values))})),
        })), max_size=2)),
    })), max_size=3))})
settings_doc = st.dictionaries(st.sampled_from(["language", "digits", "text_size", "high_contrast", "sound",
                                                "narration", "region", "harakat", "other"]), json_values, max_size=5)


@st.composite
def damaged_bytes(draw, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        kind = draw(st.sampled_from(["insert", "delete", "truncate", "flip"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(NASTY) | st.binary(min_size=1, max_size=6))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 20))]
        elif kind == "truncate":
            del data[at:]
        elif data:
            data[at] ^= draw(st.integers(1, 255))
    return bytes(data)


def json_file(doc_strategy):
    """A generated document, written as the game would — or its bytes damaged afterwards."""
    return doc_strategy.flatmap(lambda doc: st.one_of(
        st.just(json.dumps(doc).encode()), damaged_bytes(json.dumps(doc).encode())))


def _good_teacher_file(folder: Path) -> bytes:
    config = TeacherConfig.load(folder)
    config.set_pin("2468", iterations=1000)
    config.upsert_session(ClassSession("5B", playlist=["test_gift"], language="en"))
    config.start_session("5B")
    config.save()
    return (folder / "teacher.json").read_bytes()


_TEMPLATES = Path(tempfile.mkdtemp(prefix="aman-fuzz-templates-"))
TEACHER = _good_teacher_file(_TEMPLATES)
teacher_file = st.one_of(st.just(TEACHER), damaged_bytes(TEACHER),
                         json_file(st.fixed_dictionaries({"pin": json_values, "sessions": json_values,
                                                          "active": json_values, "lock": json_values})))

ROW_EDITS = [("decisions", c) for c in ("seconds", "action", "node_id", "points", "choice_index", "at", "safe")] + \
            [("runs", c) for c in ("nickname", "class_name", "score", "outcome", "finished_at", "scenario_id")] + \
            [("quiz_answers", c) for c in ("chosen", "nickname", "correct")]
sql_values = st.one_of(st.sampled_from(["'=evil'", "X'FF00FE'", "CAST(X'FF00FE' AS TEXT)", "NULL", "1e308",
                                        "-1", "9223372036854775807", "char(0)", "zeroblob(10)",
                                        "printf('%.10000c', 'N')"]),
                       st.integers(-10**6, 10**6).map(str))


@st.composite
def results_damage(draw):
    """How the fuzzed results file is damaged: ('bytes', offset, length) or ('rows', [(table, column, sql)])."""
    if draw(st.booleans()):
        return ("bytes", draw(st.integers(0, 40_000)), draw(st.integers(1, 8000)))
    return ("rows", draw(st.lists(st.tuples(st.sampled_from(ROW_EDITS), sql_values), min_size=1, max_size=4)))


def _template(host: str, runs: int) -> Path:
    """A results file written by the game (made once: every commit is fsynced), copied into each example."""
    folder = _TEMPLATES / host
    with ResultsStore.open(folder, host=host) as store:
        for i in range(runs):
            play(store, "5B", f"Child {i}", "test_gift", [i % 2, 0])
            store.record_quiz_answer("5B", f"Child {i}", "pre", "q1", i % 3, i % 2 == 0)
    return folder / f"results-{host}.sqlite3"


THIS_PC = _template("THIS-PC", 30)
GOOD_PC = _template("GOOD-PC", 1)


def _results_file(folder: Path, damage) -> Path:
    path = Path(shutil.copy(THIS_PC, folder / host_file_name()))  # this PC's own file, under its real name
    if damage[0] == "bytes":
        with open(path, "r+b") as fh:
            fh.seek(damage[1])
            fh.write(b"\xff" * damage[2])
    else:
        conn = sqlite3.connect(path)
        try:
            for (table, column), value in damage[1]:
                try:
                    conn.execute(f"UPDATE {table} SET {column} = {value} WHERE rowid % 3 = 1")
                except sqlite3.IntegrityError:
                    pass  # a NOT NULL or CHECK refused it: the file stays as SQLite allows
            conn.commit()
        finally:
            conn.close()
    return path


def _folder(progress: list[bytes], teacher: bytes, damage) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="aman-fuzz-"))
    for i, raw in enumerate(progress):
        (folder / f"progress-PC-{i:02d}.json").write_bytes(raw)
    (folder / "teacher.json").write_bytes(teacher)
    _results_file(folder, damage)
    shutil.copy(GOOD_PC, folder)
    return folder


def _args(folder: Path, class_name=None):
    return argparse.Namespace(data_dir=str(folder), class_name=class_name, nickname="Kid" if class_name else None,
                              autoplay=None, path=None)


@FUZZ
@given(progress=st.lists(json_file(progress_doc), min_size=1, max_size=3), settings_raw=json_file(settings_doc),
       teacher=teacher_file, damage=results_damage())
def test_the_game_reaches_its_first_frame_whatever_the_folder_holds(progress, settings_raw, teacher, damage):
    folder = _folder(progress, teacher, damage)
    try:
        (folder / "settings.json").write_bytes(settings_raw)
        game = Game(settings_path=folder / "settings.json", save_settings=False, data_dir=str(folder), fast=True)
        try:
            attach_to_game(game, _args(folder))  # a teacher's running session, if teacher.json holds one
            game.open()
            game.stack.push(TitleScreen(game))
            game.settle(3)
            assert game.frame_times, "no frame was drawn"
            game.progress.players()
        finally:
            game.quit_guard = None
            game.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        settings_mod.apply(settings_mod.Settings(language="en", sound=False, narration=False))


@FUZZ
@given(progress=st.lists(json_file(progress_doc), min_size=1, max_size=3), teacher=teacher_file,
       damage=results_damage())
def test_a_class_session_plays_and_report_reports_every_good_file(progress, teacher, damage):
    folder = _folder(progress, teacher, damage)
    out = Path(tempfile.mkdtemp(prefix="aman-fuzz-out-"))
    try:
        (folder / "progress-PC-00.json").replace(folder / "progress-me.json")  # this PC's own file, fuzzed
        own = Progress(folder, class_name="5B", file_name="progress-me.json")
        recorder = ResultsRecorder(folder, "5B", lambda: "Kid", lambda: "en")
        session = PlaySession(SCENARIO)
        session.on_decision.append(lambda s, d: own.save_step("Kid", s.scenario.id, s.node_id, s.path,
                                                              [x.choice for x in s.decisions]))
        session.on_finish.append(lambda s, summary: own.save_finish("Kid", s.scenario.id, summary.stars,
                                                                    summary.score, summary.max_score))
        recorder.attach(session)
        resume = own.resume_point("Kid", "test_gift")
        assert resume is None or isinstance(resume["choices"], list)
        while session.node.end is None:  # the safe way through, as a careful child plays it
            session.choose(next(i for i, c in enumerate(session.node.choices) if c.safe))
        session.finish()  # the ending: the screen calls this when the story's last card shows
        recorder.close()
        assert recorder.problem is None, recorder.problem
        assert own.stars("Kid", "test_gift") >= 1
        results = load_results([folder])
        kid = [r for r in results.runs if r.nickname == "Kid" and r.finished]
        assert kid, "the session's run was lost"
        written = kid[0].source
        assert str(folder / "results-GOOD-PC.sqlite3") in results.sources and written in results.sources
        assert main(["report", str(folder), "--out", str(out / "r.html"), "--csv", str(out / "r.csv"),
                     "--scenes", str(SCENES), "--lang", "ar"]) == 0
        csv_text = (out / "r.csv").read_text(encoding="utf-8-sig")
        assert "Child 0" in csv_text and "Kid" in csv_text  # the good PC's file, and this session's
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module", autouse=True)
def _templates_removed():
    yield
    shutil.rmtree(_TEMPLATES, ignore_errors=True)
