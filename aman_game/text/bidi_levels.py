"""Bidi levels from python-bidi, and the per-line steps (L1, L2) that turn them into a visual order.

python-bidi 0.6 (the Rust unicode-bidi crate) resolves embedding levels but its public API returns only the
reordered string. We need the levels themselves so that each run can be shaped by HarfBuzz in its own
direction, so we ask for its documented debug output (`get_display(..., debug=True)`), which lists the
resolved level of every UTF-8 byte, and read the level of each character's first byte. The resolution of
levels (rules P2–I2) stays entirely python-bidi's; only the line-level rules L1 (reset trailing whitespace)
and L2 (reverse runs from the highest level down) are applied here, because they depend on where *our*
line breaks fall.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from bidi import get_display

_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_STRONG = {"L", "R", "AL"}
#: Characters removed by rule X9: they take no part in display and get no glyph.
_X9_REMOVED = {"RLE", "LRE", "RLO", "LRO", "PDF", "BN"}
_ISOLATE_INITIATORS = {"LRI", "RLI", "FSI"}


@functools.lru_cache(maxsize=4096)
def bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


def first_strong_direction(text: str) -> str | None:
    """'rtl' / 'ltr' from the first strong character outside isolates (rule P2), or None if there is none."""
    depth = 0
    for ch in text:
        cls = bidi_class(ch)
        if cls in _ISOLATE_INITIATORS:
            depth += 1
        elif cls == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and cls in _STRONG:
            return "ltr" if cls == "L" else "rtl"
    return None


@functools.lru_cache(maxsize=512)
def resolve_levels(text: str, rtl: bool) -> tuple[int, ...]:
    """Resolved embedding level of every character of one paragraph, with the paragraph level given."""
    if not text:
        return ()
    dump = get_display(text, base_dir="R" if rtl else "L", debug=True)
    # The dump lists original classes, then the levels, then the paragraphs; levels are per UTF-8 byte.
    start = dump.index("levels:")
    end = dump.index("paragraphs:", start)
    byte_levels = [int(m) for m in _LEVEL.findall(dump, start, end)]
    encoded = text.encode("utf-8", "surrogatepass")
    if len(byte_levels) != len(encoded):  # never seen; keep going at the paragraph level rather than fail
        return tuple([int(rtl)] * len(text))
    # A character's level is its first byte's: the bytes that are not UTF-8 continuation bytes.
    levels = [level for level, byte in zip(byte_levels, encoded) if byte & 0xC0 != 0x80]
    return tuple(levels)


@functools.lru_cache(maxsize=4096)
def is_removed(ch: str) -> bool:
    """True for characters rule X9 removes (embedding controls, boundary neutrals)."""
    return bidi_class(ch) in _X9_REMOVED


def line_levels(text: str, levels: tuple[int, ...], para_level: int) -> list[int]:
    """Rule L1 for one line: separators and trailing whitespace/isolates go back to the paragraph level."""
    out = list(levels)
    trailing = True
    for i in range(len(text) - 1, -1, -1):
        cls = bidi_class(text[i])
        if cls in ("S", "B"):
            out[i] = para_level
            trailing = True
        elif trailing and (cls in ("WS", "FSI", "LRI", "RLI", "PDI") or cls in _X9_REMOVED):
            out[i] = para_level
        else:
            trailing = False
    return out


def visual_order(levels: list[int]) -> list[int]:
    """Rule L2: indices in visual (left-to-right) order, reversing from the highest level to the lowest odd."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((lv for lv in levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        n = len(order)
        while i < n:
            if levels[order[i]] >= level:
                j = i
                while j < n and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order
