"""What a check yields: a problem *without* a location.

Checks never track file, line or column (DESIGN.md style rule 2); they yield a Finding naming the path of
the value inside the document, e.g. ("nodes", "intro", "choices", 1, "next"), and the walker turns the
path into file:line:col with the positions the reader kept.
"""
from __future__ import annotations

from typing import NamedTuple

from .errors import ERROR, Problem

#: How many source lines past a value's start `locate` looks for the character a finding points at.
_CHAR_SEARCH_LINES = 60


class Finding(NamedTuple):
    code: str
    path: tuple
    message: str
    severity: str = ERROR
    at_key: bool = False  # point at the key (`tittle:`) rather than at its value
    #: (character, n): point at the n-th (0-based) occurrence of `character` inside the value, e.g. an
    #: invisible control, rather than at the value's start
    at_char: tuple = ()
    #: Findings that follow from this one (a typo's consequences), shown under it, not as problems of their own
    folded: tuple = ()

    def locate(self, doc) -> Problem:
        line, col = doc.position(self.path, self.at_key)
        if self.at_char:
            line, col = _char_position(getattr(doc, "text", ""), line, col, *self.at_char)
        folded = tuple(f.locate(doc) for f in self.folded)
        return Problem(doc.file, line, col, self.severity, self.message, self.code, folded)


def _char_position(text: str, line: int, col: int, char: str, nth: int) -> tuple[int, int]:
    """Where the nth `char` after (line, col) is in the source; (line, col) itself when it is not written
    literally there (an escape such as "\\u202d")."""
    if not text:
        return line, col
    lines = text.split("\n")
    for n in range(line - 1, min(len(lines), line - 1 + _CHAR_SEARCH_LINES)):
        start = col - 1 if n == line - 1 else 0
        at = lines[n].find(char, start)
        while at >= 0:
            if nth == 0:
                return n + 1, at + 1
            nth -= 1
            at = lines[n].find(char, at + 1)
    return line, col
