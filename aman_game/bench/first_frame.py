"""Process start to first frame, measured on `python main.py` itself.

The game cooperates through one environment variable, read in Game.__init__ (a three-line hook):
AMAN_BENCH_FIRST_FRAME=exit   print `AMAN_FIRST_FRAME <wall clock>` right after the first frame is on
                              screen, then quit;
AMAN_BENCH_FIRST_FRAME=print  print the same line and keep running (the idle-CPU measure waits for it).

The bench takes the wall clock just before it spawns the process, so the figure covers everything a
child waits for: the interpreter starting, the imports, the window opening, the first screen drawn and
flipped. (The process's kernel start time is no better: Linux gives the boot time to the whole second.)
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ENV = "AMAN_BENCH_FIRST_FRAME"
MARK = "AMAN_FIRST_FRAME"


# -- inside the game ---------------------------------------------------------------------------------
def install(game) -> None:
    """Called by Game.__init__ when AMAN_BENCH_FIRST_FRAME is set."""
    mode = os.environ.get(ENV, "")

    def after_first_draw(g) -> None:
        print(f"{MARK} {time.time():.6f}", flush=True)
        g.after_draw.remove(after_first_draw)
        if mode == "exit":
            g.quit(force=True)

    game.after_draw.append(after_first_draw)


# -- the bench's side --------------------------------------------------------------------------------
def isolated_env(folder: Path, *, video: Optional[str] = "dummy", extra: Optional[dict] = None) -> dict:
    """An environment for a spawned game that never touches the user's settings, progress or results."""
    env = dict(os.environ)
    for key in ("AMAN_BENCH_FIRST_FRAME", "DISPLAY"):
        env.pop(key, None)
    folder.mkdir(parents=True, exist_ok=True)
    env.update({
        "AMAN_SETTINGS": str(folder / "settings.json"),
        "AMAN_DATA_DIR": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "share"),
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "SDL_AUDIODRIVER": env.get("SDL_AUDIODRIVER") or "dummy",
    })
    if video:
        env["SDL_VIDEODRIVER"] = video
    else:
        env.pop("SDL_VIDEODRIVER", None)
    env.update(extra or {})
    return env


def main_py() -> Path:
    from .. import ROOT

    return ROOT / "main.py"


def time_first_frame(env: dict, args: tuple[str, ...] = (), timeout: float = 60.0) -> dict:
    """Spawn `python main.py ARGS` with the exit hook; seconds from just before the spawn to its first frame."""
    env = dict(env, **{ENV: "exit"})
    t0 = time.time()
    proc = subprocess.run([sys.executable, str(main_py()), *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
    for line in proc.stdout.splitlines():
        if line.startswith(MARK):
            return {"spawn_to_frame_s": float(line.split()[1]) - t0, "exit_code": proc.returncode}
    raise RuntimeError(f"no first frame (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")


def interpreter_floor(env: dict) -> float:
    """What a bare `python -c pass` costs here: the part of the start-up the game cannot shorten."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=False)
    return time.perf_counter() - t0


def measure_first_frame(repeats: int = 5) -> dict:
    """The median over `repeats` starts (the first one also warms the OS file cache, as a lab PC's second
    child would find it), with the slowest beside it and the interpreter's own start for scale."""
    with tempfile.TemporaryDirectory(prefix="aman-first-frame-") as tmp:
        env = isolated_env(Path(tmp))
        runs = [time_first_frame(env) for _ in range(repeats)]
        floor = min(interpreter_floor(env) for _ in range(3))
    spawn = [r["spawn_to_frame_s"] for r in runs]
    return {
        "first_frame_s": round(statistics.median(spawn), 3),
        "first_frame_max_s": round(max(spawn), 3),
        "python_start_s": round(floor, 3),
        "first_frame_runs": len(runs),
    }
