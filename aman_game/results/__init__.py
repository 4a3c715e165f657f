"""Anonymous class results: a SQLite file per machine (store), merged for the report (reader).

Stored, and nothing else about a child: class name, nickname, scenario, each decision (node, choice,
action, safe, points, seconds taken), each run's outcome and score, quiz answers (pre/post), times.
Pure of pygame; see store.py for the durability choices.
"""
from __future__ import annotations

from .model import ClassResults, Decision, QuizAnswer, Run, SkippedFile, clean_name, name_key
from .paths import default_data_dir, find_results_files, host_file_name
from .reader import load_results
from .schema import CURRENT_VERSION
from .store import ResultsStore, ResultsUnavailable

__all__ = [
    "CURRENT_VERSION", "ClassResults", "Decision", "QuizAnswer", "ResultsStore", "ResultsUnavailable", "Run",
    "SkippedFile", "clean_name", "default_data_dir", "find_results_files", "host_file_name", "load_results",
    "name_key",
]
