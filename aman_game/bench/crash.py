"""Crash safety of recorded play: SIGKILL autoplay sessions at random moments, then check the file.

Each victim is the real `main.py play --autoplay random --class C --nickname N --data-dir D --headless
--fast` (no scenario: attract mode, story after story), started through `python -m aman_game.bench.crash
ARGS` — which only adds an acknowledging hook after the results recorder's: a line `RUN n`, `STEP n k node
choice`, `FIN n outcome` is printed once the recorder's write for it has returned, i.e. committed. After
each kill every results file in D must pass `PRAGMA integrity_check`, and every acknowledged run, step
and ending must be in it. All victims write to the same folder (and so the same file), one after another,
as a lab PC that loses power again and again would.
"""
from __future__ import annotations

import glob
import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

CLASS = "crash-check"


# -- the victim ----------------------------------------------------------------------------------------
def _ack_hook():
    counter = itertools.count(1)

    def attach(session) -> None:
        n = next(counter)
        print(f"RUN {n} {session.scenario.id}", flush=True)
        session.on_decision.append(
            lambda s, d: print(f"STEP {n} {len(s.decisions)} {d.node} {d.choice}", flush=True))
        session.on_finish.append(
            lambda s, summary: summary.outcome and print(f"FIN {n} {summary.outcome}", flush=True))

    return attach


def child_main(argv: list[str]) -> int:
    from .. import class_session
    from ..cli import main

    original = class_session.attach_to_game

    def attach_and_acknowledge(game, args) -> None:
        original(game, args)  # the recorder's hooks first: an acknowledgement follows its commit
        game.session_hooks.append(_ack_hook())

    class_session.attach_to_game = attach_and_acknowledge
    return main(["play", *argv])


# -- the checker ---------------------------------------------------------------------------------------
@dataclass
class Acked:
    runs: dict = field(default_factory=dict)  # n -> scenario id
    steps: dict = field(default_factory=dict)  # n -> [(step, node, choice)]
    finished: dict = field(default_factory=dict)  # n -> outcome

    def take(self, line: str) -> None:
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "RUN":
            self.runs[int(parts[1])] = parts[2]
        elif len(parts) == 5 and parts[0] == "STEP":
            self.steps.setdefault(int(parts[1]), []).append((int(parts[2]), parts[3], int(parts[4])))
        elif len(parts) == 3 and parts[0] == "FIN":
            self.finished[int(parts[1])] = parts[2]

    @property
    def step_count(self) -> int:
        return sum(len(v) for v in self.steps.values())


@dataclass
class KillResult:
    nickname: str
    delay: float
    acked_runs: int
    acked_steps: int
    integrity: list  # one "ok" (or SQLite's complaint) per results file
    lost: list  # what was acknowledged but is not in the file
    exited_before_kill: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.integrity) and all(r == "ok" for r in self.integrity) and not self.lost


def check_files(data_dir: Path, nickname: str, acked: Acked) -> tuple[list, list]:
    """(integrity result per file, acknowledged things missing from the files)."""
    integrity, db_runs = [], []
    for path in sorted(glob.glob(str(data_dir / "results-*.sqlite3"))):
        conn = sqlite3.connect(path)
        try:
            integrity.append(";".join(r[0] for r in conn.execute("PRAGMA integrity_check")))
            for run_id, scenario, outcome in conn.execute(
                    "SELECT run_id, scenario_id, outcome FROM runs WHERE class_name = ? AND nickname = ?"
                    " ORDER BY rowid", (CLASS, nickname)):
                steps = conn.execute("SELECT step, node_id, choice_index FROM decisions WHERE run_id = ?"
                                     " ORDER BY step", (run_id,)).fetchall()
                db_runs.append((scenario, outcome, [tuple(s) for s in steps]))
        except sqlite3.Error as exc:
            integrity.append(f"{path}: {exc}")
        finally:
            conn.close()
    lost = []
    for n, scenario in sorted(acked.runs.items()):
        if n > len(db_runs) or db_runs[n - 1][0] != scenario:
            lost.append(f"run {n} ({scenario})")
            continue
        _scen, outcome, steps = db_runs[n - 1]
        missing = [s for s in acked.steps.get(n, []) if s not in steps]
        lost += [f"run {n} step {s[0]} ({s[1]}, choice {s[2]})" for s in missing]
        if n in acked.finished and outcome != acked.finished[n]:
            lost.append(f"run {n} ending {acked.finished[n]} (file has {outcome})")
    return integrity, lost


def kill_once(data_dir: Path, nickname: str, delay: float, seed: int, env: dict) -> KillResult:
    """Start a recorded autoplay, SIGKILL it `delay` seconds after its first acknowledged run."""
    args = [sys.executable, "-m", "aman_game.bench.crash", "--autoplay", "random", "--seed", str(seed),
            "--class", CLASS, "--nickname", nickname, "--data-dir", str(data_dir), "--headless", "--fast"]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    acked = Acked()
    first_run = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            acked.take(line)
            if line.startswith("RUN"):
                first_run.set()
        first_run.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    first_run.wait(60)
    time.sleep(delay)
    exited = proc.poll() is not None
    if not exited:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(10)
    integrity, lost = check_files(data_dir, nickname, acked)
    return KillResult(nickname, round(delay, 3), len(acked.runs), acked.step_count, integrity, lost, exited)


def crash_check(kills: int = 50, *, seed: int = 0, max_delay: float = 2.0, data_dir: Optional[Path] = None,
                progress: Optional[Callable[[str], None]] = None) -> dict:
    from .first_frame import isolated_env

    rng = random.Random(seed)
    results = []
    with tempfile.TemporaryDirectory(prefix="aman-crash-") as tmp:
        folder = Path(data_dir) if data_dir else Path(tmp) / "data"
        folder.mkdir(parents=True, exist_ok=True)
        env = isolated_env(Path(tmp) / "home")
        for k in range(kills):
            result = kill_once(folder, f"kid{k}", rng.uniform(0, max_delay), rng.randrange(1 << 30), env)
            results.append(result)
            if progress:
                progress(f"kill {k + 1}/{kills}: {result.acked_steps} steps acknowledged, "
                         f"integrity {'/'.join(result.integrity)}, lost {len(result.lost)}")
    return {
        "kills": len(results),
        "ok": all(r.ok for r in results),
        "integrity_failures": sum(1 for r in results if not r.integrity or any(i != "ok" for i in r.integrity)),
        "lost": [f"{r.nickname}: {item}" for r in results for item in r.lost][:50],
        "acked_runs": sum(r.acked_runs for r in results),
        "acked_steps": sum(r.acked_steps for r in results),
        "exited_before_kill": sum(1 for r in results if r.exited_before_kill),
    }


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
