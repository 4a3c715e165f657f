"""`python main.py bench [--json] [--quick] [--only NAME,...] [--soak N] [--crash N]`: speed and robustness.

Without --soak/--crash it measures, on the game's real code paths, the figures the issues set targets for
and prints each beside its target: process start to first frame, frame time of every screen in both
languages, CPU of an idle open window, text layout cold and cached, validate throughput, peak RSS after
autoplaying every scenario in both languages, and `report` over a lab's school year (time, peak RSS; with
the cost of `PRAGMA quick_check` when a PC opens its results file). It never fails on a figure (exit 0): speed is reported, not
asserted. With --json it prints one JSON object instead (keys: first_frame_s, frame_p99_ms, idle_cpu_percent,
layout_cold_ms, layout_cached_ms, validate_files_per_s, peak_rss_mb, report_year_s, report_year_peak_mb, plus
details and the machine).

--soak N   N random autoplays in one process after a warm-up: no exception, RSS growth < 10 MB (exit 1 if not)
--crash N  N SIGKILLs of recorded autoplay sessions: every results file intact, no acknowledged step lost
           (exit 1 if not)
Only the standard library is imported at module level.
"""
from __future__ import annotations

import json
import sys
import time

#: In-process micro-measures first, before the runs that spawn processes leave the machine warm and busy.
FIGURES = ("text_layout", "validate", "frames", "first_frame", "idle_cpu", "peak_rss", "report_scale")


def configure(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="shorter measurements (idle 2 s, fewer frames)")
    parser.add_argument("--only", metavar="NAMES", help=f"comma-separated subset of: {', '.join(FIGURES)}")
    parser.add_argument("--soak", type=int, metavar="N", help="run the soak: N random autoplays")
    parser.add_argument("--crash", type=int, metavar="N", help="run the crash check: N SIGKILLs")
    parser.add_argument("--seed", type=int, default=0, help="seed of the soak and crash runs")


def _settings(quick: bool) -> dict:
    if quick:
        return {"first_frame": {"repeats": 2}, "frames": {"frames": 20, "warmup": 2},
                "idle_cpu": {"seconds": 2.0, "settle": 0.3},
                "text_layout": {"cold_repeats": 10, "cached_repeats": 500},
                "validate": {"copies": 8, "repeats": 2, "fit_files": 2}, "peak_rss": {"once": True},
                "report_scale": {"pcs": 8, "runs": 800, "repeats": 1}}
    return {"first_frame": {"repeats": 5}, "frames": {"frames": 200}, "idle_cpu": {"seconds": 10.0},
            "text_layout": {}, "validate": {}, "peak_rss": {}, "report_scale": {}}


def _measure(name: str, options: dict) -> dict:
    if name == "first_frame":
        from ..bench.first_frame import measure_first_frame as fn
    elif name == "frames":
        from ..bench.frames import measure_screens as fn
    elif name == "idle_cpu":
        from ..bench.idle_cpu import measure_idle_cpu as fn
    elif name == "text_layout":
        from ..bench.text_layout import measure_layout as fn
    elif name == "validate":
        from ..bench.validate_speed import measure_validate as fn
    elif name == "report_scale":
        from ..bench.report_scale import measure_report_scale as fn
    else:
        from ..bench.peak_rss import measure_peak_rss as fn
    return fn(**options)


def machine() -> dict:
    import os
    import platform

    info = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "cpus": os.cpu_count(), "platform": platform.platform(),
            "cpu": platform.processor() or platform.machine(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            names = [line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")]
        if names:
            info["cpu"] = names[0]
        with open("/proc/loadavg", encoding="utf-8") as fh:
            info["load_before"] = fh.read().split()[0]
    except OSError:
        pass
    return info


def run_figures(names, quick: bool, log) -> dict:
    options = _settings(quick)
    result: dict = {"quick": quick, "machine": machine(), "errors": {}}
    for name in names:
        t0 = time.perf_counter()
        log(f"measuring {name} ...")
        try:
            result.update(_measure(name, options[name]))
        except Exception as exc:  # a figure that cannot be taken is reported, the others still are
            result["errors"][name] = f"{type(exc).__name__}: {exc}"
        log(f"  {name}: {time.perf_counter() - t0:.1f} s")
    return result


def format_figures(result: dict) -> str:
    from ..bench.targets import TARGETS, meets

    m = result.get("machine", {})
    lines = [f"Aman bench — {m.get('date')} — {m.get('cpus')} CPUs ({m.get('cpu')}), Python {m.get('python')}"
             f"{' — quick' if result.get('quick') else ''}", ""]
    for key, (bound, op, unit, label) in TARGETS.items():
        value = result.get(key)
        shown = "—" if value is None else f"{value:g} {unit}"
        target = f"{op} {bound:g} {unit}" if bound is not None else "(no target)"
        verdict = {True: "ok", False: "MISS", None: ""}[meets(key, value)]
        lines.append(f"  {label:<58} {shown:>14}   target {target:<16} {verdict}")
    lines.append("")
    if result.get("worst_screen"):
        lines.append(f"  worst screen: {result['worst_screen']}; play screen with 20 Arabic messages p99: "
                     f"{result.get('play_20_messages_ar_p99_ms')} ms")
        slow = sorted(((k, v) for k, v in result.get("screens", {}).items() if "p99_ms" in v),
                      key=lambda kv: -kv[1]["p99_ms"])
        lines.append("  frame p50/p99 ms by screen (slowest first):")
        for k, v in slow:
            lines.append(f"    {k:<28} {v['p50_ms']:>8.2f} {v['p99_ms']:>8.2f}")
        broken = [k for k, v in result.get("screens", {}).items() if "error" in v]
        if broken:
            lines.append(f"  screens that failed to draw: {', '.join(broken)}")
    if "idle_display" in result:
        lines.append(f"  idle CPU measured under {result['idle_display']}, {result.get('idle_seconds')} s per "
                     f"screen: {result.get('idle_cpu_by_screen')}")
    if "python_start_s" in result:
        lines.append(f"  first frame: median of {result.get('first_frame_runs')} starts, slowest "
                     f"{result.get('first_frame_max_s')} s; a bare `python -c pass` takes {result['python_start_s']} s")
    if "layout_first_ms" in result:
        lines.append(f"  text: a brand-new engine's first paragraph (fonts opened) {result['layout_first_ms']} ms")
    if "validate_with_fit_files_per_s" in result:
        lines.append(f"  validate with the text-fit check: {result['validate_with_fit_files_per_s']} files/s")
    if "peak_rss_detail" in result:
        d = result["peak_rss_detail"]
        lines.append(f"  memory: {d.get('runs')} autoplays, RSS at the end {d.get('rss_end_mb')} MB, "
                     f"{d.get('rss_end_trimmed_mb')} MB live (after gc.collect() and malloc_trim)")
    if "report_scale_detail" in result:
        d = result["report_scale_detail"]
        lines.append(f"  report: {d.get('pcs')} files, {d.get('runs')} runs ({d.get('files_mb')} MB): "
                     f"{d.get('cpu_s')} s of CPU, HTML {d.get('html_mb')} MB, CSV {d.get('csv_mb')} MB; PRAGMA "
                     f"quick_check at open: {result.get('quick_check_year_ms')} ms for one PC's year, "
                     f"{result.get('quick_check_10x_ms')} ms for ten times that")
    for name, error in result.get("errors", {}).items():
        lines.append(f"  {name}: could not be measured: {error}")
    return "\n".join(lines)


def run(args) -> int:
    log = (lambda msg: print(msg, file=sys.stderr, flush=True))
    code = 0
    if args.soak is None and args.crash is None:
        names = [n.strip() for n in args.only.split(",")] if args.only else list(FIGURES)
        unknown = [n for n in names if n not in FIGURES]
        if unknown:
            print(f"aman bench: unknown figure {', '.join(unknown)} (choose from {', '.join(FIGURES)})",
                  file=sys.stderr)
            return 2
        result = run_figures(names, args.quick, log if not args.json else (lambda msg: None))
        print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_figures(result))
        return 0
    output: dict = {}
    if args.soak is not None:
        from ..bench.soak import format_report, soak

        report = soak(args.soak, seed=args.seed, progress=None if args.json else log)
        output["soak"] = report.to_dict()
        if not args.json:
            print(format_report(report), flush=True)
        code |= 0 if report.ok else 1
    if args.crash is not None:
        from ..bench.crash import crash_check

        crash = crash_check(args.crash, seed=args.seed, progress=None if args.json else log)
        output["crash"] = crash
        if not args.json:
            print(f"crash check: {crash['kills']} SIGKILLs, {crash['acked_runs']} runs and {crash['acked_steps']} "
                  f"steps acknowledged; integrity failures {crash['integrity_failures']}, lost {len(crash['lost'])}"
                  f" — {'ok' if crash['ok'] else 'FAILED'}")
            for item in crash["lost"][:10]:
                print(f"  lost: {item}")
        code |= 0 if crash["ok"] else 1
    if args.json:
        print(json.dumps(output, ensure_ascii=False, indent=1))
    return code
