"""`main.py graph`: every node and choice appears; safe/unsafe edges and outcome colours are marked."""
from __future__ import annotations

import re
from pathlib import Path

from aman_game.cli import main
from aman_game.commands.graph import OUTCOME_COLOURS, SAFE_EDGE, UNSAFE_EDGE, to_dot, to_mermaid
from aman_game.content import load_scenario

HERE = Path(__file__).parent / "content"
SCENARIO = load_scenario(HERE / "valid" / "gift_gems.yaml")


def test_dot_edges_and_colours():
    dot = to_dot(SCENARIO)
    assert dot.startswith('digraph "test_gift_gems" {') and dot.rstrip().endswith("}")
    edges = re.findall(r'^  "(\w+)" -> "(\w+)" \[(.*)\];$', dot, re.M)
    assert [(a, b) for a, b, _ in edges] == [("offer", "told_mum"), ("offer", "lost_account")]
    safe_attrs, unsafe_attrs = edges[0][2], edges[1][2]
    assert f'color="{SAFE_EDGE}"' in safe_attrs and "style=solid" in safe_attrs and "✓ tell_adult · 10" in safe_attrs
    assert f'color="{UNSAFE_EDGE}"' in unsafe_attrs and "style=dashed" in unsafe_attrs and "✗ send · 0" in unsafe_attrs
    assert re.search(rf'"told_mum" \[label="told_mum\\nend: safe", fillcolor="{OUTCOME_COLOURS["safe"]}"\]', dot)
    assert f'fillcolor="{OUTCOME_COLOURS["unsafe"]}"' in dot
    assert '"offer" [label="offer (start)", penwidth=3];' in dot


def test_mermaid_edges_and_classes():
    mm = to_mermaid(SCENARIO)
    lines = mm.splitlines()
    assert lines[0] == "flowchart TD"
    assert '  n_offer -->|"✓ tell_adult · 10 — Tell Mum."| n_told_mum' in lines
    assert '  n_offer -.->|"✗ send · 0 — Send my password."| n_lost_account' in lines
    assert f"  linkStyle 1 stroke:{UNSAFE_EDGE},color:{UNSAFE_EDGE}" in lines
    assert "  class n_told_mum safe" in lines and "  class n_lost_account unsafe" in lines
    assert '  n_told_mum(["told_mum<br/>end: safe"])' in lines


def test_labels_in_arabic_and_quotes_escaped():
    assert "أُخْبِرُ مَامَا." in to_dot(SCENARIO, "ar")
    assert '\\"' not in to_mermaid(SCENARIO) and "#quot;" not in to_mermaid(SCENARIO)


def test_cli(capsys):
    assert main(["graph", str(HERE / "valid" / "gift_gems.yaml"), "--format", "mermaid"]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD\n")
    assert main(["graph", str(HERE / "bad" / "next_missing.yaml")]) == 1
    assert "E201" in capsys.readouterr().err
    assert main(["graph", str(HERE / "nope.yaml")]) == 2
