"""Shipped content is a test (DESIGN.md rule 8): every file in scenes/ validates with no error and no
warning — text fit included — and the game's library loads every scenario in it."""
from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from aman_game import SCENES_DIR  # noqa: E402
from aman_game.content import load_library, validate_paths  # noqa: E402
from aman_game.content.loader import content_files  # noqa: E402


def test_scenes_folder_has_scenarios():
    scenarios = [p for p, kind in content_files([SCENES_DIR]) if kind == "scenario"]
    assert len(scenarios) >= 1


def test_every_shipped_file_is_clean():
    problems = validate_paths([SCENES_DIR], fit=True)
    assert [str(p) for p in problems] == []


def test_library_loads_every_scenario():
    library = load_library(SCENES_DIR)
    assert [str(e) for e in library.errors] == []
    files = [p for p, kind in content_files([SCENES_DIR]) if kind == "scenario"]
    assert len(library.scenarios) == len(files)
