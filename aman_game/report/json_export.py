"""`report --json`: the report's figures as data, for a school's own analysis (the same numbers as the HTML).

One object: {"format": 1, "made_on", "files_read", "classes": [...]}; per class the safe-choice figures
per story and the quiz — paired before/after/gain with n, each child, each item (right before/after, the
wrong option chosen most, by its index in the quiz file), each topic with the delayed check's retention —
and the sentence on what the figures can and cannot say. Rates are fractions (0.75), None when there is no
answer; nothing is rounded here.
"""
from __future__ import annotations

import datetime as _dt

from aman_game.results.model import ClassResults

from .content_source import ReportContent, text_in
from .figures import ClassFigures, compute
from .quiz_figures import Tally

FORMAT = 1
LIMITS = ("The quiz figures describe one class: the same questions before and after playing (paired children "
          "only) and a parallel question on a later day. One class is small and has no comparison group that "
          "did not play, so they cannot show that the game caused a change.")


def _tally(t: Tally) -> dict:
    return {"right": t.right, "answered": t.answered, "rate": t.rate}


def _score(score) -> dict | None:
    return None if score is None else {"right": score.correct, "answered": score.answered, "rate": score.rate}


def _quiz(fig: ClassFigures, content: ReportContent) -> dict:
    q = fig.quiz
    items = []
    for item in q.items:
        wrong = None
        if item.wrong_option is not None:
            wrong = {"option": item.wrong_option, "times": item.wrong_times,
                     "text": {lang: content.option(item.question_id, item.wrong_option, lang) for lang in ("en", "ar")}}
        question = content.questions.get(item.question_id)
        items.append({"id": item.question_id, "topic": item.topic,
                      "text": {lang: text_in(question.text, lang) for lang in ("en", "ar")} if question else None,
                      "before": _tally(item.pre), "after": _tally(item.post), "most_chosen_wrong": wrong})
    return {
        "paired": {"n": q.both, "before": q.mean_pre, "after": q.mean_post, "gain": q.mean_gain},
        "took_only_before": q.pre_only,
        "took_only_after": q.post_only,
        "delayed_children": q.delayed_children,
        "children": [{"nickname": c.nickname, "before": _score(c.pre), "after": _score(c.post),
                      "gain": c.gain, "later": _score(c.delayed), "delay_days": c.delay_days} for c in q.children],
        "items": items,
        "topics": [{"topic": t.topic, "before": _tally(t.pre), "after": _tally(t.post), "gain": t.gain,
                    "later": _tally(t.delayed), "later_children": t.delayed_children,
                    "mean_delay_days": t.mean_delay_days} for t in q.topics],
        "limits": LIMITS,
    }


def class_json(fig: ClassFigures, content: ReportContent) -> dict:
    return {
        "class": fig.class_name,
        "children": len(fig.nicknames),
        "choices": fig.total_decisions,
        "safe_choices": fig.total_safe,
        "safe_rate": fig.safe_rate,
        "stories": [{"id": s.scenario_id, "title": content.title(s.scenario_id, "en"), "children": s.children,
                     "finished_children": s.finished_children, "choices": s.decisions, "safe_choices": s.safe,
                     "safe_rate": s.rate} for s in fig.scenarios],
        "quiz": _quiz(fig, content),
    }


def build_json(results: ClassResults, content: ReportContent, class_name: str | None = None,
               today: _dt.date | None = None) -> dict:
    names = [class_name] if class_name else results.classes()
    return {"format": FORMAT, "made_on": (today or _dt.date.today()).isoformat(),
            "files_read": len(results.sources),
            "classes": [class_json(compute(results.for_class(n), n), content) for n in names]}
