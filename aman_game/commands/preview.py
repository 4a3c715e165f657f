"""`python main.py preview SCENARIO --lang ar|en [--text-size 1|2|3] --out DIR` — a PNG of every node and
every feedback screen of a scenario, as the child will see them, for reviewers and translators who won't
play it through. Any language with a catalog works, the pseudo-locales xa and xb included
(docs/translating.md §7). `--audit` instead lists the strings cut or outside their panel at that text size.

Rendered with SDL's dummy video driver (no window). Files: node_<id>.png (the node's messages and its
choices, or its end), feedback_<node>_<n>.png (choice n's feedback over the node), results_<end>.png.
Only the standard library is imported at module level.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def configure(parser) -> None:
    parser.add_argument("scenario", help="a scenario file, or a scenario id from scenes/")
    parser.add_argument("--lang", default="en", metavar="LANG",
                        help="language to render (default en): ar, en, any language with a catalog in locales/, "
                             "or a pseudo-locale — xa (accented, 40%% longer: clipped text shows) or xb (right to "
                             "left: left/right assumptions show)")
    parser.add_argument("--out", metavar="DIR", help="folder for the PNG files (required unless --audit)")
    parser.add_argument("--text-size", type=int, choices=(1, 2, 3), default=1, dest="text_size",
                        help="the text-size setting to render at: 1 Normal (default), 2 Large, 3 Largest")
    parser.add_argument("--audit", action="store_true",
                        help="print every string cut with '...' or outside its panel (and what scrolls) at this "
                             "text size and language instead of writing images; exit 1 if anything is cut")


def run(args) -> int:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .. import i18n
    from .. import settings as settings_mod
    from ..app import Game, NoDisplay
    from .play import load_for_command

    if not args.out and not args.audit:
        print("aman preview: give --out DIR for the images (or --audit)", file=sys.stderr)
        return 2
    languages = i18n.available_languages(include_pseudo=True)
    if args.lang not in languages:
        print(f"aman preview: no language '{args.lang}'; use one of: {', '.join(languages)}", file=sys.stderr)
        return 2
    scenario = load_for_command(args.scenario, "preview")
    if scenario is None:
        return 1
    game = Game(settings=settings_mod.Settings(language=args.lang, sound=False, text_size=args.text_size),
                save_settings=False, fast=True)
    game.shuffle_choices = False  # a preview shows the story as written; the game shuffles each play
    try:
        game.open()
    except NoDisplay as exc:  # pragma: no cover - the dummy driver is always there
        print(f"aman preview: cannot render ({exc})", file=sys.stderr)
        return 1
    if args.audit:
        try:
            return print_audit(game, scenario, args)
        finally:
            game.close()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        written = render_all(game, scenario, out)
    finally:
        game.close()
    print(f"{len(written)} image(s) written to {out}")
    return 0


def print_audit(game, scenario, args) -> int:
    """One line per string cut or pushed out of its panel, then what only scrolling shows; exit 1 on a cut."""
    from ..screens.text_audit import audit_scenario

    audit = audit_scenario(game, scenario)
    for cut in audit.cuts:
        print(f"cut: {cut}")
    for scroll in audit.scrolls:
        print(f"scrolls: {scroll}")
    print(f"{audit.strings} string(s) laid out at text size {args.text_size} in '{args.lang}': "
          f"{len(audit.cuts)} cut, {len(audit.scrolls)} shown by scrolling")
    return 1 if audit.cuts else 0


def render_all(game, scenario, out: Path) -> list[Path]:
    from ..play_session import PlaySession, end_paths, node_paths
    from ..screens.feedback import FeedbackScreen
    from ..screens.play import PlayScreen
    from ..screens.results import ResultsScreen

    written: list[Path] = []
    paths = node_paths(scenario)  # each node reached by its shortest path: its real step number
    for node_id, node in scenario.nodes.items():
        game.stack.clear()
        play = game.stack.push(PlayScreen(game, scenario))
        play.go_to(node_id, paths.get(node_id))
        written.append(game.screenshot(out / f"node_{node_id}.png"))
        for i, choice in enumerate(node.choices):
            session = PlaySession(scenario, start=node_id)
            decision = session.choose(i)
            game.stack.push(FeedbackScreen(game, choice, decision))
            written.append(game.screenshot(out / f"feedback_{node_id}_{i + 1}.png"))
            game.stack.pop()
    for path in end_paths(scenario):
        session = PlaySession(scenario)
        for index in path:
            session.choose(index)
        game.stack.clear()
        game.stack.push(ResultsScreen(game, session))
        written.append(game.screenshot(out / f"results_{session.node_id}.png"))
    game.stack.clear()
    return written
