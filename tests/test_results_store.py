"""The results store: what is written, file naming, failure modes, migrations, merging, deleting a class."""
from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from aman_game.results import CURRENT_VERSION, ResultsStore, ResultsUnavailable, load_results
from aman_game.results import paths as result_paths
from aman_game.results import schema
from aman_game.results.maintenance import delete_class, list_classes

from results_helpers import TickingClock, build_class_dataset, play


def _columns(path, table):
    with sqlite3.connect(path) as conn:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def test_one_file_per_host_with_wal_and_full_sync(tmp_path):
    store = ResultsStore.open(tmp_path, host="LAB PC/07.school.local")
    try:
        assert store.path.name == "results-LAB-PC-07.sqlite3"
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert schema.file_version(store._conn) == CURRENT_VERSION
    finally:
        store.close()
    assert result_paths.sanitise_host("") == "unknown-host"
    assert result_paths.host_file_name("A:B\\C") == "results-A-B-C.sqlite3"


def test_each_step_is_committed_and_read_back(tmp_path):
    store = ResultsStore.open(tmp_path, host="pc", clock=TickingClock())
    run = play(store, " 5B ", "  Nour  Star ", "test_gift", [1, 0], lang="ar")
    store.record_quiz_answer("5B", "Nour Star", "pre", "q1", 2, False)
    # Read while the game still holds the file (the reader works on a copy, WAL included).
    results = load_results([tmp_path])
    store.close()
    (r,) = results.runs
    assert (r.run_id, r.class_name, r.nickname, r.scenario_id, r.lang) == (run, "5B", "Nour Star", "test_gift", "ar")
    assert (r.outcome, r.score, r.max_score) == ("recovered", 10, 20)
    assert [(d.step, d.node_id, d.choice_index, d.action, d.safe, d.points, d.seconds) for d in r.decisions] == [
        (1, "offer", 1, "accept", False, 0, 4.5), (2, "ask_secret_late", 0, "tell_adult", True, 10, 4.5)]
    assert r.started_at < r.decisions[0].at < r.decisions[1].at < r.finished_at
    (q,) = results.quiz_answers
    assert (q.nickname, q.phase, q.question_id, q.chosen, q.correct) == ("Nour Star", "pre", "q1", 2, False)


def test_only_the_listed_facts_are_stored(tmp_path):
    store = ResultsStore.open(tmp_path, host="pc")
    store.close()
    assert set(_columns(store.path, "runs")) == {"run_id", "session_id", "class_name", "nickname", "scenario_id",
                                                 "lang", "started_at", "finished_at", "outcome", "score", "max_score"}
    assert set(_columns(store.path, "decisions")) == {"run_id", "step", "node_id", "choice_index", "action", "safe",
                                                      "points", "seconds", "at"}
    assert set(_columns(store.path, "quiz_answers")) == {"session_id", "class_name", "nickname", "phase",
                                                         "question_id", "chosen", "correct", "at", "topic",
                                                         "delay_days"}


def test_a_v2_file_keeps_its_answers_and_takes_delayed_ones(tmp_path):
    """Migration v2 -> v3 rebuilds quiz_answers (SQLite can't widen a CHECK): old answers stay, and the new
    'delayed' phase with its topic and delay is stored and read back."""
    import sqlite3

    from aman_game.results.schema import MIGRATIONS

    path = tmp_path / "results-old.sqlite3"
    conn = sqlite3.connect(str(path), isolation_level=None)
    MIGRATIONS[0](conn)
    MIGRATIONS[1](conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO quiz_answers VALUES('s', '5B', 'Nour', 'pre', 'q1', 1, 1, '2026-01-01T08:00:00+00:00')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO quiz_answers VALUES('s', '5B', 'Nour', 'delayed', 'q1', 1, 1, 'x')")
    conn.close()
    store = ResultsStore.open_file(path)
    store.record_quiz_answer("5B", "Nour", "delayed", "q1b", 0, False, topic="gift_offer", delay_days=7)
    store.close()
    old, new = load_results([path]).quiz_answers
    assert (old.phase, old.question_id, old.topic, old.delay_days) == ("pre", "q1", "", None)
    assert (new.phase, new.question_id, new.chosen, new.correct, new.topic, new.delay_days) == (
        "delayed", "q1b", 0, False, "gift_offer", 7)


def test_bad_values_are_refused(tmp_path):
    with ResultsStore.open(tmp_path, host="pc") as store:
        with pytest.raises(ValueError):
            store.start_run("5B", "   ", "test_gift")
        run = store.start_run("5B", "Nour", "test_gift")
        with pytest.raises(ValueError):
            store.finish_run(run, "great", 1, 2)
        with pytest.raises(ValueError):
            store.finish_run("no-such-run", "safe", 1, 2)
        with pytest.raises(ValueError):
            store.record_quiz_answer("5B", "Nour", "during", "q1", 0, True)
        assert len(store.start_run("5B", "N" * 90, "x")) == 32  # long nickname cut to 40, not refused


def test_unwritable_folder_raises_results_unavailable(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ResultsUnavailable, match="data folder"):
        ResultsStore.open(blocker / "results")


def test_read_only_file_raises_results_unavailable(tmp_path):
    path = tmp_path / "results-pc.sqlite3"
    ResultsStore.open_file(path).close()
    uri_store = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # a read-only handle stands in for a RO share
    try:
        with pytest.raises(sqlite3.OperationalError):
            uri_store.execute("INSERT INTO meta VALUES('x', 'y')")
    finally:
        uri_store.close()
    os.chmod(path, 0o444)
    if os.access(path, os.W_OK):  # root ignores file modes; the folder check above covers that case
        return
    with pytest.raises(ResultsUnavailable, match="read-only"):
        ResultsStore.open_file(path)


def test_file_in_use_gets_a_second_name_and_damaged_file_is_set_aside(tmp_path):
    first = ResultsStore.open(tmp_path, host="pc")
    second = ResultsStore.open(tmp_path, host="pc")  # another game window on the same PC
    assert first.path != second.path and second.path.name.startswith("results-pc-")
    first.close()
    second.close()
    damaged = tmp_path / "results-bad.sqlite3"
    damaged.write_bytes(b"this is not SQLite" * 100)
    with ResultsStore.open(tmp_path, host="bad") as store:
        store.start_run("5B", "Nour", "x")
    aside = [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].startswith("results-bad.sqlite3.damaged-")
    assert [r.nickname for r in load_results([tmp_path]).runs] == ["Nour"]


def test_same_host_name_on_another_pc_writes_its_own_file(tmp_path, monkeypatch):
    monkeypatch.setattr(result_paths, "machine_fingerprint", lambda: "aaaaaaaaaaaaaaaa")
    ResultsStore.open(tmp_path, host="CLONE").close()
    monkeypatch.setattr(result_paths, "machine_fingerprint", lambda: "bbbbbbbbbbbbbbbb")
    with ResultsStore.open(tmp_path, host="CLONE") as other:
        assert other.path.name == "results-CLONE-bbbbbbbb.sqlite3"
    monkeypatch.setattr(result_paths, "machine_fingerprint", lambda: "aaaaaaaaaaaaaaaa")
    with ResultsStore.open(tmp_path, host="CLONE") as again:
        assert again.path.name == "results-CLONE.sqlite3"


def _make_v1_file(path):
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=1)
    conn.execute("INSERT INTO runs VALUES('r1', 's1', '4C', 'Old', 'test_gift', '2025-01-01T08:00:00+00:00',"
                 " '2025-01-01T08:05:00+00:00', 'safe', 20, 20)")
    conn.execute("INSERT INTO decisions VALUES('r1', 1, 'offer', 0, 1, 10, 3.0, '2025-01-01T08:01:00+00:00')")
    conn.execute("INSERT INTO quiz_answers VALUES('s1', '4C', 'Old', 'pre', 'q1', 0, 1, '2025-01-01T07:59:00+00:00')")
    conn.close()


def test_a_v1_file_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "results-old.sqlite3"
    _make_v1_file(path)
    assert "lang" not in _columns(path, "runs")
    # The reader migrates only its private copy: the file on disk stays v1.
    (old,) = load_results([path]).runs
    assert (old.nickname, old.lang, old.decisions[0].action, old.outcome) == ("Old", "", "", "safe")
    with sqlite3.connect(path) as conn:
        assert schema.file_version(conn) == 1
    # The writer migrates the file itself, keeping every row.
    with ResultsStore.open(tmp_path, host="old") as store:
        assert schema.file_version(store._conn) == CURRENT_VERSION
        store.start_run("4C", "New", "test_gift", "ar")
    runs = load_results([path]).runs
    assert [(r.nickname, r.lang) for r in runs] == [("Old", ""), ("New", "ar")]
    assert "action" in _columns(path, "decisions")


def test_a_file_from_a_newer_game_is_not_touched(tmp_path):
    path = tmp_path / "results-new.sqlite3"
    ResultsStore.open_file(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    with pytest.raises(ResultsUnavailable, match="newer"):
        ResultsStore.open_file(path)
    results = load_results([path])
    assert results.runs == () and "newer" in results.skipped[0].reason


def test_migration_steps_cover_every_version():
    assert sorted(schema.MIGRATIONS) == list(range(CURRENT_VERSION))


def test_merging_files_folders_and_copies_counts_each_run_once(tmp_path):
    lab = tmp_path / "lab"
    files = build_class_dataset(lab)
    usb = tmp_path / "usb"
    usb.mkdir()
    shutil.copy(files[0], usb / files[0].name)  # the same PC's file collected twice
    (tmp_path / "notes.txt").write_text("not results")
    results = load_results([lab, usb, files[1], tmp_path / "notes.txt"])
    assert len(results.runs) == 9
    assert len(results.quiz_answers) == 5 + 5 + 5 + 6 + 5
    assert results.classes() == ["5B", "6A"]
    assert results.for_class("5b").nicknames() == ["Hamad", "Nour", "Omar", "Sara"]
    assert [s.path for s in results.skipped] == [str(tmp_path / "notes.txt")]
    assert len(results.sources) == 3


def test_delete_class_erases_it_from_every_file_and_from_the_bytes(tmp_path):
    files = build_class_dataset(tmp_path)
    assert [(s.name, s.children, s.runs) for s in list_classes([tmp_path])] == [("5B", 4, 8), ("6A", 1, 1)]
    report = delete_class([tmp_path], "5b")
    assert report.failed == {} and report.total == 8 + 26
    assert [s.name for s in list_classes([tmp_path])] == ["6A"]
    for path in files:
        raw = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                                   if path.with_name(path.name + "-wal").exists() else b"")
        for nickname in (b"Nour", b"Omar", b"Sara", b"Hamad"):
            assert nickname not in raw, f"{nickname!r} still in the bytes of {path.name}"
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r.nickname for r in load_results([tmp_path]).runs] == ["Lina"]


def test_delete_class_reports_a_file_held_by_a_running_game(tmp_path):
    build_class_dataset(tmp_path)
    running = ResultsStore.open(tmp_path, host="LAB-PC-01")  # the game on PC-01 is still open
    try:
        report = delete_class([tmp_path], "5B")
    finally:
        running.close()
    assert list(report.failed) == [str(running.path)] and "in use" in report.failed[str(running.path)]
    assert {r.nickname for r in load_results([tmp_path]).for_class("5B").runs} == {"Nour", "Omar"}
