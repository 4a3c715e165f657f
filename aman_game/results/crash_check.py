"""Crash-safety check: kill a writing process with SIGKILL at random moments, then verify the file.

Used by tests/test_results_crash.py (a few kills) and by the bench/soak run (many). The child process
writes runs as fast as it can and prints one acknowledgement line *after* each call returns, i.e. after
its transaction committed. After the kill the file must pass `PRAGMA integrity_check` and hold every
acknowledged step. Run the child by hand with `python -m aman_game.results.crash_check DATA_DIR`.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HOST = "crash-check"
STEPS_PER_RUN = 4


def child_main(data_dir: str) -> None:
    """Write forever; one stdout line per committed call."""
    from .store import ResultsStore

    store = ResultsStore.open(data_dir, host=HOST)
    print(f"READY {store.path}", flush=True)
    n = 0
    while True:
        n += 1
        run = store.start_run("crash", f"kid{n % 7}", f"scenario_{n % 3}", "en")
        print(f"RUN {run}", flush=True)
        for step in range(1, STEPS_PER_RUN + 1):
            store.record_decision(run, f"node{step}", step % 3, "block", step % 2 == 0, 5, 1.5)
            print(f"STEP {run} {step}", flush=True)
        store.finish_run(run, "safe", 10, 20)
        print(f"FIN {run}", flush=True)
        store.record_quiz_answer("crash", f"kid{n % 7}", "pre", f"{store.session_id}-q{n}", 1, True)
        print(f"QUIZ {store.session_id}-q{n}", flush=True)


@dataclass
class Acked:
    path: str = ""
    runs: set[str] = field(default_factory=set)
    steps: set[tuple[str, int]] = field(default_factory=set)
    finished: set[str] = field(default_factory=set)
    quiz: set[str] = field(default_factory=set)

    def take(self, line: str) -> None:
        parts = line.split()
        if not parts:
            return
        if parts[0] == "READY":
            self.path = line.split(" ", 1)[1]
        elif parts[0] == "RUN":
            self.runs.add(parts[1])
        elif parts[0] == "STEP":
            self.steps.add((parts[1], int(parts[2])))
        elif parts[0] == "FIN":
            self.finished.add(parts[1])
        elif parts[0] == "QUIZ":
            self.quiz.add(parts[1])


def kill_once(data_dir: str | os.PathLike, rng: random.Random, max_delay: float = 0.4) -> Acked:
    """Start a writer, SIGKILL it after a random delay, return what it acknowledged."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "aman_game.results.crash_check", str(data_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=str(Path(__file__).resolve().parents[2]))
    acked = Acked()
    first = proc.stdout.readline()
    if not first.startswith("READY"):
        proc.kill()
        raise RuntimeError(f"writer did not start: {first!r} {proc.stderr.read()}")
    acked.take(first.rstrip("\n"))
    time.sleep(rng.uniform(0.0, max_delay))
    proc.send_signal(signal.SIGKILL)
    out, _err = proc.communicate()
    lines = out.split("\n")
    for line in lines[:-1]:  # the last piece has no newline: maybe cut mid-print, so not trusted
        acked.take(line)
    return acked


def verify(acked: Acked) -> list[str]:
    """Problems found in the file after a kill (empty: intact and nothing acknowledged was lost).

    Opened the way the game reopens it (exclusive locking), so this is also the recovery a PC performs.
    """
    problems: list[str] = []
    conn = sqlite3.connect(acked.path, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            problems.append(f"integrity_check: {check[:5]}")
        runs = {r[0] for r in conn.execute("SELECT run_id FROM runs")}
        steps = {(r[0], r[1]) for r in conn.execute("SELECT run_id, step FROM decisions")}
        finished = {r[0] for r in conn.execute("SELECT run_id FROM runs WHERE outcome IS NOT NULL")}
        quiz = {r[0] for r in conn.execute("SELECT question_id FROM quiz_answers")}
    finally:
        conn.close()
    for name, want, have in (("run", acked.runs, runs), ("step", acked.steps, steps),
                             ("finished run", acked.finished, finished), ("quiz answer", acked.quiz, quiz)):
        lost = want - have
        if lost:
            problems.append(f"{len(lost)} acknowledged {name}(s) lost, e.g. {sorted(lost)[:3]}")
    return problems


def run_kills(data_dir: str | os.PathLike, kills: int, seed: int = 6) -> tuple[int, list[str]]:
    """Kill and verify `kills` times on one file; returns (acknowledged steps in total, problems)."""
    rng = random.Random(seed)
    everything = Acked()  # checked after every kill: nothing acknowledged by any earlier writer is lost
    problems: list[str] = []
    for i in range(kills):
        acked = kill_once(data_dir, rng)
        everything.path = acked.path
        for name in ("runs", "steps", "finished", "quiz"):
            getattr(everything, name).update(getattr(acked, name))
        problems += [f"kill {i + 1}: {p}" for p in verify(everything)]
    return len(everything.steps), problems


if __name__ == "__main__":
    child_main(sys.argv[1])
