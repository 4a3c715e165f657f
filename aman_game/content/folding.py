"""One root cause, one message: problems that only follow from an earlier mistake are folded under it.

A typo such as `choises:` makes the node look as if it had no choices (E105), which cuts every node after
it off from the start (W203, one per node) — ten lines for one wrong letter. Here each finding that is a
consequence is moved into the `folded` list of the finding that causes it; `validate` prints it indented
under its cause, and the summary counts it as folded. The rules are few and checkable:

1. a misspelt key (E101 "unknown key 'choises' (did you mean 'choices'?)") causes, in the same mapping,
   "missing required key 'choices'" (E102) and the node-shape error (E105 neither 'choices' nor 'end');
   and, in its node, the checks that read that key (no safe choice E301 for `safe`, E302 for `instead`);
2. a graph mistake — a misspelt `choices`/`next`/`start` key, or a `next`/`start` naming a node that
   does not exist with a "did you mean" (E201/E202) — causes every "cannot be reached" (W203) and "no
   ending can be reached" (E204) that disappears once the mistake is corrected the way the message
   suggests. The graph is walked again with the corrections applied to find exactly those.
Lesson findings (codes E7xx/W7xx) are never folded: they are about what the story teaches.
"""
from __future__ import annotations

import re
from collections import deque

from .findings import Finding

_SUGGESTED = re.compile(r"did you mean '([^']+)'\?")
_UNKNOWN_KEY = re.compile(r"unknown key '([^']+)'")
#: Codes a misspelt key (the key it should have been -> codes) explains inside its node.
_KEY_CONSEQUENCES = {
    "choices": {"E105", "E301", "E204"}, "end": {"E105"}, "safe": {"E301"},
    "instead": {"E302"}, "feedback": {"E302"},
}


def _never_folded(finding: Finding) -> bool:
    return finding.code[1:2] == "7"  # lesson checks (pedagogy) stay visible


def _suggestion(finding: Finding):
    match = _SUGGESTED.search(finding.message)
    return match.group(1) if match else None


def _node_path(path: tuple) -> tuple:
    return tuple(path[:2]) if len(path) >= 2 and path[0] == "nodes" else ()


def _reachable(nodes: dict, start, fixes: dict) -> dict:
    """node id -> the root finding (or None) on the path that first reaches it, walking the graph with
    `fixes` applied: fixes[("choices", node)] / fixes[("next", node, i)] / fixes[("start",)] give
    (value, finding)."""
    start_fix = fixes.get(("start",))
    if start_fix is not None:
        start, root = start_fix
    else:
        root = None
    if not isinstance(start, str) or start not in nodes:
        return {}
    via = {start: root}
    queue = deque([start])
    while queue:
        node_id = queue.popleft()
        node = nodes.get(node_id)
        node = node if isinstance(node, dict) else {}
        choices, cause = node.get("choices"), via[node_id]
        if ("choices", node_id) in fixes:
            choices, fix_root = fixes[("choices", node_id)]
            cause = cause or fix_root
        for i, choice in enumerate(choices if isinstance(choices, list) else ()):
            if not isinstance(choice, dict):
                continue
            target, edge_cause = choice.get("next"), cause
            if ("next", node_id, i) in fixes:
                target, fix_root = fixes[("next", node_id, i)]
                edge_cause = edge_cause or fix_root
            if isinstance(target, str) and target in nodes and target not in via:
                via[target] = edge_cause
                queue.append(target)
    return via


def _graph_fixes(data: dict, findings: list[Finding]) -> dict:
    nodes = data.get("nodes") if isinstance(data.get("nodes"), dict) else {}
    fixes: dict = {}
    for f in findings:
        wanted = _suggestion(f)
        if wanted is None:
            continue
        path = f.path
        if f.code == "E101":
            written = _UNKNOWN_KEY.search(f.message)
            holder = path[:-1]
            if written is None:
                continue
            if wanted == "choices" and len(holder) == 2 and holder[0] == "nodes":
                node = nodes.get(holder[1])
                if isinstance(node, dict):
                    fixes.setdefault(("choices", holder[1]), (node.get(written.group(1)), f))
            elif wanted == "next" and len(holder) == 4 and holder[0] == "nodes" and holder[2] == "choices":
                choice = _get(data, holder)
                if isinstance(choice, dict):
                    fixes.setdefault(("next", holder[1], holder[3]), (choice.get(written.group(1)), f))
            elif wanted == "start" and holder == ():
                fixes.setdefault(("start",), (data.get(written.group(1)), f))
        elif f.code == "E201" and len(path) == 5:
            fixes.setdefault(("next", path[1], path[3]), (wanted, f))
        elif f.code == "E202":
            fixes.setdefault(("start",), (wanted, f))
    return fixes


def _get(data, path: tuple):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _ends_reachable(nodes: dict, fixes: dict) -> set:
    """Nodes from which an ending can be reached, with the fixes applied."""
    edges: dict[str, list[str]] = {}
    for node_id, node in nodes.items():
        node = node if isinstance(node, dict) else {}
        choices = fixes.get(("choices", node_id), (node.get("choices"), None))[0]
        targets = []
        for i, choice in enumerate(choices if isinstance(choices, list) else ()):
            target = choice.get("next") if isinstance(choice, dict) else None
            target = fixes.get(("next", node_id, i), (target, None))[0]
            if isinstance(target, str) and target in nodes:
                targets.append(target)
        edges[node_id] = targets
    finishing = {n for n, node in nodes.items() if isinstance(node, dict) and "end" in node}
    changed = True
    while changed:
        changed = False
        for node_id, targets in edges.items():
            if node_id not in finishing and any(t in finishing for t in targets):
                finishing.add(node_id)
                changed = True
    return finishing


def fold(data: object, findings: list[Finding]) -> list[Finding]:
    """`findings` with every consequence moved under its cause (see the module docstring)."""
    if not isinstance(data, dict) or not findings:
        return findings
    causes: dict[int, Finding] = {}  # index of a consequence -> its root
    typos = [(f, _suggestion(f)) for f in findings if f.code == "E101" and _suggestion(f)]
    for i, f in enumerate(findings):
        if _never_folded(f) or f.code == "E101":
            continue
        for root, wanted in typos:
            holder = root.path[:-1]
            same_map = f.path == holder and f.code in ("E102", "E105") and (
                f.code == "E105" or f"'{wanted}'" in f.message)
            in_node = (_node_path(f.path) and _node_path(f.path) == _node_path(holder)
                       and f.code in _KEY_CONSEQUENCES.get(wanted, ()))
            if same_map or in_node:
                causes[i] = root
                break
    fixes = _graph_fixes(data, findings)
    if fixes:
        nodes = data.get("nodes") if isinstance(data.get("nodes"), dict) else {}
        intended = _reachable(nodes, data.get("start"), fixes)
        finishing = _ends_reachable(nodes, fixes)
        first_root = min((fix[1] for fix in fixes.values()), key=lambda r: findings.index(r))
        for i, f in enumerate(findings):
            if i in causes or _never_folded(f) or len(f.path) != 2 or f.path[0] != "nodes":
                continue
            if f.code == "W203" and intended.get(f.path[1], False) is not False:
                causes[i] = intended[f.path[1]] or first_root
            elif f.code == "E204" and f.path[1] in finishing:
                causes[i] = first_root
    if not causes:
        return findings
    folded: dict[int, list[Finding]] = {}
    for i, root in causes.items():
        folded.setdefault(id(root), []).append(findings[i])
    out = []
    for i, f in enumerate(findings):
        if i in causes:
            continue
        under = folded.get(id(f))
        out.append(f._replace(folded=tuple(under)) if under else f)
    return out
