"""Large-text audit: is any scenario string cut with "…", or pushed out of the panel it is drawn in, at a
text-size step, in a language?

A child who picks the largest text size must read every message, prompt, choice, feedback, ending and
title whole. This walks every node of a scenario on the real screens (PlayScreen at each node with its
choices, FeedbackScreen for each choice, ResultsScreen for each ending, the menu's cards) and asks each
screen for the layouts it draws, as it draws them — laying out only, never rendering a frame, so a test
can audit every shipped scenario at every step in both languages in seconds.

Words that are shown whole only after scrolling (a feedback taller than the card can be, the rest of a
tall card in a short chat) are not cuts: the screen shows a scroll arrow. They are counted as `scrolls`
so a reviewer sees how often it happens. Used by tests/test_large_text.py and `main.py preview --audit`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .. import i18n
from ..theme import CANVAS_SIZE


@dataclass(frozen=True)
class Cut:
    """One scenario string not shown whole: where, which string, what is wrong, and its text."""
    scenario: str
    screen: str  # "node <id>", "feedback <id> #n", "results <id>", "menu"
    what: str  # "choice 2", "message 1", "prompt", "why", "instead", "ending", "title", ...
    problem: str
    text: str

    def __str__(self) -> str:
        return f"{self.scenario}: {self.screen}: {self.what}: {self.problem}: {self.text[:60]!r}"


@dataclass(frozen=True)
class Scroll:
    """Words shown whole, but some of them (or the choices, or a card's buttons) only after scrolling."""
    scenario: str
    screen: str
    kind: str  # "message words" | "card buttons" | "choices" | "feedback" | "ending"
    detail: str

    def __str__(self) -> str:
        return f"{self.scenario}: {self.screen}: {self.kind}: {self.detail}"


@dataclass
class Audit:
    cuts: list[Cut] = field(default_factory=list)
    scrolls: list[Scroll] = field(default_factory=list)
    strings: int = 0  # layouts checked

    def scroll(self, scenario: str, screen: str, kind: str, detail: str) -> None:
        self.scrolls.append(Scroll(scenario, screen, kind, detail))

    def check(self, lay, scenario: str, screen: str, what: str) -> None:
        self.strings += 1
        if lay is not None and lay.truncated:
            self.cuts.append(Cut(scenario, screen, what, "cut with an ellipsis", lay.text))

    def outside(self, scenario: str, screen: str, what: str, problem: str, text: str = "") -> None:
        self.cuts.append(Cut(scenario, screen, what, problem, text))


def _inside_canvas(rect) -> bool:
    return rect.left >= 0 and rect.top >= 0 and rect.right <= CANVAS_SIZE[0] and rect.bottom <= CANVAS_SIZE[1]


def audit_node(game, scenario, node_id: str, audit: Audit) -> None:
    """The play screen at one node, its messages arrived: chat items, prompt, choices, header and title."""
    from ..widgets.chat_bubble import measure_item, text_layouts, words_height
    from ..widgets.chat_view import GAP
    from ..widgets.mock_app import header_title_layout
    from .play import PlayScreen

    sid, where = scenario.id, f"node {node_id}"
    game.stack.clear()
    play = game.stack.push(PlayScreen(game, scenario))
    play.go_to(node_id)
    column = play._chat_column()
    look = play.look
    for n, item in enumerate(play.chat.items, 1):
        what = "ending" if item.kind == "notice" and n == len(play.chat.items) and play.state == "ended" else f"message {n}"
        for lay in text_layouts(item, column.width, look):
            audit.check(lay, sid, where, what)
        if measure_item(item, column.width, look)[0] > column.width:
            audit.outside(sid, where, what, "wider than the chat", item.text)
    if play.chat.items:
        newest = play.chat.items[-1]
        words = words_height(newest, column.width, look)
        if words + 2 * GAP > column.height:
            # shown from its first line (PlayScreen.build), the rest a scroll away under an arrow
            audit.scroll(sid, where, "message words", f"{words} px of words in a {column.height} px chat")
        elif measure_item(newest, column.width, look)[1] + 2 * GAP > column.height:
            audit.scroll(sid, where, "card buttons", "the newest card's own buttons are a scroll away")
    prompt = play.prompt_layout()
    audit.check(prompt, sid, where, "prompt")
    for w in play.focus.widgets:
        if w.name.startswith("choice:"):
            what = f"choice {int(w.name.split(':')[1]) + 1}"
            lay = w.text_layout()
            audit.check(lay, sid, where, what)
            if lay.height > w.rect.height - 4:
                audit.outside(sid, where, what, f"{lay.height} px of words in a {w.rect.height} px button", w.label)
            if w.clip is not None:
                if not w.clip.contains(w.rect):
                    audit.scroll(sid, where, "choices", f"{what} is a scroll away in the choices' view")
            elif not _inside_canvas(w.rect):
                audit.outside(sid, where, what, f"button {tuple(w.rect)} leaves the screen", w.label)
    if play.choice_view is not None and not _inside_canvas(play.choice_view):
        audit.outside(sid, where, "choices", f"their view {tuple(play.choice_view)} leaves the screen")
    audit.check(header_title_layout(play.header_title(), play.header_name_width()), sid, where, "app header name")
    audit.check(play.bar_title_layout(), sid, where, "title (game bar)")


def audit_feedback(game, scenario, node_id: str, index: int, audit: Audit) -> None:
    from ..play_session import PlaySession
    from .feedback import FeedbackScreen

    choice = scenario.nodes[node_id].choices[index]
    decision = PlaySession(scenario, start=node_id).choose(index)
    screen = FeedbackScreen(game, choice, decision)
    where = f"feedback {node_id} #{index + 1}"
    why, instead = screen._layouts()
    audit.check(why, scenario.id, where, "why")
    audit.check(instead, scenario.id, where, "instead")
    if screen.max_scroll() > 0:
        audit.scroll(scenario.id, where, "feedback", f"the words scroll in the card ({screen.max_scroll()} px)")


def audit_ending(game, scenario, path: Sequence[int], audit: Audit) -> None:
    from ..play_session import PlaySession
    from .results import CONTENT_BOTTOM, ResultsScreen

    session = PlaySession(scenario)
    for index in path:
        session.choose(index)
    screen = ResultsScreen(game, session)
    where = f"results {session.node_id}"
    audit.check(screen.outcome_layout(), scenario.id, where, "ending")
    card = screen.outcome_card()
    if card.bottom > CONTENT_BOTTOM:
        audit.outside(scenario.id, where, "ending", f"the ending's card reaches y={card.bottom}, under the buttons",
                      i18n.pick(session.node.end.text))
    if screen.max_scroll() > 0:
        audit.scroll(scenario.id, where, "ending", f"the ending scrolls in its card ({screen.max_scroll()} px)")


def audit_menu(game, scenarios: Sequence, audit: Audit) -> None:
    from .menu import MenuScreen

    game.stack.clear()
    game.menu_filter = None
    menu = game.stack.push(MenuScreen(game))
    for page in range(getattr(menu, "pages", 1)):
        menu.page = page
        menu.build()
        for w in menu.focus.widgets:
            if w.name.startswith("scenario:"):
                audit.check(w.title_layout(), w.scenario.id, "menu", "title")
    game.stack.clear()


def audit_scenario(game, scenario, audit: Audit | None = None) -> Audit:
    """Every node, every choice's feedback and every ending of one scenario, at the current settings."""
    from ..play_session import end_paths

    audit = audit if audit is not None else Audit()
    for node_id, node in scenario.nodes.items():
        audit_node(game, scenario, node_id, audit)
        for i in range(len(node.choices)):
            audit_feedback(game, scenario, node_id, i, audit)
    for path in end_paths(scenario):
        audit_ending(game, scenario, path, audit)
    game.stack.clear()
    return audit


def audit_library(game, scenarios: Sequence, sizes: Iterable[int] = (1, 2, 3),
                  languages: Iterable[str] = ("en", "ar")) -> dict[tuple[int, str], Audit]:
    """{(text size, language): Audit} over every scenario and the menu; the game's settings are restored."""
    before = (game.settings.language, game.settings.text_size)
    results: dict[tuple[int, str], Audit] = {}
    library = getattr(game, "_library", None)
    try:
        for size in sizes:
            for lang in languages:
                game.update_settings(language=lang, text_size=size)
                audit = Audit()
                for scenario in scenarios:
                    audit_scenario(game, scenario, audit)
                from ..content import Library

                game._library = Library(tuple(scenarios), ())
                audit_menu(game, scenarios, audit)
                results[(size, lang)] = audit
    finally:
        game._library = library
        game.stack.clear()
        game.update_settings(language=before[0], text_size=before[1])
    return results
