"""Is a named asset what it claims to be? `validate` opens every image and sound a scenario names.

An avatar that is really a text file, or a symlink to a file outside assets/, used to pass `validate` and
fail in the game; here each file is opened the way the game will open it — images with pygame's loader,
WAV sounds with the standard library's `wave` (every frame read), Ogg files by their page and codec
headers (decoding Ogg needs an audio device, which `validate` must not need). Results are cached by path,
size and modification time: many scenarios name the same avatar.
"""
from __future__ import annotations

import os
import wave
from pathlib import Path
from typing import Optional

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")
SOUND_SUFFIXES = (".ogg", ".wav")
MAX_ASSET_BYTES = 32 * 1024 * 1024
_checked: dict[tuple, Optional[str]] = {}


def escapes(root: Path, path: Path) -> bool:
    """True when `path` (after following symlinks) is not inside `root`."""
    try:
        path.resolve().relative_to(root.resolve())
        return False
    except (ValueError, OSError, RuntimeError):
        return True


def asset_problem(path: Path, kind: str) -> Optional[str]:
    """Why the file is not a usable `kind` ("image" or "sound"), or None when it opens."""
    try:
        st = path.stat()
    except OSError as exc:
        return f"can't be read ({exc.strerror or exc})"
    key = (str(path), kind, st.st_size, st.st_mtime_ns)
    if key not in _checked:
        _checked[key] = _open(path, kind, st.st_size)
    return _checked[key]


def _open(path: Path, kind: str, size: int) -> Optional[str]:
    if size > MAX_ASSET_BYTES:
        return f"is too big ({size:,} bytes)"
    suffix = path.suffix.lower()
    if kind == "image":
        if suffix not in IMAGE_SUFFIXES:
            return f"is not an image file ({', '.join(IMAGE_SUFFIXES)})"
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        try:
            import pygame

            surface = pygame.image.load(str(path))
            if surface.get_width() < 1 or surface.get_height() < 1:
                return "is an empty image"
        except Exception as exc:  # pygame.error for a non-image; anything a broken decoder raises
            return f"is not an image the game can open ({exc})"
        return None
    if suffix not in SOUND_SUFFIXES:
        return f"is not a sound file ({' or '.join(SOUND_SUFFIXES)})"
    try:
        if suffix == ".wav":
            with wave.open(str(path), "rb") as fh:
                frames = fh.getnframes()
                if frames < 1 or len(fh.readframes(frames)) < fh.getsampwidth() * fh.getnchannels() * frames:
                    return "is a WAV file without sound (no frames, or cut short)"
            return None
        with open(path, "rb") as fh:
            head = fh.read(64)
        if not head.startswith(b"OggS") or not (b"\x01vorbis" in head or b"OpusHead" in head):
            return "is not an Ogg Vorbis or Opus sound"
        return None
    except (wave.Error, EOFError, OSError, ValueError) as exc:
        return f"is not a sound the game can play ({exc or 'the file ends too soon'})"
