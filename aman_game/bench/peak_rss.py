"""Peak RSS after autoplaying every scenario in both languages, in a fresh process.

`python -m aman_game.bench.peak_rss [--once]` plays every scenario to every one of its ends (with
--once: each scenario once, safely) in English then Arabic, through the in-process autoplay runner (the
real screens and loop), and prints one JSON line: the process's peak resident memory (getrusage
ru_maxrss), its RSS at the end as is, and what is live (after gc.collect() and glibc's malloc_trim).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time


def child_main(argv: list[str]) -> int:
    import resource

    from .autoplay_runs import AutoplayRunner
    from .soak import rss_mb

    once = "--once" in argv
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="aman-rss-") as tmp:
        runner = AutoplayRunner(data_dir=tmp)
        if once:
            results = [runner.play(s, lang, mode="safe") for lang in ("en", "ar") for s in runner.scenarios]
        else:
            results = runner.play_every_end()
        rss_now = rss_mb(settle=False)
        rss_trimmed = rss_mb(settle=True)
        runner.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux
    print(json.dumps({"peak_rss_mb": round(peak_mb, 1), "rss_end_mb": round(rss_now, 1),
                      "rss_end_trimmed_mb": round(rss_trimmed, 1), "runs": len(results),
                      "failed_runs": [f"{r.scenario}/{r.language}: {r.error}" for r in results if r.error],
                      "seconds": round(time.perf_counter() - t0, 1)}))
    return 0


def measure_peak_rss(once: bool = False, timeout: float = 900) -> dict:
    args = [sys.executable, "-m", "aman_game.bench.peak_rss"] + (["--once"] if once else [])
    with tempfile.TemporaryDirectory(prefix="aman-rss-env-") as tmp:
        from pathlib import Path

        from .first_frame import isolated_env

        proc = subprocess.run(args, env=isolated_env(Path(tmp)), capture_output=True, text=True, timeout=timeout)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"peak RSS run failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
    data = json.loads(lines[-1])
    return {"peak_rss_mb": data["peak_rss_mb"], "peak_rss_detail": data}


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
