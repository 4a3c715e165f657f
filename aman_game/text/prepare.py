"""Clean a paragraph before layout: nothing a child, an author or a fuzzer types may crash the engine.

Also wraps phone numbers and web addresses in a left-to-right isolate (LRI … PDI, part of the Unicode
bidi algorithm) so that "66815757 5757" groups or "safespace.qa/ar" keep their reading order inside Arabic,
as a reader expects, instead of being split into separately ordered number runs.
"""
from __future__ import annotations

import re
import unicodedata

from ..direction_controls import balance

LRI, PDI = "\u2066", "\u2069"
ELLIPSIS = "\u2026"

#: Bidi controls never get a glyph; they steer the algorithm and are dropped from what is drawn.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_URL = re.compile(r"(?:https?://|www\.)[^\s]+|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:qa|com|org|net|gov|edu|int)(?:/[^\s]*)?",
                  re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d \-]{4,}\d")
#: @handles, #tags and e-mail addresses: a leading "@" or "#" is a neutral that would otherwise be
#: drawn at the wrong end of a Latin handle inside Arabic ("noor.q@").
_HANDLE = re.compile(r"[\w.+-]*[@#][A-Za-z0-9_][\w.-]*[A-Za-z0-9_]|[@#][A-Za-z0-9_]", re.ASCII)
_URL_TRAILING_PUNCT = ".,;:!?)\u060c\u061f\u061b"


def clean(text: object) -> str:
    """Any object to a printable string: lone surrogates to U+FFFD, tabs to spaces, other controls dropped,
    and direction controls that are not closed (a pasted LEFT-TO-RIGHT OVERRIDE would draw Arabic backwards
    and unjoined to the end of the paragraph) dropped too."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return balance("".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc"))


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def isolate_ltr_spans(paragraph: str) -> str:
    """Wrap URLs, @handles, e-mail addresses and phone numbers in LRI…PDI: each reads left to right as one unit."""
    spans: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in spans)

    for match in _HANDLE.finditer(paragraph):
        spans.append(match.span())
    for match in _URL.finditer(paragraph):
        start, end = match.span()
        while end > start and paragraph[end - 1] in _URL_TRAILING_PUNCT:
            end -= 1
        if free(start, end):
            spans.append((start, end))
    for match in _PHONE.finditer(paragraph):
        start, end = match.span()
        digits = sum(ch.isdigit() for ch in match.group())
        if digits >= 6 and free(start, end):
            spans.append((start, end))
    if not spans:
        return paragraph
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(paragraph[last:start])
        out.append(LRI + paragraph[start:end] + PDI)
        last = end
    out.append(paragraph[last:])
    return "".join(out)


def strip_controls(text: str) -> str:
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)
