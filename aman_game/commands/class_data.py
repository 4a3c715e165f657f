"""`python main.py class list [--data-dir DIR]` and `python main.py class delete NAME [--data-dir DIR] [--yes]`.

list: the classes in every results file of the data folder, with how many children and runs each has.
delete: erases one class from every results file in the folder, for good (the file is rebuilt so the
nicknames are not left in its free space), and its children from every progress file there. Asks to confirm unless --yes. A file still open in a running
game can't be cleaned: the command names it; close the game on that PC and run the command again.
"""
from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("list", "delete"), help="list the classes, or delete one")
    parser.add_argument("name", nargs="?", metavar="NAME", help="the class to delete (e.g. 5B)")
    parser.add_argument("--data-dir", metavar="DIR", help="folder of results files (default: this user's data "
                        "folder; give the shared folder in a lab)")
    parser.add_argument("--yes", action="store_true", help="delete without asking")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from aman_game.results import default_data_dir, name_key
    from aman_game.results.maintenance import delete_class, list_classes

    folder = Path(args.data_dir) if args.data_dir else default_data_dir()
    if not folder.is_dir():
        print(f"class: no data folder at {folder}", file=sys.stderr)
        return 2
    summaries = list_classes([folder])
    if args.action == "list":
        if not summaries:
            print(f"no class results in {folder}")
            return 0
        print(f"{'class':<16} {'children':>8} {'runs':>6} {'finished':>8} {'quiz':>6} {'files':>5}")
        for s in summaries:
            print(f"{s.name:<16} {s.children:>8} {s.runs:>6} {s.finished:>8} {s.quiz_answers:>6} {s.files:>5}")
        return 0

    if not args.name:
        print("class delete: say which class, e.g. `class delete 5B`", file=sys.stderr)
        return 2
    match = [s for s in summaries if name_key(s.name) == name_key(args.name)]
    if not match:
        known = ", ".join(s.name for s in summaries) or "none"
        print(f"class delete: no class {args.name!r} in {folder} (classes: {known})", file=sys.stderr)
        return 1
    target = match[0]
    if not args.yes:
        if not sys.stdin.isatty():
            print("class delete: add --yes to delete without a question", file=sys.stderr)
            return 2
        answer = input(f"Erase class {target.name} ({target.children} children, {target.runs} runs) from "
                       f"{folder} for good? Type the class name to confirm: ")
        if name_key(answer) != name_key(target.name):
            print("nothing deleted")
            return 1
    report = delete_class([folder], target.name)
    from aman_game.progress import delete_class as delete_progress

    children, progress_failed = delete_progress(folder, target.name)
    print(f"erased class {target.name}: {report.total} rows from "
          f"{sum(1 for n in report.deleted.values() if n)} file(s); {children} child(ren) from the progress files")
    for problem in progress_failed:
        print(f"class delete: NOT cleaned {problem}", file=sys.stderr)
    for path, reason in report.failed.items():
        print(f"class delete: NOT cleaned {path}: {reason}", file=sys.stderr)
    for path in report.set_aside:
        print(f"class delete: damaged file {path} may still hold this class; delete it by hand", file=sys.stderr)
    return 1 if report.failed or progress_failed else 0
