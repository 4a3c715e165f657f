"""Every screen in a known state, on demand: for snapshot tests, previews and the benchmark.

`open_screen(game, name, scenarios)` clears the stack and builds the named screen (with what sits under
it, for overlays) from the given scenarios, with all timers run out — the screen as a child sees it once
it has settled. `NAMES` lists them all. The benchmark times frames with `game.draw_frames(n)` afterwards.
Teacher mode and the quiz come from gallery_teacher (a configuration in memory, a small class dataset in
a temporary folder: never the machine's own data).
"""
from __future__ import annotations

from typing import Sequence

from .. import i18n

TEACHER_NAMES = ("teacher_pin", "teacher", "teacher_setup", "teacher_summary", "quiz")
NAMES = (
    "title", "language", "profile", "menu", "play_messenger", "play_lobby", "play_typing", "play_ended",
    "sheet_block", "sheet_report", "sheet_adult", "feedback_safe", "feedback_unsafe", "results_safe",
    "results_unsafe", "help", "settings", "pause", "confirm_quit", "play_20_messages",
) + TEACHER_NAMES


def _by_look(scenarios: Sequence, look: str):
    for s in scenarios:
        if s.app.look == look:
            return s
    return scenarios[0]


def _play(game, scenario):
    from .play import PlayScreen

    screen = game.stack.push(PlayScreen(game, scenario))
    screen.fast_forward()
    return screen


def _first_choice(scenario, safe: bool):
    node = scenario.nodes[scenario.start]
    for i, c in enumerate(node.choices):
        if bool(c.safe) == safe:
            return i, c
    return 0, node.choices[0]


def open_screen(game, name: str, scenarios: Sequence):
    """Build screen `name` on a fresh stack; returns the top scene."""
    from .app_sheets import AdultSheet, BlockSheet, ReportSheet
    from .confirm import ConfirmDialog, PauseDialog
    from .feedback import FeedbackScreen
    from .help import HelpScreen
    from .language import LanguageScreen
    from .menu import MenuScreen
    from .play import PlayScreen
    from .profile import ProfileScreen
    from .results import ResultsScreen
    from .settings import SettingsScreen
    from .title import TitleScreen

    _ = i18n._
    game.stack.clear()
    messenger, lobby = _by_look(scenarios, "messenger"), _by_look(scenarios, "game_lobby")
    simple = {"title": TitleScreen, "language": LanguageScreen, "profile": ProfileScreen, "menu": MenuScreen,
              "help": HelpScreen, "settings": SettingsScreen}
    if name in simple:
        return game.stack.push(simple[name](game))
    if name in TEACHER_NAMES:
        from .gallery_teacher import open_teacher_screen

        return open_teacher_screen(game, name, scenarios)
    if name == "play_messenger":
        return _play(game, messenger)
    if name == "play_lobby":
        return _play(game, lobby)
    if name == "play_typing":
        from .play import _avatar_of

        screen = game.stack.push(PlayScreen(game, lobby))
        msgs = list(screen.pending)
        screen.pending.clear()
        for m in msgs[:-1]:
            screen.chat.add(("msg", m))
        last = msgs[-1]
        screen.typing_msg = last
        screen.chat.typing = (_avatar_of(lobby.characters[last.sender]), last.sender)
        screen.chat.phase = 0.2
        screen.timer = 3600.0  # hold the indicator on screen
        return screen
    if name == "play_ended":
        screen = _play(game, messenger)
        end = next(n for n in messenger.nodes.values() if n.end is not None and n.end.outcome == "safe")
        screen.go_to(end.id)
        return screen
    if name.startswith("sheet_"):
        play = _play(game, messenger)
        who = play.contact_name()
        sheet = {"sheet_block": lambda: BlockSheet(game, play.look, who),
                 "sheet_report": lambda: ReportSheet(game, play.look, who),
                 "sheet_adult": lambda: AdultSheet(game, play.look)}[name]()
        return game.stack.push(sheet)
    if name in ("feedback_safe", "feedback_unsafe"):
        scenario = lobby if name == "feedback_unsafe" else messenger
        play = _play(game, scenario)
        index, choice = _first_choice(scenario, name == "feedback_safe")
        play.commit(index)
        play.state = "feedback"
        return game.stack.push(FeedbackScreen(game, choice, play.session.decisions[-1]))
    if name in ("results_safe", "results_unsafe"):
        from ..play_session import PlaySession

        scenario = messenger if name == "results_safe" else lobby
        session = PlaySession(scenario)
        while not session.at_end:
            index, _c = _first_choice_at(session, safe=name == "results_safe")
            session.choose(index)
        return game.stack.push(ResultsScreen(game, session))
    if name == "pause":
        _play(game, messenger)
        return game.stack.push(PauseDialog(game))
    if name == "confirm_quit":
        game.stack.push(TitleScreen(game))
        return game.stack.push(ConfirmDialog(game, _("Leave the game?"), yes=_("Leave"), no=_("Stay")))
    if name == "play_20_messages":
        screen = _play(game, messenger)
        msgs = [m for n in messenger.nodes.values() for m in n.messages]
        i = 0
        while len(screen.chat.entries) < 20:
            screen.chat.add(("msg", msgs[i % len(msgs)]))
            i += 1
        return screen
    raise KeyError(name)


def _first_choice_at(session, safe: bool):
    node = session.node
    best = None
    for i, c in enumerate(node.choices):
        if bool(c.safe) == safe:
            if best is None or (safe and c.points > node.choices[best].points):
                best = i
    return (best if best is not None else 0), None
