"""Sound cues (a message arrives, a safe choice, a risky choice, a tap) and the hand-off to narration.

pygame.mixer is opened lazily on the first cue; when there is no audio device (a lab PC without speakers,
a CI container) or a file is missing, cues are silently off — never an exception, never a delay.
Narration itself lives in aman_game.narration; `narrate()` forwards the logical text to it.
"""
from __future__ import annotations

import logging

from . import ASSETS_DIR

log = logging.getLogger(__name__)

CUES = ("message", "safe", "unsafe", "tap", "finish")


class Audio:
    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self._ready: bool | None = None  # None: not tried yet
        self._sounds: dict = {}
        self.played: list[str] = []  # the cues asked for, for tests (bounded)

    def _init(self) -> bool:
        if self._ready is None:
            try:
                import pygame

                if not pygame.mixer.get_init():
                    pygame.mixer.init(frequency=22050, size=-16, channels=1, buffer=512)
                for cue in CUES:
                    path = ASSETS_DIR / "sounds" / f"{cue}.wav"
                    if path.is_file():
                        try:
                            self._sounds[cue] = pygame.mixer.Sound(str(path))
                            self._sounds[cue].set_volume(0.6)
                        except pygame.error as exc:
                            log.debug("sound %s unusable: %s", path, exc)
                self._ready = True
            except Exception as exc:  # any mixer failure means: no sound, keep playing
                log.debug("no audio device (%s); sound cues off", exc)
                self._ready = False
        return self._ready

    def play(self, cue: str) -> bool:
        if not self.enabled:
            return False
        self.played.append(cue)
        del self.played[:-50]
        if not self._init():
            return False
        sound = self._sounds.get(cue)
        if sound is None:
            return False
        try:
            sound.play()
            return True
        except Exception as exc:
            log.debug("cue %s failed: %s", cue, exc)
            return False

    def narrate(self, text: str, lang: str, voice=None) -> None:
        """Read a line aloud when narration is on (the narrator knows its own switch)."""
        try:
            from . import narration

            narration.get_narrator().say(text, lang, voice)
        except Exception as exc:  # narration must never break play
            log.debug("narration failed: %s", exc)

    def stop_narration(self) -> None:
        try:
            from . import narration

            narration.get_narrator().stop()
        except Exception:
            pass
