"""What the report needs from the content: titles, the situation at each decision, choice texts, teacher
notes, the region's help channels and the parents' advice. All behind this one module, so the report
keeps working when a scenario was removed from the library after the class played it (ids are shown).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

log = logging.getLogger(__name__)

PARENTS_FILE = Path("parents") / "advice.yaml"


def text_in(texts: Any, lang: str) -> str:
    """A {lang: text} map (a content Text or a plain dict) in `lang`, else English, else Arabic, else any."""
    if texts is None:
        return ""
    if isinstance(texts, str):
        return texts
    values: Mapping[str, str] = getattr(texts, "values", texts)
    if callable(values):  # a plain dict's .values method, not a content Text's mapping
        values = texts
    for code in (lang, "en", "ar"):
        if values.get(code):
            return values[code]
    return next((v for v in values.values() if v), "")


@dataclass(frozen=True)
class ReportContent:
    scenarios: Mapping[str, Any] = field(default_factory=dict)  # id -> aman_game.content.Scenario
    regions: Mapping[str, Any] = field(default_factory=dict)    # code -> aman_game.content.Region
    parents: Mapping[str, Any] = field(default_factory=dict)    # the parsed parents/advice.yaml
    problems: tuple[str, ...] = ()
    questions: Mapping[str, Any] = field(default_factory=dict)  # quiz item id -> content Question (every band)

    def question(self, question_id: str, lang: str) -> str:
        q = self.questions.get(question_id)
        return text_in(q.text, lang) if q is not None else question_id

    def option(self, question_id: str, index: int, lang: str) -> str | None:
        """An option's text by its index in the quiz file; None when the item is no longer in a bank."""
        q = self.questions.get(question_id)
        if q is None or not 0 <= index < len(q.options):
            return None
        return text_in(q.options[index], lang)

    def title(self, scenario_id: str, lang: str) -> str:
        scenario = self.scenarios.get(scenario_id)
        return text_in(scenario.title, lang) if scenario is not None else scenario_id

    def knows(self, scenario_id: str) -> bool:
        return scenario_id in self.scenarios

    def _node(self, scenario_id: str, node_id: str):
        scenario = self.scenarios.get(scenario_id)
        return scenario.nodes.get(node_id) if scenario is not None else None

    def situation(self, scenario_id: str, node_id: str, lang: str) -> str:
        """What the child had just read when choosing: the node's last message (else its prompt)."""
        node = self._node(scenario_id, node_id)
        if node is None:
            return node_id
        if node.messages:
            return text_in(node.messages[-1].text, lang)
        return text_in(node.prompt, lang) or node_id

    def choice(self, scenario_id: str, node_id: str, index: int):
        node = self._node(scenario_id, node_id)
        if node is None or not 0 <= index < len(node.choices):
            return None
        return node.choices[index]

    def discussion(self, scenario_id: str, lang: str) -> list[str]:
        scenario = self.scenarios.get(scenario_id)
        if scenario is None:
            return []
        return [text_in(q, lang) for q in scenario.teacher_notes.discussion]

    def region(self, code: str | None):
        """The region asked for, else the one marked default, else None."""
        if code and code in self.regions:
            return self.regions[code]
        return next((r for r in self.regions.values() if getattr(r, "default", False)), None)


def load_content(scenes_dir: str | Path | None = None) -> ReportContent:
    """Load the library under `scenes_dir` (default: the game's scenes/). Never raises: broken files are
    listed in `problems` and the report falls back to ids for what it can't find."""
    from aman_game import SCENES_DIR

    scenes = Path(scenes_dir) if scenes_dir is not None else SCENES_DIR
    problems: list[str] = []
    scenarios: dict[str, Any] = {}
    regions: dict[str, Any] = {}
    questions: dict[str, Any] = {}
    try:
        from aman_game.content import load_library

        library = load_library(scenes)
        scenarios = {s.id: s for s in library.scenarios}
        regions = {r.code: r for r in library.regions}
        questions = {q.id: q for quiz in library.quizzes for q in quiz.questions}
        problems += [str(e) for e in library.errors]
    except Exception as exc:  # the report must still come out when the content can't be read
        log.warning("content not loaded from %s: %s", scenes, exc)
        problems.append(f"{scenes}: {exc}")
    parents = load_parents_advice(scenes, problems)
    if not parents and scenes != SCENES_DIR and not (scenes / PARENTS_FILE).exists():
        parents = load_parents_advice(SCENES_DIR, problems)  # a library of its own still gets the shipped page
    if not questions and scenes != SCENES_DIR:
        try:  # a library without its own quiz (a test's scenes) still names the shipped items
            from aman_game.content import load_library

            questions = {q.id: q for quiz in load_library(SCENES_DIR / "quiz").quizzes for q in quiz.questions}
        except Exception as exc:
            log.warning("quiz banks not loaded: %s", exc)
    return ReportContent(scenarios, regions, parents, tuple(problems), questions)


def load_parents_advice(scenes: Path, problems: list[str] | None = None) -> dict:
    """scenes/parents/advice.yaml: the parents' page text, {en, ar} per item; {} when missing or broken."""
    path = scenes / PARENTS_FILE
    try:
        import yaml

        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        if not isinstance(data, dict):
            raise ValueError("expected a mapping at the top")
        return data
    except FileNotFoundError:
        return {}
    except Exception as exc:
        if problems is not None:
            problems.append(f"{path}: {exc}")
        return {}
