"""Issue 16 item 9 and the code's shape: previews show the real step, F5 keeps the chat (and says so when
the step it was on is gone), importing the content package loads neither the theme nor pygame, and the
package has no import circles."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from aman_game import ROOT, i18n
from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.content import load_scenario
from aman_game.play_session import node_paths
from aman_game.screens.play import RELOAD_NODE_GONE, PlayScreen

FIXTURE = Path(__file__).parent / "snapshots" / "fixture_messenger.yaml"


@pytest.fixture
def game(tmp_path):
    g = Game(settings=settings_mod.Settings(language="en"), save_settings=False, data_dir=tmp_path, fast=True)
    g.open()
    pygame.event.clear()
    yield g
    g.close()
    i18n.set_language("en")


def settle(game, turns=400):
    for _ in range(turns):
        top = game.stack.top
        if not pygame.event.peek() and (top is None or top.next_wake() is None) and not game.stack.dirty:
            return
        game.step()


def key(game, k):
    game.post_key(k)
    settle(game)


def _first_choice_screen(game, path):
    play = game.stack.push(PlayScreen(game, load_scenario(path)))
    settle(game)
    assert play.state == "choosing"
    return play


def _advance_one_step(game, play):
    node = play.session.node
    index = next(i for i, c in enumerate(node.choices) if c.action not in ("block", "report", "tell_adult")
                 and not play.scenario.nodes[c.next].is_end)
    play.commit(index)
    settle(game)
    if game.stack.top is not play:  # the feedback overlay: continue
        key(game, pygame.K_RETURN)
    assert play.state == "choosing" and len(play.session.decisions) == 1
    return index


def test_f5_keeps_the_chat_and_shows_the_step_again(game, tmp_path):
    path = tmp_path / "story.yaml"
    shutil.copy(FIXTURE, path)
    play = _first_choice_screen(game, path)
    _advance_one_step(game, play)
    before = list(play.chat.entries)
    step_start = play.node_chat_start
    assert step_start > 0  # earlier steps are in the chat
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    key(game, pygame.K_F5)
    settle(game)
    assert play.chat.entries[:step_start] == before[:step_start]  # the chat so far is kept
    assert len(play.chat.entries) == len(before)  # this step's messages shown once, not twice
    assert len(play.session.decisions) == 1 and play.state == "choosing"


def test_f5_says_so_when_the_step_is_gone(game, tmp_path):
    path = tmp_path / "story.yaml"
    shutil.copy(FIXTURE, path)
    play = _first_choice_screen(game, path)
    _advance_one_step(game, play)
    gone = play.session.node_id
    before = list(play.chat.entries)
    text = path.read_text(encoding="utf-8").replace(f"next: {gone}", "next: renamed_step")
    text = text.replace(f"\n  {gone}:\n", "\n  renamed_step:\n")
    path.write_text(text, encoding="utf-8")
    key(game, pygame.K_F5)
    assert not play.errors
    assert play.chat.entries[:len(before)] == before  # nothing scrolled away
    notice = play.chat.entries[len(before)]
    assert notice[:2] == ("notice", RELOAD_NODE_GONE) and notice[3] == {"node": gone}
    item = play.chat.items[len(before)]
    assert f"'{gone}'" in item.text and "starts again" in item.text
    assert play.session.node_id == play.scenario.start and play.session.decisions == []
    i18n.set_language("ar")
    play.relayout()
    assert f"«{gone}»" in play.chat.items[len(before)].text  # in Arabic too


def test_preview_shows_the_real_step(game, tmp_path):
    scenario = load_scenario(FIXTURE)
    paths = node_paths(scenario)
    deepest = max((n for n in scenario.nodes if not scenario.nodes[n].is_end), key=lambda n: len(paths.get(n, [])))
    assert len(paths[deepest]) >= 1
    play = game.stack.push(PlayScreen(game, scenario))
    play.go_to(deepest, paths[deepest])
    assert len(play.session.decisions) == len(paths[deepest]) and play.session.node_id == deepest
    assert len(play.chat.entries) == len(scenario.nodes[deepest].messages)  # its own messages only


def test_preview_command_numbers_steps(tmp_path, monkeypatch):
    from aman_game.commands import preview

    shown = []
    real = PlayScreen.go_to

    def spy(self, node_id, via=None):
        real(self, node_id, via)
        shown.append((node_id, len(self.session.decisions)))

    monkeypatch.setattr(PlayScreen, "go_to", spy)
    game = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False, fast=True)
    game.open()
    try:
        preview.render_all(game, load_scenario(FIXTURE), tmp_path)
    finally:
        game.close()
    steps = dict(shown)
    paths = node_paths(load_scenario(FIXTURE))
    assert steps == {n: len(paths[n]) for n in steps if n in paths} and max(steps.values()) >= 1


# --- the code's shape ----------------------------------------------------------------------------------

def test_importing_the_content_package_loads_neither_the_theme_nor_pygame():
    code = ("import sys, aman_game.content, aman_game.content.fit, aman_game.content.locate, "
            "aman_game.translation_lock\n"
            "bad = sorted(m for m in sys.modules if m == 'aman_game.theme' or m.split('.')[0] == 'pygame')\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def _import_graph() -> dict[str, set[str]]:
    """module -> modules of aman_game it imports anywhere in its code (function-level imports too)."""
    package = ROOT / "aman_game"
    modules = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    base = ".".join(up + ([node.module] if node.module else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target in modules and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def _cycle_from(graph, start):
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in graph[node]:
            if nxt == start:
                return path + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None


@pytest.mark.parametrize("module", ["aman_game.screens.play", "aman_game.screens.feedback",
                                    "aman_game.screens.results", "aman_game.i18n_check",
                                    "aman_game.translation_lock", "aman_game.content.fit"])
def test_no_import_circle_through(module):
    assert _cycle_from(_import_graph(), module) is None


def test_content_reads_text_boxes_not_the_theme():
    graph = _import_graph()
    assert "aman_game.theme" not in graph["aman_game.content.fit"]
    assert "aman_game.text_boxes" in graph["aman_game.content.fit"] and "aman_game.text_boxes" in graph["aman_game.theme"]
