"""Bundled fonts, per-script fallback and glyph coverage.

The Arabic face has no Latin letters and the Latin face no Arabic, so every run picks its font by the
characters it holds. Coverage comes from pygame.freetype (get_metrics gives None for a missing glyph);
pygame.font itself would silently draw the .notdef box.
"""
from __future__ import annotations

import logging
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame.freetype

from .. import ASSETS_DIR

log = logging.getLogger(__name__)

FONTS_DIR = ASSETS_DIR / "fonts"

ARABIC = "arabic"
LATIN = "latin"

#: role -> (regular file, bold file). The first role is the fallback for neutral characters.
FACE_FILES = {
    LATIN: ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ARABIC: ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
}

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_SCRIPT_RANGES = (((0x0370, 0x03FF), "Grek"), ((0x0400, 0x052F), "Cyrl"))


def is_arabic(ch: str) -> bool:
    cp = ord(ch)
    return cp >= 0x0600 and any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES)


def needs_glyph(ch: str) -> bool:
    """False for characters that are never drawn: controls, format characters, line separators."""
    return unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp", "Cs")


def script_tag(text: str, role: str) -> str:
    """ISO 15924 tag HarfBuzz shapes a run with."""
    if role == ARABIC:
        return "Arab"
    for ch in text:
        cp = ord(ch)
        for (lo, hi), tag in _SCRIPT_RANGES:
            if lo <= cp <= hi:
                return tag
    return "Latn"


@dataclass(frozen=True)
class Face:
    role: str
    bold: bool
    path: Path

    @property
    def file_name(self) -> str:
        return self.path.name


class FontSet:
    """The faces the engine may use, their pygame fonts by size, and which characters each can draw."""

    def __init__(self, fonts_dir: Path = FONTS_DIR):
        if not pygame.font.get_init():
            pygame.font.init()
        if not pygame.freetype.get_init():
            pygame.freetype.init()
        self.faces: dict[tuple[str, bool], Face] = {}
        for role, files in FACE_FILES.items():
            for bold, name in zip((False, True), files):
                path = Path(fonts_dir) / name
                if not path.is_file() or not os.access(path, os.R_OK):
                    # Bold falls back to regular; a missing face falls back to pygame's default font.
                    log.warning("font %s is missing or unreadable; falling back", path)
                    continue
                self.faces[(role, bold)] = Face(role, bold, path)
        self._fonts: dict[tuple[str, bool, int], pygame.font.Font] = {}
        self._coverage_fonts: dict[tuple[str, bool], pygame.freetype.Font | None] = {}
        self._coverage: dict[tuple[str, bool, str], bool] = {}
        self._roles: dict[tuple[str, str | None, bool], str | None] = {}  # bounded by characters seen

    def face(self, role: str, bold: bool) -> Face | None:
        return self.faces.get((role, bold)) or self.faces.get((role, False))

    def font(self, role: str, bold: bool, size: int) -> pygame.font.Font:
        key = (role, bold, size)
        font = self._fonts.get(key)
        if font is None:
            face = self.face(role, bold)
            try:
                font = pygame.font.Font(face.path if face else None, size)
                font.size("a")  # pygame-ce "opens" a damaged file, then crashes in set_script: fail here
            except (OSError, pygame.error, ValueError) as exc:  # ValueError: an empty file
                log.warning("cannot open font %s (%s); using the default font", face and face.path, exc)
                font = pygame.font.Font(None, size)
            self._fonts[key] = font
        return font

    def file_name(self, role: str, bold: bool) -> str:
        face = self.face(role, bold)
        return face.file_name if face else "default"

    def covers(self, role: str, bold: bool, ch: str) -> bool:
        return _covers(self, role, bold, ch)

    def _coverage_font(self, role: str, bold: bool):
        key = (role, bold)
        if key not in self._coverage_fonts:
            face = self.face(role, bold)
            try:
                self._coverage_fonts[key] = pygame.freetype.Font(face.path, 16) if face else None
            except (OSError, pygame.error, ValueError):
                self._coverage_fonts[key] = None
        return self._coverage_fonts[key]

    def role_for(self, ch: str, previous_role: str | None, bold: bool) -> str | None:
        """The face a character is drawn with, or None when no bundled face has it (memoised)."""
        key = (ch, previous_role, bold)
        try:
            return self._roles[key]
        except KeyError:
            role = self._roles[key] = self._choose_role(ch, previous_role, bold)
            return role

    def _choose_role(self, ch: str, previous_role: str | None, bold: bool) -> str | None:
        if not needs_glyph(ch):
            return previous_role or LATIN
        if unicodedata.category(ch) in ("Mn", "Me") and previous_role:
            # A mark (harakat) stays with its base so HarfBuzz can position it.
            return previous_role
        if is_arabic(ch):
            preferred = [ARABIC, LATIN]
        elif previous_role and unicodedata.category(ch)[0] in "PSZN":
            # Neutrals keep the font of what they follow, so a run is not cut at every space or comma.
            preferred = [previous_role, LATIN, ARABIC]
        else:
            preferred = [LATIN, ARABIC]
        for role in preferred:
            if self.covers(role, bold, ch):
                return role
        return None


def _covers(fontset: FontSet, role: str, bold: bool, ch: str) -> bool:
    key = (role, bold, ch)
    hit = fontset._coverage.get(key)
    if hit is None:
        font = fontset._coverage_font(role, bold)
        if font is None:
            hit = role == LATIN and ord(ch) < 0x250  # pygame's default font covers basic Latin only
        else:
            try:
                hit = font.get_metrics(ch)[0] is not None
            except (pygame.error, UnicodeError, ValueError):
                hit = False
        fontset._coverage[key] = hit  # bounded: at most (faces x distinct characters seen)
    return hit
