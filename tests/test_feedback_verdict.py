"""The feedback header speaks in three voices: safe, a good start (safe but not the best step), not safe."""
from __future__ import annotations

import types

import pytest

from aman_game import i18n
from aman_game.scoring import Decision
from aman_game.screens.feedback import FeedbackScreen


def _verdict(safe: bool, points: int, best: int, lang: str) -> str:
    screen = FeedbackScreen.__new__(FeedbackScreen)  # verdict() needs only the choice and the decision
    screen.choice = types.SimpleNamespace(safe=safe)
    screen.decision = Decision(node="n", choice=0, action="tell_adult", safe=safe, points=points, best_points=best)
    i18n.set_language(lang)
    try:
        return screen.verdict()
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("lang, best, partial, unsafe", [
    ("en", "Safe choice!", "A good start: one more step", "Not safe this time"),
    ("ar", "اختيار آمن!", "بدايةٌ جيّدة، وبقيت خطوة", "هذه المرة لم يكن الاختيار آمنًا"),
])
def test_verdicts(lang, best, partial, unsafe):
    assert _verdict(True, 10, 10, lang) == best
    assert _verdict(True, 5, 10, lang) == partial
    assert _verdict(False, 0, 10, lang) == unsafe
