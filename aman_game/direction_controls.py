"""Invisible direction controls in text: find them (for authors and translators), and keep unbalanced ones
off the screen (for the engine).

Text pasted from web pages and word processors carries invisible Unicode controls that steer the bidi
algorithm. Two kinds matter:
- overrides and embeddings (U+202A-U+202E, LRE RLE PDF LRO RLO) force a direction on everything after
  them: a LEFT-TO-RIGHT OVERRIDE before an Arabic choice draws its letters backwards and unjoined. Content
  never needs them (the game isolates numbers and web addresses itself), so they are errors;
- marks and isolates (U+200E LRM, U+200F RLM, U+061C ALM, U+2066-U+2069 LRI RLI FSI PDI) are legitimate
  when an isolate is closed and the control changes what is drawn; a stray one is a warning.
"Changes what is drawn" is measured, not guessed: the string is reordered by python-bidi (the algorithm
the engine uses) with and without the control, at the paragraph direction of its language.

No pygame and nothing from the rest of the game: content checks, the catalog check and the text engine all
read this module.
"""
from __future__ import annotations

from dataclasses import dataclass

#: Forced direction: never wanted in content (errors).
OVERRIDES = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
}
MARKS = {"\u200e": "LEFT-TO-RIGHT MARK", "\u200f": "RIGHT-TO-LEFT MARK", "\u061c": "ARABIC LETTER MARK"}
ISOLATES = {"\u2066": "LEFT-TO-RIGHT ISOLATE", "\u2067": "RIGHT-TO-LEFT ISOLATE",
            "\u2068": "FIRST STRONG ISOLATE", "\u2069": "POP DIRECTIONAL ISOLATE"}
_OPENERS = "\u202a\u202b\u202d\u202e"
_PDF, _PDI = "\u202c", "\u2069"
_ISOLATE_OPENERS = "\u2066\u2067\u2068"
ALL = {**OVERRIDES, **MARKS, **ISOLATES}


@dataclass(frozen=True)
class Control:
    """One control found in a string: where (0-based index), which, and what is wrong with it."""
    index: int
    char: str
    problem: str  # "forces" (override/embedding) | "unbalanced" (isolate) | "no_effect" (mark/isolate)

    @property
    def name(self) -> str:
        return f"{ALL[self.char]} (U+{ord(self.char):04X})"

    @property
    def is_error(self) -> bool:
        return self.problem == "forces"

    def advice(self) -> str:
        """What is wrong and how to fix it, in an author's words."""
        if self.problem == "forces":
            return ("it forces one direction on the text after it (Arabic is drawn backwards and unjoined); "
                    "delete it — the game lays out mixed Arabic and English by itself")
        if self.problem == "unbalanced":
            closing = "an opening isolate before it" if self.char == _PDI else "its closing PDI (U+2069)"
            return f"it has no {closing}; delete it"
        return "it changes nothing on screen; delete it"


def _pairs(text: str) -> tuple[dict[int, int], set[int]]:
    """Matched opener->closer indexes (embeddings/overrides with PDF, isolates with PDI) per paragraph,
    following the bidi algorithm's rules X1-X8 closely enough for balance; and the unmatched indexes."""
    pairs: dict[int, int] = {}
    unmatched: set[int] = set()
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "\n":  # a paragraph ends every open embedding and isolate
            unmatched.update(stack)
            stack = []
        elif ch in _OPENERS or ch in _ISOLATE_OPENERS:
            stack.append(i)
        elif ch == _PDF:
            if stack and text[stack[-1]] in _OPENERS:
                pairs[stack.pop()] = i
            else:  # no embedding open, or an isolate is: the PDF does nothing
                unmatched.add(i)
        elif ch == _PDI:
            if any(text[j] in _ISOLATE_OPENERS for j in stack):
                while text[stack[-1]] not in _ISOLATE_OPENERS:  # a PDI closes embeddings left open inside
                    unmatched.add(stack.pop())
                pairs[stack.pop()] = i
            else:
                unmatched.add(i)
    unmatched.update(stack)
    return pairs, unmatched


def balance(text: str) -> str:
    """`text` without any embedding, override or isolate control that is not closed (or closes nothing):
    what the engine draws, so an unbalanced override can never reach the screen."""
    if not any(ch in OVERRIDES or ch in ISOLATES for ch in text):
        return text
    _pairs_found, unmatched = _pairs(text)
    if not unmatched:
        return text
    return "".join(ch for i, ch in enumerate(text) if i not in unmatched)


def _visual(text: str, rtl: bool) -> str:
    from bidi import get_display

    shown = get_display(text, base_dir="R" if rtl else "L")
    return "".join(ch for ch in shown if ch not in ALL)


def _without(text: str, indexes) -> str:
    drop = set(indexes)
    return "".join(ch for i, ch in enumerate(text) if i not in drop)


def find(text: str, rtl: bool) -> list[Control]:
    """Every direction control in `text` that is a problem, in order. `rtl`: the paragraph direction of
    the string's language (Arabic True)."""
    if not any(ch in ALL for ch in text):
        return []
    pairs, unmatched = _pairs(text)
    closers = {closer: opener for opener, closer in pairs.items()}
    found: list[Control] = []
    visual = None
    for i, ch in enumerate(text):
        if ch in OVERRIDES:
            found.append(Control(i, ch, "forces"))
        elif ch in ISOLATES and i in unmatched:
            found.append(Control(i, ch, "unbalanced"))
        elif ch in MARKS or (ch in ISOLATES and i not in closers):  # a closing PDI goes with its opener
            visual = _visual(text, rtl) if visual is None else visual
            removed = (i, pairs[i]) if i in pairs else (i,)
            if _visual(_without(text, removed), rtl) == visual:
                found.append(Control(i, ch, "no_effect"))
    return found


def column_of(text: str, index: int) -> int:
    """1-based column of `index` within its own line of `text`."""
    return index - text.rfind("\n", 0, index)
