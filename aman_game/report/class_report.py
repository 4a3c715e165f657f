"""The teacher's class report as one HTML page (one section per class).

Every figure comes from figures.compute, the same numbers the in-game summary screen shows.
"""
from __future__ import annotations

import datetime as _dt

from aman_game import i18n
from aman_game.results.model import ClassResults

from . import svg
from .content_source import ReportContent, text_in
from .figures import ClassFigures, compute
from .html_page import esc, num, page, pct, signed_points, user_text
from .strings import _, outcome_label

MISSED_SHOWN = 5
SITUATION_CHARS = 140


def build_class_report(results: ClassResults, content: ReportContent, lang: str, class_name: str | None = None,
                       today: _dt.date | None = None) -> str:
    """The whole report. `class_name` keeps one class; otherwise every class gets its own section."""
    lang = i18n.normalize(lang)
    today = today or _dt.date.today()
    names = [class_name] if class_name else results.classes()
    parts = [f"<h1>{esc(_('Aman — class report', lang))}</h1>",
             f'<p class="meta">{esc(_("Made on {date}. Results files read: {count}.", lang).format(date=i18n.format_date(today, lang=lang), count=i18n.format_number(len(results.sources), lang)))}</p>']
    sections = []
    for index, name in enumerate(names):
        one = results.for_class(name)
        anchor = f"class-{index + 1}"
        if not one.runs and not one.quiz_answers:
            sections.append(f'<section id="{anchor}"><p>{esc(_("No results for class {name} were found.", lang)).format(name=user_text(name))}</p></section>')
            continue
        sections.append(_class_section(compute(one, name), content, lang, anchor))
    if not names:
        sections.append(f"<p>{esc(_('No results were found in the files given.', lang))}</p>")
    if len(names) > 1:
        links = "".join(f'<li><a href="#class-{i + 1}">{esc(_("Class {name}", lang)).format(name=user_text(n))}</a></li>'
                        for i, n in enumerate(names))
        parts.append(f"<nav><h2>{esc(_('Contents', lang))}</h2><ul>{links}</ul></nav>")
    parts += sections
    parts.append(_notes(results, lang))
    return page(_("Aman — class report", lang), lang, "\n".join(parts))


def _class_section(fig: ClassFigures, content: ReportContent, lang: str, anchor: str) -> str:
    rtl = i18n.direction(lang) == "rtl"
    out = [f'<section id="{anchor}" data-class="{esc(fig.class_name)}">',
           f"<h2>{esc(_('Class {name}', lang)).format(name=user_text(fig.class_name))}</h2>",
           _summary(fig, lang),
           _who_finished(fig, content, lang),
           _scenario_rates(fig, content, lang, rtl),
           _quiz(fig, lang, rtl),
           _most_missed(fig, content, lang),
           _decision_rates(fig, content, lang),
           "</section>"]
    return "\n".join(out)


def _card(label: str, value: str, key: str) -> str:
    return f'<div class="card" data-figure="{key}">{esc(label)}<b>{value}</b></div>'


def _summary(fig: ClassFigures, lang: str) -> str:
    finished = sum(1 for cell in fig.table.values() if cell.finished)
    cards = [
        _card(_("Children", lang), num(len(fig.nicknames), lang), "children"),
        _card(_("Stories finished (of started)", lang),
              f'<bdi dir="ltr">{num(finished, lang)} / {num(len(fig.table), lang)}</bdi>', "finished"),
        _card(_("Choices made", lang), num(fig.total_decisions, lang), "choices"),
        _card(_("Safe choices", lang), pct(fig.safe_rate, lang), "safe-rate"),
    ]
    if fig.quiz.mean_gain is not None:
        cards.append(_card(_("Quiz: mean gain in percentage points", lang), signed_points(fig.quiz.mean_gain, lang),
                           "gain"))
    return f"<h3>{esc(_('Summary', lang))}</h3><div class=\"cards\">{''.join(cards)}</div>"


def _who_finished(fig: ClassFigures, content: ReportContent, lang: str) -> str:
    head = "".join(f"<th>{esc(content.title(sid, lang))}</th>" for sid in fig.scenario_ids)
    rows = []
    for nick in fig.nicknames:
        cells, done = [], 0
        for sid in fig.scenario_ids:
            cell = fig.cell(nick, sid)
            if cell is None:
                cells.append(f'<td class="muted">{esc(_("not played", lang))}</td>')
                continue
            if cell.finished:
                done += 1
                score = ""
                if cell.score is not None and cell.max_score:
                    score = f' <bdi dir="ltr">{num(cell.score, lang)}/{num(cell.max_score, lang)}</bdi>'
                body = f'<span class="badge {esc(cell.outcome)}">{esc(outcome_label(cell.outcome or "", lang))}</span>{score}'
            else:
                body = f'<span class="badge open">{esc(_("started, not finished", lang))}</span>'
            if cell.attempts > 1:
                body += f'<br><span class="muted">{esc(_("{count} attempts", lang).format(count=i18n.format_number(cell.attempts, lang)))}</span>'
            cells.append(f'<td data-outcome="{esc(cell.outcome or "open")}">{body}</td>')
        rows.append(f"<tr><th>{user_text(nick)}</th>{''.join(cells)}<td class=\"num\">{num(done, lang)}</td></tr>")
    return (f"<h3>{esc(_('Who finished what', lang))}</h3>"
            f'<table class="who"><thead><tr><th>{esc(_("Nickname", lang))}</th>{head}'
            f'<th class="num">{esc(_("Stories finished", lang))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _ticks(lang: str) -> list[str]:
    return [i18n.format_percentage(v, lang) for v in (0, 0.5, 1)]


def _scenario_rates(fig: ClassFigures, content: ReportContent, lang: str, rtl: bool) -> str:
    bars = [svg.Bar(content.title(s.scenario_id, lang), s.rate, i18n.format_percentage(s.rate, lang) if s.rate is not None else "–")
            for s in fig.scenarios]
    chart = svg.bar_chart(bars, _("Safe-choice rate per story", lang), rtl, _ticks(lang))
    rows = "".join(
        f'<tr data-scenario="{esc(s.scenario_id)}"><td>{esc(content.title(s.scenario_id, lang))}</td>'
        f'<td class="num">{num(s.children, lang)}</td><td class="num">{num(s.finished_children, lang)}</td>'
        f'<td class="num">{num(s.decisions, lang)}</td><td class="num">{num(s.safe, lang)}</td>'
        f'<td class="num" data-rate="{s.rate if s.rate is not None else ""}">{pct(s.rate, lang)}</td></tr>'
        for s in fig.scenarios)
    return (f"<h3>{esc(_('Safe-choice rate per story', lang))}</h3>{chart}"
            f'<table class="scenarios"><thead><tr><th>{esc(_("Story", lang))}</th>'
            f'<th class="num">{esc(_("Children", lang))}</th><th class="num">{esc(_("Finished", lang))}</th>'
            f'<th class="num">{esc(_("Choices made", lang))}</th><th class="num">{esc(_("Safe choices", lang))}</th>'
            f'<th class="num">{esc(_("Rate", lang))}</th></tr></thead><tbody>{rows}</tbody></table>')


def _situation(content: ReportContent, scenario_id: str, node_id: str, lang: str) -> str:
    text = content.situation(scenario_id, node_id, lang)
    return text if len(text) <= SITUATION_CHARS else text[: SITUATION_CHARS - 1].rstrip() + "…"


def _decision_rates(fig: ClassFigures, content: ReportContent, lang: str) -> str:
    rows = "".join(
        f'<tr data-decision="{esc(d.scenario_id)}/{esc(d.node_id)}"><td>{esc(content.title(d.scenario_id, lang))}</td>'
        f'<td>{esc(_situation(content, d.scenario_id, d.node_id, lang))} <span class="muted">({esc(d.node_id)})</span></td>'
        f'<td class="num">{num(d.decisions, lang)}</td><td class="num">{num(d.safe, lang)}</td>'
        f'<td class="num" data-rate="{d.rate}">{pct(d.rate, lang)}</td></tr>'
        for d in fig.decisions)
    return (f"<h3>{esc(_('Safe-choice rate per decision', lang))}</h3>"
            f'<table class="decisions"><thead><tr><th>{esc(_("Story", lang))}</th><th>{esc(_("Decision", lang))}</th>'
            f'<th class="num">{esc(_("Choices made", lang))}</th><th class="num">{esc(_("Safe choices", lang))}</th>'
            f'<th class="num">{esc(_("Rate", lang))}</th></tr></thead><tbody>{rows}</tbody></table>')


def _most_missed(fig: ClassFigures, content: ReportContent, lang: str) -> str:
    missed = fig.most_missed(MISSED_SHOWN)
    out = [f"<h3>{esc(_('Most-missed decisions', lang))}</h3>"]
    if not missed:
        out.append(f"<p>{esc(_('Nobody made an unsafe choice. Well done, class!', lang))}</p>")
    discussed: set[str] = set()
    for d in missed:
        block = [f'<div class="missed" data-decision="{esc(d.scenario_id)}/{esc(d.node_id)}">',
                 f"<b>{esc(content.title(d.scenario_id, lang))}</b>",
                 f"<blockquote>{esc(_situation(content, d.scenario_id, d.node_id, lang))}</blockquote>",
                 f"<p>{esc(_('Unsafe choices: {count} of {total}', lang).format(count=i18n.format_number(d.unsafe, lang), total=i18n.format_number(d.decisions, lang)))}</p>"]
        if d.unsafe_choices:
            index = d.unsafe_choices[0][0]
            choice = content.choice(d.scenario_id, d.node_id, index)
            label = text_in(choice.text, lang) if choice else _("choice {number}", lang).format(number=i18n.format_number(index + 1, lang))
            block.append(f"<p>{esc(_('Most chosen unsafe answer', lang))}: «{esc(label)}»</p>" if lang == "ar" else
                         f"<p>{esc(_('Most chosen unsafe answer', lang))}: “{esc(label)}”</p>")
            if choice is not None and choice.feedback.instead is not None:
                block.append(f"<p>{esc(_('What to do instead', lang))}: {esc(text_in(choice.feedback.instead, lang))}</p>")
        questions = content.discussion(d.scenario_id, lang)
        if questions and d.scenario_id not in discussed:
            discussed.add(d.scenario_id)
            items = "".join(f"<li>{esc(q)}</li>" for q in questions)
            block.append(f"<p>{esc(_('Questions for class discussion', lang))}:</p><ul class=\"tight\">{items}</ul>")
        if not content.knows(d.scenario_id):
            block.append(f'<p class="muted">{esc(_("Story {id} is no longer in the library; its choices are shown by number.", lang).format(id=d.scenario_id))}</p>')
        block.append("</div>")
        out.append("".join(block))
    return "\n".join(out)


def _quiz_cell(score, lang: str) -> str:
    if score is None:
        return '<td class="num muted">–</td>'
    return (f'<td class="num" data-rate="{score.rate}"><bdi dir="ltr">{num(score.correct, lang)}/{num(score.answered, lang)}</bdi>'
            f" ({pct(score.rate, lang)})</td>")


def _quiz(fig: ClassFigures, lang: str, rtl: bool) -> str:
    quiz = fig.quiz
    out = [f"<h3>{esc(_('Quiz before and after playing', lang))}</h3>"]
    if not quiz.children:
        out.append(f"<p>{esc(_('No quiz answers were recorded.', lang))}</p>")
        return "\n".join(out)
    fmt = lambda v: i18n.format_percentage(v, lang) if v is not None else "–"  # noqa: E731
    rows = [svg.PairedBar(c.nickname, c.pre.rate if c.pre else None, c.post.rate if c.post else None,
                          fmt(c.pre.rate if c.pre else None), fmt(c.post.rate if c.post else None))
            for c in quiz.children]
    rows.append(svg.PairedBar(_("Class mean", lang), quiz.mean_pre, quiz.mean_post, fmt(quiz.mean_pre),
                              fmt(quiz.mean_post), emphasis=True))
    out.append(svg.paired_chart(rows, _("Quiz score before and after playing", lang), rtl, _ticks(lang),
                                _("Before", lang), _("After", lang)))
    body = "".join(
        f"<tr><th>{user_text(c.nickname)}</th>{_quiz_cell(c.pre, lang)}{_quiz_cell(c.post, lang)}"
        f'<td class="num">{signed_points(c.gain, lang) if c.gain is not None else "–"}</td></tr>'
        for c in quiz.children)
    mean_gain = signed_points(quiz.mean_gain, lang) if quiz.mean_gain is not None else "–"
    body += (f'<tr class="mean"><th>{esc(_("Class mean", lang))}</th><td class="num">{pct(quiz.mean_pre, lang)}</td>'
             f'<td class="num">{pct(quiz.mean_post, lang)}</td><td class="num" data-figure="mean-gain">{mean_gain}</td></tr>')
    out.append(f'<table class="quiz"><thead><tr><th>{esc(_("Nickname", lang))}</th><th class="num">{esc(_("Before", lang))}</th>'
               f'<th class="num">{esc(_("After", lang))}</th><th class="num">{esc(_("Gain", lang))}</th></tr></thead>'
               f"<tbody>{body}</tbody></table>")
    if quiz.mean_gain is not None:
        sentence = esc(_("Mean gain: {points} percentage points, over the {count} children who took both quizzes.", lang))
        out.append("<p>" + sentence.format(points=signed_points(quiz.mean_gain, lang), count=num(quiz.both, lang)) + "</p>")
    return "\n".join(out)


def _notes(results: ClassResults, lang: str) -> str:
    command = "python main.py class delete NAME --data-dir FOLDER"
    out = [f"<h2>{esc(_('How to read these figures', lang))}</h2>",
           "<p>" + esc(_("Every choice counts, replays included. A safe-choice rate is safe choices divided by all choices. "
                         "A child has finished a story when one of their attempts reached an ending; the table shows their "
                         "best attempt. A quiz score counts the child's latest answer to each question.", lang)) + "</p>",
           f"<h2 id=\"stored\">{esc(_('What is stored', lang))}</h2>",
           "<p>" + esc(_("Aman stores only what this report needs: the class name, the nickname the child typed, which "
                         "stories were played, each choice (which one, whether it was safe, its points and how many seconds "
                         "it took), each story's ending and score, the quiz answers, and the times of each. No real name, "
                         "photo, e-mail, address or device identity of the child is stored, and the game never uses the "
                         "internet.", lang)) + "</p>",
           "<p>" + esc(_("Results are kept in one file per computer, in the data folder the school chose. To erase a class "
                         "for good, run: {command}", lang)).format(command=f"<code>{esc(command)}</code>") + "</p>"]
    if results.skipped:
        items = "".join(f"<li><code>{esc(s.path)}</code>: {esc(s.reason)}</li>" for s in results.skipped)
        out.append(f"<h3>{esc(_('Files that could not be read', lang))}</h3><ul>{items}</ul>")
    return "\n".join(out)
