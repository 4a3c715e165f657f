"""Measuring the game on its real code paths: `python main.py bench` and the robustness runs.

One small module per figure (first_frame, frames, idle_cpu, text_layout, validate_speed, peak_rss), the
in-process autoplay runner the soak and the peak-RSS run share (autoplay_runs), the soak itself (soak)
and the SIGKILL crash check of recorded play sessions (crash). Targets live in `targets`; the bench
prints each figure beside its target and never fails on one — speed is a figure, not a test.

Importing this package is cheap (standard library only): the app imports `first_frame` at start-up when
AMAN_BENCH_FIRST_FRAME is set.
"""
