"""Read-aloud: every message, choice and feedback can be heard.

Order of preference for one line:
1. a recorded file named in the scenario (`voice: {en: sounds/..., ar: ...}`, relative to assets/),
   played through pygame.mixer when it initialises;
2. the system's voice for the language: espeak-ng (or espeak) on Linux, SAPI5 through pyttsx3 on
   Windows when pyttsx3 is importable;
3. nothing, quietly.

All speaking happens on one worker thread, so `say()` returns at once and never holds up a frame; a new
`say()` or `stop()` cancels the line being spoken. Narration is given the LOGICAL text (the order the
characters are stored and read in), never the bidi-reordered string a screen draws; only invisible
direction marks are removed before speaking. A missing engine, voice or audio device disables that
path silently (logged once at debug level).
"""
from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from . import ASSETS_DIR

log = logging.getLogger(__name__)

#: Invisible bidi controls (LRM, RLM, ALM, embeddings, isolates): not words, so not spoken.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_POLL = 0.05  # seconds between checks for "cancelled" while a line plays


def speech_text(text: str) -> str:
    """The logical text with direction marks removed and whitespace tidied (what an engine reads)."""
    return " ".join(_BIDI_CONTROLS.sub("", text or "").split())


def speech_language(lang: str) -> str:
    from .i18n import PSEUDO_LOCALES

    return PSEUDO_LOCALES.get(lang, lang)


@dataclass(frozen=True)
class Utterance:
    text: str                 # logical text
    lang: str
    voice: Path | None = None  # recorded file, already resolved


# --- engines: speak(text, lang, cancelled) blocks until done or cancelled; returns True if it spoke -----

class EspeakEngine:
    """espeak-ng (or espeak) in a subprocess; text on stdin as UTF-8 so no argument is misread."""

    name = "espeak-ng"
    RATES = {"ar": 130, "en": 150}  # words per minute: a little slower than default, for children

    def __init__(self, executable: str | None = None, output_wav: str | None = None):
        self.executable = executable or shutil.which("espeak-ng") or shutil.which("espeak")
        self.output_wav = output_wav  # tests: write a WAV instead of using the audio device
        self._voices: dict[str, bool] = {}
        self.failures = 0

    @property
    def available(self) -> bool:
        return bool(self.executable) and self.failures < 3

    def has_voice(self, lang: str) -> bool:
        if lang not in self._voices:
            try:
                out = subprocess.run([self.executable, f"--voices={lang}"], capture_output=True,
                                     text=True, timeout=10).stdout
                codes = [line.split()[1] for line in out.splitlines()[1:] if len(line.split()) > 1]
                self._voices[lang] = any(c == lang or c.startswith(lang + "-") for c in codes)
            except (OSError, subprocess.SubprocessError):
                self._voices[lang] = False
        return self._voices[lang]

    def command(self, lang: str) -> list[str]:
        cmd = [self.executable, "-v", lang, "-s", str(self.RATES.get(lang, 145)), "-b", "1"]
        if self.output_wav:
            cmd += ["-w", self.output_wav]
        return cmd + ["--stdin"]

    def speak(self, text: str, lang: str, cancelled: threading.Event) -> bool:
        if not self.available or not self.has_voice(lang):
            return False
        try:
            proc = subprocess.Popen(self.command(lang), stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            proc.stdin.write(text.encode("utf-8"))
            proc.stdin.close()
        except OSError as exc:
            self.failures += 1
            log.debug("espeak-ng failed to start: %s", exc)
            return False
        while proc.poll() is None:
            if cancelled.wait(_POLL):
                proc.terminate()
                try:
                    proc.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    proc.kill()
                return True
        if proc.returncode != 0:  # typically no audio device: give up after a few tries
            self.failures += 1
            log.debug("espeak-ng exited with %s", proc.returncode)
            return False
        self.failures = 0
        return True


class Pyttsx3Engine:
    """SAPI5 on Windows through pyttsx3; every pyttsx3 call stays on the worker thread."""

    name = "pyttsx3"

    def __init__(self):
        import pyttsx3  # noqa: F401 — raises ImportError where it is not installed

        self._engine = None
        self.available = True

    _NAMES = {"ar": "arabic", "en": "english"}

    def _voice_for(self, lang: str):
        """A SAPI voice whose languages, id or name mention the language (Windows names vary)."""
        wanted = re.compile(rf"(?i)\b{re.escape(lang)}\b|{self._NAMES.get(lang, lang)}")
        for voice in self._engine.getProperty("voices"):
            tags = " ".join(str(x) for x in (getattr(voice, "languages", None) or []))
            if wanted.search(f"{tags} {voice.id} {voice.name or ''}"):
                return voice.id
        return None

    def speak(self, text: str, lang: str, cancelled: threading.Event) -> bool:
        try:
            import pyttsx3

            if self._engine is None:
                self._engine = pyttsx3.init()
            voice = self._voice_for(lang)
            if voice is None:
                return False
            self._engine.setProperty("voice", voice)
            self._engine.say(text)
            self._engine.startLoop(False)
            try:
                while self._engine.isBusy() and not cancelled.is_set():
                    self._engine.iterate()
                    cancelled.wait(_POLL)
                self._engine.stop()
            finally:
                self._engine.endLoop()
            return True
        except Exception as exc:  # COM errors, no voices, no device
            log.debug("pyttsx3 failed: %s", exc)
            self.available = False
            return False


class RecordedPlayer:
    """Plays a recorded file through pygame.mixer; unavailable if the mixer cannot start."""

    def __init__(self):
        self.available = True

    def _ready(self) -> bool:
        if not self.available:
            return False
        try:
            import pygame

            if not pygame.mixer.get_init():
                pygame.mixer.init()
            return True
        except Exception as exc:  # no audio device, no SDL audio driver
            log.debug("mixer unavailable: %s", exc)
            self.available = False
            return False

    def play(self, path: Path, cancelled: threading.Event) -> bool:
        if not self._ready():
            return False
        try:
            import pygame

            channel = pygame.mixer.Sound(str(path)).play()
        except Exception as exc:  # unreadable or unsupported file: fall back to a voice
            log.warning("cannot play %s: %s", path, exc)
            return False
        if channel is None:
            return False
        while channel.get_busy():
            if cancelled.wait(_POLL):
                channel.stop()
                break
        return True


def system_engines() -> list:
    """The text-to-speech engines this machine has, best first (possibly none)."""
    engines = []
    if sys.platform == "win32":
        try:
            engines.append(Pyttsx3Engine())
        except Exception:
            pass
    espeak = EspeakEngine()
    if espeak.executable:
        engines.append(espeak)
    return engines


class Narrator:
    """Speaks one utterance (or a short sequence) at a time on a worker thread."""

    def __init__(self, engines: list | None = None, player: RecordedPlayer | None = None,
                 enabled: bool = False, assets_dir: Path = ASSETS_DIR):
        self._engines = engines
        self._player = player
        self.assets_dir = Path(assets_dir)
        self.enabled = enabled
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._pending: list[Utterance] | None = None
        self._cancel = threading.Event()
        self._busy = False
        self._idle = threading.Event()
        self._idle.set()
        self._closed = False
        self._thread: threading.Thread | None = None
        self.spoken: list[Utterance] = []  # what was actually started, newest last (for tests/debug)

    # -- what screens call ----------------------------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        if not on:
            self.stop()

    def say(self, text: str, lang: str | None = None, voice=None, *, interrupt: bool = True) -> bool:
        """Read one line aloud. Returns at once; False if disabled or empty.

        interrupt=True (a new screen, feedback) cancels whatever is being read; interrupt=False (the
        next chat message arriving) waits for the lines already queued."""
        return self.say_all([(text, voice)], lang, interrupt=interrupt)

    def say_all(self, items, lang: str | None = None, *, interrupt: bool = True) -> bool:
        """Read several lines in order, e.g. a prompt then its choices: items are text or (text, voice)."""
        if not self.enabled or self._closed:
            return False
        from . import i18n

        code = lang or i18n.current_language()
        queue = []
        for item in items:
            text, voice = (item if isinstance(item, tuple) else (item, None))
            spoken = speech_text(text)
            if spoken:
                queue.append(Utterance(spoken, code, self._resolve_voice(voice, code)))
        if not queue:
            return False
        with self._lock:
            # Interrupting replaces what waits; queueing adds to it (the line being read finishes).
            self._pending = queue if interrupt or self._pending is None else self._pending + queue
            if interrupt:
                self._cancel.set()
            self._idle.clear()
        self._ensure_thread()
        self._wake.set()
        return True

    def stop(self) -> None:
        with self._lock:
            self._pending = None
            self._cancel.set()
            if not self._busy:
                self._idle.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing is pending or playing (tests, clean exit); True if idle in time."""
        return self._idle.wait(timeout)

    @property
    def speaking(self) -> bool:
        return self._busy or self._pending is not None

    def shutdown(self, timeout: float = 2.0) -> None:
        self._closed = True
        self.stop()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    # -- worker --------------------------------------------------------------------------------
    def _resolve_voice(self, voice, lang: str) -> Path | None:
        if isinstance(voice, dict):
            voice = voice.get(lang) or voice.get(speech_language(lang))
        if not voice:
            return None
        path = Path(voice) if Path(voice).is_absolute() else self.assets_dir / voice
        if not path.is_file():
            log.warning("recorded voice %s not found; using the system voice", path)
            return None
        return path

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="aman-narration", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._closed:
            self._wake.wait()
            with self._lock:
                self._wake.clear()
                queue, self._pending = self._pending, None
                self._cancel.clear()
                cancelled = self._cancel
                if queue:
                    self._busy = True
            try:
                for utterance in queue or ():
                    if cancelled.is_set() or self._closed:
                        break
                    self._speak(utterance, cancelled)
            except Exception as exc:  # narration must never take the game down
                log.debug("narration error: %s", exc)
            finally:
                with self._lock:
                    self._busy = False
                    if self._pending is None:
                        self._idle.set()

    def can_speak(self, lang: str) -> bool:
        """True when some engine here can read `lang` aloud (the settings screen says so when none can:
        read-aloud switched on with no voice installed would otherwise be silent with no reason given).
        espeak is asked whether it has the language's voice; a Windows voice is taken on trust."""
        if self._engines is None:
            self._engines = system_engines()
        lang = speech_language(lang)
        for engine in self._engines:
            if not getattr(engine, "available", True):
                continue
            has_voice = getattr(engine, "has_voice", None)
            try:
                if has_voice is None or has_voice(lang):
                    return True
            except Exception:  # a broken engine cannot speak
                continue
        return False

    def _speak(self, utterance: Utterance, cancelled: threading.Event) -> None:
        self.spoken.append(utterance)
        del self.spoken[:-50]
        if utterance.voice is not None:
            if self._player is None:
                self._player = RecordedPlayer()
            if self._player.play(utterance.voice, cancelled):
                return
        if self._engines is None:
            self._engines = system_engines()
        lang = speech_language(utterance.lang)
        for engine in self._engines:
            try:
                if getattr(engine, "available", True) and engine.speak(utterance.text, lang, cancelled):
                    return
            except Exception as exc:  # a broken engine: try the next one
                log.debug("narration engine %s failed: %s", getattr(engine, "name", engine), exc)


_narrator: Narrator | None = None


def get_narrator() -> Narrator:
    """The game's one narrator (disabled until settings.apply turns it on)."""
    global _narrator
    if _narrator is None:
        _narrator = Narrator(enabled=False)
    return _narrator


def engine_names() -> list[str]:
    """For diagnostics (`bench`, the teacher screen): which voices this machine can use."""
    return [e.name for e in system_engines()]

