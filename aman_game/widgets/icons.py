"""Icons drawn procedurally (no image files to lose): safe ✓, unsafe !, block, report, trusted adult, star…

Each icon paints in a 100 x 100 unit box in one colour and is cached per (name, size, colour). Safe and
unsafe differ by SHAPE (a round badge with a tick, a rounded triangle with "!"), never by colour alone.
Icons that point somewhere (back, next) take `rtl` and mirror.
"""
from __future__ import annotations

import math

import pygame

from .draw import supersampled

NAMES = ("safe", "unsafe", "block", "report", "adult", "star", "star_empty", "back", "next", "gear",
         "help", "sound", "mute", "globe", "phone", "app", "web", "person", "lock", "photo", "gift",
         "link", "mic", "friend", "close", "pause", "play", "check", "refresh", "down", "up")


def icon_surface(name: str, size: int, color, *, rtl: bool = False, bg=None) -> pygame.Surface:
    color = tuple(color)
    bg = tuple(bg) if bg is not None else None
    mirror = rtl and name in ("back", "next")
    return supersampled(("icon", name, color, bg, mirror), (size, size),
                        lambda s, _sc: _paint(s, name, color, bg, mirror))


def draw_icon(surface: pygame.Surface, name: str, center, size: int, color, *, rtl: bool = False, bg=None) -> pygame.Rect:
    surf = icon_surface(name, size, color, rtl=rtl, bg=bg)
    rect = surf.get_rect(center=(round(center[0]), round(center[1])))
    surface.blit(surf, rect)
    return rect


def _paint(s: pygame.Surface, name: str, color, bg, mirror: bool) -> None:
    k = s.get_width() / 100.0

    def P(x, y):
        if mirror:
            x = 100 - x
        return (round(x * k), round(y * k))

    def W(v):
        return max(1, round(v * k))

    def R(x, y, w, h):
        if mirror:
            x = 100 - x - w
        return pygame.Rect(round(x * k), round(y * k), round(w * k), round(h * k))

    inner = bg if bg is not None else (0, 0, 0, 0)
    draw = pygame.draw

    if name in ("safe", "check"):
        if name == "safe":
            draw.circle(s, color, P(50, 50), W(48))
            tick = inner if bg is not None else (255, 255, 255)
        else:
            tick = color
        draw.lines(s, tick, False, [P(27, 52), P(43, 68), P(74, 34)], W(11))
        for p in (P(27, 52), P(43, 68), P(74, 34)):
            draw.circle(s, tick, p, W(5.5))
    elif name == "unsafe":
        pts = [P(50, 16), P(88, 84), P(12, 84)]  # inner triangle, grown by a round pen: rounded corners
        draw.polygon(s, color, pts)
        draw.lines(s, color, True, pts, W(16))
        for p in pts:
            draw.circle(s, color, p, W(8))
        mark = inner if bg is not None else (255, 255, 255)
        draw.rect(s, mark, R(45, 34, 10, 30), border_radius=W(5))
        draw.circle(s, mark, P(50, 75), W(6))
    elif name == "block":
        draw.circle(s, color, P(50, 50), W(44), W(11))
        draw.line(s, color, P(20, 20), P(80, 80), W(11))
    elif name == "report":
        draw.rect(s, color, R(20, 8, 9, 86), border_radius=W(4))
        draw.polygon(s, color, [P(29, 12), P(82, 12), P(68, 32), P(82, 52), P(29, 52)])
    elif name in ("adult", "person", "friend"):
        if name == "adult":  # a grown-up and a child side by side
            draw.circle(s, color, P(36, 24), W(14))
            draw.rect(s, color, R(18, 42, 36, 50), border_radius=W(14))
            draw.circle(s, color, P(72, 48), W(10))
            draw.rect(s, color, R(59, 62, 26, 30), border_radius=W(10))
        else:
            draw.circle(s, color, P(50, 28), W(18))
            draw.rect(s, color, R(22, 52, 56, 42), border_radius=W(20))
            if name == "friend":
                draw.rect(s, color, R(74, 40, 24, 8), border_radius=W(3))
                draw.rect(s, color, R(82, 32, 8, 24), border_radius=W(3))
    elif name in ("star", "star_empty"):
        pts = []
        for i in range(10):
            r = 48 if i % 2 == 0 else 21
            a = math.radians(-90 + i * 36)
            pts.append(P(50 + r * math.cos(a), 53 + r * math.sin(a)))
        draw.polygon(s, color, pts, 0 if name == "star" else W(7))
    elif name in ("back", "next"):
        d = -1 if name == "back" else 1
        tip, tail = 50 + d * 34, 50 - d * 34
        draw.line(s, color, P(tail, 50), P(tip, 50), W(11))
        draw.lines(s, color, False, [P(tip - d * 26, 24), P(tip, 50), P(tip - d * 26, 76)], W(11))
        for p in (P(tip - d * 26, 24), P(tip - d * 26, 76), P(tail, 50), P(tip, 50)):
            draw.circle(s, color, p, W(5.5))
    elif name in ("down", "up"):
        tip, tail, d = (84, 16, 1) if name == "down" else (16, 84, -1)
        draw.line(s, color, P(50, tail), P(50, tip), W(11))
        draw.lines(s, color, False, [P(24, tip - d * 26), P(50, tip), P(76, tip - d * 26)], W(11))
        for p in (P(24, tip - d * 26), P(76, tip - d * 26), P(50, tail), P(50, tip)):
            draw.circle(s, color, p, W(5.5))
    elif name == "gear":
        for i in range(8):
            a = math.radians(i * 45)
            draw.line(s, color, P(50 + 30 * math.cos(a), 50 + 30 * math.sin(a)),
                      P(50 + 44 * math.cos(a), 50 + 44 * math.sin(a)), W(14))
        draw.circle(s, color, P(50, 50), W(33))
        draw.circle(s, inner, P(50, 50), W(13))
    elif name == "help":  # a life ring
        draw.circle(s, color, P(50, 50), W(44), W(18))
        for a in (45, 135, 225, 315):
            r = math.radians(a)
            draw.line(s, inner if bg is not None else (255, 255, 255),
                      P(50 + 26 * math.cos(r), 50 + 26 * math.sin(r)), P(50 + 44 * math.cos(r), 50 + 44 * math.sin(r)), W(7))
    elif name in ("sound", "mute"):
        draw.polygon(s, color, [P(10, 36), P(30, 36), P(54, 14), P(54, 86), P(30, 64), P(10, 64)])
        if name == "sound":
            draw.arc(s, color, R(44, 30, 30, 40), math.radians(-50), math.radians(50), W(7))
            draw.arc(s, color, R(44, 14, 48, 72), math.radians(-50), math.radians(50), W(7))
        else:
            draw.line(s, color, P(64, 34), P(92, 66), W(9))
            draw.line(s, color, P(92, 34), P(64, 66), W(9))
    elif name == "globe":
        draw.circle(s, color, P(50, 50), W(44), W(7))
        draw.ellipse(s, color, R(30, 6, 40, 88), W(6))
        draw.line(s, color, P(8, 50), P(92, 50), W(6))
        draw.line(s, color, P(50, 6), P(50, 94), W(6))
    elif name == "phone":
        draw.rect(s, color, R(28, 6, 44, 88), border_radius=W(10))
        draw.rect(s, inner if bg is not None else (255, 255, 255), R(34, 16, 32, 60), border_radius=W(3))
        draw.circle(s, inner if bg is not None else (255, 255, 255), P(50, 85), W(4))
    elif name == "app":
        for x in (12, 54):
            for y in (12, 54):
                draw.rect(s, color, R(x, y, 34, 34), border_radius=W(9))
    elif name in ("web", "link"):
        draw.rect(s, color, R(8, 30, 50, 40), W(11), border_radius=W(20))
        draw.rect(s, color, R(42, 30, 50, 40), W(11), border_radius=W(20))
    elif name == "lock":
        draw.rect(s, color, R(32, 10, 36, 50), W(10), border_radius=W(18))
        draw.rect(s, color, R(18, 42, 64, 50), border_radius=W(10))
    elif name == "photo":
        draw.rect(s, color, R(6, 20, 88, 66), W(8), border_radius=W(10))
        draw.polygon(s, color, [P(14, 78), P(40, 46), P(58, 66), P(70, 54), P(86, 78)])
        draw.circle(s, color, P(70, 36), W(7))
    elif name == "gift":
        draw.rect(s, color, R(10, 36, 80, 18), border_radius=W(4))
        draw.rect(s, color, R(16, 56, 68, 36), border_radius=W(4))
        cut = inner if bg is not None else (255, 255, 255)
        draw.rect(s, cut, R(46, 36, 8, 56))
        draw.ellipse(s, color, R(24, 12, 26, 24), W(7))
        draw.ellipse(s, color, R(50, 12, 26, 24), W(7))
    elif name == "mic":
        draw.rect(s, color, R(36, 6, 28, 54), border_radius=W(14))
        draw.arc(s, color, R(22, 26, 56, 50), math.radians(180), math.radians(360), W(7))
        draw.line(s, color, P(50, 76), P(50, 92), W(7))
        draw.line(s, color, P(34, 92), P(66, 92), W(7))
    elif name == "delete":  # a bin: lid with a handle, and a body with three slats
        draw.rect(s, color, R(14, 18, 72, 12), border_radius=W(5))
        draw.rect(s, color, R(38, 8, 24, 14), W(6), border_radius=W(4))
        draw.polygon(s, color, [P(20, 34), P(80, 34), P(74, 92), P(26, 92)])
        for x in (36, 48, 60):  # slats cut through (transparent unless a background is given)
            draw.rect(s, inner, R(x + 1, 44, 6, 38), border_radius=W(3))
    elif name == "close":
        draw.line(s, color, P(22, 22), P(78, 78), W(12))
        draw.line(s, color, P(78, 22), P(22, 78), W(12))
    elif name == "pause":
        draw.rect(s, color, R(22, 16, 20, 68), border_radius=W(6))
        draw.rect(s, color, R(58, 16, 20, 68), border_radius=W(6))
    elif name == "play":
        draw.polygon(s, color, [P(26, 12), P(84, 50), P(26, 88)])
    elif name == "refresh":
        draw.arc(s, color, R(12, 12, 76, 76), math.radians(30), math.radians(320), W(10))
        draw.polygon(s, color, [P(92, 10), P(92, 44), P(60, 36)])
