"""`report` at the scale of a lab's school year, and what `PRAGMA quick_check` costs when a PC opens its file.

A year of one lab: 40 PCs' results files in one folder, 30,000 runs in all (10 classes of 25 children,
120 stories each, ~4 choices a story, and a 10-question quiz before and after), written the way the store
writes them (same tables, same kinds of values, node ids and choices walked through the shipped stories).
`python main.py report FOLDER --out … --csv … --lang ar` then runs in a fresh process, timed from start to
exit, its peak resident memory read from the kernel (wait4's ru_maxrss of that child alone).

The quick_check figure is the median of five checks of one PC's year file (750 runs) and of a file ten
times that, each opened afresh the way ResultsStore.open opens it.
"""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

PCS, RUNS, CLASSES, CHILDREN_PER_CLASS = 40, 30_000, 10, 25
ROOT = Path(__file__).resolve().parents[2]


def _walks(scenarios) -> list[tuple[str, list[tuple[str, int, str, bool, int]], str]]:
    """Per shipped scenario: its id, the decisions of one random walk to an end, and that end's outcome."""
    out = []
    rng = random.Random(7)
    for scenario in scenarios:
        for _ in range(6):
            node, steps = scenario.start_node, []
            while node.end is None and len(steps) < 20:
                index = rng.randrange(len(node.choices))
                choice = node.choices[index]
                steps.append((node.id, index, choice.action, bool(choice.safe), int(choice.points)))
                node = scenario.node(choice.next)
            out.append((scenario.id, steps, node.end.outcome if node.end else "unsafe"))
    return out


def make_lab(folder: Path, pcs: int = PCS, runs: int = RUNS, seed: int = 14) -> int:
    """Write `pcs` results files holding `runs` runs in all; returns the total size in bytes."""
    from .. import SCENES_DIR
    from ..content import load_library
    from ..results import schema
    from ..results.paths import host_file_name

    walks = _walks(load_library(SCENES_DIR).scenarios)
    rng = random.Random(seed)
    children = [(f"{5 + c // 5}{'ABCDE'[c % 5]}", f"Child {c}-{k}") for c in range(CLASSES)
                for k in range(CHILDREN_PER_CLASS)]
    folder.mkdir(parents=True, exist_ok=True)
    for pc in range(pcs):
        path = folder / host_file_name(f"LAB-PC-{pc + 1:02d}")
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            schema.migrate(conn)
            conn.execute("BEGIN")
            conn.execute("INSERT INTO meta VALUES('machine', ?)", (f"{pc:016x}",))
            mine = runs // pcs + (1 if pc < runs % pcs else 0)
            session = uuid.uuid4().hex
            for n in range(mine):
                class_name, nickname = children[rng.randrange(len(children))]
                scenario_id, steps, outcome = walks[rng.randrange(len(walks))]
                run_id = uuid.uuid4().hex
                day = f"2026-{1 + n * 10 // mine:02d}-{1 + n % 27:02d}T08:{n % 60:02d}:00.000+00:00"
                score = sum(s[4] for s in steps)
                conn.execute("INSERT INTO runs VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                             (run_id, session, class_name, nickname, scenario_id, day, day, outcome, score,
                              10 * len(steps), "ar" if n % 2 else "en"))
                conn.executemany("INSERT INTO decisions VALUES(?,?,?,?,?,?,?,?,?)",
                                 [(run_id, i + 1, node, index, int(safe), points, round(rng.uniform(2, 30), 2),
                                   day, action) for i, (node, index, action, safe, points) in enumerate(steps)])
            for class_name, nickname in children[pc::pcs]:  # each child's quiz, on one PC
                for phase in ("pre", "post"):
                    conn.executemany("INSERT INTO quiz_answers VALUES(?,?,?,?,?,?,?,?,?,?)",
                                     [(session, class_name, nickname, phase, f"q{q}", q % 3, int(rng.random() < 0.7),
                                       f"2026-01-01T08:{q:02d}:00.000+00:00", "gift_offer", None)
                                      for q in range(8)])
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    return sum(p.stat().st_size for p in folder.iterdir())


def _run_report(folder: Path, out: Path) -> tuple[float, float, int, str, float]:
    """(seconds, peak RSS in MB, exit code, first line of stdout, CPU seconds) of one `report` in a fresh
    process. The CPU time is given too: on a shared machine the wall time says as much about the others."""
    cmd = [sys.executable, str(ROOT / "main.py"), "report", str(folder), "--out", str(out / "report.html"),
           "--csv", str(out / "results.csv"), "--lang", "ar"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=str(ROOT),
                            env=dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy"))
    stdout = proc.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 2**20 if sys.platform == "darwin" else usage.ru_maxrss / 1024
    lines = [line for line in stdout.splitlines() if line.strip()]
    return seconds, peak, proc.returncode, (lines[0] if lines else ""), usage.ru_utime + usage.ru_stime


def quick_check_ms(path: Path, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        conn = sqlite3.connect(str(path), isolation_level=None)
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            t0 = time.perf_counter()
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            times.append((time.perf_counter() - t0) * 1000)
        finally:
            conn.close()
    return statistics.median(times)


def measure_report_scale(pcs: int = PCS, runs: int = RUNS, repeats: int = 2) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="aman-report-scale-"))
    try:
        t0 = time.perf_counter()
        size = make_lab(tmp / "lab", pcs, runs)
        made = time.perf_counter() - t0
        best = None
        for i in range(repeats):
            out = tmp / f"out{i}"
            out.mkdir()
            result = _run_report(tmp / "lab", out)
            if result[2] != 0:
                raise RuntimeError(f"report exited {result[2]}")
            best = result if best is None or result[0] < best[0] else best
        one_pc = next(iter(sorted((tmp / "lab").glob("results-*.sqlite3"))))
        big = tmp / "ten"
        make_lab(big, pcs=1, runs=10 * (runs // pcs))
        return {"report_year_s": round(best[0], 2), "report_year_peak_mb": round(best[1], 1),
                "report_scale_detail": {"pcs": pcs, "runs": runs, "files_mb": round(size / 2**20, 1),
                                        "cpu_s": round(best[4], 2), "load_avg": os.getloadavg()[0],
                                        "generated_s": round(made, 1), "report_said": best[3],
                                        "html_mb": round((tmp / "out0" / "report.html").stat().st_size / 2**20, 2),
                                        "csv_mb": round((tmp / "out0" / "results.csv").stat().st_size / 2**20, 2)},
                "quick_check_year_ms": round(quick_check_ms(one_pc), 2),
                "quick_check_10x_ms": round(quick_check_ms(next(big.glob("results-*.sqlite3"))), 2),
                "quick_check_sizes_kb": [round(one_pc.stat().st_size / 1024),
                                         round(next(big.glob("results-*.sqlite3")).stat().st_size / 1024)]}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    import json

    print(json.dumps(measure_report_scale(), indent=1))
