"""Problems found in content files, and the one exception the content API raises.

A Problem is data (file, line, col, severity, code, message); `str(problem)` is the line authors read:
    scenes/gift.yaml:12:9: error: unknown key 'tittle' (did you mean 'title'?) [E101]
Line and column are 1-based, as editors count them.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable, Sequence

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    severity: str
    message: str
    code: str
    #: Problems that follow from this one (one root cause, one message): listed under it by `validate`.
    folded: tuple = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.code}]"

    def report_lines(self) -> list[str]:
        """This problem's line, then one indented line per problem that follows from it (editors and CI
        read only the first: the follow-on lines do not start with a file name)."""
        return [str(self)] + [f"    follows from it: line {p.line}:{p.col}: {p.severity}: {p.message} [{p.code}]"
                              for p in self.folded]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict:
        out = {"file": self.file, "line": self.line, "col": self.col, "severity": self.severity,
               "message": self.message, "code": self.code}
        if self.folded:
            out["folded"] = [p.to_dict() for p in self.folded]
        return out


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, then line, then column — the order an author fixes them in."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code, p.message))


class ContentError(Exception):
    """A content file could not be loaded. Carries every problem found; the first one is the headline."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(sort_problems(problems))
        if not self.problems:
            raise ValueError("ContentError needs at least one problem")
        first = next((p for p in self.problems if p.is_error), self.problems[0])
        self.file, self.line, self.col, self.message, self.code = (
            first.file, first.line, first.col, first.message, first.code)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """' (did you mean 'title'?)' when a close candidate exists, else ''."""
    if not isinstance(word, str):
        return ""
    match = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""
