"""The quiz figures in Arabic: counts of children with the right plural form (طفل واحد، طفلان، ٣ أطفال) and
fractions kept left to right ("3 / 4", never "4 / 3"), in the report and its sentence on the paired gain."""
from __future__ import annotations

import re

from aman_game import i18n
from aman_game.report.content_source import ReportContent
from aman_game.report.quiz_figures import quiz_summary
from aman_game.report.quiz_html import children_words, fraction, paired_sentence, quiz_section
from aman_game.results.model import ClassResults, QuizAnswer


def _answer(nick, phase, qid, right, at, topic="gift_offer", delay=None):
    return QuizAnswer("s", "5B", nick, phase, qid, 0 if right else 1, right, at, "", topic, delay)


def test_arabic_counts_of_children_use_every_plural_form():
    n = lambda k: i18n.format_number(k, "ar")  # noqa: E731
    assert children_words(0, "ar") == "لا أحد"
    assert children_words(1, "ar") == "طفل واحد"
    assert children_words(2, "ar") == "طفلان"
    assert children_words(3, "ar") == f"{n(3)} أطفال"
    assert children_words(11, "ar") == f"{n(11)} طفلًا"
    assert children_words(100, "ar") == f"{n(100)} طفل"
    assert children_words(1, "en") == "1 child" and children_words(3, "en") == "3 children"


def test_fractions_are_isolated_left_to_right():
    assert fraction(3, 4, "ar") == f'<bdi dir="ltr">{i18n.format_number(3, "ar")} / {i18n.format_number(4, "ar")}</bdi>'


def test_arabic_quiz_section_adds_up_for_one_child():
    results = ClassResults(quiz_answers=(
        _answer("Nour", "pre", "q1", False, "2026-03-01T08:00:00"), _answer("Nour", "pre", "q2", True, "2026-03-01T08:00:01"),
        _answer("Nour", "post", "q1", True, "2026-03-01T09:00:00"), _answer("Nour", "post", "q2", True, "2026-03-01T09:00:01"),
        _answer("Sara", "pre", "q1", True, "2026-03-01T08:00:02"),
        _answer("Nour", "delayed", "q1b", True, "2026-03-05T08:00:00", delay=4),
    ))
    quiz = quiz_summary(results)
    assert (quiz.both, quiz.pre_only, quiz.mean_pre, quiz.mean_post, quiz.mean_gain) == (1, 1, 0.5, 1.0, 0.5)
    sentence = paired_sentence(quiz, "ar")
    assert "طفل واحد" in sentence and '<bdi dir="ltr">+' in sentence
    html = quiz_section(quiz, ReportContent(), "ar", True, lambda r, lang: "", [])
    text = re.sub(r"<[^>]+>", " ", html)
    assert "يوم واحد" not in text and f"{i18n.format_number(4, 'ar')} أيام" in text  # 4 days later
    assert f'<bdi dir="ltr">{i18n.format_number(1, "ar")} / {i18n.format_number(2, "ar")}</bdi>' in html
    (topic,) = quiz.topics
    assert (topic.pre.right, topic.pre.answered, topic.post.right, topic.delayed.right) == (1, 2, 2, 1)
