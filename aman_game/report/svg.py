"""Inline SVG charts: horizontal bars that read from the language's start edge.

Geometry is laid out in a logical frame (x grows from the start edge) and mirrored for right-to-left
languages; the root carries direction=, so text-anchor "start"/"end" follow the language too. No script,
no external font or style: the chart is part of the HTML file and prints as it shows.
"""
from __future__ import annotations

from dataclasses import dataclass

from .html_page import esc

SAFE_COLOUR = "#1b7f5b"   # safe-choice bars
PRE_COLOUR = "#9aa5b1"    # quiz before playing
POST_COLOUR = "#2a62b8"   # quiz after playing
TRACK_COLOUR = "#eef1f4"
GRID_COLOUR = "#c9d1d9"
INK = "#1f2933"
MAX_LABEL = 34


def short(label: str, limit: int = MAX_LABEL) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


class _Canvas:
    def __init__(self, width: int, height: int, rtl: bool, title: str):
        self.width, self.height, self.rtl, self.title = width, height, rtl, title
        self.parts: list[str] = []

    def _x(self, x: float, w: float = 0.0) -> float:
        return self.width - x - w if self.rtl else x

    def rect(self, x: float, y: float, w: float, h: float, fill: str, tip: str = "") -> None:
        tip_el = f"<title>{esc(tip)}</title>" if tip else ""
        self.parts.append(f'<rect x="{self._x(x, w):.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" '
                          f'fill="{fill}" rx="2">{tip_el}</rect>')

    def line(self, x: float, y1: float, y2: float, colour: str = GRID_COLOUR) -> None:
        x = self._x(x)
        self.parts.append(f'<line x1="{x:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                          'stroke-width="1"/>')

    def text(self, x: float, y: float, text: str, anchor: str = "start", size: int = 13, bold: bool = False,
             colour: str = INK) -> None:
        weight = ' font-weight="700"' if bold else ""
        self.parts.append(f'<text x="{self._x(x):.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
                          f'{weight} fill="{colour}">{esc(text)}</text>')

    def svg(self) -> str:
        direction = "rtl" if self.rtl else "ltr"
        return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{esc(self.title)}" '
                f'width="{self.width}" height="{self.height}" viewBox="0 0 {self.width} {self.height}" '
                f'direction="{direction}" font-family="inherit"><title>{esc(self.title)}</title>'
                + "".join(self.parts) + "</svg>")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # 0..1; None draws an empty track
    text: str            # the value as the language writes it (e.g. "67%")


def _axis(c: _Canvas, x0: float, width: float, top: float, bottom: float, ticks: list[str]) -> None:
    for i, tick in enumerate(ticks):
        x = x0 + width * i / (len(ticks) - 1)
        c.line(x, top, bottom)
        c.text(x, bottom + 14, tick, anchor="middle", size=11, colour="#5f6b76")


def bar_chart(bars: list[Bar], title: str, rtl: bool, ticks: list[str], colour: str = SAFE_COLOUR,
              label_width: int = 250, bar_width: int = 380) -> str:
    """One row per bar: label, bar on a light track, value. `ticks` label 0%, 50%, 100% on the axis."""
    row, top = 30, 6
    height = top + row * max(len(bars), 1) + 24
    c = _Canvas(label_width + bar_width + 70, height, rtl, title)
    x0 = label_width
    _axis(c, x0, bar_width, top, top + row * len(bars), ticks)
    for i, bar in enumerate(bars):
        y = top + i * row
        c.text(x0 - 10, y + 19, short(bar.label), anchor="end")
        c.rect(x0, y + 5, bar_width, 18, TRACK_COLOUR)
        filled = bar_width * max(0.0, min(1.0, bar.value or 0.0))
        if bar.value is not None:
            c.rect(x0, y + 5, filled, 18, colour, tip=f"{bar.label}: {bar.text}")
        c.text(x0 + filled + 6, y + 19, bar.text, anchor="start", bold=True)
    return c.svg()


@dataclass(frozen=True)
class PairedBar:
    label: str
    before: float | None
    after: float | None
    before_text: str
    after_text: str
    emphasis: bool = False  # the class mean row


def paired_chart(rows: list[PairedBar], title: str, rtl: bool, ticks: list[str], before_label: str,
                 after_label: str, label_width: int = 200, bar_width: int = 380) -> str:
    """Two thin bars per row (before in grey, after in blue) under a small legend."""
    legend, row = 26, 36
    top = legend + 4
    height = top + row * max(len(rows), 1) + 24
    c = _Canvas(label_width + bar_width + 70, height, rtl, title)
    x0 = label_width
    c.rect(x0, 6, 14, 12, PRE_COLOUR)
    c.text(x0 + 20, 17, before_label, size=12)
    c.rect(x0 + 140, 6, 14, 12, POST_COLOUR)
    c.text(x0 + 160, 17, after_label, size=12)
    _axis(c, x0, bar_width, top, top + row * len(rows), ticks)
    for i, item in enumerate(rows):
        y = top + i * row
        c.text(x0 - 10, y + 22, short(item.label, 26), anchor="end", bold=item.emphasis)
        for offset, value, text, colour in ((4, item.before, item.before_text, PRE_COLOUR),
                                            (18, item.after, item.after_text, POST_COLOUR)):
            c.rect(x0, y + offset, bar_width, 12, TRACK_COLOUR)
            filled = bar_width * max(0.0, min(1.0, value or 0.0))
            if value is not None:
                c.rect(x0, y + offset, filled, 12, colour, tip=f"{item.label}: {text}")
            c.text(x0 + filled + 6, y + offset + 11, text, anchor="start", size=11, bold=item.emphasis)
    return c.svg()
