"""What a check yields: a problem *without* a location.

Checks never track file, line or column (DESIGN.md style rule 2); they yield a Finding naming the path of
the value inside the document, e.g. ("nodes", "intro", "choices", 1, "next"), and the walker turns the
path into file:line:col with the positions the reader kept.
"""
from __future__ import annotations

from typing import NamedTuple

from .errors import ERROR, Problem


class Finding(NamedTuple):
    code: str
    path: tuple
    message: str
    severity: str = ERROR
    at_key: bool = False  # point at the key (`tittle:`) rather than at its value

    def locate(self, doc) -> Problem:
        line, col = doc.position(self.path, self.at_key)
        return Problem(doc.file, line, col, self.severity, self.message, self.code)
