"""Scenario content: the format's model, the safe YAML loader, the JSON Schemas' validator and the checks.

    from aman_game.content import load_scenario, load_library, load_region, load_quiz, ContentError
    scenario = load_scenario("scenes/gift_gems.yaml")     # frozen dataclasses, or ContentError
    library = load_library(SCENES_DIR)                   # valid scenarios + one error per broken file

Imports no pygame; the text-fit check loads the text engine only when asked for (validate, fit=True).
"""
from __future__ import annotations

from .config import REQUIRED_LANGUAGES
from .errors import ERROR, WARNING, ContentError, Problem
from .loader import (Library, check_file, detect_kind, load_library, load_quiz, load_region, load_scenario,
                     validate_paths)
from .model import (App, Character, Choice, Ending, Feedback, Loc, Message, Node, Question, Quiz, Region,
                    Resource, Scenario, TeacherNotes, Text)

__all__ = [
    "REQUIRED_LANGUAGES", "ERROR", "WARNING", "ContentError", "Problem", "Library", "check_file", "detect_kind",
    "load_library", "load_quiz", "load_region", "load_scenario", "validate_paths", "App", "Character", "Choice",
    "Ending", "Feedback", "Loc", "Message", "Node", "Question", "Quiz", "Region", "Resource", "Scenario",
    "TeacherNotes", "Text",
]
