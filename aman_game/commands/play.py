"""`python main.py play [SCENARIO] [--lang ar|en] [--autoplay safe|unsafe|random] [--seed N]
[--screenshots DIR] [--headless] [--fast]` — play the game, or one scenario, or let autoplay play it.

Without SCENARIO the title screen opens. With --autoplay the real screens are driven through the real
event queue and one JSON line is printed at the end:
{"scenario", "language", "path", "choices", "positions", "seed", "score", "max_score", "outcome"}
(choices: logical indexes in the file; positions: the buttons pressed, as shown on screen).
`--class NAME --nickname N --autoplay POLICY` without SCENARIO, for a class set up in --data-dir (`class
create`), plays that child's whole session — delayed check, quiz before, the playlist, quiz after — and
prints one JSON line per story and per quiz (aman_game.class_autoplay).
Only the standard library is imported at module level (the parser must stay cheap).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def configure(parser) -> None:
    parser.add_argument("scenario", nargs="?", help="a scenario file, or a scenario id from scenes/ "
                                                    "(without it: the title screen)")
    parser.add_argument("--lang", metavar="LANG", help="language of the game (default: the settings): ar, en, any "
                                                      "language with a catalog in locales/, or a pseudo-locale (xa, xb)")
    parser.add_argument("--autoplay", choices=["safe", "unsafe", "random"],
                        help="let the game play itself with this policy")
    parser.add_argument("--path", help="autoplay these buttons in order: on-screen positions as a child presses "
                        "them (0 = the first button shown; comma-separated)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the on-screen order of the choices (each "
                        "play shuffles them; the same seed shows the same order) and of --autoplay random")
    parser.add_argument("--screenshots", metavar="DIR", help="save a PNG of each screen autoplay passes")
    parser.add_argument("--headless", action="store_true", help="no window (SDL dummy video driver)")
    parser.add_argument("--fast", action="store_true", help="shorten typing and pause timers (tests)")
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 toggles)")
    parser.add_argument("--class", dest="class_name", metavar="NAME", help="class session name (results store)")
    parser.add_argument("--nickname", help="the player's nickname (results store and progress)")
    parser.add_argument("--data-dir", metavar="DIR", help="folder for results and progress")


def resolve_scenario(spec: str):
    """A Scenario from a file path or an id in scenes/; raises ContentError (the file's problems, also
    for a broken story named by its id) or FileNotFoundError."""
    from .. import SCENES_DIR
    from ..content import load_scenario
    from ..content.locate import find_scenario

    path = find_scenario(spec, SCENES_DIR)
    try:  # problems name the file as the author would type it
        rel = os.path.relpath(path)
        path = Path(rel) if not rel.startswith("..") else path
    except ValueError:  # another drive on Windows
        pass
    return load_scenario(path)


def load_for_command(spec: str, command: str):
    """resolve_scenario for a command line: problems printed as `file:line:col` lines; None on failure."""
    from ..content import ContentError

    try:
        return resolve_scenario(spec)
    except ContentError as exc:
        for problem in exc.problems:  # with what follows from each, indented under it
            print("\n".join(problem.report_lines()), file=sys.stderr)
    except (FileNotFoundError, OSError) as exc:
        print(f"aman {command}: {exc}", file=sys.stderr)
    return None


def run(args) -> int:
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .. import i18n
    from .. import settings as settings_mod
    from ..app import Game, NoDisplay

    if args.lang:
        languages = i18n.available_languages(include_pseudo=True)
        if args.lang not in languages:
            print(f"aman play: no language '{args.lang}'; use one of: {', '.join(languages)}", file=sys.stderr)
            return 2
    scenario = None
    if args.scenario:  # the content loader is imported only when a story is named: the title comes first
        scenario = load_for_command(args.scenario, "play")
        if scenario is None:
            return 1

    autoplay = args.autoplay or (args.path is not None and "safe")
    if autoplay:  # never touch the player's own settings file
        settings = settings_mod.Settings(language=args.lang or "en")
        game = Game(settings=settings, save_settings=False, data_dir=args.data_dir, fast=args.fast)
    else:
        settings = settings_mod.load()
        if args.lang:
            settings = settings.replace(language=args.lang)
        game = Game(settings=settings, data_dir=args.data_dir, fast=args.fast, fullscreen=args.fullscreen)
    game.choice_seed = args.seed
    if args.nickname:
        game.player = (args.nickname, "fox")
    from ..class_session import attach_to_game

    attach_to_game(game, args)  # --class/--nickname recording, or the teacher's running class session

    try:
        game.open()
    except NoDisplay as exc:
        print(f"aman: no display available ({exc}); use --headless or run inside a desktop session",
              file=sys.stderr)
        return 1

    controller = getattr(game, "class_session", None)
    if autoplay and scenario is None and controller is not None and args.nickname:
        return _play_class(game, controller, args, autoplay)
    driver = None
    if autoplay:
        from ..autoplay import AutoplayDriver, Policy

        plan = [int(x) for x in args.path.split(",") if x.strip()] if args.path else None
        policy = Policy(autoplay, seed=args.seed, language=i18n.current_language(),
                        nickname=args.nickname or "Autoplay", plan=plan)
        driver = AutoplayDriver(policy, screenshots=args.screenshots)
        game.controllers.append(driver)
    if scenario is not None:
        from ..screens.play import PlayScreen

        first = PlayScreen(game, scenario)
    else:
        from ..screens.title import TitleScreen

        first = TitleScreen(game)
    try:
        game.run(first)
    finally:
        game.close()
    if driver is not None and driver.error:
        print(driver.error, file=sys.stderr)
    if autoplay and scenario is not None:
        session = getattr(game, "last_session", None) or first.session
        print(json.dumps(session.summary_json(i18n.current_language()), ensure_ascii=False))
        return 0 if driver is None or not driver.error else 1
    return 0


def _play_class(game, controller, args, mode: str) -> int:
    """A child's whole class session, autoplayed: one JSON line per quiz and per story."""
    from .. import i18n
    from ..autoplay import Policy
    from ..class_autoplay import play_class_session

    plan = [int(x) for x in args.path.split(",") if x.strip()] if args.path else None
    policy = Policy(mode, seed=args.seed, language=i18n.current_language(), nickname=args.nickname, plan=plan)
    try:
        play_class_session(game, controller, args.nickname, policy,
                           emit=lambda line: print(line, flush=True))
    except RuntimeError as exc:
        print(f"aman play: {exc}", file=sys.stderr)
        return 1
    finally:
        game.close()
    return 0
