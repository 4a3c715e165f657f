"""Checks that a JSON Schema cannot express: the story graph, references between parts of a file, assets.

Each check is a generator over the document's plain data that yields Findings (code, path, message) and
knows nothing of files or lines. They run even when the schema found problems, so every check reads the
data defensively (`_mapping`, `_items`) and simply skips what is malformed — the schema already said so.
"""
from __future__ import annotations

from collections import deque
from pathlib import PurePosixPath
from typing import Callable, Iterator

from .config import ASSET_KEYS, PLAYER_CHARACTER, TOPICS
from .errors import WARNING, did_you_mean
from .findings import Finding
from .pedagogy import SCENARIO_CHECKS
from .quiz_checks import QUIZ_CHECKS

Check = Callable[[dict], Iterator[Finding]]


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value: object) -> list:
    return value if isinstance(value, list) else []


def _choices(nodes: dict) -> Iterator[tuple[str, int, dict]]:
    for node_id, node in nodes.items():
        for i, choice in enumerate(_items(_mapping(node).get("choices"))):
            if isinstance(choice, dict):
                yield node_id, i, choice


def _edges(nodes: dict) -> dict[str, list[str]]:
    """node id -> ids it leads to (only targets that exist)."""
    edges: dict[str, list[str]] = {node_id: [] for node_id in nodes}
    for node_id, _i, choice in _choices(nodes):
        target = choice.get("next")
        if isinstance(target, str) and target in nodes:
            edges[node_id].append(target)
    return edges


def _is_end(node: object) -> bool:
    return isinstance(node, dict) and "end" in node


def check_references(data: dict) -> Iterator[Finding]:
    """`start` and every `next` name an existing node; every `from` names a character (E201, E202, E501)."""
    nodes = _mapping(data.get("nodes"))
    start = data.get("start")
    if isinstance(start, str) and nodes and start not in nodes:
        yield Finding("E202", ("start",), f"start node '{start}' does not exist{did_you_mean(start, nodes)}")
    for node_id, i, choice in _choices(nodes):
        target = choice.get("next")
        if isinstance(target, str) and target not in nodes:
            yield Finding("E201", ("nodes", node_id, "choices", i, "next"),
                          f"'next' names a node that does not exist: '{target}'{did_you_mean(target, nodes)}")
    characters = _mapping(data.get("characters"))
    known = [*characters, PLAYER_CHARACTER]
    for node_id, node in nodes.items():
        for j, message in enumerate(_items(_mapping(node).get("messages"))):
            sender = _mapping(message).get("from")
            if isinstance(sender, str) and sender not in known:
                yield Finding("E501", ("nodes", node_id, "messages", j, "from"),
                              f"'from' names an unknown character '{sender}'{did_you_mean(sender, known)}"
                              f"; characters: {', '.join(known)}")


def check_graph(data: dict) -> Iterator[Finding]:
    """Every node can be reached from `start` (W203) and can reach an end (E204)."""
    nodes = _mapping(data.get("nodes"))
    start = data.get("start")
    if not isinstance(start, str) or start not in nodes:
        return
    edges = _edges(nodes)
    reached, queue = {start}, deque([start])
    while queue:
        for target in edges[queue.popleft()]:
            if target not in reached:
                reached.add(target)
                queue.append(target)
    for node_id in nodes:
        if node_id not in reached:
            yield Finding("W203", ("nodes", node_id), f"node '{node_id}' cannot be reached from the start "
                          f"node '{start}'", severity=WARNING, at_key=True)
    reverse: dict[str, list[str]] = {node_id: [] for node_id in nodes}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].append(source)
    finishing = {node_id for node_id, node in nodes.items() if _is_end(node)}
    queue = deque(finishing)
    while queue:
        for source in reverse[queue.popleft()]:
            if source not in finishing:
                finishing.add(source)
                queue.append(source)
    for node_id, node in nodes.items():
        # a node with no choices and no end is already a schema error; don't say it twice
        if node_id in reached and node_id not in finishing and _mapping(node).get("choices"):
            yield Finding("E204", ("nodes", node_id), f"no ending can be reached from node '{node_id}': "
                          "the player would be stuck in a loop", at_key=True)


def check_node_topics(data: dict) -> Iterator[Finding]:
    """A node's `topics` are among the scenario's `topics` (E505): the results screen and the report name
    only the scenario's topics, so a node cannot bring in a new one."""
    declared = [t for t in _items(data.get("topics")) if isinstance(t, str)]
    if not declared:
        return  # missing or malformed top-level topics: the schema already says so
    for node_id, node in _mapping(data.get("nodes")).items():
        for i, topic in enumerate(_items(_mapping(node).get("topics"))):
            if topic in TOPICS and topic not in declared:  # an unknown topic is the schema's E104
                yield Finding("E505", ("nodes", node_id, "topics", i),
                              f"topic '{topic}' is not one of the scenario's topics ({', '.join(declared)}); "
                              "add it to the scenario's 'topics' or remove it here")


def is_voice_key(key: object) -> bool:
    """`voice` (beside `text`) or `<key>_voice` (beside another text key): a map language -> sound file."""
    return isinstance(key, str) and (key == "voice" or key.endswith("_voice"))


def _voice_files(value: object, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """(path, file) for every recording named anywhere in the document (messages, choices, prompts, ...)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if is_voice_key(key) and isinstance(item, dict):
                for lang, file in item.items():
                    yield path + (key, lang), file
            else:
                yield from _voice_files(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _voice_files(item, path + (i,))


def assets_dir():
    """The folder asset paths are relative to (a function, so tests can point it at a temporary folder
    without moving the fonts the text engine loads from the real one)."""
    from aman_game import ASSETS_DIR
    return ASSETS_DIR


def _asset_problem(value: object, path: tuple) -> Iterator[Finding]:
    if not isinstance(value, str) or not value:
        return  # not a path at all: the schema says so
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or ":" in value:
        yield Finding("E503", path, f"asset path '{value}' must be relative to assets/ and stay "
                                    "inside it (no leading /, no ..)")
    elif not (assets_dir() / pure).is_file():
        yield Finding("E502", path, f"asset '{value}' does not exist in assets/")


def check_assets(data: dict) -> Iterator[Finding]:
    """Asset paths — avatars and recorded voices — stay inside assets/ (E503) and name a file that exists
    (E502)."""
    for char_id, character in _mapping(data.get("characters")).items():
        for key in ASSET_KEYS:
            yield from _asset_problem(_mapping(character).get(key), ("characters", char_id, key))
    for path, file in _voice_files(data.get("nodes")):
        if isinstance(file, str) and file.strip():  # a blank one is the schema's "empty recording"
            yield from _asset_problem(file, ("nodes",) + path)


def check_quiz(data: dict) -> Iterator[Finding]:
    """`correct` points at an existing option (E506); question ids are unique (E507)."""
    seen: dict[str, int] = {}
    for i, question in enumerate(_items(data.get("questions"))):
        question = _mapping(question)
        correct, options = question.get("correct"), _items(question.get("options"))
        if isinstance(correct, int) and not isinstance(correct, bool) and options and correct >= len(options):
            yield Finding("E506", ("questions", i, "correct"), f"'correct' is {correct} but there are only "
                          f"{len(options)} options (counting from 0, the last is {len(options) - 1})")
        qid = question.get("id")
        if isinstance(qid, str):
            if qid in seen:
                yield Finding("E507", ("questions", i, "id"), f"question id '{qid}' is used twice "
                              f"(also question {seen[qid] + 1})")
            else:
                seen[qid] = i


from .direction import check_choice_ids, check_direction_controls  # noqa: E402 (E107, E403/W404)

CHECKS: dict[str, tuple[Check, ...]] = {
    "scenario": (check_references, check_graph, check_node_topics, check_assets, check_choice_ids,
                 check_direction_controls, *SCENARIO_CHECKS),
    "region": (check_direction_controls,),
    "quiz": (check_quiz, check_direction_controls, *QUIZ_CHECKS),
    "glossary": (),
}
