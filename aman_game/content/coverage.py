"""What the library teaches, per age band: topic × band → stories (`validate --coverage`).

Built from the scenario files alone, so an author sees at once what is missing: every topic of the source
document (config.COVERAGE) should be taught by at least one story in each band it suits, and by one a
class can play without the teacher's sensitive-stories switch where that is possible. The decision
count tells how much practice each band has.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .config import AGE_BANDS, COVERAGE, TOPICS


@dataclass
class Cell:
    stories: list[str] = field(default_factory=list)  # every story teaching the topic in the band
    open_stories: list[str] = field(default_factory=list)  # the ones not marked sensitivity: high


@dataclass
class Coverage:
    cells: dict[tuple[str, str], Cell]
    stories: dict[str, list[str]]  # band -> story ids
    open_stories: dict[str, list[str]]  # band -> stories playable without the sensitive switch
    decisions: dict[str, int]  # band -> decision points

    def missing(self) -> list[tuple[str, str]]:
        """(topic, band) pairs the source asks for that no story teaches."""
        return [(topic, band) for topic in TOPICS for band in AGE_BANDS
                if band in COVERAGE.get(topic, ()) and not self.cells[(topic, band)].stories]


def coverage(scenarios: Iterable) -> Coverage:
    cells = {(t, b): Cell() for t in TOPICS for b in AGE_BANDS}
    stories = {b: [] for b in AGE_BANDS}
    open_stories = {b: [] for b in AGE_BANDS}
    decisions = {b: 0 for b in AGE_BANDS}
    for s in sorted(scenarios, key=lambda s: s.id):
        band = s.age_band
        if band not in stories:
            continue
        stories[band].append(s.id)
        is_open = s.sensitivity != "high"
        if is_open:
            open_stories[band].append(s.id)
        decisions[band] += sum(1 for n in s.nodes.values() if n.choices)
        taught = set(s.topics) | {t for n in s.nodes.values() for t in n.topics}
        for topic in taught:
            if (topic, band) in cells:
                cells[(topic, band)].stories.append(s.id)
                if is_open:
                    cells[(topic, band)].open_stories.append(s.id)
    return Coverage(cells, stories, open_stories, decisions)


def table(cov: Coverage) -> str:
    """The coverage as a Markdown table (the form docs/authoring.md shows): a story marked * needs the
    sensitive-stories switch; '—' is a topic the source does not ask of that band; MISSING a gap."""
    lines = ["| topic | " + " | ".join(f"ages {b}" for b in AGE_BANDS) + " |",
             "|---|" + "---|" * len(AGE_BANDS)]
    for topic in TOPICS:
        row = []
        for band in AGE_BANDS:
            cell = cov.cells[(topic, band)]
            if not cell.stories:
                row.append("MISSING" if band in COVERAGE.get(topic, ()) else "—")
            else:
                row.append(", ".join(s if s in cell.open_stories else f"{s}*" for s in cell.stories))
        lines.append(f"| {topic} | " + " | ".join(row) + " |")
    lines.append("| **stories** (without the switch) | " + " | ".join(
        f"{len(cov.stories[b])} ({len(cov.open_stories[b])})" for b in AGE_BANDS) + " |")
    lines.append("| **decision points** | " + " | ".join(str(cov.decisions[b]) for b in AGE_BANDS) + " |")
    return "\n".join(lines)
