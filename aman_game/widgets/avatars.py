"""Avatars: the player's choice of animal faces, and a character's picture with a drawn fallback.

The faces are painted procedurally (tools/make_images.py writes the same ones to assets/images/avatars/
so scenario authors can name them as `images/avatars/<name>.png`). A character whose image is missing or
unreadable gets a coloured circle with an initial-free silhouette: never a crash, never a broken image.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pygame

from .. import ASSETS_DIR
from .draw import _cached, supersampled

log = logging.getLogger(__name__)

#: name -> (background, face, detail) colours
AVATARS: dict[str, tuple] = {
    "fox": ((255, 224, 196), (236, 128, 52), (255, 255, 255)),
    "cat": ((220, 232, 255), (150, 150, 170), (255, 255, 255)),
    "owl": ((228, 244, 222), (140, 104, 72), (250, 228, 180)),
    "bear": ((242, 230, 214), (160, 110, 70), (220, 180, 140)),
    "rabbit": ((250, 226, 240), (236, 236, 242), (255, 190, 210)),
    "panda": ((224, 244, 236), (255, 255, 255), (40, 40, 48)),
    "lion": ((255, 240, 200), (232, 172, 60), (196, 112, 30)),
    "frog": ((222, 246, 250), (110, 196, 96), (255, 255, 255)),
}
#: Colours for the drawn placeholder of a character without a picture, picked by a stable hash of the key.
_PLACEHOLDER = [(96, 140, 220), (230, 120, 90), (110, 170, 120), (170, 120, 200), (220, 160, 60), (90, 170, 180)]


def avatar_surface(name: str, size: int) -> pygame.Surface:
    """The named animal face; anything else — an unknown name, or a number or list from a tampered progress
    file — gets the placeholder, never an exception."""
    if not isinstance(name, str):
        name = ""
    if name not in AVATARS:
        return placeholder_surface(name, size)
    return supersampled(("avatar", name), (size, size), lambda s, _sc: paint_avatar(s, name))


def placeholder_surface(key: str, size: int) -> pygame.Surface:
    color = _PLACEHOLDER[sum(map(ord, key if isinstance(key, str) and key else "?")) % len(_PLACEHOLDER)]

    def paint(s, _sc):
        k = s.get_width() / 100
        pygame.draw.circle(s, color, (round(50 * k), round(50 * k)), round(50 * k))
        pygame.draw.circle(s, (255, 255, 255), (round(50 * k), round(40 * k)), round(17 * k))
        pygame.draw.ellipse(s, (255, 255, 255), pygame.Rect(round(20 * k), round(62 * k), round(60 * k), round(50 * k)))
        # keep the circle shape: cut what spills past the rim
        mask = pygame.Surface(s.get_size(), pygame.SRCALPHA)
        pygame.draw.circle(mask, (255, 255, 255, 255), (round(50 * k), round(50 * k)), round(50 * k))
        s.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)

    return supersampled(("placeholder", color), (size, size), paint)


ROBOT = "@robot"  # the avatar of a scenario's guide character: Aman itself


def robot_avatar(size: int) -> pygame.Surface:
    """Aman's face in a circle, for the guide's chat bubbles."""
    from .. import theme as _theme
    from .robot import robot_surface

    pal = _theme.current().palette

    def make():
        out = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.circle(out, pal.primary_soft, (size // 2, size // 2), size // 2)
        bot = robot_surface(round(size * 1.25), "happy")
        out.blit(bot, bot.get_rect(midtop=(size // 2, round(size * 0.06))))
        mask = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.circle(mask, (255, 255, 255, 255), (size // 2, size // 2), size // 2)
        out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        return out

    return _cached(("robot-avatar", size, pal), make)


def image_avatar(rel_path: str | None, key: str, size: int) -> pygame.Surface:
    """A character's picture from assets/ (relative path), cropped to a circle; the placeholder if missing."""
    if rel_path == ROBOT:
        return robot_avatar(size)
    if rel_path:
        stem = Path(rel_path).stem
        if stem in AVATARS and not (ASSETS_DIR / rel_path).is_file():
            return avatar_surface(stem, size)
        if rel_path not in _UNUSABLE:
            surf = _cached(("img-avatar", rel_path, size), lambda: _load_round(rel_path, size))
            if surf is not None:
                return surf
            _UNUSABLE.add(rel_path)  # tried once: not every frame
    return placeholder_surface(key, size)


#: Pictures that failed to load (not an image, a symlink out of assets/, unreadable): the placeholder is
#: drawn for them without trying again.
_UNUSABLE: set[str] = set()


def _load_round(rel_path: str, size: int):
    """The picture cropped to a circle, or None (logged) when it is not an image inside assets/."""
    path = (ASSETS_DIR / rel_path).resolve()
    try:
        path.relative_to(ASSETS_DIR.resolve())  # a symlink pointing out of assets/ is refused
        img = pygame.image.load(str(path))
    except Exception as exc:  # pygame.error, OSError, ValueError — and whatever a broken decoder raises
        log.warning("avatar %s unusable (%s); drawing a placeholder", rel_path, exc)
        return None
    img = pygame.transform.smoothscale(img.convert_alpha() if pygame.display.get_init() and pygame.display.get_surface()
                                       else img, (size, size))
    out = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.circle(out, (255, 255, 255, 255), (size // 2, size // 2), size // 2)
    out.blit(img, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return out


def paint_avatar(s: pygame.Surface, name: str) -> None:
    """Paint a named animal face filling the surface (a 100 x 100 unit box)."""
    bg, face, detail = AVATARS[name]
    k = s.get_width() / 100.0
    dark = (40, 40, 52)

    def P(x, y):
        return (round(x * k), round(y * k))

    def W(v):
        return max(1, round(v * k))

    def E(x, y, w, h, c, width=0):
        pygame.draw.ellipse(s, c, pygame.Rect(round(x * k), round(y * k), round(w * k), round(h * k)), W(width) if width else 0)

    pygame.draw.circle(s, bg, P(50, 50), W(50))
    if name == "fox":
        pygame.draw.polygon(s, face, [P(20, 18), P(42, 34), P(24, 50)])
        pygame.draw.polygon(s, face, [P(80, 18), P(58, 34), P(76, 50)])
        pygame.draw.polygon(s, face, [P(18, 40), P(82, 40), P(50, 86)])
        E(26, 30, 48, 36, face)
        pygame.draw.polygon(s, detail, [P(30, 58), P(70, 58), P(50, 86)])
    elif name == "cat":
        pygame.draw.polygon(s, face, [P(22, 16), P(44, 32), P(22, 46)])
        pygame.draw.polygon(s, face, [P(78, 16), P(56, 32), P(78, 46)])
        E(18, 26, 64, 58, face)
        E(36, 58, 28, 20, detail)
    elif name == "owl":
        E(20, 18, 60, 70, face)
        E(26, 30, 24, 24, detail)
        E(50, 30, 24, 24, detail)
        pygame.draw.polygon(s, (240, 170, 40), [P(45, 54), P(55, 54), P(50, 64)])
    elif name in ("bear", "panda", "lion"):
        if name == "lion":
            pygame.draw.circle(s, detail, P(50, 52), W(38))
        ear = face if name != "panda" else detail
        pygame.draw.circle(s, ear, P(27, 28), W(12))
        pygame.draw.circle(s, ear, P(73, 28), W(12))
        pygame.draw.circle(s, face, P(50, 54), W(30))
        if name == "panda":
            E(31, 40, 16, 18, detail)
            E(53, 40, 16, 18, detail)
        else:
            E(38, 58, 24, 18, (250, 236, 214) if name == "bear" else (255, 226, 150))
    elif name == "rabbit":
        E(28, 6, 16, 44, face)
        E(56, 6, 16, 44, face)
        E(32, 12, 8, 32, detail)
        E(60, 12, 8, 32, detail)
        pygame.draw.circle(s, face, P(50, 60), W(28))
    elif name == "frog":
        pygame.draw.circle(s, face, P(32, 34), W(14))
        pygame.draw.circle(s, face, P(68, 34), W(14))
        E(16, 36, 68, 48, face)
        pygame.draw.circle(s, detail, P(32, 32), W(9))
        pygame.draw.circle(s, detail, P(68, 32), W(9))
    # eyes and smile shared by all
    eye_y = 48 if name not in ("owl", "frog") else (42 if name == "owl" else 32)
    for x in (39, 61) if name not in ("frog",) else (32, 68):
        pygame.draw.circle(s, dark, P(x, eye_y), W(4.5 if name != "owl" else 6))
        pygame.draw.circle(s, (255, 255, 255), P(x + 1.5, eye_y - 1.5), W(1.4))
    if name not in ("owl",):
        nose_y = 62 if name != "frog" else 56
        pygame.draw.circle(s, dark, P(50, nose_y), W(3.5))
        pygame.draw.arc(s, dark, pygame.Rect(round(42 * k), round((nose_y - 2) * k), round(16 * k), round(10 * k)),
                        3.5, 5.9, W(2.2))
