"""The speed targets the issues set, keyed like the bench's JSON output.

Each entry: key -> (bound, "<=" or ">=", unit, label). The bench prints every figure beside its target
and marks it ok/MISS; it never exits non-zero because of one (figures, not timed tests).
"""
from __future__ import annotations

TARGETS: dict[str, tuple[float, str, str, str]] = {
    "first_frame_s": (0.5, "<=", "s", "process start to first frame"),
    "frame_p99_ms": (2.0, "<=", "ms", "frame time p99 (worst screen)"),
    "idle_cpu_percent": (1.0, "<=", "%", "CPU of an idle open window"),
    "layout_cold_ms": (3.0, "<=", "ms", "layout+render, 200-char mixed paragraph, cold"),
    "layout_cached_ms": (0.02, "<=", "ms", "layout+render, same paragraph, cached"),
    "validate_files_per_s": (100.0, ">=", "files/s", "validate throughput (text fit aside)"),
    "peak_rss_mb": (None, "", "MB", "peak RSS after autoplaying every scenario, both languages"),  # type: ignore[dict-item]
    # Issue 14: `report --csv` over a lab's school year (40 PCs' files, 30,000 runs), in a fresh process.
    # Set from the measurement: 24–32 s wall for 7.9 s of CPU (a 2-core VM shared with others, load 17–20)
    # and 106 MB peak; on an idle lab PC the wall time is near the CPU time. One PC's file is ~0.6 MB a year.
    "report_year_s": (30.0, "<=", "s", "report + CSV, a lab's year (40 files, 30,000 runs)"),
    "report_year_peak_mb": (150.0, "<=", "MB", "peak RSS of that report"),
}


def meets(key: str, value) -> bool | None:
    """True/False against the target, None when there is no target or no figure."""
    bound, op, _unit, _label = TARGETS.get(key, (None, "", "", ""))
    if bound is None or value is None:
        return None
    return value <= bound if op == "<=" else value >= bound
