"""Every shipped scenario autoplayed to every end, in both languages, through the real screens and the real
event queue (clicks posted at the controls' positions), plus the command-line contract of `play`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aman_game import ROOT, SCENES_DIR
from aman_game.autoplay import Policy, play_through
from aman_game.content import load_library, load_scenario
from aman_game.play_session import end_paths

FIXTURES = Path(__file__).parent / "snapshots"
LIBRARY = load_library(SCENES_DIR)
CASES = [(s, path) for s in LIBRARY.scenarios for path in end_paths(s)]


def test_the_library_ships_scenarios_and_every_one_has_an_end():
    assert LIBRARY.scenarios, "no scenario in scenes/"
    for scenario in LIBRARY.scenarios:
        assert end_paths(scenario), scenario.id


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("scenario,path", CASES, ids=[f"{s.id}-{'.'.join(map(str, p))}" for s, p in CASES])
def test_every_end_is_reached_through_the_screens(game, scenario, path, lang):
    game.update_settings(language=lang)
    session, driver = play_through(game, scenario, Policy(plan=path, language=lang))
    assert driver.error is None
    assert [d.choice for d in session.decisions] == path
    end = session.node.end
    assert end is not None and session.summary is not None
    assert session.summary.outcome == end.outcome
    data = session.summary_json(lang)
    assert data["path"][0] == scenario.start and data["path"][-1] == session.node_id
    assert 0 <= data["score"] <= data["max_score"]
    # the header controls were practised: every block/report/tell_adult choice went through its sheet
    assert driver.actions >= len(path) + 2


def test_policies(game):
    scenario = load_scenario(FIXTURES / "fixture_messenger.yaml")
    safe, _ = play_through(game, scenario, Policy("safe"))
    assert safe.summary.outcome == "safe" and safe.summary.score == safe.summary.max_score
    unsafe, _ = play_through(game, scenario, Policy("unsafe"))
    assert unsafe.summary.outcome == "unsafe" and unsafe.summary.score == 0
    a, _ = play_through(game, scenario, Policy("random", seed=3))
    b, _ = play_through(game, scenario, Policy("random", seed=3))
    assert a.path == b.path


def test_command_line_autoplay_prints_one_json_line(tmp_path):
    shots = tmp_path / "shots"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "AMAN_DATA_DIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "play", str(FIXTURES / "fixture_messenger.yaml"), "--lang", "ar",
         "--autoplay", "safe", "--headless", "--fast", "--screenshots", str(shots)],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) >= {"scenario", "language", "path", "choices", "score", "max_score", "outcome"}
    assert data["scenario"] == "fixture_messenger" and data["language"] == "ar" and data["outcome"] == "safe"
    names = sorted(p.name for p in shots.glob("*.png"))
    assert any("play_hello" in n for n in names) and any("feedback" in n for n in names)
    assert any("results" in n for n in names) and any("help" in n for n in names)


def test_command_line_reports_a_broken_scenario(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", str(bad), "--headless", "--autoplay", "safe"],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert proc.returncode == 1 and "bad.yaml:" in proc.stderr and "Traceback" not in proc.stderr


def test_no_display_is_one_clear_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(SDL_VIDEODRIVER="x11", AMAN_DATA_DIR=str(tmp_path), AMAN_SETTINGS=str(tmp_path / "s.json"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, timeout=60,
                          env=env)
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and "display" in proc.stderr.lower()


def test_preview_writes_every_node_and_feedback(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "preview", str(FIXTURES / "fixture_lobby.yaml"),
                           "--lang", "ar", "--out", str(tmp_path)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert proc.returncode == 0, proc.stderr
    scenario = load_scenario(FIXTURES / "fixture_lobby.yaml")
    for node_id, node in scenario.nodes.items():
        assert (tmp_path / f"node_{node_id}.png").is_file()
        for i in range(len(node.choices)):
            assert (tmp_path / f"feedback_{node_id}_{i + 1}.png").is_file()
