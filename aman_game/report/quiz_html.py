"""The report's quiz section: paired before/after with n, per child, per item, per topic with retention.

Every figure is from quiz_figures.quiz_summary — the numbers `report --json` writes and the teacher's
summary screen shows. A fraction "3 / 4" sits in a left-to-right isolate so an Arabic page still reads it
as 3 out of 4; a count of children goes through ngettext (Arabic: طفل واحد، طفلان، ٣ أطفال ...).
"""
from __future__ import annotations

from aman_game import i18n

from . import svg
from .content_source import ReportContent
from .html_page import esc, num, pct, signed_points, user_text
from .quiz_figures import QuizSummary, Tally
from .strings import _, ngettext


def children_words(count: int, lang: str) -> str:
    """'1 child', '3 children' — in Arabic 'طفل واحد', 'طفلان', '٣ أطفال' (the count is in the words)."""
    return ngettext("{count} child", "{count} children", count, lang).format(count=i18n.format_number(count, lang))


def fraction(right: int, answered: int, lang: str) -> str:
    return f'<bdi dir="ltr">{num(right, lang)} / {num(answered, lang)}</bdi>'


def _tally(t: Tally, lang: str) -> str:
    if not t.answered:
        return '<td class="num muted">–</td>'
    return f'<td class="num" data-right="{t.right}" data-answered="{t.answered}">{fraction(t.right, t.answered, lang)}' \
           f" ({pct(t.rate, lang)})</td>"


def _score_cell(score, lang: str) -> str:
    if score is None:
        return '<td class="num muted">–</td>'
    return (f'<td class="num" data-rate="{score.rate}">{fraction(score.correct, score.answered, lang)}'
            f" ({pct(score.rate, lang)})</td>")


def _heading(text: str) -> str:
    return f"<h3>{esc(text)}</h3>"


def _table(columns: list[str], rows: list[str], css: str, numeric_from: int = 1) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in columns[:numeric_from]) + "".join(
        f'<th class="num">{esc(c)}</th>' for c in columns[numeric_from:])
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def paired_sentence(quiz: QuizSummary, lang: str) -> str:
    """The class's gain in one sentence, with its n, as HTML (the signed gain in an isolate: −13, not 13−)."""
    if quiz.mean_gain is None:
        return esc(_("No child has taken both the quiz before and the quiz after yet, so there is no gain to "
                     "show.", lang))
    template = esc(_("Before {before}, after {after}: a gain of {points} percentage points, over {children} who "
                     "took both quizzes.", lang))
    return template.format(before=pct(quiz.mean_pre, lang), after=pct(quiz.mean_post, lang),
                           points=signed_points(quiz.mean_gain, lang), children=esc(children_words(quiz.both, lang)))


def quiz_section(quiz: QuizSummary, content: ReportContent, lang: str, rtl: bool, rate_text, ticks) -> str:
    out = [_heading(_("Quiz before and after playing", lang))]
    if not quiz.children:
        none = _("No quiz answers were recorded.", lang)
        out.append(f"<p>{esc(none)}</p>")
        return "\n".join(out)
    out.append(f'<p data-figure="paired">{paired_sentence(quiz, lang)}</p>')
    if quiz.pre_only or quiz.post_only:
        only = _("Not in the gain: {pre_only} took only the quiz before, {post_only} only the quiz after.",
                 lang).format(pre_only=children_words(quiz.pre_only, lang),
                              post_only=children_words(quiz.post_only, lang))
        out.append(f'<p class="muted" data-figure="unpaired">{esc(only)}</p>')
    before, after, later = _("Before", lang), _("After", lang), _("Later", lang)
    mean = _("Class (children who took both)", lang)
    chart_mean = _("Class mean", lang)  # short: a chart label is cut at 26 characters
    rows = [svg.PairedBar(c.nickname, c.pre.rate if c.pre else None, c.post.rate if c.post else None,
                          rate_text(c.pre.rate if c.pre else None, lang),
                          rate_text(c.post.rate if c.post else None, lang))
            for c in quiz.children]
    rows.append(svg.PairedBar(chart_mean, quiz.mean_pre, quiz.mean_post, rate_text(quiz.mean_pre, lang),
                              rate_text(quiz.mean_post, lang), emphasis=True))
    out.append(svg.paired_chart(rows, _("Quiz score before and after playing", lang), rtl, ticks, before, after))
    show_later = quiz.delayed_children > 0
    body = []
    for c in quiz.children:
        gain = signed_points(c.gain, lang) if c.gain is not None else "–"
        cells = f"{_score_cell(c.pre, lang)}{_score_cell(c.post, lang)}<td class=\"num\">{gain}</td>"
        if show_later:
            cells += _score_cell(c.delayed, lang)
        body.append(f"<tr><th>{user_text(c.nickname)}</th>{cells}</tr>")
    mean_gain = signed_points(quiz.mean_gain, lang) if quiz.mean_gain is not None else "–"
    mean_row = (f'<tr class="mean"><th>{esc(mean)} <span class="muted">({esc(children_words(quiz.both, lang))})'
                f'</span></th><td class="num" data-figure="mean-pre">{pct(quiz.mean_pre, lang)}</td>'
                f'<td class="num" data-figure="mean-post">{pct(quiz.mean_post, lang)}</td>'
                f'<td class="num" data-figure="mean-gain">{mean_gain}</td>')
    body.append(mean_row + ('<td class="num"></td>' if show_later else "") + "</tr>")
    columns = [_("Nickname", lang), before, after, _("Gain", lang)] + ([later] if show_later else [])
    out.append(_table(columns, body, "quiz"))
    out.append(_items(quiz, content, lang))
    out.append(_topics(quiz, lang))
    out.append(limits_note(lang))
    return "\n".join(out)


def _items(quiz: QuizSummary, content: ReportContent, lang: str) -> str:
    if not quiz.items:
        return ""
    open_quote, close_quote = ("«", "»") if lang == "ar" else ("“", "”")
    rows = []
    for item in quiz.items:
        wrong = "–"
        if item.wrong_option is not None:
            text = content.option(item.question_id, item.wrong_option, lang)
            label = text if text is not None else _("option {number}", lang).format(
                number=i18n.format_number(item.wrong_option + 1, lang))
            times = ngettext("{count} time", "{count} times", item.wrong_times, lang).format(
                count=i18n.format_number(item.wrong_times, lang))
            wrong = f"{open_quote}{esc(label)}{close_quote} <span class=\"muted\">({esc(times)})</span>"
        rows.append(f'<tr data-item="{esc(item.question_id)}"><td>{esc(content.question(item.question_id, lang))}</td>'
                    f"{_tally(item.pre, lang)}{_tally(item.post, lang)}<td>{wrong}</td></tr>")
    columns = [_("Question", lang), _("Right before", lang), _("Right after", lang),
               _("Wrong answer chosen most", lang)]
    return _heading(_("Each question", lang)) + _table(columns, rows, "items")


def _topics(quiz: QuizSummary, lang: str) -> str:
    from aman_game.screens.words import TOPICS

    if not quiz.topics:
        return ""
    show_later = quiz.delayed_children > 0
    rows = []
    for t in quiz.topics:
        name = _(TOPICS[t.topic], lang) if t.topic in TOPICS else t.topic
        gain = signed_points(t.gain, lang) if t.gain is not None else "–"
        cells = f"{_tally(t.pre, lang)}{_tally(t.post, lang)}<td class=\"num\">{gain}</td>"
        if show_later:
            days = "–"
            if t.mean_delay_days is not None:
                days = esc(ngettext("{count} day", "{count} days", round(t.mean_delay_days), lang).format(
                    count=i18n.format_number(round(t.mean_delay_days), lang)))
            cells += (f"{_tally(t.delayed, lang)}<td class=\"num\">{esc(children_words(t.delayed_children, lang))}"
                      f"</td><td class=\"num\">{days}</td>")
        rows.append(f'<tr data-topic="{esc(t.topic)}"><td>{esc(name)}</td>{cells}</tr>')
    columns = [_("Topic", lang), _("Right before", lang), _("Right after", lang), _("Gain", lang)]
    if show_later:
        columns += [_("Right later (delayed check)", lang), _("Children", lang), _("Days later (mean)", lang)]
    note = _("Before and after: the children who took both quizzes. Later: the children who came back on a "
             "later day and answered a parallel question on the same topic.", lang)
    title = _("Each topic: same day and later", lang) if show_later else _("Each topic", lang)
    return _heading(title) + _table(columns, rows, "topics") + f'<p class="muted">{esc(note)}</p>'


def limits_note(lang: str) -> str:
    """What the quiz figures can and cannot say (LESSON-RULES §5)."""
    text = _("What these figures can say: how this class answered the same questions before and after playing, "
             "and later. What they cannot say: that the game caused the change — one class is small, it has no "
             "comparison group that did not play, and children may have learned from each other or from the "
             "questions themselves. Read a gain of a few points in a small class as no change.", lang)
    return f'<p data-figure="limits">{esc(text)}</p>'
