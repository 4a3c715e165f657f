"""Autoplay: a player that drives the real screens through the real input path.

Each turn of the game loop the driver asks the top screen which control it would press
(`autoplay_target(policy)`), finds that widget, and posts a mouse click at its centre — in window pixels —
to pygame's event queue, exactly as a child's click arrives. It never calls a handler itself. Before the
first press on each new screen state it can save a PNG of the canvas. Used by `play --autoplay`, by the
tests (every scenario to every end, both languages) and as an attract mode.
"""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Optional

import pygame

MODES = ("safe", "unsafe", "random")


class Policy:
    """Which choice to take at each decision: the safest, the riskiest, a seeded random one (all by meaning,
    whatever the screen order), or a plan of on-screen positions. `pick` returns the logical index."""

    def __init__(self, mode: str = "safe", *, seed: Optional[int] = None, language: str = "en",
                 nickname: str = "Autoplay", plan: Optional[list[int]] = None):
        self.mode = mode if mode in MODES else "safe"
        self.rng = random.Random(seed)
        self.language = language
        self.nickname = nickname
        self.plan = list(plan) if plan is not None else None
        self._picked: dict[tuple, int] = {}

    def pick(self, session) -> int:
        key = (id(session), len(session.decisions), session.node_id)
        if key not in self._picked:
            self._picked[key] = self._choose(session)
        return self._picked[key]

    def _choose(self, session) -> int:
        choices = session.node.choices
        n = len(choices)
        if self.plan is not None and len(session.decisions) < len(self.plan):
            # a plan lists what a child presses: screen positions (0 = the first button shown)
            return session.index_at(min(max(0, int(self.plan[len(session.decisions)])), n - 1))
        if self.mode == "random":
            return self.rng.randrange(n)
        if self.mode == "unsafe":
            unsafe = [i for i, c in enumerate(choices) if not c.safe]
            if unsafe:
                return unsafe[0]
            return min(range(n), key=lambda i: choices[i].points)
        safe = [i for i, c in enumerate(choices) if c.safe]
        pool = safe or list(range(n))
        return max(pool, key=lambda i: (choices[i].points, -i))


class AutoplayDriver:
    """A game-loop controller (see Game.controllers) that clicks what the policy chooses."""

    MAX_ACTIONS = 2000  # a screen that never advances must not loop for ever

    def __init__(self, policy: Policy, *, screenshots: Optional[str] = None):
        self.policy = policy
        self.shots_dir = Path(screenshots) if screenshots else None
        self.actions = 0
        self.shots: list[Path] = []
        self._shot_keys: set = set()
        self.error: Optional[str] = None

    def next_wake(self) -> Optional[float]:
        return None

    def poll(self, game) -> None:
        if pygame.event.peek():
            return  # let posted input be handled before deciding again
        top = game.stack.top
        if top is None or not hasattr(top, "autoplay_target"):
            return
        target = top.autoplay_target(self.policy)
        if target is None:
            return
        self.actions += 1
        if self.actions > self.MAX_ACTIONS:
            self.error = f"autoplay gave up: {type(top).__name__} did not advance"
            game.quit()
            return
        self._screenshot(game, top)
        if isinstance(target, tuple):
            kind, value = target
            if kind == "type":
                for ch in value:
                    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
            elif kind == "key":
                game.post_key(value)
            return
        widget = top.widget(target) if hasattr(top, "widget") else None
        if widget is None or not widget.enabled:
            self.error = f"autoplay: no usable control {target!r} on {type(top).__name__}"
            game.quit()
            return
        game.post_click(widget.rect.center)

    def _screenshot(self, game, top) -> None:
        if self.shots_dir is None:
            return
        name = top.screenshot_name() if hasattr(top, "screenshot_name") else getattr(top, "name", "screen")
        key = (id(top), name)
        if key in self._shot_keys:
            return
        self._shot_keys.add(key)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
        path = self.shots_dir / f"{len(self.shots) + 1:03d}_{safe}.png"
        self.shots.append(game.screenshot(path))


def play_through(game, scenario, policy: Policy, *, screenshots: Optional[str] = None, max_steps: int = 20_000):
    """Autoplay one scenario inside an open Game (its loop, its event queue) until the story's screens
    close; returns (session, driver). Used by tests, the soak run and the benchmark."""
    from .screens.play import PlayScreen

    driver = AutoplayDriver(policy, screenshots=screenshots)
    game.stack.clear()
    pygame.event.clear()
    game.controllers.append(driver)
    game.running = True
    try:
        first = game.stack.push(PlayScreen(game, scenario))
        steps = 0
        while game.running and game.stack and steps < max_steps:
            game.step()
            steps += 1
        if steps >= max_steps:
            driver.error = driver.error or f"autoplay did not finish in {max_steps} loop turns"
    finally:
        game.controllers.remove(driver)
        game.stack.clear()
        pygame.event.clear()
    session = game.last_session if game.last_session is not None else first.session
    return session, driver
