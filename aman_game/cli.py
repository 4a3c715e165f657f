"""Command line: `python main.py [COMMAND] ...`.

Each sub-command lives in its own module under aman_game.commands and exposes
`configure(parser)` and `run(args) -> int`. Those modules import only the standard library at
module level, so building the parser stays cheap and the game's first frame is not delayed.
"""
from __future__ import annotations

import argparse
import importlib
import sys

#: name -> (module, one-line help). Order is the order `--help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("aman_game.commands.play", "play the game (the default when no command is given)"),
    "validate": ("aman_game.commands.validate", "check scenario files and translations"),
    "preview": ("aman_game.commands.preview", "render every screen of a scenario to PNG"),
    "graph": ("aman_game.commands.graph", "print a scenario's branch map (dot or mermaid)"),
    "text": ("aman_game.commands.text", "lay out and render a paragraph with the text engine"),
    "report": ("aman_game.commands.report", "build the teacher's class report from results files"),
    "class": ("aman_game.commands.class_data", "list or delete a class's stored results"),
    "bench": ("aman_game.commands.bench", "measure speed figures against their targets"),
}


def _available_commands() -> dict[str, object]:
    """Import the command modules that exist; a command still being built is simply not offered."""
    found = {}
    for name, (module_name, _help) in COMMANDS.items():
        try:
            found[name] = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aman", description="Aman (أمان): stay safe online — a game for children.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in _available_commands().items():
        p = sub.add_parser(name, help=COMMANDS[name][1], description=COMMANDS[name][1])
        module.configure(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "_run", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        return 130
