"""A SIGKILL in the middle of a scenario never corrupts the results file nor loses a committed step.

A child process writes runs as fast as it can and prints one line after each call returns (after its
transaction committed); it is killed with SIGKILL at random moments, ten times on the same file. After every
kill the file must pass PRAGMA integrity_check and hold every step any writer acknowledged. The bench/soak
run does the same with many more kills (aman_game.results.crash_check.run_kills).
"""
from __future__ import annotations

import signal
import sys

import pytest

from aman_game.results import load_results
from aman_game.results.crash_check import run_kills

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]


def test_sigkill_never_corrupts_nor_loses_a_committed_step(tmp_path):
    steps, problems = run_kills(tmp_path, kills=10, seed=6)
    assert problems == []
    assert steps > 50  # the writers really were mid-stream when killed
    results = load_results([tmp_path])
    assert results.skipped == ()
    assert sum(len(r.decisions) for r in results.runs) >= steps
    # No run holds a gap: steps are 1..n in every run, whatever moment the kill came.
    for run in results.runs:
        assert [d.step for d in run.decisions] == list(range(1, len(run.decisions) + 1))


def test_the_check_notices_a_lost_step(tmp_path):
    from aman_game.results import ResultsStore
    from aman_game.results.crash_check import Acked, verify

    with ResultsStore.open(tmp_path, host="x") as store:
        run = store.start_run("c", "kid", "s")
        store.record_decision(run, "n1", 0, "block", True, 10, 1.0)
    acked = Acked(path=str(store.path), runs={run}, steps={(run, 1), (run, 2)})
    assert verify(acked) == [f"1 acknowledged step(s) lost, e.g. {[(run, 2)]}"]
