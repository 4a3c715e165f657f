"""Frame time of every screen in both languages: the real screens, drawn on the real canvas, presented.

Each screen comes from the screen gallery (aman_game.screens.gallery: every screen in a settled state,
the play screen also with 20 Arabic messages on it). After a few warm-up frames (the caches fill as on
a real first draw), `Game.draw_frames(n, present=True)` redraws the whole screen n times as if it were
dirty each time and flips it — a full frame, which is the most a frame ever costs (the loop draws only
when something changed). p50 and p99 per screen; the headline is the worst screen's p99.
"""
from __future__ import annotations

import math
import statistics
from typing import Optional, Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) — no interpolation, so p99 is a frame that happened."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def measure_screens(frames: int = 200, warmup: int = 3, languages: Sequence[str] = ("en", "ar"),
                    names: Optional[Sequence[str]] = None) -> dict:
    """{"screens": {"<lang>/<screen>": {"p50_ms", "p99_ms", "max_ms"}}, "worst": ..., "frame_p99_ms": ...}."""
    from .autoplay_runs import headless

    headless()
    from .. import SCENES_DIR
    from .. import settings as settings_mod
    from ..app import Game
    from ..content import load_library
    from ..screens import gallery

    library = load_library(SCENES_DIR)
    scenarios = list(library.scenarios)
    game = Game(settings=settings_mod.Settings(language=languages[0]), save_settings=False, fast=True)
    game.open()
    screens: dict[str, dict] = {}
    try:
        for language in languages:
            game.update_settings(language=language)
            for name in names or gallery.NAMES:
                key = f"{language}/{name}"
                try:
                    gallery.open_screen(game, name, scenarios)
                    game.draw_frames(warmup, present=True)
                    times = [t * 1000 for t in game.draw_frames(frames, present=True)]
                except Exception as exc:  # one broken screen must not hide the others' figures
                    screens[key] = {"error": f"{type(exc).__name__}: {exc}"}
                    continue
                screens[key] = {"p50_ms": round(statistics.median(times), 3),
                                "p99_ms": round(percentile(times, 99), 3),
                                "max_ms": round(max(times), 3)}
    finally:
        game.close()
    timed = {k: v for k, v in screens.items() if "p99_ms" in v}
    worst = max(timed, key=lambda k: timed[k]["p99_ms"]) if timed else None
    return {"screens": screens, "frames_per_screen": frames, "worst_screen": worst,
            "frame_p99_ms": timed[worst]["p99_ms"] if worst else None,
            "play_20_messages_ar_p99_ms": screens.get("ar/play_20_messages", {}).get("p99_ms")}
