"""E403 / W404: invisible direction controls in an author's text, named with the column they are at.

Overrides and embeddings (U+202A-U+202E) are errors; a stray mark or an unclosed or useless isolate is a
warning (see aman_game.direction_controls, which also keeps unbalanced ones off the screen). Also E107: two
choices of one decision with the same `id:` (the translation lock names a choice by it).
"""
from __future__ import annotations

from typing import Iterator

from ..direction_controls import find
from .errors import ERROR, WARNING
from .findings import Finding
from .schema import language_name

#: Languages whose paragraphs run right to left (the direction a control is judged against).
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi", "dv", "xb"})


def _is_language(key: object) -> bool:
    return isinstance(key, str) and 2 <= len(key) <= 3 and key.isalpha() and key.islower()


def _texts(value: object, path: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """(path, language, text) for every string in a language map; recordings (`voice`) are file names."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and (key == "voice" or key.endswith("_voice")):
                continue
            if isinstance(item, str) and _is_language(key):
                yield path + (key,), key, item
            else:
                yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))


def check_direction_controls(data: dict) -> Iterator[Finding]:
    for path, lang, text in _texts(data):
        controls = find(text, lang in RTL_LANGUAGES)
        for control in controls:
            nth = text[: control.index].count(control.char)
            where = f"at character {control.index + 1} of the text"
            yield Finding("E403" if control.is_error else "W404", path,
                          f"{language_name(lang)} text ('{lang}') has an invisible {control.name} {where}: "
                          f"{control.advice()}", severity=ERROR if control.is_error else WARNING,
                          at_char=(control.char, nth))


def check_choice_ids(data: dict) -> Iterator[Finding]:
    nodes = data.get("nodes")
    for node_id, node in (nodes.items() if isinstance(nodes, dict) else ()):
        choices = node.get("choices") if isinstance(node, dict) else None
        seen: dict[str, int] = {}
        for i, choice in enumerate(choices if isinstance(choices, list) else ()):
            cid = choice.get("id") if isinstance(choice, dict) else None
            if isinstance(cid, str):
                if cid in seen:
                    yield Finding("E107", ("nodes", node_id, "choices", i, "id"),
                                  f"two choices of node '{node_id}' have the id '{cid}' (also choice "
                                  f"{seen[cid] + 1}); a choice's id must be unique in its node")
                else:
                    seen[cid] = i
