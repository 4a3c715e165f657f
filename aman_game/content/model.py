"""The content model: frozen dataclasses built from a validated file.

Every node, choice, message and string keeps `loc` (file, line, col) so a tool or the game's author mode
can point back at the line that produced it. Locations are left out of equality.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, Optional

from .config import REQUIRED_LANGUAGES


@dataclass(frozen=True)
class Loc:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


_NO_VOICE: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Text:
    """One human-readable string in every language: Text({"en": ..., "ar": ...}).

    `voice` names recorded read-aloud files for some of its languages ({"ar": "sounds/voice/x_ar.ogg"},
    relative to assets/): written in the file as `voice:` beside a `text:`, or `<key>_voice:` beside any
    other text key (`prompt_voice`, `why_voice`, `instead_voice`). Empty when there is no recording; the
    narrator then uses the system voice."""
    values: Mapping[str, str]
    loc: Optional[Loc] = field(default=None, compare=False)
    voice: Mapping[str, str] = field(default_factory=lambda: _NO_VOICE)

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to the first required language that has it."""
        if lang in self.values:
            return self.values[lang]
        for fallback in REQUIRED_LANGUAGES:
            if fallback in self.values:
                return self.values[fallback]
        return next(iter(self.values.values()), "")

    def __getitem__(self, lang: str) -> str:
        return self.values[lang]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.values)


@dataclass(frozen=True)
class App:
    look: str
    name: Text
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Character:
    id: str
    name: Text
    role: str
    avatar: Optional[str] = None  # relative to assets/; the game draws a placeholder when it is absent
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Message:
    sender: str  # a character id, or "me" (the child)
    text: Text
    card: Optional[str] = None
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Feedback:
    why: Text
    instead: Optional[Text] = None
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Choice:
    text: Text
    action: str
    safe: bool
    points: int
    feedback: Feedback
    next: str
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Ending:
    outcome: str  # safe | recovered | unsafe
    text: Text
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Node:
    id: str
    messages: tuple[Message, ...] = ()
    prompt: Optional[Text] = None
    choices: tuple[Choice, ...] = ()
    end: Optional[Ending] = None
    loc: Optional[Loc] = field(default=None, compare=False)
    #: The scenario topics this step is about (optional, a subset of Scenario.topics): an unsafe choice
    #: here names only these as topics to revisit. Empty: the scenario's topics.
    topics: tuple[str, ...] = ()
    #: "shuffled" (each play shows the choices in its own order, so the safe one is not always first) or
    #: "fixed" (the author's order, where the order carries meaning).
    order: str = "shuffled"

    @property
    def is_end(self) -> bool:
        return self.end is not None


@dataclass(frozen=True)
class TeacherNotes:
    objective: Text
    discussion: tuple[Text, ...]
    if_child_discloses: Text
    warning_signs: tuple[Text, ...] = ()
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Text
    summary: Text
    age_band: str
    topics: tuple[str, ...]
    sensitivity: str
    app: App
    characters: Mapping[str, Character]
    start: str
    nodes: Mapping[str, Node]
    teacher_notes: TeacherNotes
    file: str = field(default="", compare=False)
    loc: Optional[Loc] = field(default=None, compare=False)

    @property
    def start_node(self) -> Node:
        return self.nodes[self.start]

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    @property
    def endings(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes.values() if n.is_end)


@dataclass(frozen=True)
class Resource:
    kind: str  # phone | app | web | person
    name: Text
    confirmed: bool
    description: Optional[Text] = None
    phone: Optional[str] = None
    url: Optional[str] = None
    loc: Optional[Loc] = field(default=None, compare=False)
    #: The channel's role (home, school, police_report, report_app, safety_site, support): story text names
    #: it as {help:ROLE}, so a region file, not the story, decides which number or app a child reads.
    id: Optional[str] = None


@dataclass(frozen=True)
class Region:
    code: str
    name: Text
    resources: tuple[Resource, ...]
    default: bool = False
    file: str = field(default="", compare=False)
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    form: str  # "a": asked before and after playing; "b": the parallel item of the delayed check
    text: Text
    options: tuple[Text, ...]
    correct: int
    explain: Text
    loc: Optional[Loc] = field(default=None, compare=False)


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    age_band: str = ""
    file: str = field(default="", compare=False)
    loc: Optional[Loc] = field(default=None, compare=False)


def frozen_mapping(items) -> Mapping:
    """A read-only dict view, so a loaded scenario cannot be changed by the code that plays it."""
    return MappingProxyType(dict(items))
