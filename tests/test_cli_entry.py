"""The entry point as a new user meets it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from aman_game import ROOT


def _run(args, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(env_changes)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display variables are how Linux finds a screen")
def test_no_display_is_one_clear_line_and_exit_1():
    result = _run([])
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no display" in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_every_command():
    result = _run(["--help"])
    assert result.returncode == 0
    for command in ("play", "validate", "preview", "graph", "text", "report", "class", "bench"):
        assert command in result.stdout


def test_unknown_command_is_a_usage_error():
    assert _run(["frobnicate"]).returncode == 2


@pytest.mark.skipif(shutil.which("make") is None or not (ROOT / ".venv" / "bin" / "python").exists(),
                    reason="needs make and the .venv that `make run` creates")
def test_make_report_runs_the_teachers_command_with_the_games_packages(tmp_path):
    """docs/teachers.md: after `make run` a teacher makes the class report with `make report ARGS=...` (a
    plain `python main.py report` would not find the packages inside .venv)."""
    from results_helpers import build_class_dataset

    build_class_dataset(tmp_path)
    out = tmp_path / "report-5B.html"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run(["make", "--no-print-directory", "report", f"ARGS={tmp_path} --class 5B --out {out}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.is_file() and "5B" in out.read_text(encoding="utf-8")
    assert "make report" in (ROOT / "docs" / "teachers.md").read_text(encoding="utf-8")
