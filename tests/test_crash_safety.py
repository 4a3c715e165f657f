"""Crash safety of recorded play: SIGKILL real `play --autoplay random --class --nickname --data-dir`
sessions at random moments (10 here; `python main.py bench --crash 50` runs the full fifty). After each
kill the results file passes PRAGMA integrity_check and holds every step the game acknowledged."""
from __future__ import annotations

import sqlite3

from aman_game.bench.crash import CLASS, Acked, check_files, crash_check
from aman_game.results import ResultsStore


def test_ten_sigkills_leave_an_intact_file_and_lose_no_acknowledged_step():
    result = crash_check(10, seed=3, max_delay=1.0)
    assert result["lost"] == []
    assert result["integrity_failures"] == 0
    assert result["ok"]
    assert result["acked_steps"] > 0, "the kills must land while children are making choices"
    assert result["exited_before_kill"] < 10


def _file_with_one_step(tmp_path):
    store = ResultsStore.open(tmp_path, host="checker")
    run = store.start_run(CLASS, "kid0", "some_story", "en")
    store.record_decision(run, "first", 1, "block", True, 10, 2.0)
    store.close()


def test_the_checker_notices_a_lost_step(tmp_path):
    _file_with_one_step(tmp_path)
    acked = Acked()
    for line in ["RUN 1 some_story", "STEP 1 1 first 1", "STEP 1 2 second 0", "FIN 1 safe"]:
        acked.take(line)
    integrity, lost = check_files(tmp_path, "kid0", acked)
    assert integrity == ["ok"]
    assert lost == ["run 1 step 2 (second, choice 0)", "run 1 ending safe (file has None)"]
    acked.take("RUN 2 other_story")
    assert check_files(tmp_path, "kid0", acked)[1][-1] == "run 2 (other_story)"


def test_the_checker_notices_a_damaged_file(tmp_path):
    _file_with_one_step(tmp_path)
    path = next(tmp_path.glob("results-*.sqlite3"))
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\x5a" * 4096  # scribble over the second page
    path.write_bytes(bytes(data))
    integrity, _lost = check_files(tmp_path, "kid0", Acked())
    assert integrity and integrity != ["ok"]
    with sqlite3.connect(path) as conn:  # and SQLite agrees it is damaged
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError:
            verdict = "unreadable"
    assert verdict != "ok"
