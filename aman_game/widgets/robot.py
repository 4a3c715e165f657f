"""Aman, the robot guide: a friendly rounded robot with a shield on its chest, drawn procedurally.

Drawn in a 100 x 120 unit box, supersampled and cached per (size, mood, palette), so it costs one blit.
Moods: "happy" (title, safe feedback), "gentle" (after a risky choice: warm, never sad or cross),
"cheer" (results), "think" (help, prompts), "wave" (greeting).
"""
from __future__ import annotations

import math

import pygame

from .. import theme as _theme
from .draw import supersampled

UNIT_W, UNIT_H = 100.0, 120.0
MOODS = ("happy", "gentle", "cheer", "think", "wave")


def robot_surface(height: int, mood: str = "happy", *, flip: bool = False) -> pygame.Surface:
    """The robot `height` px tall; `flip` mirrors its pose (arms) for right-to-left screens while the
    shield's check mark keeps its shape (a mirrored check reads as a mistake)."""
    pal = _theme.current().palette
    width = round(height * UNIT_W / UNIT_H)
    mood = mood if mood in MOODS else "happy"
    return supersampled(("robot", mood, pal, flip), (width, height), lambda s, _sc: _paint(s, mood, pal, flip))


def draw_robot(surface: pygame.Surface, rect, mood: str = "happy", *, flip: bool = False) -> pygame.Rect:
    """Draw the robot fitted into rect (centred horizontally, standing on its bottom edge)."""
    rect = pygame.Rect(rect)
    height = min(rect.height, round(rect.width * UNIT_H / UNIT_W))
    surf = robot_surface(height, mood, flip=flip)
    dest = surf.get_rect(midbottom=rect.midbottom)
    surface.blit(surf, dest)
    return dest


def _paint(s: pygame.Surface, mood: str, pal, mirror: bool = False) -> None:
    k = s.get_width() / UNIT_W

    def R(x, y, w, h):
        return pygame.Rect(round(x * k), round(y * k), round(w * k), round(h * k))

    def P(x, y):
        return (round(x * k), round(y * k))

    def W(v):
        return max(1, round(v * k))

    body, trim, shield, face, eye = pal.robot_body, pal.robot_trim, pal.robot_shield, pal.robot_face, pal.robot_eye

    # antenna
    pygame.draw.line(s, trim, P(50, 16), P(50, 6), W(3))
    pygame.draw.circle(s, trim, P(50, 6), W(5))
    pygame.draw.circle(s, eye, P(50, 6), W(2.4))

    # arms (behind the body): raised for cheer, one waving for wave, resting otherwise
    def arm(x0, y0, x1, y1):
        if mirror:
            x0, x1 = UNIT_W - x0, UNIT_W - x1
        pygame.draw.line(s, trim, P(x0, y0), P(x1, y1), W(9))
        pygame.draw.circle(s, trim, P(x1, y1), W(6.5))
        pygame.draw.circle(s, body, P(x1, y1), W(4))

    if mood == "cheer":
        arm(26, 74, 10, 52)
        arm(74, 74, 90, 52)
    elif mood == "wave":
        arm(26, 74, 14, 96)
        arm(74, 74, 92, 54)
    elif mood == "think":
        arm(26, 74, 14, 96)
    else:
        arm(26, 74, 13, 96)
        arm(74, 74, 87, 96)

    # feet
    for x in (31, 55):
        pygame.draw.rect(s, trim, R(x, 104, 14, 10), border_radius=W(4))

    # body with the shield emblem
    pygame.draw.rect(s, body, R(24, 64, 52, 44), border_radius=W(14))
    pygame.draw.rect(s, trim, R(24, 64, 52, 44), W(3), border_radius=W(14))
    shield_pts = [(50, 70), (64, 75), (63, 88), (50, 101), (37, 88), (36, 75)]
    pygame.draw.polygon(s, shield, [P(*p) for p in shield_pts])
    pygame.draw.polygon(s, trim, [P(*p) for p in shield_pts], W(1.5))
    pygame.draw.lines(s, body, False, [P(43.5, 85), P(48.5, 90.5), P(57, 79.5)], W(3.4))

    # ears and head
    for x in (11, 81):
        pygame.draw.rect(s, trim, R(x, 30, 8, 18), border_radius=W(4))
    pygame.draw.rect(s, body, R(16, 15, 68, 50), border_radius=W(20))
    pygame.draw.rect(s, trim, R(16, 15, 68, 50), W(3), border_radius=W(20))

    # face screen
    pygame.draw.rect(s, face, R(23, 22, 54, 36), border_radius=W(14))
    if mood == "think":
        pygame.draw.circle(s, eye, P(39, 37), W(4.5))
        pygame.draw.circle(s, eye, P(61, 37), W(4.5))
        pygame.draw.line(s, eye, P(44, 49), P(56, 48), W(2.6))
    else:
        # happy closed-arc eyes
        for cx in (39, 61):
            pygame.draw.arc(s, eye, R(cx - 6, 32, 12, 11), math.radians(15), math.radians(165), W(2.8))
        if mood == "gentle":
            pygame.draw.arc(s, eye, R(42, 41, 16, 9), math.radians(200), math.radians(340), W(2.6))
        else:
            pygame.draw.arc(s, eye, R(39, 38, 22, 13), math.radians(195), math.radians(345), W(3))
    # cheeks
    for cx in (30, 70):
        pygame.draw.circle(s, pal.robot_cheek, P(cx, 47), W(3.2))
    if mood == "think":  # a hand raised to the chin, in front of the body
        arm(72, 80, 70, 64)
