"""Paragraph layout: logical line breaking, bidi runs, per-run fonts, visual placement and alignment.

Order of work (shared/DESIGN.md, measured): resolve bidi levels for the whole paragraph, break lines in
*logical* order measuring words as shaped runs, then per line apply L1/L2, cut it into runs of one level
and one font, and place the runs left to right in visual order. Each run keeps its logical text, which
HarfBuzz shapes in the run's own direction (so harakat, lam-alef and mirrored brackets come out right).
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field

import pygame

from . import bidi_levels
from .fonts import FontSet, script_tag
from .prepare import BIDI_CONTROLS, ELLIPSIS, clean, isolate_ltr_spans

ALIGNMENTS = ("start", "end", "center")


@dataclass(frozen=True)
class Run:
    text: str  # logical order
    direction: str  # "rtl" | "ltr"
    x: int  # from the box's left edge, after alignment
    width: int
    font: str  # font file name
    role: str = field(repr=False, default="latin")
    bold: bool = field(repr=False, default=False)
    script: str = field(repr=False, default="Latn")


@dataclass(frozen=True)
class Line:
    text: str  # logical order
    direction: str  # the paragraph's direction
    width: int
    x: int
    y: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class TextLayout:
    text: str
    lang: str
    size: int
    direction: str
    width: int  # the box width (or the widest line when unbounded)
    height: int
    ascent: int
    lines: tuple[Line, ...]
    missing_glyphs: int
    missing_chars: tuple[str, ...]
    truncated: bool
    #: The arguments it was laid out from; the engine keys its rendered-surface cache on it.
    key: tuple = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict:
        """The shape `main.py text --json` prints (runs left to right as drawn)."""
        return {
            "direction": self.direction,
            "missing_glyphs": self.missing_glyphs,
            "lines": [
                {
                    "text": line.text,
                    "direction": line.direction,
                    "width": line.width,
                    "runs": [
                        {"text": r.text, "direction": r.direction, "x": r.x, "width": r.width, "font": r.font}
                        for r in line.runs
                    ],
                }
                for line in self.lines
            ],
        }


_SPACES = re.compile(r"(\s+)")


class Measurer:
    """Shaped widths, memoised per word: the same word in the same font is shaped once.

    A run's width is the sum of its words and spaces. Shaping never joins or kerns across a space in
    our fonts, so this matches the shaped run to a pixel of rounding — and it makes every width the engine
    reports, for breaking and for placing, come from one source: a text always fits a box of its own
    measured width, and laying out a line costs no shaping beyond what breaking it already did.
    """

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self._widths: dict[tuple, int] = {}

    def width(self, text: str, role: str, bold: bool, size: int, rtl: bool) -> int:
        key = (text, role, bold, size, rtl)
        w = self._widths.get(key)
        if w is None:
            font = self.fonts.font(role, bold, size)
            font.set_script(script_tag(text, role))
            font.set_direction(pygame.DIRECTION_RTL if rtl else pygame.DIRECTION_LTR)
            try:
                w = font.size(text)[0]
            except (pygame.error, ValueError):
                w = 0
            if len(self._widths) > 50_000:  # bounded: a long session never grows it without end
                self._widths.clear()
            self._widths[key] = w
        return w

    def run_width(self, text: str, role: str, bold: bool, size: int, rtl: bool) -> int:
        if " " not in text and not text.isspace():
            return self.width(text, role, bold, size, rtl)
        return sum(self.width(piece, role, bold, size, rtl) for piece in _SPACES.split(text) if piece)


@dataclass
class _Paragraph:
    text: str  # with isolates inserted
    rtl: bool
    levels: tuple[int, ...]
    roles: list[str | None]  # font role per char; None = no glyph anywhere (missing)
    drawn: list[bool] = field(default_factory=list)  # gets a glyph: has a font and is not a bidi control

    def __post_init__(self):
        if not self.drawn:
            self.drawn = [_drawn(ch, role) for ch, role in zip(self.text, self.roles)]


def _assign_roles(fonts: FontSet, text: str, levels, bold: bool) -> list[str | None]:
    """Font role per character. Letters choose by script; neutrals (spaces, digits, punctuation) join the
    font of their neighbours at the same level — the preceding one, else the following letter — so runs
    stay long and shaping is not cut at every space."""
    n = len(text)
    roles: list[str | None] = [None] * n
    is_neutral = [unicodedata.category(ch)[0] in "PSZNC" for ch in text]
    for i, ch in enumerate(text):
        if not is_neutral[i]:
            same_level = i and levels[i - 1] == levels[i]
            roles[i] = fonts.role_for(ch, roles[i - 1] if same_level else None, bold)
    next_letter_role: list[str | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):  # the role of the next letter at the same level, for look-ahead
        if not is_neutral[i]:
            next_letter_role[i] = roles[i]
        elif i + 1 < n and levels[i + 1] == levels[i]:
            next_letter_role[i] = next_letter_role[i + 1]
    for i, ch in enumerate(text):
        if is_neutral[i]:
            context = roles[i - 1] if i and levels[i - 1] == levels[i] else None
            if context is None and i + 1 < n and levels[i + 1] == levels[i]:
                context = next_letter_role[i + 1]
            roles[i] = fonts.role_for(ch, context, bold)
    return roles


def _drawn(ch: str, role: str | None) -> bool:
    return role is not None and not _never_drawn(ch)


@functools.lru_cache(maxsize=4096)
def _never_drawn(ch: str) -> bool:
    return ch in BIDI_CONTROLS or bidi_levels.is_removed(ch)


class Layouter:
    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self.measure = Measurer(fonts)

    # -- public -------------------------------------------------------------------------------------
    def layout(self, text, lang: str, size: int, width: int | None, direction: str = "auto",
               align: str = "start", bold: bool = False, line_spacing: float = 1.3,
               max_lines: int | None = None, lang_direction: str = "ltr") -> TextLayout:
        size = max(4, min(int(size), 400))
        if align not in ALIGNMENTS:
            raise ValueError(f"align must be one of {ALIGNMENTS}, not {align!r}")
        source = clean(text)
        raw_lines: list[tuple[_Paragraph, int, int]] = []
        paragraphs = []
        layout_direction = None
        for para_text in source.split("\n"):
            para = self._paragraph(para_text, direction, lang_direction, bold)
            paragraphs.append(para)
            if layout_direction is None and (direction != "auto" or bidi_levels.first_strong_direction(para_text)):
                layout_direction = "rtl" if para.rtl else "ltr"
            for start, end in self._break(para, size, bold, width):
                raw_lines.append((para, start, end))
        if layout_direction is None:
            layout_direction = "rtl" if paragraphs[0].rtl else "ltr"

        truncated = False
        if max_lines is not None and len(raw_lines) > max(1, max_lines):
            raw_lines = raw_lines[: max(1, max_lines)]
            truncated = True

        built = [self._build_line(para, start, end, size, bold) for para, start, end in raw_lines]
        if truncated and width:
            para, start, end = raw_lines[-1]
            built[-1] = self._ellipsize(para, start, end, size, bold, width)

        roles_used = {run.role for runs, _w, _t in built for run in runs} or {"latin"}
        ascent = max(self.fonts.font(r, bold, size).get_ascent() for r in roles_used)
        descent = max(-self.fonts.font(r, bold, size).get_descent() for r in roles_used)
        linesize = max(self.fonts.font(r, bold, size).get_linesize() for r in roles_used)
        pitch = max(round(size * line_spacing), math.ceil(0.75 * linesize))
        box_width = width if width else max((w for _r, w, _t in built), default=0)

        lines = []
        for i, ((runs, line_width, line_text), (para, _s, _e)) in enumerate(zip(built, raw_lines)):
            offset = _align_offset(align, para.rtl, box_width, line_width)
            placed = tuple(Run(r.text, r.direction, r.x + offset, r.width, r.font, r.role, r.bold, r.script)
                           for r in runs)
            lines.append(Line(line_text, "rtl" if para.rtl else "ltr", line_width, offset, i * pitch, placed))
        height = (len(lines) - 1) * pitch + ascent + descent if lines else 0
        missing = [ch for para in paragraphs for ch, role in zip(para.text, para.roles)
                   if role is None and unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")]
        return TextLayout(source, lang, size, layout_direction, box_width, height, ascent, tuple(lines),
                          len(missing), tuple(dict.fromkeys(missing)), truncated)

    # -- steps --------------------------------------------------------------------------------------
    def _paragraph(self, text: str, direction: str, lang_direction: str, bold: bool) -> _Paragraph:
        prepared = isolate_ltr_spans(text)
        if direction in ("rtl", "ltr"):
            rtl = direction == "rtl"
        else:
            rtl = (bidi_levels.first_strong_direction(prepared) or lang_direction) == "rtl"
        levels = bidi_levels.resolve_levels(prepared, rtl)
        return _Paragraph(prepared, rtl, levels, _assign_roles(self.fonts, prepared, levels, bold))

    def _segments(self, para: _Paragraph, start: int, end: int):
        """Maximal pieces of [start, end) with one level and one font: (start, end, level, role)."""
        seg_start = None
        key = None
        drawn, roles, levels = para.drawn, para.roles, para.levels
        for i in range(start, end):
            if not drawn[i]:
                continue
            k = (levels[i], roles[i])
            if k != key:
                if seg_start is not None:
                    yield seg_start, i, key[0], key[1]
                seg_start, key = i, k
        if seg_start is not None:
            yield seg_start, end, key[0], key[1]

    def _piece_width(self, para: _Paragraph, start: int, end: int, size: int, bold: bool) -> int:
        total = 0
        for s, e, level, role in self._segments(para, start, end):
            text = _drawable_text(para, s, e)
            if text:
                total += self.measure.run_width(text, role, bold, size, level % 2 == 1)
        return total

    def _break(self, para: _Paragraph, size: int, bold: bool, width: int | None):
        """Greedy line breaking in logical order at spaces; a word wider than the box is cut by clusters."""
        text = para.text
        n = len(text)
        if width is None or n == 0:
            return [(0, n)]
        tokens = _tokens(text)
        lines: list[tuple[int, int]] = []
        line_start, line_width = None, 0
        for t_start, word_end, t_end in tokens:
            word_w = self._piece_width(para, t_start, word_end, size, bold)
            space_w = self._piece_width(para, word_end, t_end, size, bold) if t_end > word_end else 0
            if line_start is not None and line_width + word_w > width:
                lines.append((line_start, t_start))
                line_start, line_width = None, 0
            if word_w > width:
                for c_start, c_end in self._cut_word(para, t_start, word_end, size, bold, width):
                    if line_start is not None:
                        lines.append((line_start, c_start))
                    line_start, line_width = c_start, self._piece_width(para, c_start, c_end, size, bold)
                line_width += space_w
                continue
            if line_start is None:
                line_start = t_start
            line_width += word_w + space_w
        if line_start is not None:
            lines.append((line_start, n))
        if lines:
            lines[-1] = (lines[-1][0], n)
        return lines or [(0, n)]

    def _cut_word(self, para, start, end, size, bold, width):
        """Pieces of an over-long word that each fit: cluster widths are summed (linear, not a
        re-measure of every prefix), then each piece is measured once as shaped and trimmed if needed."""
        pieces, piece_start, acc = [], start, 0
        i = start
        while i < end:
            j = _next_cluster(para.text, i, end)
            w = self._piece_width(para, i, j, size, bold)
            if acc + w > width and i > piece_start:
                pieces.append((piece_start, i))
                piece_start, acc = i, 0
            acc += w
            i = j
        pieces.append((piece_start, end))
        fitted = []
        for p_start, p_end in pieces:
            while p_end - p_start > 1 and self._piece_width(para, p_start, p_end, size, bold) > width:
                fitted.append((p_start, p_end - 1))
                p_start = p_end - 1
            fitted.append((p_start, p_end))
        return fitted

    def _build_line(self, para: _Paragraph, start: int, end: int, size: int, bold: bool):
        # Trailing spaces hang past the line's end: they neither count for width nor push alignment.
        while end > start and para.text[end - 1].isspace():
            end -= 1
        text = para.text[start:end]
        levels = bidi_levels.line_levels(text, para.levels[start:end], int(para.rtl))
        sub = _Paragraph(text, para.rtl, tuple(levels), para.roles[start:end], para.drawn[start:end])
        segments = list(self._segments(sub, 0, len(text)))
        # L2 on segments: each segment is one level, so reversing segments (and shaping odd levels RTL)
        # is the same as reversing characters.
        order = bidi_levels.visual_order([seg[2] for seg in segments])
        runs, x = [], 0
        for index in order:
            s, e, level, role = segments[index]
            run_text = _drawable_text(sub, s, e)
            if not run_text:
                continue
            rtl = level % 2 == 1
            w = self.measure.run_width(run_text, role, bold, size, rtl)
            runs.append(Run(run_text, "rtl" if rtl else "ltr", x, w, self.fonts.file_name(role, bold), role, bold,
                            script_tag(run_text, role)))
            x += w
        return tuple(runs), x, _logical_text(text)

    def _ellipsize(self, para: _Paragraph, start: int, end: int, size: int, bold: bool, width: int):
        """The last allowed line, cut so that it and an ellipsis fit; the ellipsis goes at the logical end."""
        text = para.text[start:end]
        keep = len(text)
        while keep > 0:
            candidate = text[:keep].rstrip() + ELLIPSIS
            cand_para = self._paragraph(candidate, "rtl" if para.rtl else "ltr", "ltr", bold)
            runs, w, line_text = self._build_line(cand_para, 0, len(candidate), size, bold)
            if w <= width:
                return runs, w, line_text
            keep = _previous_break(text, keep)
        cand_para = self._paragraph(ELLIPSIS, "rtl" if para.rtl else "ltr", "ltr", bold)
        return self._build_line(cand_para, 0, 1, size, bold)


def _align_offset(align: str, rtl: bool, box_width: int, line_width: int) -> int:
    free = max(0, box_width - line_width)
    if align == "center":
        return free // 2
    at_right = (align == "start") == rtl
    return free if at_right else 0


def _drawable_text(para: _Paragraph, start: int, end: int) -> str:
    text = para.text[start:end]
    drawn = para.drawn[start:end]
    return text if all(drawn) else "".join(ch for ch, keep in zip(text, drawn) if keep)


def _logical_text(text: str) -> str:
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def _tokens(text: str):
    """(start, end of word, end including following spaces) for each break opportunity."""
    out, i, n = [], 0, len(text)
    while i < n:
        j = i
        while j < n and not text[j].isspace():
            j += 1
        k = j
        while k < n and text[k].isspace():
            k += 1
        if j == i and out:  # leading spaces join the previous token's trailing space
            s, w, _e = out[-1]
            out[-1] = (s, w, k)
        else:
            out.append((i, j, k))
        i = k
    return out


def _next_cluster(text: str, i: int, end: int) -> int:
    """Index after the grapheme cluster at i: a base and the marks (harakat) that follow it."""
    j = i + 1
    while j < end and unicodedata.category(text[j]) in ("Mn", "Me", "Mc"):
        j += 1
    return j


def _previous_break(text: str, keep: int) -> int:
    """Shorten by one word, or by one cluster when only one word is left."""
    stripped = text[:keep].rstrip()
    space = stripped.rfind(" ")
    if space > 0:
        return space
    return max(0, len(stripped) - 1)
