"""Folder-wide housekeeping for the `class` command: list the classes, erase one class everywhere."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .paths import FILE_PREFIX, find_results_files
from .reader import load_results
from .store import ResultsStore, ResultsUnavailable


@dataclass(frozen=True)
class ClassSummary:
    name: str
    children: int
    runs: int
    finished: int
    quiz_answers: int
    files: int


def list_classes(paths: Iterable[str | os.PathLike]) -> list[ClassSummary]:
    results = load_results(paths)
    summaries = []
    for name in results.classes():
        one = results.for_class(name)
        files = {r.source for r in one.runs} | {q.source for q in one.quiz_answers}
        summaries.append(ClassSummary(name, len(one.nicknames()), len(one.runs),
                                      sum(r.finished for r in one.runs), len(one.quiz_answers), len(files)))
    return summaries


@dataclass
class DeleteReport:
    deleted: dict[str, int] = field(default_factory=dict)  # file -> rows erased (0: class not in it)
    failed: dict[str, str] = field(default_factory=dict)  # file -> why it could not be cleaned
    set_aside: list[str] = field(default_factory=list)  # damaged files the game renamed; may hold the class

    @property
    def total(self) -> int:
        return sum(self.deleted.values())


def delete_class(paths: Iterable[str | os.PathLike], class_name: str) -> DeleteReport:
    """Erase `class_name` from every results file in `paths` (files or folders). Files in use by a running
    game are listed in `failed`: close the game on that PC and run it again."""
    paths = list(paths)
    report = DeleteReport()
    for path in find_results_files(paths):
        try:
            store = ResultsStore.open_file(path)
        except ResultsUnavailable as exc:
            report.failed[str(path)] = str(exc)
            continue
        try:
            report.deleted[str(path)] = store.delete_class(class_name)
        except ResultsUnavailable as exc:
            report.failed[str(path)] = str(exc)
        finally:
            store.close()
    for raw in paths:
        if Path(raw).is_dir():
            report.set_aside += sorted(str(p) for p in Path(raw).glob(f"{FILE_PREFIX}*.damaged-*")
                                       if not p.name.endswith(("-wal", "-shm")))
    return report


__all__ = ["ClassSummary", "DeleteReport", "delete_class", "list_classes"]
