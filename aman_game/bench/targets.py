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
}


def meets(key: str, value) -> bool | None:
    """True/False against the target, None when there is no target or no figure."""
    bound, op, _unit, _label = TARGETS.get(key, (None, "", "", ""))
    if bound is None or value is None:
        return None
    return value <= bound if op == "<=" else value >= bound
