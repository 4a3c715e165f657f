"""Does every string fit the box the game draws it in, at its real size, in the real font, in each language?

The box for a string follows from where it sits in the file (a choice's text is drawn in the "choice"
box, ...); the boxes are text_boxes.TEXT_BOXES, data the screens' theme reads too. The text engine lays the string out
exactly as the screens will, so a line count here is the line count on screen. Slow next to the other
checks (it shapes every string), so `validate --no-fit` skips it; the engine is created once and reused.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from .errors import WARNING
from .findings import Finding
from .schema import language_name

# (path pattern, box) per kind of file; "*" matches any one key or index.
BOX_PATTERNS: dict[str, tuple[tuple[tuple, str], ...]] = {
    "scenario": (
        (("title",), "title"),
        (("summary",), "summary"),
        (("app", "name"), "character_name"),
        (("characters", "*", "name"), "character_name"),
        (("nodes", "*", "messages", "*", "text"), "message"),
        (("nodes", "*", "prompt"), "prompt"),
        (("nodes", "*", "choices", "*", "text"), "choice"),
        (("nodes", "*", "choices", "*", "feedback", "why"), "feedback"),
        (("nodes", "*", "choices", "*", "feedback", "instead"), "feedback"),
        (("nodes", "*", "end", "text"), "outcome"),
    ),
    "quiz": (
        (("questions", "*", "text"), "prompt"),
        (("questions", "*", "options", "*"), "choice"),
        (("questions", "*", "explain"), "feedback"),
    ),
    "region": (),
}


@lru_cache(maxsize=1)
def _engine():
    """The text engine, created once (it loads fonts) and shared by every file validated."""
    import os
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout clean for --json
    from aman_game.text import get_engine
    return get_engine()


def _walk(value: object, pattern: tuple, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """(path, value) for every value matching `pattern`."""
    if not pattern:
        yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if isinstance(value, dict):
        keys = value.keys() if head == "*" else ([head] if head in value else [])
        for key in keys:
            yield from _walk(value[key], rest, path + (key,))
    elif isinstance(value, list) and head == "*":
        for i, item in enumerate(value):
            yield from _walk(item, rest, path + (i,))


def boxed_texts(data: object, kind: str) -> Iterator[tuple[tuple, str, str, str]]:
    """(path, box name, language, text) for every string the game draws in a box."""
    for pattern, box in BOX_PATTERNS.get(kind, ()):
        for path, localized in _walk(data, pattern):
            if isinstance(localized, dict):
                for lang, text in localized.items():
                    if isinstance(lang, str) and isinstance(text, str) and text.strip():
                        yield path + (lang,), box, lang, text


def check_fit(data: dict, kind: str = "scenario") -> Iterator[Finding]:
    """E601: a string needs more lines than its box holds. W603: it fits at the normal text size but not at
    the largest, where the screens give the box more lines or more width (TextBox.at_scale) and still cut
    it. W602: characters no font can draw."""
    from ..text_boxes import TEXT_BOXES, TEXT_SCALES  # data the screens' theme reads too
    engine = _engine()
    for path, box_name, lang, text in boxed_texts(data, kind):
        box = TEXT_BOXES[box_name]
        layout = engine.layout(text, lang, box.size, box.width, bold=box.bold)
        lines = len(layout.lines)
        if lines > box.max_lines:
            yield Finding("E601", path, f"{language_name(lang)} text ('{lang}') does not fit its "
                          f"'{box_name}' box: {lines} lines, the box holds {box.max_lines} "
                          f"({box.width}px wide at {box.size}pt); shorten it")
        elif not box.scrolls:  # a box drawn in full (a chat bubble) is never cut at any size
            large = box.at_scale(TEXT_SCALES[-1])
            big = len(engine.layout(text, lang, large.size, large.width, bold=large.bold).lines)
            if big > large.max_lines:
                yield Finding("W603", path, f"{language_name(lang)} text ('{lang}') fits its '{box_name}' box "
                              f"at the normal text size but is cut at the largest: {big} lines, the box holds "
                              f"{large.max_lines} there ({large.width}px wide at {large.size}pt); shorten it",
                              severity=WARNING)
        missing = getattr(layout, "missing_glyphs", 0)
        if missing:
            yield Finding("W602", path, f"{language_name(lang)} text ('{lang}') has {missing} "
                          "character(s) the game's fonts cannot draw (shown as boxes)", severity=WARNING)
