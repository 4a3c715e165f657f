"""Play one child's whole class session headless: `play --class NAME --nickname N --autoplay POLICY`.

What a child of that class meets, in order, through the real screens and the real event queue (the
autoplay driver clicks; nothing calls a screen's handlers): the delayed check if they come back on a later
day, the quiz before, every story of the playlist not yet finished, the quiz after. Each step prints one
JSON line — for a story the usual autoplay summary, for a quiz {"quiz": phase, "items", "chosen",
"correct", "total", "delay_days"} — with the class and nickname, so a lab's IT person or a test can check
a class end to end without a mouse.
"""
from __future__ import annotations

import json
from typing import Callable

import pygame

MAX_LOOP_TURNS = 20_000


def _run_screen(game, screen, driver) -> None:
    """Push `screen` alone on the stack and run the game loop until it closes."""
    game.stack.clear()
    pygame.event.clear()
    game.controllers.append(driver)
    game.running = True
    try:
        game.stack.push(screen)
        turns = 0
        while game.running and game.stack and turns < MAX_LOOP_TURNS:
            game.step()
            turns += 1
        if turns >= MAX_LOOP_TURNS:
            driver.error = driver.error or f"autoplay did not finish {type(screen).__name__}"
    finally:
        game.controllers.remove(driver)
        game.stack.clear()
        pygame.event.clear()


def play_class_session(game, controller, nickname: str, policy, emit: Callable[[str], None] = print) -> list[dict]:
    """Autoplay everything due for `nickname` in `controller`'s class; returns the summaries it emitted."""
    from . import i18n
    from .autoplay import AutoplayDriver, play_through

    game.player = (nickname, game.player[1] if game.player else "fox")
    base = {"class": controller.session.name, "nickname": nickname}
    summaries: list[dict] = []

    def out(summary: dict) -> None:
        summaries.append(summary)
        emit(json.dumps(summary, ensure_ascii=False))

    finished = controller.recorder.status(nickname)[0]
    tried: set[str] = set()
    for _round in range(50):  # each round answers a quiz or finishes a story; 50 is far more than a playlist
        screen = controller.quiz_screen(nickname)
        if screen is not None:
            driver = AutoplayDriver(policy)
            _run_screen(game, screen, driver)
            if driver.error or len(screen.answers) < len(screen.questions):
                raise RuntimeError(driver.error or f"the {screen.phase} quiz was left unanswered")
            out({**base, "quiz": screen.phase, "language": i18n.current_language(),
                 "items": [a[0] for a in screen.answers], "chosen": [a[1] for a in screen.answers],
                 "correct": screen.correct, "total": len(screen.answers), "delay_days": screen.delay_days})
            continue
        todo = [s for s in game.library().scenarios if s.id not in finished and s.id not in tried]
        if not todo:
            break
        session, driver = play_through(game, todo[0], policy)
        if driver.error:
            raise RuntimeError(driver.error)
        tried.add(todo[0].id)  # even a run left unfinished is not played twice in one sitting
        out({**base, **session.summary_json(i18n.current_language())})
    return summaries
