"""The soak: thousands of random autoplays in one process — no exception, and memory that stops growing.

`python main.py bench --soak N` (or `python tools/soak.py N`). The warm-up takes every choice of every
node once, in both languages, so every message, choice and feedback text has been laid out and rendered
and every shadow and avatar made — the caches hold what a lab day puts in them. Then RSS is taken, N
random autoplays follow (random scenario, language and seed, a nickname from a pool so progress is saved
too), and RSS is taken again. Growth under 10 MB means every cache is bounded and nothing leaks per run.
The caches' own sizes are reported beside RSS, so a growth can be pinned on one of them.
"""
from __future__ import annotations

import gc
import random
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from typing import Callable, Optional

GROWTH_LIMIT_MB = 10.0


def rss_mb(settle: bool = True) -> float:
    """Resident memory of this process. With `settle`, garbage is collected and glibc is asked to hand
    freed heap pages back first (malloc_trim): freed surfaces otherwise linger in the allocator's free
    lists and RSS jumps by tens of MB from one sample to the next without anything being alive."""
    import psutil

    if settle:
        gc.collect()
        _malloc_trim()
    return psutil.Process().memory_info().rss / 2**20


def _malloc_trim() -> None:
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (Windows, macOS, musl): nothing to trim
        pass


def cache_report() -> dict:
    """Entries and bytes of every cache the game keeps, by name."""
    from ..text import get_engine
    from ..widgets import draw

    engine = get_engine()
    return {
        "text_layouts": len(engine._layouts),
        "text_run_surfaces": len(engine.run_cache),
        "text_run_mb": round(engine.run_cache.bytes / 2**20, 2),
        "text_layout_surfaces": len(engine.surface_cache),
        "text_layout_mb": round(engine.surface_cache.bytes / 2**20, 2),
        "word_widths": len(getattr(getattr(engine._layouter, "measure", None), "_widths", ())),
        "shapes": len(draw._cache),
        "shapes_mb": round(draw._cache.bytes / 2**20, 2),
    }


@dataclass
class SoakReport:
    runs: int = 0
    warmup_runs: int = 0
    errors: list = field(default_factory=list)
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_peak_mb: float = 0.0
    samples: list = field(default_factory=list)  # (runs done, RSS MB)
    seconds: float = 0.0
    frames: int = 0
    caches_start: dict = field(default_factory=dict)
    caches_end: dict = field(default_factory=dict)

    @property
    def growth_mb(self) -> float:
        return round(self.rss_end_mb - self.rss_start_mb, 2)

    @property
    def ok(self) -> bool:
        return not self.errors and self.growth_mb < GROWTH_LIMIT_MB

    def to_dict(self) -> dict:
        data = asdict(self)
        data["growth_mb"] = self.growth_mb
        data["growth_limit_mb"] = GROWTH_LIMIT_MB
        data["ok"] = self.ok
        return data


def soak(runs: int, *, seed: int = 0, warmup: str | int = "every_choice", repeat: bool = False,
         data_dir: Optional[str] = None, samples: int = 20,
         progress: Optional[Callable[[str], None]] = None) -> SoakReport:
    """Play `runs` random autoplays after a warm-up, sampling RSS along the way.

    warmup: "every_choice" (every choice of every node, both languages: all the texts there are) or a
    number of random runs. With `repeat`, the measured runs replay the warm-up's random runs over and
    over — the same work again, so nothing new may be cached and any growth is a leak (the short soak in
    the test suite uses this; the full soak plays fresh random runs)."""
    from .autoplay_runs import AutoplayRunner

    report = SoakReport()
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="aman-soak-") as tmp:
        runner = AutoplayRunner(data_dir=data_dir or tmp)
        specs = lambda: (rng.choice(runner.scenarios), rng.choice(("en", "ar")), rng.randrange(1 << 30),
                         f"soak{rng.randrange(40)}")
        t0 = time.perf_counter()
        try:
            played = []
            if warmup == "every_choice":
                report.warmup_runs = len(runner.play_every_choice())
            else:
                played = [specs() for _ in range(int(warmup))]
                for spec in played:
                    _play(runner, spec, report)
                report.warmup_runs = len(played)
            report.errors.extend(_describe(r) for r in runner.errors)
            report.rss_start_mb = report.rss_peak_mb = round(rss_mb(), 2)
            report.caches_start = cache_report()
            report.samples.append((0, report.rss_start_mb))
            every = max(1, runs // max(1, samples))
            for i in range(1, runs + 1):
                _play(runner, played[(i - 1) % len(played)] if repeat and played else specs(), report)
                if i % every == 0 or i == runs:
                    now = round(rss_mb(), 2)
                    report.rss_peak_mb = max(report.rss_peak_mb, now)
                    report.samples.append((i, now))
                    if progress:
                        progress(f"{i}/{runs} runs, RSS {now:.1f} MB, {len(report.errors)} errors, "
                                 f"{time.perf_counter() - t0:.0f} s")
            report.runs = runs
            report.rss_end_mb = round(rss_mb(), 2)
            report.caches_end = cache_report()
            report.frames = runner.frames
        finally:
            runner.close()
        report.seconds = round(time.perf_counter() - t0, 1)
    del report.errors[50:]  # the first fifty tell the story
    return report


def _play(runner, spec, report: SoakReport) -> None:
    scenario, language, seed, nickname = spec
    try:
        result = runner.play(scenario, language, seed=seed, nickname=nickname)
        if result.error:
            report.errors.append(_describe(result))
    except Exception:  # finding these is the soak's job: note each and keep going
        report.errors.append(f"{scenario.id} [{language}] seed {seed}: {traceback.format_exc(limit=8)}")
        runner.game.stack.clear()


def _describe(result) -> str:
    return f"{result.scenario} [{result.language}] seed {result.seed}: {result.error}"


def format_report(report: SoakReport) -> str:
    verdict = "ok" if report.ok else "FAILED"
    lines = [
        f"soak: {report.runs} random autoplays after {report.warmup_runs} warm-up runs, "
        f"{report.frames} frames, {report.seconds} s — {verdict}",
        f"  RSS start {report.rss_start_mb:.1f} MB, end {report.rss_end_mb:.1f} MB, peak {report.rss_peak_mb:.1f} MB,"
        f" growth {report.growth_mb:+.1f} MB (limit < {GROWTH_LIMIT_MB:.0f} MB)",
        f"  caches at start: {report.caches_start}",
        f"  caches at end:   {report.caches_end}",
        f"  errors: {len(report.errors)}",
    ]
    lines += [f"    {e}" for e in report.errors[:10]]
    return "\n".join(lines)
