"""A test hook, off by default: with AMAN_STATE_LINES=1 the game prints one JSON line to stdout,
`AMAN-STATE {...}`, after each frame whose state changed — the screen on top, the language, where the
keyboard focus is, the window and how the canvas sits in it, and the rectangle of every control.

Real-window tests (tests/test_xvfb_*.py) drive the game with xdotool and read these lines to know what
happened and where to click or look in a screenshot. Nothing is printed unless the variable is set.
"""
from __future__ import annotations

import json
import sys

PREFIX = "AMAN-STATE "


def snapshot(game) -> dict:
    top = game.stack.top
    focus = getattr(top, "focus", None)
    focused = focus.focused if focus is not None else None
    widgets = {}
    for w in getattr(focus, "widgets", []):
        if w.visible and w.name:
            widgets[w.name] = [w.rect.x, w.rect.y, w.rect.w, w.rect.h, int(bool(w.enabled))]
    name = top.screenshot_name() if hasattr(top, "screenshot_name") else getattr(top, "name", "")
    from . import i18n

    window = game.window.get_size() if game.window is not None else (0, 0)
    return {
        "screen": name, "state": getattr(top, "state", None), "lang": i18n.current_language(),
        "stack": [getattr(s, "name", type(s).__name__) for s in game.stack.scenes()],
        "focus": focused.name if focused is not None else None,
        "focus_visible": bool(focus.focus_visible) if focus is not None else False,
        "window": list(window), "scale": round(game._scale, 5), "offset": list(game._offset),
        "fullscreen": game.fullscreen, "widgets": widgets,
        "errors": len(getattr(top, "errors", None) or ()),  # author mode: problems shown after F5
    }


def install(game) -> None:
    last = [None]

    def after_draw(g) -> None:
        state = snapshot(g)
        if state != last[0]:
            last[0] = state
            sys.stdout.write(PREFIX + json.dumps(state, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    game.after_draw.append(after_draw)
