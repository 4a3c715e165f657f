"""Where a screen sends the child next, by name: the seam that keeps screen imports one way.

The play screen opens the feedback and results screens (it imports them); the results screen's "Play
again" must open a play screen, and importing screens.play from screens.results would close a circle
(play -> results -> play). Instead results asks for the screen named "play" here, and this table names
the module that provides it; nothing in the table is imported until a route is taken.
"""
from __future__ import annotations

import importlib

#: route name -> (module, class)
ROUTES = {
    "play": ("aman_game.screens.play", "PlayScreen"),
}


def screen_class(route: str):
    """The screen class behind `route` (imported on first use)."""
    module, name = ROUTES[route]
    return getattr(importlib.import_module(module), name)
