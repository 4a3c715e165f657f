"""The short soak (the full one is `python main.py bench --soak 10000`): eighty autoplays in one
process through the real screens and loop, no exception, and no memory growth once warmed up.

The measured runs replay the warm-up's random runs (same scenarios, languages, seeds), so everything
they show is already cached: whatever RSS grows by is a leak per run, not a cache filling up."""
from __future__ import annotations

from aman_game.bench.soak import GROWTH_LIMIT_MB, soak


def test_short_soak_plays_without_errors_and_memory_stays_flat():
    report = soak(64, warmup=16, repeat=True, seed=11, samples=4)
    assert report.errors == []
    assert report.runs == 64 and report.warmup_runs == 16
    assert report.frames > 80 * 5  # every run went through the loop and drew its screens
    assert report.growth_mb < GROWTH_LIMIT_MB, report.samples
    # the text caches never pass their byte bounds
    caches = report.caches_end
    assert caches["text_run_mb"] <= 24.0 and caches["text_layout_mb"] <= 40.0
    assert caches["text_layouts"] <= 4096 and caches["shapes"] <= 256
