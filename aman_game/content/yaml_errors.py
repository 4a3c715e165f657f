"""YAML syntax errors in an author's words, at the line where the mistake is.

The YAML parser reports where it gave up, in its own terms: a tab gives "found character that cannot start
any token", a missing colon on line 38 is reported at line 39 as "could not find expected ':'", a quote
left open is reported wherever the next quote happens to be. The three common mistakes are recognised
from the source text and rewritten: each message names the line, says what is wrong and how to fix it.
Anything else keeps the parser's words (still with its line and column).
"""
from __future__ import annotations

import re
from typing import Optional

_KEY_THEN_VALUE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s+(\S.*)$")
_QUOTE_PROBLEMS = ("quoted scalar", "expected ',' or '}'", "expected ',' or ']'", "end of stream",
                   "could not find expected ':'", "expected <block end>", "mapping values",
                   "did not find expected key")


def _tab_indented(lines: list[str], last: int) -> Optional[int]:
    """Index of the first line up to `last` whose indentation holds a tab."""
    for i, line in enumerate(lines[: last + 1]):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip() and not line.lstrip().startswith("#"):
            return i
    return None


def _unclosed_quote(line: str) -> Optional[int]:
    """Column index of a double quote opened on `line` and not closed there (comments ignored), or of a
    single quote that starts a value and is not closed; None when the line's quotes are balanced."""
    opened, i = None, 0
    while i < len(line):
        ch = line[i]
        if opened is None:
            if ch == "#" and (i == 0 or line[i - 1] in " \t"):
                return None
            if ch == '"':
                opened = i
            elif ch == "'" and (i == 0 or line[i - 1] in " \t:[{,-"):
                opened = i
        elif line[opened] == '"':
            if ch == "\\":
                i += 1
            elif ch == '"':
                rest = line[i + 1:].lstrip(" ")
                if rest and rest[0] not in ",}]:#":  # text right after a "closing" quote: this quote
                    return opened  # opened the next string, so the one at `opened` was never closed
                opened = None
        elif ch == "'":
            if i + 1 < len(line) and line[i + 1] == "'":
                i += 1  # '' is an escaped quote inside single quotes
            else:
                opened = None
        i += 1
    return opened


def explain(problem: str, context: str, line: int, col: int, context_line: Optional[int], text: str):
    """(line, col, message) for a recognised mistake, else None. Lines and columns are 1-based;
    `line` is where the parser stopped, `context_line` the line its context names (if any)."""
    lines = text.split("\n")
    last = min(len(lines), max(line, context_line or 0)) - 1
    tab = _tab_indented(lines, last + 1 if last + 1 < len(lines) else last)
    if tab is not None and tab <= last + 1:
        return (tab + 1, lines[tab].index("\t") + 1, f"line {tab + 1} is indented with a tab; YAML needs spaces: replace the tab with "
                              "spaces (set your editor to insert spaces for Tab)")
    words = f"{problem} {context}"
    if any(p in words for p in _QUOTE_PROBLEMS):
        for i, source in enumerate(lines[: last + 1]):
            at = _unclosed_quote(source)
            if at is not None:
                quote = source[at]
                return (i + 1, at + 1, f"the quote {quote} opened here on line {i + 1} is never closed: end the "
                                        f"text with {quote} on the same line")
    if "could not find expected ':'" in problem and context_line:
        source = lines[context_line - 1] if context_line - 1 < len(lines) else ""
        match = _KEY_THEN_VALUE.match(source)
        if match:
            indent, key, value = match.groups()
            value = re.sub(r"\s+#.*$", "", value)  # the comment is not part of the fix
            return (context_line, len(indent) + len(key) + 1,
                    f"line {context_line} has no ':' after '{key}': write '{key}: {value}'")
        return (context_line, 1, f"line {context_line} needs a ':' between the key and its value "
                                 "(like 'key: value')")
    if "mapping values are not allowed" in problem:
        return (line, col, f"line {line} has a ':' inside its value; put the text in quotes, like "
                         "'text: \"Note: ...\"'")
    return None
