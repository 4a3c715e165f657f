#!/usr/bin/env python3
"""Write the procedurally drawn pictures to assets/images/ so scenario authors can name them in YAML.

assets/images/avatars/<name>.png — the animal faces (a character's `avatar: images/avatars/fox.png`)
assets/images/aman_robot.png     — the Aman robot guide (for documents, the report, the window icon)
assets/images/icons/<name>.png   — safe / unsafe / block / report / adult icons
The game draws the same shapes at run time; these files are generated from that code. Run:
    python tools/make_images.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from aman_game.widgets.avatars import AVATARS, avatar_surface  # noqa: E402
from aman_game.widgets.icons import icon_surface  # noqa: E402
from aman_game.widgets.robot import robot_surface  # noqa: E402


def main() -> None:
    pygame.init()
    out = ROOT / "assets" / "images"
    (out / "avatars").mkdir(parents=True, exist_ok=True)
    (out / "icons").mkdir(parents=True, exist_ok=True)
    for name in AVATARS:
        pygame.image.save(avatar_surface(name, 128), str(out / "avatars" / f"{name}.png"))
    pygame.image.save(robot_surface(240, "wave"), str(out / "aman_robot.png"))
    colors = {"safe": (30, 128, 84), "unsafe": (196, 104, 20), "block": (196, 64, 56), "report": (196, 64, 56),
              "adult": (40, 104, 200)}
    for name, color in colors.items():
        pygame.image.save(icon_surface(name, 96, color), str(out / "icons" / f"{name}.png"))
    print(f"wrote {len(AVATARS)} avatars, the robot and {len(colors)} icons to {out}")


if __name__ == "__main__":
    main()
