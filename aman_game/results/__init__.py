"""Anonymous class results: a SQLite file per machine (store), merged for the report (reader).

Stored, and nothing else about a child: class name, nickname, scenario, each decision (node, choice,
action, safe, points, seconds taken), each run's outcome and score, quiz answers (pre/post), times.
Pure of pygame; see store.py for the durability choices.

The names below are imported on first use (PEP 562), so the game's start-up, which only asks whether a
class session is running, does not pay for sqlite3 and the reader.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "CURRENT_VERSION": ".schema", "ClassResults": ".model", "Decision": ".model", "QuizAnswer": ".model",
    "Run": ".model", "SkippedFile": ".model", "BadRows": ".model", "clean_name": ".model", "name_key": ".model",
    "default_data_dir": ".paths", "find_results_files": ".paths", "host_file_name": ".paths",
    "load_results": ".reader", "ResultsStore": ".store", "ResultsUnavailable": ".store",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
