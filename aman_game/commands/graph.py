"""`python main.py graph SCENARIO|ID [--format dot|mermaid] [--lang en|ar]`: a scenario's branch map.

Like Twine's story map: every node, every choice as an edge. Safe choices are solid green edges marked
✓, unsafe ones dashed red marked ✗; endings are filled in the colour of their outcome (safe green,
recovered amber, unsafe red); the start node has a thick border. Paste the mermaid output into a
Markdown file (GitHub renders it) or run the dot output through Graphviz: `dot -Tsvg -o map.svg`.
"""
from __future__ import annotations

import argparse
import sys

OUTCOME_COLOURS = {"safe": "#b7e4c7", "recovered": "#ffe8a3", "unsafe": "#f4b6b6"}
SAFE_EDGE, UNSAFE_EDGE = "#2d6a4f", "#c1121f"
LABEL_CHARS = 40


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or a scenario id from scenes/")
    parser.add_argument("--format", choices=("dot", "mermaid"), default="dot", help="output format (default dot)")
    parser.add_argument("--lang", default="en", help="language of the edge labels (default en)")


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _edge_label(choice, lang: str) -> str:
    mark = "✓" if choice.safe else "✗"
    return f"{mark} {choice.action} · {choice.points} — {_short(choice.text.get(lang))}"


def _node_label(scenario, node) -> str:
    label = node.id + (" (start)" if node.id == scenario.start else "")
    return f"{label}\nend: {node.end.outcome}" if node.is_end else label


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(scenario, lang: str = "en") -> str:
    """The branch map in Graphviz DOT."""
    out = [f"digraph {_dot_quote(scenario.id)} {{",
           "  rankdir=TB;",
           '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Noto Sans"];',
           '  edge [fontname="Noto Sans", fontsize=10];']
    for node in scenario.nodes.values():
        attrs = [f"label={_dot_quote(_node_label(scenario, node))}"]
        if node.is_end:
            attrs.append(f'fillcolor="{OUTCOME_COLOURS[node.end.outcome]}"')
        if node.id == scenario.start:
            attrs.append("penwidth=3")
        out.append(f"  {_dot_quote(node.id)} [{', '.join(attrs)}];")
    for node in scenario.nodes.values():
        for choice in node.choices:
            colour, style = (SAFE_EDGE, "solid") if choice.safe else (UNSAFE_EDGE, "dashed")
            out.append(f"  {_dot_quote(node.id)} -> {_dot_quote(choice.next)} "
                       f'[label={_dot_quote(_edge_label(choice, lang))}, color="{colour}", '
                       f'fontcolor="{colour}", style={style}];')
    out.append("}")
    return "\n".join(out) + "\n"


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", "<br/>")


def _mid(node_id: str) -> str:
    """Mermaid node name: prefixed, since ids like 'end' or 'style' are Mermaid keywords."""
    return f"n_{node_id}"


def to_mermaid(scenario, lang: str = "en") -> str:
    """The branch map as a Mermaid flowchart."""
    out = ["flowchart TD"]
    for node in scenario.nodes.values():
        label = _mermaid_text(_node_label(scenario, node))
        out.append(f'  {_mid(node.id)}(["{label}"])' if node.is_end else f'  {_mid(node.id)}["{label}"]')
    links = []
    for node in scenario.nodes.values():
        for choice in node.choices:
            arrow = "-->" if choice.safe else "-.->"
            label = _mermaid_text(_edge_label(choice, lang))
            out.append(f'  {_mid(node.id)} {arrow}|"{label}"| {_mid(choice.next)}')
            links.append(SAFE_EDGE if choice.safe else UNSAFE_EDGE)
    for i, colour in enumerate(links):
        out.append(f"  linkStyle {i} stroke:{colour},color:{colour}")
    for outcome, colour in OUTCOME_COLOURS.items():
        out.append(f"  classDef {outcome} fill:{colour},stroke:#333")
        ends = [_mid(n.id) for n in scenario.nodes.values() if n.is_end and n.end.outcome == outcome]
        if ends:
            out.append(f"  class {','.join(ends)} {outcome}")
    out.append(f"  style {_mid(scenario.start)} stroke-width:4px")
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    from aman_game import SCENES_DIR
    from aman_game.content.locate import find_scenario

    from .play import load_for_command

    try:
        find_scenario(args.scenario, SCENES_DIR)
    except FileNotFoundError as exc:  # a usage error, as validate's
        print(f"aman graph: error: {exc}", file=sys.stderr)
        return 2
    scenario = load_for_command(args.scenario, "graph")  # a path or an id; a broken file prints its problems
    if scenario is None:
        return 1
    render = to_mermaid if args.format == "mermaid" else to_dot
    sys.stdout.write(render(scenario, args.lang))
    return 0
