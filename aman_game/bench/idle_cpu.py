"""CPU of an idle open window: the game started for real, left alone, its CPU time read with psutil.

Under Xvfb when the machine has it (a real X11 window, the bench starts its own server on a free display
number chosen by Xvfb itself through -displayfd), else with SDL's dummy video driver — the result says
which. Two idle states are measured: the title screen (`python main.py`, what a lab PC shows between
children) and the play screen waiting for a choice (`python main.py play <first scenario> --fast`, what it
shows while a child reads). The headline is the worse of the two, as a percentage of one core.
"""
from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from .first_frame import ENV, MARK, isolated_env, main_py


@contextmanager
def xvfb() -> Iterator[Optional[str]]:
    """A private Xvfb server; yields its DISPLAY (":N"), or None when Xvfb is not installed or fails."""
    exe = shutil.which("Xvfb")
    if exe is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([exe, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    display = None
    try:
        ready, _, _ = select.select([read_fd], [], [], 10)
        if ready:
            number = os.read(read_fd, 32).decode().strip()
            display = f":{number}" if number.isdigit() else None
        yield display
    finally:
        os.close(read_fd)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for_mark(proc: subprocess.Popen, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, end - time.monotonic()))
        if not ready:
            break
        line = proc.stdout.readline()
        if not line:
            return False
        if line.startswith(MARK):
            return True
    return False


def idle_cpu_of(args: tuple[str, ...], env: dict, seconds: float, settle: float) -> float:
    """Percent of one core the game used over `seconds`, after its first frame and `settle` seconds."""
    import psutil

    proc = subprocess.Popen([sys.executable, str(main_py()), *args], env=dict(env, **{ENV: "print"}),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        if not _wait_for_mark(proc, 60):
            raise RuntimeError(f"the game did not draw a first frame ({' '.join(args) or 'title'})")
        time.sleep(settle)
        ps = psutil.Process(proc.pid)
        c0, t0 = ps.cpu_times(), time.monotonic()
        time.sleep(seconds)
        c1, t1 = ps.cpu_times(), time.monotonic()
        if proc.poll() is not None:
            raise RuntimeError(f"the game exited while idle (code {proc.returncode})")
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    used = (c1.user - c0.user) + (c1.system - c0.system)
    return 100.0 * used / (t1 - t0)


def measure_idle_cpu(seconds: float = 10.0, settle: float = 1.5) -> dict:
    from .. import SCENES_DIR
    from ..content import load_library

    scenarios = load_library(SCENES_DIR).scenarios
    states = {"title": ()}
    if scenarios:
        states["play"] = ("play", scenarios[0].id, "--fast")
    with tempfile.TemporaryDirectory(prefix="aman-idle-") as tmp, xvfb() as display:
        video = None if display else "dummy"
        env = isolated_env(Path(tmp), video=video, extra={"DISPLAY": display} if display else None)
        figures = {name: round(idle_cpu_of(args, env, seconds, settle), 3) for name, args in states.items()}
    return {
        "idle_cpu_percent": max(figures.values()),
        "idle_cpu_by_screen": figures,
        "idle_seconds": seconds,
        "idle_display": f"Xvfb {display}" if display else "SDL dummy video driver (no Xvfb)",
    }
