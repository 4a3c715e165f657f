"""Real-window test harness: a private Xvfb server, the game as a real X11 window, xdotool input,
screenshots with ImageMagick's `import`, and the game's AMAN-STATE lines (aman_game/state_lines.py).

Xvfb picks a free display number itself (-displayfd) and says so when it is ready, so tests never race
for a display or sleep for start-up. Every wait polls with a deadline. The game runs with its own HOME and
XDG folders, so the user's settings, progress and results are never touched.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "snapshots"
SCREEN = (1280, 800)
STATE_PREFIX = "AMAN-STATE "
MISSING = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
SKIP_REASON = f"needs {', '.join(MISSING)} (Debian: apt-get install xvfb xdotool)" if MISSING else ""


class Xvfb:
    def __init__(self, size=SCREEN):
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp",
             "-noreset"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        number = b""
        deadline = time.monotonic() + 10
        try:
            while not number.endswith(b"\n"):
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("Xvfb did not start")
                chunk = os.read(read_fd, 16)  # blocks until Xvfb writes the number (it is ready then)
                if not chunk:
                    raise RuntimeError("Xvfb exited before it was ready")
                number += chunk
        finally:
            os.close(read_fd)
        self.display = ":" + number.decode().strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


class GameWindow:
    """`python main.py ARGS` as a real window on an Xvfb display, driven by xdotool."""

    def __init__(self, xvfb: Xvfb, home: Path, args: list[str], settings: Optional[dict] = None):
        self.xvfb = xvfb
        self.env = dict(os.environ)
        for key in ("SDL_VIDEODRIVER", "WAYLAND_DISPLAY", "AMAN_SETTINGS", "AMAN_DATA_DIR"):
            self.env.pop(key, None)
        self.env.update(DISPLAY=xvfb.display, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy", AMAN_STATE_LINES="1",
                        HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                        PYGAME_HIDE_SUPPORT_PROMPT="1")
        if settings is not None:
            path = home / "config" / "aman" / "settings.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(settings), encoding="utf-8")
        self.states: list[dict] = []
        self.lines: list[str] = []
        self._lock = threading.Lock()
        self.proc = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=self.env, text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            self.wid = self._find_window()
        except BaseException:
            self.stop()
            raise

    # -- process and state lines ---------------------------------------------------------------
    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._lock:
                self.lines.append(line)
                if line.startswith(STATE_PREFIX):
                    self.states.append(json.loads(line[len(STATE_PREFIX):]))

    @property
    def state(self) -> dict:
        with self._lock:
            return self.states[-1] if self.states else {}

    def wait(self, predicate: Callable[[dict], bool], what: str, timeout: float = 8.0) -> dict:
        """Poll the state lines until one satisfies `predicate` (the newest first)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state
            if state and predicate(state):
                return state
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(f"timed out waiting for {what}; last state: {json.dumps(self.state)[:600]}; "
                             f"stderr: {self.stderr_tail()}")

    def wait_exit(self, timeout: float = 8.0) -> int:
        return self.proc.wait(timeout)

    def stderr_tail(self) -> str:
        if self.proc.poll() is None:
            return "(running)"
        return (self.proc.stderr.read() or "")[-800:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)

    # -- X11 ---------------------------------------------------------------------------------------
    def x(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=10)
        if check and out.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {out.stderr.strip()}")
        return out.stdout

    def _find_window(self) -> str:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            # by process id (_NET_WM_PID): xdotool's --name does not match the window's non-Latin title
            found = self.x("search", "--pid", str(self.proc.pid), check=False).split()
            if found and self.state:  # the window exists and the game has drawn its first frame
                self.x("windowfocus", "--sync", found[0])
                return found[0]
            if self.proc.poll() is not None:
                raise AssertionError(f"the game exited: {self.stderr_tail()}")
            time.sleep(0.05)
        raise AssertionError("the game window did not appear")

    def refind(self) -> str:
        """After full screen on/off SDL may have made a new X window: look the game's window up again."""
        self.wid = self._find_window()
        return self.wid

    def geometry(self) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the window on the X screen."""
        out = self.x("getwindowgeometry", "--shell", self.wid)
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def key(self, *names: str) -> None:
        """Real key presses (XTEST) to the focused game window."""
        self.x("key", "--clearmodifiers", *names)

    def to_window(self, canvas_xy, state: Optional[dict] = None) -> tuple[int, int]:
        state = state or self.state
        s, (ox, oy) = state["scale"], state["offset"]
        return round(canvas_xy[0] * s + ox), round(canvas_xy[1] * s + oy)

    def click_canvas(self, canvas_xy, state: Optional[dict] = None) -> None:
        """Move the real pointer to a canvas point of the window and click there."""
        wx, wy = self.to_window(canvas_xy, state)
        self.x("mousemove", "--window", self.wid, str(wx), str(wy), "click", "1")

    def click_widget(self, name: str) -> None:
        x, y, w, h = self.state["widgets"][name][:4]
        self.click_canvas((x + w // 2, y + h // 2))

    def resize(self, width: int, height: int) -> None:
        self.x("windowsize", "--sync", self.wid, str(width), str(height))

    def screenshot(self):
        """The window's pixels as the X server holds them now, as a pygame Surface (read with XGetImage
        through libX11, which xdotool already needs: no screenshot tool to install)."""
        return x_window_image(self.xvfb.display, int(self.wid))


def ring_pixels(shot, rect, state: dict) -> list[tuple[int, int, int]]:
    """Colours on the focus ring around a canvas rect (4 px outside it, 4 px wide), in window pixels: three
    points along the top edge, the middle of the bottom edge, and the middle of each side."""
    gap, width = 4, 4
    x, y, w, h = rect[:4]
    mid = gap + width / 2
    points = [(x + w / 2 + dx, y - mid) for dx in (-w / 4, 0, w / 4)] + [(x + w / 2, y + h + mid - 1)] + \
             [(x - mid, y + h / 2), (x + w + mid - 1, y + h / 2)]
    s, (ox, oy) = state["scale"], state["offset"]
    return [tuple(shot.get_at((round(px * s + ox), round(py * s + oy))))[:3] for px, py in points]


def is_focus_colour(rgb, focus=(240, 168, 0), tolerance: int = 60) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, focus))


class _XImage(ctypes.Structure):
    """The head of Xlib's XImage (the fields read here; the struct continues with function pointers)."""
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int),
                ("red_mask", ctypes.c_ulong), ("green_mask", ctypes.c_ulong), ("blue_mask", ctypes.c_ulong)]


def _libx11():
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype, lib.XOpenDisplay.argtypes = ctypes.c_void_p, [ctypes.c_char_p]
    lib.XGetImage.restype = ctypes.POINTER(_XImage)
    lib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                              ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


def x_window_image(display: str, window: int):
    """A window's pixels (24-bit TrueColor, 32 bits a pixel, as Xvfb -screen WxHx24 gives) as a Surface."""
    import pygame

    lib = _libx11()
    dpy = lib.XOpenDisplay(display.encode())
    if not dpy:
        raise AssertionError(f"cannot open X display {display}")
    try:
        attrs = (ctypes.c_int * 64)()  # XWindowAttributes starts with x, y, width, height
        if not lib.XGetWindowAttributes(dpy, window, ctypes.byref(attrs)):
            raise AssertionError(f"no X window {window}")
        width, height = attrs[2], attrs[3]
        image = lib.XGetImage(dpy, window, 0, 0, width, height, ctypes.c_ulong(-1).value, 2)  # ZPixmap
        if not image:
            raise AssertionError("XGetImage failed")
        try:
            img = image.contents
            assert img.bits_per_pixel == 32 and img.red_mask == 0xFF0000, "expected a 24-bit TrueColor screen"
            raw = ctypes.string_at(img.data, img.bytes_per_line * img.height)
            rows = b"".join(raw[y * img.bytes_per_line:y * img.bytes_per_line + 4 * img.width]
                            for y in range(img.height))
            return pygame.image.frombuffer(rows, (img.width, img.height), "BGRA").copy()
        finally:
            lib.XFree(image.contents.data)
            lib.XFree(image)
    finally:
        lib.XCloseDisplay(dpy)


# -- fixtures shared by the real-window test modules (import them by name) -------------------------------
@pytest.fixture(scope="module")
def xvfb():
    server = Xvfb()
    yield server
    server.stop()


@pytest.fixture
def launch(xvfb, tmp_path):
    games = []

    def start(args, settings=None):
        game = GameWindow(xvfb, tmp_path / f"home{len(games)}", args, settings)
        games.append(game)
        return game

    yield start
    for game in games:
        game.stop()


def screen_is(name):
    return lambda s: s["screen"] == name or s["screen"].startswith(name + "_")
