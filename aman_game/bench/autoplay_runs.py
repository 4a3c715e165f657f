"""Many autoplays in one process, on one window: the soak, the peak-RSS run and the bench share this.

Each run is what `play SCENARIO --autoplay random` does — a PlayScreen on the real game loop, driven by
AutoplayDriver through pygame's event queue, drawn every time a screen is dirty — without paying the
interpreter start-up per run. Timers are cut to zero (`instant`): a typing indicator still goes through
the loop, the timer just expires at once, so a run costs its frames and nothing else.
"""
from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from typing import Optional, Sequence


def headless() -> None:
    """The dummy video and audio drivers, unless the caller chose others."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@dataclass
class RunResult:
    scenario: str
    language: str
    seed: int
    finished: bool
    outcome: Optional[str]
    decisions: int
    error: Optional[str] = None


@dataclass
class AutoplayRunner:
    """One Game, opened once; `play()` runs one autoplay to its end and returns what happened."""

    data_dir: Optional[str] = None
    instant: bool = True
    scenarios: Sequence = ()
    game: object = None
    runs: int = 0
    frames: int = 0
    errors: list = field(default_factory=list)

    def __post_init__(self) -> None:
        headless()
        from .. import SCENES_DIR
        from .. import settings as settings_mod
        from ..app import Game
        from ..content import load_library

        if not self.scenarios:
            library = load_library(SCENES_DIR)
            if library.errors:
                raise RuntimeError(f"shipped scenarios do not load: {library.errors[0]}")
            self.scenarios = tuple(library.scenarios)

        class _InstantGame(Game):
            def delay(self, seconds: float) -> float:  # every timer expires on the next loop turn
                return 0.0

        game_cls = _InstantGame if self.instant else Game
        self.game = game_cls(settings=settings_mod.Settings(language="en"), save_settings=False,
                             data_dir=self.data_dir, fast=True)
        self.game.open()

    def play(self, scenario, language: str, *, mode: str = "random", seed: int = 0,
             plan: Optional[list[int]] = None, nickname: Optional[str] = None) -> RunResult:
        from .. import i18n
        from ..autoplay import AutoplayDriver, Policy
        from ..screens.play import PlayScreen

        game = self.game
        if i18n.current_language() != language:
            game.update_settings(language=language)
        game.player = (nickname, "fox") if nickname else None
        driver = AutoplayDriver(Policy(mode, seed=seed, language=language, plan=plan,
                                       nickname=nickname or "Autoplay"))
        game.controllers = [c for c in game.controllers if not hasattr(c, "policy")] + [driver]
        frames0 = game.frames
        try:
            game.run(PlayScreen(game, scenario))
        finally:
            game.controllers = [c for c in game.controllers if c is not driver]
            game.stack.clear()
        session = game.last_session
        self.runs += 1
        self.frames += game.frames - frames0
        finished = bool(session is not None and session.finished)
        error = driver.error or (None if finished else f"ended at node {session and session.node_id!r}")
        result = RunResult(scenario.id, language, seed, finished,
                           session.summary.outcome if finished else None,
                           len(session.decisions) if session else 0, error)
        if error:
            self.errors.append(result)
        return result

    def play_random(self, rng: random.Random) -> RunResult:
        """One run of a random scenario, in a random language, with a random seed."""
        scenario = rng.choice(self.scenarios)
        return self.play(scenario, rng.choice(("en", "ar")), seed=rng.randrange(1 << 30))

    def play_every_end(self, languages: Sequence[str] = ("en", "ar")) -> list[RunResult]:
        """Every scenario to every one of its ends, in each language (the peak-RSS run and warm-ups)."""
        from ..play_session import end_paths

        results = []
        for language in languages:
            for scenario in self.scenarios:
                for path in end_paths(scenario):
                    results.append(self.play(scenario, language, mode="safe", plan=path))
        return results

    def play_every_choice(self, languages: Sequence[str] = ("en", "ar")) -> list[RunResult]:
        """Every choice of every reachable node taken once (then the safest way to an end), in each
        language: every message, choice and feedback text is shown — the soak's warm-up."""
        results = []
        for language in languages:
            for scenario in self.scenarios:
                for path in choice_paths(scenario):
                    results.append(self.play(scenario, language, mode="safe", plan=path))
        return results

    def close(self) -> None:
        if self.game is not None:
            self.game.close()
            self.game = None


def choice_paths(scenario) -> list[list[int]]:
    """For every reachable node and each of its choices: the shortest choice sequence that takes it."""
    from collections import deque

    reach = {scenario.start: []}
    queue = deque([scenario.start])
    while queue:
        node_id = queue.popleft()
        for i, choice in enumerate(scenario.nodes[node_id].choices):
            if choice.next in scenario.nodes and choice.next not in reach:
                reach[choice.next] = reach[node_id] + [i]
                queue.append(choice.next)
    return [path + [i] for node_id, path in reach.items() for i in range(len(scenario.nodes[node_id].choices))]
