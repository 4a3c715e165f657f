"""`python main.py class list|delete|create|start|end ...` — a class's setup and stored results, without the mouse.

create: `class create NAME --stories ID,ID [--quiz] [--ages 7-9|10-13|all] [--sensitive] [--kiosk]
[--lang ar|en] --data-dir DIR` sets a class up in teacher.json (as teacher mode's setup screen does; a lab's
IT person or a test can script it); start makes it the session every PC on the folder runs; end stops it.

list: the classes in every results file of the data folder, with how many children and runs each has.
delete: erases one class from every results file in the folder, for good (the file is rebuilt so the
nicknames are not left in its free space), and its children from every progress file there. Asks to confirm unless --yes. A file still open in a running
game can't be cleaned: the command names it; close the game on that PC and run the command again.
"""
from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("list", "delete", "create", "start", "end"),
                        help="list the classes, delete one's results, or set one up / start / end its session")
    parser.add_argument("name", nargs="?", metavar="NAME", help="the class (e.g. 5B)")
    parser.add_argument("--stories", metavar="ID,ID", help="create: the playlist, story ids in order "
                        "(default: every story of the age band)")
    parser.add_argument("--quiz", action="store_true", help="create: the quiz before and after playing, and "
                        "the delayed check on a later day")
    parser.add_argument("--ages", choices=("7-9", "10-13", "all"), default="all", help="create: the age band")
    parser.add_argument("--sensitive", action="store_true", help="create: allow stories marked sensitivity: high")
    parser.add_argument("--kiosk", action="store_true", help="create: full screen; leaving needs the teacher PIN")
    parser.add_argument("--lang", choices=("ar", "en"), help="create: keep the game in this language")
    parser.add_argument("--data-dir", metavar="DIR", help="folder of results files (default: this user's data "
                        "folder; give the shared folder in a lab)")
    parser.add_argument("--pin", metavar="DIGITS", help="create/start/end: the teacher PIN (4-8 digits); it is set "
                        "when the folder has none yet. Class setups are sealed with it, so they need it")
    parser.add_argument("--yes", action="store_true", help="delete without asking")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from aman_game.results import default_data_dir, name_key
    from aman_game.results.maintenance import delete_class, list_classes

    folder = Path(args.data_dir) if args.data_dir else default_data_dir()
    if args.action in ("create", "start", "end"):
        return _setup(args, folder)
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


def _unlock(config, pin) -> str:
    """'' when the teacher PIN allows the change: the folder's PIN typed right, or a first PIN set now
    (the setups are sealed with it, as the game's PIN pad does)."""
    from aman_game.teacher_config import TeacherConfigError, valid_pin

    if not pin:
        return "give the teacher PIN with --pin (class setups are sealed with it)"
    if not valid_pin(pin):
        return "the PIN must be 4 to 8 digits"
    try:
        if config.pin is None:
            config.set_pin(pin)
            return ""
    except (TeacherConfigError, ValueError) as exc:
        return str(exc)
    if not config.check_pin(pin):
        return "wrong PIN, or the PIN pad is resting after five wrong PINs"
    return ""


def _setup(args: argparse.Namespace, folder) -> int:
    """create / start / end: teacher.json in `folder`, checked as the setup screen checks it."""
    from aman_game.teacher_config import ClassSession, TeacherConfig, TeacherConfigError

    config = TeacherConfig.load(folder)
    if config.problem:
        print(f"class {args.action}: {config.problem}", file=sys.stderr)
        return 1
    problem = _unlock(config, args.pin)
    if problem:
        print(f"class {args.action}: {problem}", file=sys.stderr)
        return 1
    if args.action == "end":
        ended = config.active
        config.end_session()
    elif not args.name:
        print(f"class {args.action}: say which class, e.g. `class {args.action} 5B`", file=sys.stderr)
        return 2
    elif args.action == "start":
        if config.session(args.name) is None:
            known = ", ".join(s.name for s in config.sessions) or "none"
            print(f"class start: no class {args.name!r} set up in {folder} (classes: {known}); "
                  "use `class create` first", file=sys.stderr)
            return 1
        config.start_session(args.name)
    else:
        problem = _check_stories(args)
        if problem:
            print(f"class create: {problem}", file=sys.stderr)
            return 1
        session = ClassSession(args.name, playlist=[s for s in (args.stories or "").split(",") if s.strip()],
                               language=args.lang or "", age_band="" if args.ages == "all" else args.ages,
                               allow_high_sensitivity=args.sensitive, kiosk=args.kiosk, quiz=args.quiz)
        try:
            config.upsert_session(session)
        except ValueError as exc:
            print(f"class create: {exc}", file=sys.stderr)
            return 2
    try:
        config.save()
    except TeacherConfigError as exc:
        print(f"class {args.action}: {exc}", file=sys.stderr)
        return 1
    if args.action == "end":
        print(f"ended class session {ended}" if ended else "no class session was running")
    elif args.action == "start":
        print(f"class {config.active} is now the session every PC on {folder} runs")
    else:
        print(f"set up class {args.name} in {config.path}")
    return 0


def _check_stories(args: argparse.Namespace) -> str | None:
    """Every story named exists, suits the age band and, if sensitive, is allowed; else what is wrong."""
    from aman_game import SCENES_DIR
    from aman_game.content import load_library

    ids = [s.strip() for s in (args.stories or "").split(",") if s.strip()]
    library = {s.id: s for s in load_library(SCENES_DIR).scenarios}
    for story_id in ids:
        story = library.get(story_id)
        if story is None:
            return f"no story {story_id!r}; stories: {', '.join(sorted(library))}"
        if args.ages != "all" and story.age_band != args.ages:
            return f"story {story_id!r} is for ages {story.age_band}, not {args.ages}"
        if story.sensitivity == "high" and not args.sensitive:
            return f"story {story_id!r} is marked sensitivity: high; add --sensitive to include it"
    return None
