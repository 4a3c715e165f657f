"""docs/authoring.md stays true: its example validates cleanly and its table lists every check code."""
from __future__ import annotations

import os
import re

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

from aman_game import ROOT  # noqa: E402
from aman_game.content import load_quiz, load_region, validate_paths  # noqa: E402

DOC = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC, re.S)


def test_complete_example_is_valid_and_fits(tmp_path):
    example = next(b for b in BLOCKS if b.lstrip().startswith("# yaml-language-server") and "nodes:" in b)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    assert [str(p) for p in validate_paths([path], fit=True)] == []


def test_region_and_quiz_examples_load(tmp_path):
    (tmp_path / "regions").mkdir()
    (tmp_path / "quiz").mkdir()
    region = next(b for b in BLOCKS if b.startswith("# yaml-language-server: $schema=../region"))
    quiz = next(b for b in BLOCKS if b.startswith("# yaml-language-server: $schema=../quiz"))
    (tmp_path / "regions" / "qa.yaml").write_text(region, encoding="utf-8")
    (tmp_path / "quiz" / "quiz.yaml").write_text(quiz, encoding="utf-8")
    assert load_region(tmp_path / "regions" / "qa.yaml").code == "qa"
    quiz = load_quiz(tmp_path / "quiz" / "quiz.yaml")
    assert quiz.questions[0].correct == 1 and quiz.age_band == "10-13"
    assert [q.form for q in quiz.questions] == ["a", "b"]


def test_every_code_is_documented():
    sources = [*(ROOT / "aman_game" / "content").glob("*.py"), ROOT / "aman_game" / "commands" / "validate.py",
               *(ROOT / "scenes").glob("*.schema.json")]
    used = set()
    for src in sources:
        used |= set(re.findall(r'"([EW]\d{3})"', src.read_text(encoding="utf-8")))
    documented = set(re.findall(r"^\| ([EW]\d{3}) \|", DOC, re.M))
    assert used and used == documented
