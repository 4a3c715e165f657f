"""Game: the window, the one event → update → draw loop, and the scene stack it owns.

The loop sleeps while nothing changes: it blocks in pygame.event.wait() until an input arrives or the
earliest timer a screen asked for (a typing indicator, a pulse) is due, and redraws only when a screen
is dirty — an idle window costs next to no CPU. Every screen draws on one 1280×720 canvas; the canvas is
scaled into the window with letterboxing, and pointer and touch positions are mapped back to it, so
screens never see window pixels.
"""
from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any, Callable, Optional

import pygame

from . import i18n, settings as settings_mod
from . import theme as _theme
from .audio import Audio
from .scene_stack import Scene, SceneStack
from .theme import CANVAS_SIZE
from .window_size import centre_window, desktop_size, window_size_for

log = logging.getLogger(__name__)

IDLE_WAIT_MS = 10_000  # the longest sleep; nothing needs the loop more often when idle
#: While waiting, look at the event queue this often. pygame-ce's event.wait(timeout) polls SDL every
#: millisecond (measured: 1.2 % of a core on an idle window); sleeping in 20 ms steps costs 0.3 % and
#: keeps input latency under a frame at 50 Hz.
IDLE_POLL_S = 0.02
FAST_FACTOR = 0.001  # timers in fast mode (tests, autoplay --fast): still run through update(), only shorter
POINTER_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
FINGER_TO_MOUSE = {pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN, pygame.FINGERUP: pygame.MOUSEBUTTONUP,
                   pygame.FINGERMOTION: pygame.MOUSEMOTION}


class NoDisplay(RuntimeError):
    """No video device: the game cannot open a window here."""


class Game:
    def __init__(self, *, settings: Optional[settings_mod.Settings] = None, settings_path=None,
                 save_settings: bool = True, data_dir=None, fast: bool = False, window_size=None,
                 fullscreen: bool = False):
        from .memory import tune_allocator

        tune_allocator()  # before the first surface: big freed blocks go back to the system (memory.py)
        self.settings_path = settings_path
        self.save_settings = save_settings
        self.settings = settings if settings is not None else settings_mod.load(settings_path)
        self.data_dir = data_dir
        self.fast = fast
        self.window_size = tuple(window_size or CANVAS_SIZE)
        self._size_given = window_size is not None  # else open() fits the window to the desktop
        self.start_fullscreen = fullscreen
        self.stack = SceneStack()
        self.audio = Audio(enabled=self.settings.sound)
        self.running = False
        self.window: Optional[pygame.Surface] = None
        self.canvas: Optional[pygame.Surface] = None
        self._scaled: Optional[pygame.Surface] = None
        self._scale, self._offset = 1.0, (0, 0)
        self.fullscreen = False
        self.frame_times: deque[float] = deque(maxlen=4096)  # seconds to draw one frame on the canvas
        self.present_times: deque[float] = deque(maxlen=4096)  # seconds to scale + flip it to the window
        self.frames = 0
        self.first_frame_at: Optional[float] = None
        self.player: Optional[tuple[str, Optional[str]]] = None  # (nickname, avatar)
        #: Called with every new PlaySession (attach on_decision / on_finish hooks there: results store).
        self.session_hooks: list[Callable[[Any], None]] = []
        self.last_session = None
        #: The on-screen order of each decision's choices: shuffled for every play (a new seed each time)
        #: unless `choice_seed` is set (play --seed reproduces a child's screens); previews set
        #: `shuffle_choices = False` to show a story as written.
        self.choice_seed: Optional[int] = None
        self.shuffle_choices = True
        #: Teacher mode (aman_game.class_session) sets these while a class session runs.
        self.library_filter: Optional[Callable[[Any], Any]] = None  # the session's playlist and filters
        self.language_locked = False  # the session fixed the language: F2 and settings leave it alone
        self.kiosk = False  # F11 cannot leave full screen
        self.quit_guard: Optional[Callable[[], bool]] = None  # False: don't quit now (it asks for the PIN)
        self.class_session = None
        self.language_chosen = False
        self.menu_filter: Optional[str] = None
        self.controllers: list[Any] = []  # e.g. the autoplay driver: .poll(game) each loop, .next_wake()
        self.after_draw: list[Callable[["Game"], None]] = []
        #: A heavy screen (a finished story with its pre-rendered chat) left the stack. Screens and their
        #: buttons reference each other, so only the cycle collector frees them; run it once, after the
        #: next frame is on screen, instead of letting peak memory double until Python gets round to it.
        self.collect_garbage = False
        if os.environ.get("AMAN_BENCH_FIRST_FRAME"):  # `main.py bench` times start-up (aman_game/bench)
            from .bench.first_frame import install

            install(self)
        if os.environ.get("AMAN_STATE_LINES"):  # real-window tests read what happens (aman_game/state_lines.py)
            from .state_lines import install as install_state_lines

            install_state_lines(self)
        self._finger: Optional[int] = None
        self._last = time.perf_counter()
        self._progress = None
        self._library = None
        self._apply_display_settings()

    # -- services --------------------------------------------------------------------------------
    @property
    def progress(self):
        """Progress of the children on this machine and the PCs sharing its data folder, seen from the class
        that runs now (a nickname is a child of one class; free play is the class "")."""
        if self._progress is None:
            from .progress import Progress

            self._progress = Progress(self.data_dir)
        self._progress.class_name = self.current_class()
        return self._progress

    def current_class(self) -> str:
        """The class whose children play now: the teacher's session, or `play --class`; "" outside one."""
        session = getattr(self.class_session, "session", None)
        if session is not None:
            return session.name
        recorder = getattr(self, "results_recorder", None)
        return getattr(recorder, "class_name", "") or ""

    def library(self, reload: bool = False, *, whole: bool = False):
        """The scenarios children may open now (loaded on first use, after the first frame), with one error
        per broken file: a class session's playlist and filters; outside a class, every story but the
        sensitive ones (photos, threats) unless the teacher turned them on for this computer. `whole`:
        every scenario (teacher screens)."""
        if self._library is None or reload:
            from . import SCENES_DIR
            from .content import load_library

            self._library = load_library(SCENES_DIR)
        if whole:
            return self._library
        if self.library_filter:
            return self.library_filter(self._library)
        if not self.current_class() and not self.settings.sensitive_free_play:
            import dataclasses

            return dataclasses.replace(self._library, scenarios=tuple(
                s for s in self._library.scenarios if s.sensitivity != "high"))
        return self._library

    def delay(self, seconds: float) -> float:
        """A screen's timer length, shortened in fast mode and when motion is reduced."""
        if self.fast:
            return seconds * FAST_FACTOR
        return seconds

    # -- window ----------------------------------------------------------------------------------
    def open(self) -> "Game":
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        try:
            requested = os.environ.get("SDL_VIDEODRIVER", "").lower()
            if (sys.platform.startswith("linux") and not requested
                    and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
                raise NoDisplay("neither DISPLAY nor WAYLAND_DISPLAY is set")
            pygame.display.init()
            if pygame.display.get_driver() in ("offscreen", "dummy") and requested not in ("offscreen", "dummy"):
                # With no X/Wayland/Windows display SDL quietly falls back to an invisible surface; a child
                # would see nothing and the lab PC would keep a process running. Say so instead.
                pygame.display.quit()
                raise NoDisplay("SDL found no video device")
            pygame.font.init()
            if not self._size_given:
                self.window_size = window_size_for(desktop_size())
            flags = pygame.RESIZABLE
            self.window = pygame.display.set_mode(self.window_size, flags)
            centre_window()
        except pygame.error as exc:
            raise NoDisplay(str(exc)) from exc
        pygame.display.set_caption("Aman — أمان")
        self.running = True
        pygame.key.set_repeat(400, 40)
        self._on_resize()
        if self.start_fullscreen:
            self.toggle_fullscreen()
        return self

    def _on_resize(self) -> None:
        self.window = pygame.display.get_surface()
        ww, wh = self.window.get_size()
        cw, ch = CANVAS_SIZE
        if (ww, wh) == (cw, ch):
            self.canvas = self.window  # draw straight into the window: no scaling pass
            self._scale, self._offset, self._scaled = 1.0, (0, 0), None
        else:
            if self.canvas is None or self.canvas is self.window:
                self.canvas = pygame.Surface(CANVAS_SIZE).convert()
            self._scale = min(ww / cw, wh / ch)
            dw, dh = max(1, round(cw * self._scale)), max(1, round(ch * self._scale))
            self._offset = ((ww - dw) // 2, (wh - dh) // 2)
            self._scaled = pygame.Surface((dw, dh)).convert()
        for scene in self.stack.scenes():
            scene.dirty = True

    def to_canvas(self, pos) -> tuple[int, int]:
        x, y = pos
        return (round((x - self._offset[0]) / self._scale), round((y - self._offset[1]) / self._scale))

    def to_window(self, pos) -> tuple[int, int]:
        x, y = pos
        return (round(x * self._scale + self._offset[0]), round(y * self._scale + self._offset[1]))

    def toggle_fullscreen(self) -> None:
        if self.kiosk and self.fullscreen:
            return
        try:
            if self.fullscreen:
                pygame.display.set_mode(self.window_size, pygame.RESIZABLE)
                centre_window()  # with no window manager the window would stay where full screen left it
            else:
                pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            self.fullscreen = not self.fullscreen
        except pygame.error as exc:
            log.warning("fullscreen not available: %s", exc)
        self._on_resize()

    # -- settings --------------------------------------------------------------------------------
    def _apply_display_settings(self) -> None:
        settings_mod.apply(self.settings)
        _theme.configure(self.settings.text_size, self.settings.high_contrast, self.settings.reduced_motion)
        self.audio.enabled = self.settings.sound

    def update_settings(self, **changes) -> None:
        """Change settings, apply them at once (every visible string and colour follows) and save."""
        if self.language_locked:
            changes.pop("language", None)
        self.settings = self.settings.replace(**changes)
        self._apply_display_settings()
        if self.save_settings:
            settings_mod.save(self.settings, self.settings_path)
        self.stack.relayout()

    def toggle_language(self) -> None:
        langs = list(i18n.SUPPORTED)
        cur = i18n.current_language()
        nxt = langs[(langs.index(cur) + 1) % len(langs)] if cur in langs else langs[0]
        self.update_settings(language=nxt)

    # -- the loop --------------------------------------------------------------------------------
    def run(self, first: Scene) -> int:
        if self.window is None:
            self.open()
        self.stack.push(first)
        self.running = True
        while self.running and self.stack:
            self.step()
        return 0

    def quit(self, force: bool = False) -> None:
        if not force and self.quit_guard is not None and not self.quit_guard():
            return
        self.running = False

    def _timeout_ms(self) -> int:
        if self.stack.dirty or pygame.event.peek():
            return 0
        waits = [w for w in [self.stack.next_wake(), *(c.next_wake() for c in self.controllers)] if w is not None]
        if not waits:
            return IDLE_WAIT_MS
        return max(0, min(IDLE_WAIT_MS, int(min(waits) * 1000)))

    def _wait_events(self, timeout_ms: int) -> list:
        """The queued events, sleeping (not spinning) up to timeout_ms until at least one arrives."""
        events = pygame.event.get()
        if events or timeout_ms <= 0:
            return events
        deadline = time.perf_counter() + timeout_ms / 1000
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return pygame.event.get()
            time.sleep(min(IDLE_POLL_S, left))
            events = pygame.event.get()
            if events:
                return events

    def step(self) -> None:
        """One turn of the loop: sleep until something happens, handle it, update, redraw if needed."""
        events = self._wait_events(self._timeout_ms())
        for event in events:
            if event.type != pygame.NOEVENT:
                self.dispatch(event)
        now = time.perf_counter()
        dt, self._last = min(now - self._last, 0.5), now
        self.stack.update(dt)
        for controller in list(self.controllers):
            controller.poll(self)
        if self.stack.dirty and self.running:
            self.draw()
        if self.collect_garbage:
            self.collect_garbage = False
            gc.collect()

    def dispatch(self, event) -> bool:
        """Route one pygame event: window events here, pointer/touch mapped to the canvas, the rest to
        the top screen. Returns True when consumed."""
        etype = event.type
        if etype == pygame.QUIT:
            self.quit()
            return True
        if etype in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED):
            if etype != pygame.WINDOWEXPOSED:
                self._on_resize()
            self._mark_dirty()
            return True
        if etype in FINGER_TO_MOUSE:
            event = self._finger_event(event)
            if event is None:
                return False
            etype = event.type
        elif etype in POINTER_EVENTS:
            if getattr(event, "touch", False):
                return False  # SDL's mouse copy of a touch: the finger event carries it
            data = dict(event.__dict__)
            data["pos"] = self.to_canvas(event.pos)
            event = pygame.event.Event(etype, data)
        if etype == pygame.KEYDOWN and self._global_key(event):
            return True
        consumed = self.stack.handle_event(event)
        if consumed or etype in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION,
                                 pygame.TEXTINPUT, pygame.MOUSEWHEEL):
            self._mark_dirty()
        return consumed

    def _finger_event(self, event):
        """A touch as a pointer event on the canvas: the first finger down drives it, others are ignored."""
        if event.type == pygame.FINGERDOWN:
            if self._finger is not None:
                return None
            self._finger = event.finger_id
        elif event.finger_id != self._finger:
            return None
        if event.type == pygame.FINGERUP:
            self._finger = None
        ww, wh = self.window.get_size() if self.window else CANVAS_SIZE
        pos = self.to_canvas((event.x * ww, event.y * wh))
        if event.type == pygame.FINGERMOTION:
            data = {"pos": pos, "rel": (0, 0), "buttons": (1, 0, 0), "finger": True}
        else:
            data = {"pos": pos, "button": 1, "finger": True}
        return pygame.event.Event(FINGER_TO_MOUSE[event.type], data)

    def _global_key(self, event) -> bool:
        if event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if event.key == pygame.K_F2 or (event.key == pygame.K_l and event.mod & pygame.KMOD_CTRL):
            self.toggle_language()
            return True
        return False

    def _mark_dirty(self) -> None:
        top = self.stack.top
        if top is not None:
            top.dirty = True

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self) -> None:
        t0 = time.perf_counter()
        self.stack.draw(self.canvas)
        t1 = time.perf_counter()
        self.present()
        t2 = time.perf_counter()
        self.frame_times.append(t1 - t0)
        self.present_times.append(t2 - t1)
        self.frames += 1
        if self.first_frame_at is None:
            self.first_frame_at = t2
        for hook in list(self.after_draw):
            hook(self)

    def present(self) -> None:
        if self.canvas is not self.window and self.window is not None:
            self.window.fill((0, 0, 0))
            pygame.transform.smoothscale(self.canvas, self._scaled.get_size(), self._scaled)
            self.window.blit(self._scaled, self._offset)
        pygame.display.flip()

    def draw_frames(self, n: int, *, present: bool = False) -> list[float]:
        """Redraw the current screen n times (as if dirty each time) and return each frame's seconds —
        the benchmark's way to time any screen without waiting for input."""
        times = []
        for _ in range(n):
            for scene in self.stack.visible():
                scene.dirty = True
            t0 = time.perf_counter()
            self.stack.draw(self.canvas)
            if present:
                self.present()
            times.append(time.perf_counter() - t0)
        return times

    def settle(self, max_steps: int = 2000) -> None:
        """Run the loop until no screen has a pending timer (tests and previews): messages all arrived."""
        for _ in range(max_steps):
            if self.stack.next_wake() is None and not self.stack.dirty and not pygame.event.peek():
                break
            self.step()

    def screenshot(self, path: str | os.PathLike) -> Path:
        """Save the canvas (not the window: the same 1280×720 image whatever the window size)."""
        if self.stack.dirty:
            self.stack.draw(self.canvas)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.canvas, str(path))
        return path

    def post_click(self, canvas_pos) -> None:
        """Post a real left click (down + up) at a canvas point, in window pixels, to the event queue."""
        pos = self.to_window(canvas_pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))

    def post_key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))

    def close(self) -> None:
        self.stack.clear()
        self.audio.stop_narration()
        pygame.display.quit()
