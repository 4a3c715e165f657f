"""A play-through of one scenario as data: current node, decisions, score. No pygame.

The play screen drives it; other parts of the game attach to its hooks without touching the screen:
`on_decision` callbacks get (session, decision) after every choice and `on_finish` callbacks get
(session, summary) once an end node is reached — the class-results store hooks in here.
"""
from __future__ import annotations

import random
import time
from typing import Any, Callable, Optional

from .scoring import Decision, Summary, summarize


def new_seed() -> int:
    """A fresh seed for the on-screen order of choices: every play of a story shows its own order."""
    return random.SystemRandom().randrange(2**31)


class PlaySession:
    """`seed` fixes the on-screen order of every decision's choices (`order()`): the same seed shows the
    same order (play --seed, tests), None draws a new one. `shuffle=False` keeps the author's order
    everywhere (previews and the screen gallery, which show a story as written). Choices are always
    *chosen* and recorded by their logical index, the position in the file, never by screen position."""

    def __init__(self, scenario: Any, *, start: str | None = None, clock: Callable[[], float] = time.monotonic,
                 seed: Optional[int] = None, shuffle: bool = True):
        self.scenario = scenario
        self.clock = clock
        self.seed = new_seed() if seed is None else int(seed)
        self.shuffle = shuffle
        self._orders: dict[str, tuple[int, ...]] = {}
        self.node_id: str = start if (start and start in scenario.nodes) else scenario.start
        self.path: list[str] = [self.node_id]
        self.decisions: list[Decision] = []
        self.summary: Optional[Summary] = None
        self.on_decision: list[Callable[["PlaySession", Decision], None]] = []
        self.on_finish: list[Callable[["PlaySession", Summary], None]] = []
        self._node_started = clock()

    @property
    def node(self):
        return self.scenario.nodes[self.node_id]

    @property
    def finished(self) -> bool:
        return self.summary is not None

    @property
    def at_end(self) -> bool:
        return self.node.end is not None

    @property
    def score(self) -> int:
        return sum(d.points for d in self.decisions)

    def order(self, node_id: Optional[str] = None) -> tuple[int, ...]:
        """The logical indexes of a node's choices in the order the screen shows them (position 0 first).

        Seeded by (seed, scenario, node), so one play shows a node the same way each time it is reached and
        `--seed` reproduces a child's screen; a node with `order: fixed` keeps the author's order."""
        node_id = self.node_id if node_id is None else node_id
        if node_id not in self._orders:
            node = self.scenario.nodes[node_id]
            indexes = list(range(len(node.choices)))
            if self.shuffle and getattr(node, "order", "shuffled") != "fixed" and len(indexes) > 1:
                random.Random(f"{self.seed}/{self.scenario.id}/{node_id}").shuffle(indexes)
            self._orders[node_id] = tuple(indexes)
        return self._orders[node_id]

    def index_at(self, position: int) -> int:
        """The logical index of the choice shown at screen `position` of the current node."""
        order = self.order()
        if not 0 <= position < len(order):
            raise IndexError(f"no choice at position {position} of node {self.node_id!r}")
        return order[position]

    def position_of(self, index: int) -> int:
        """Where the current node's choice `index` (logical) is shown on screen."""
        return self.order().index(index)

    def node_topics(self, node=None) -> tuple[str, ...]:
        """What a step is about: the node's own `topics:` when the author gave them, else the scenario's."""
        node = node or self.node
        return tuple(getattr(node, "topics", ()) or ()) or tuple(self.scenario.topics)

    def choose(self, index: int) -> Decision:
        """Take choice `index` at the current node; moves to its `next` node and tells the hooks."""
        node = self.node
        if node.end is not None or not (0 <= index < len(node.choices)):
            raise IndexError(f"no choice {index} at node {self.node_id!r}")
        choice = node.choices[index]
        now = self.clock()
        decision = Decision(
            node=self.node_id, choice=index, action=choice.action, safe=bool(choice.safe),
            points=int(choice.points), best_points=max(int(c.points) for c in node.choices),
            topics=self.node_topics(node), seconds=round(now - self._node_started, 2),
        )
        self.decisions.append(decision)
        self.node_id = choice.next
        self.path.append(self.node_id)
        self._node_started = now
        for hook in list(self.on_decision):
            hook(self, decision)
        return decision

    def finish(self) -> Summary:
        """At an end node: compute the summary once and tell the hooks."""
        if self.summary is None:
            end = self.node.end
            outcome = end.outcome if end is not None else ""
            self.summary = summarize(self.decisions, outcome, tuple(self.scenario.topics))
            for hook in list(self.on_finish):
                hook(self, self.summary)
        return self.summary

    def choice_index_for_action(self, action: str) -> Optional[int]:
        """The choice at this node done with the mock app's control for `action`, if there is one."""
        for i, c in enumerate(self.node.choices):
            if c.action == action:
                return i
        return None

    def summary_json(self, language: str) -> dict:
        """The one-line JSON summary `play --autoplay` prints."""
        s = self.summary or summarize(self.decisions, "", tuple(self.scenario.topics))
        return {
            "scenario": self.scenario.id,
            "language": language,
            "path": list(self.path),
            "choices": [d.choice for d in self.decisions],  # logical: the position in the file
            "positions": [self.order(d.node).index(d.choice) for d in self.decisions],  # what was pressed
            "seed": self.seed,
            "score": s.score,
            "max_score": s.max_score,
            "outcome": s.outcome or None,
        }


def end_paths(scenario: Any, limit: int = 10_000) -> list[list[int]]:
    """Choice-index sequences reaching every end node (one shortest path each), for tests and autoplay.

    Breadth-first from the start, so each end is reached by its shortest path; cycles are not re-entered."""
    seen = node_paths(scenario, limit)
    return [seen[nid] for nid, node in scenario.nodes.items() if node.end is not None and nid in seen]


def node_paths(scenario: Any, limit: int = 10_000) -> dict[str, list[int]]:
    """node id -> the shortest choice-index sequence from the start that reaches it (reachable nodes only):
    previews reach each node this way, so its step number and progress dots are the real ones."""
    from collections import deque

    seen = {scenario.start: []}
    queue = deque([scenario.start])
    while queue and len(seen) < limit:
        nid = queue.popleft()
        node = scenario.nodes[nid]
        for i, c in enumerate(node.choices):
            if c.next in scenario.nodes and c.next not in seen:
                seen[c.next] = seen[nid] + [i]
                queue.append(c.next)
    return seen
