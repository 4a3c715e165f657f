"""The teacher's class report as one HTML page (one section per class).

Every figure comes from figures.compute, the same numbers the in-game summary screen shows.
Every `_()` call stands outside f-strings: Babel's extractor cannot see into them (before Python 3.12 an
f-string is one token), and a string it does not extract never reaches the translators.
"""
from __future__ import annotations

import datetime as _dt

from aman_game import i18n
from aman_game.results.model import ClassResults

from . import svg
from .content_source import ReportContent, text_in
from .figures import ClassFigures, compute
from .html_page import esc, num, page, pct, signed_points, user_text
from .quiz_html import children_words, quiz_section
from .strings import _, outcome_label

MISSED_SHOWN = 5
SITUATION_CHARS = 140
DELETE_COMMAND = "python main.py class delete NAME --data-dir FOLDER"


def build_class_report(results: ClassResults, content: ReportContent, lang: str, class_name: str | None = None,
                       today: _dt.date | None = None) -> str:
    """The whole report. `class_name` keeps one class; otherwise every class gets its own section."""
    lang = i18n.normalize(lang)
    today = today or _dt.date.today()
    names = [class_name] if class_name else results.classes()
    title = _("Aman — class report", lang)
    made = _("Made on {date}. Results files read: {count}.", lang).format(
        date=i18n.format_date(today, lang=lang), count=i18n.format_number(len(results.sources), lang))
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="meta">{esc(made)}</p>']
    sections = []
    for index, name in enumerate(names):
        one = results.for_class(name)
        anchor = f"class-{index + 1}"
        if not one.runs and not one.quiz_answers:
            none = esc(_("No results for class {name} were found.", lang)).format(name=user_text(name))
            sections.append(f'<section id="{anchor}"><p>{none}</p></section>')
            continue
        sections.append(_class_section(compute(one, name), content, lang, anchor))
    if not names:
        nothing = _("No results were found in the files given.", lang)
        sections.append(f"<p>{esc(nothing)}</p>")
    if len(names) > 1:
        class_words = esc(_("Class {name}", lang))
        links = "".join(f'<li><a href="#class-{i + 1}">{class_words.format(name=user_text(n))}</a></li>'
                        for i, n in enumerate(names))
        contents = esc(_("Contents", lang))
        parts.append(f"<nav><h2>{contents}</h2><ul>{links}</ul></nav>")
    parts += sections
    parts.append(_notes(results, lang))
    return page(title, lang, "\n".join(parts))


def _class_section(fig: ClassFigures, content: ReportContent, lang: str, anchor: str) -> str:
    rtl = i18n.direction(lang) == "rtl"
    heading = esc(_("Class {name}", lang)).format(name=user_text(fig.class_name))
    out = [f'<section id="{anchor}" data-class="{esc(fig.class_name)}">', f"<h2>{heading}</h2>",
           _summary(fig, lang),
           _who_finished(fig, content, lang),
           _scenario_rates(fig, content, lang, rtl),
           _quiz(fig, content, lang, rtl),
           _most_missed(fig, content, lang),
           _decision_rates(fig, content, lang),
           "</section>"]
    return "\n".join(out)


def _card(label: str, value: str, key: str) -> str:
    return f'<div class="card" data-figure="{key}">{esc(label)}<b>{value}</b></div>'


def _heading(text: str) -> str:
    return f"<h3>{esc(text)}</h3>"


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
        n = esc(children_words(fig.quiz.both, lang))
        cards.append(_card(_("Quiz: gain in percentage points", lang),
                           f'{signed_points(fig.quiz.mean_gain, lang)} <span class="muted">({n})</span>', "gain"))
    return _heading(_("Summary", lang)) + f'<div class="cards">{"".join(cards)}</div>'


def _who_finished(fig: ClassFigures, content: ReportContent, lang: str) -> str:
    not_played = esc(_("not played", lang))
    open_words = esc(_("started, not finished", lang))
    attempts_words = _("{count} attempts", lang)
    head = "".join(f"<th>{esc(content.title(sid, lang))}</th>" for sid in fig.scenario_ids)
    rows = []
    for nick in fig.nicknames:
        cells, done = [], 0
        for sid in fig.scenario_ids:
            cell = fig.cell(nick, sid)
            if cell is None:
                cells.append(f'<td class="muted">{not_played}</td>')
                continue
            if cell.finished:
                done += 1
                score = ""
                if cell.score is not None and cell.max_score:
                    score = f' <bdi dir="ltr">{num(cell.score, lang)}/{num(cell.max_score, lang)}</bdi>'
                outcome = esc(outcome_label(cell.outcome or "", lang))
                body = f'<span class="badge {esc(cell.outcome)}">{outcome}</span>{score}'
            else:
                body = f'<span class="badge open">{open_words}</span>'
            if cell.attempts > 1:
                attempts = esc(attempts_words.format(count=i18n.format_number(cell.attempts, lang)))
                body += f'<br><span class="muted">{attempts}</span>'
            cells.append(f'<td data-outcome="{esc(cell.outcome or "open")}">{body}</td>')
        rows.append(f"<tr><th>{user_text(nick)}</th>{''.join(cells)}<td class=\"num\">{num(done, lang)}</td></tr>")
    nickname, finished = esc(_("Nickname", lang)), esc(_("Stories finished", lang))
    return (_heading(_("Who finished what", lang)) +
            f'<table class="who"><thead><tr><th>{nickname}</th>{head}<th class="num">{finished}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _ticks(lang: str) -> list[str]:
    return [i18n.format_percentage(v, lang) for v in (0, 0.5, 1)]


def _rate_text(rate: float | None, lang: str) -> str:
    return i18n.format_percentage(rate, lang) if rate is not None else "–"


def _scenario_rates(fig: ClassFigures, content: ReportContent, lang: str, rtl: bool) -> str:
    title = _("Safe-choice rate per story", lang)
    bars = [svg.Bar(content.title(s.scenario_id, lang), s.rate, _rate_text(s.rate, lang)) for s in fig.scenarios]
    chart = svg.bar_chart(bars, title, rtl, _ticks(lang))
    rows = "".join(
        f'<tr data-scenario="{esc(s.scenario_id)}"><td>{esc(content.title(s.scenario_id, lang))}</td>'
        f'<td class="num">{num(s.children, lang)}</td><td class="num">{num(s.finished_children, lang)}</td>'
        f'<td class="num">{num(s.decisions, lang)}</td><td class="num">{num(s.safe, lang)}</td>'
        f'<td class="num" data-rate="{s.rate if s.rate is not None else ""}">{pct(s.rate, lang)}</td></tr>'
        for s in fig.scenarios)
    columns = [_("Story", lang), _("Children", lang), _("Finished", lang), _("Choices made", lang),
               _("Safe choices", lang), _("Rate", lang)]
    head = f"<th>{esc(columns[0])}</th>" + "".join(f'<th class="num">{esc(c)}</th>' for c in columns[1:])
    return (_heading(title) + chart +
            f'<table class="scenarios"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')


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
    columns = [_("Story", lang), _("Decision", lang), _("Choices made", lang), _("Safe choices", lang),
               _("Rate", lang)]
    head = "".join(f"<th>{esc(c)}</th>" for c in columns[:2]) + "".join(
        f'<th class="num">{esc(c)}</th>' for c in columns[2:])
    return (_heading(_("Safe-choice rate per decision", lang)) +
            f'<table class="decisions"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')


def _most_missed(fig: ClassFigures, content: ReportContent, lang: str) -> str:
    missed = fig.most_missed(MISSED_SHOWN)
    out = [_heading(_("Most-missed decisions", lang))]
    if not missed:
        well_done = _("Nobody made an unsafe choice. Well done, class!", lang)
        out.append(f"<p>{esc(well_done)}</p>")
    unsafe_words = _("Unsafe choices: {count} of {total}", lang)
    chosen_words = esc(_("Most chosen unsafe answer", lang))
    instead_words = esc(_("What to do instead", lang))
    discuss_words = esc(_("Questions for class discussion", lang))
    gone_words = _("Story {id} is no longer in the library; its choices are shown by number.", lang)
    choice_words = _("choice {number}", lang)
    open_quote, close_quote = ("«", "»") if lang == "ar" else ("“", "”")
    discussed: set[str] = set()
    for d in missed:
        unsafe = unsafe_words.format(count=i18n.format_number(d.unsafe, lang),
                                     total=i18n.format_number(d.decisions, lang))
        block = [f'<div class="missed" data-decision="{esc(d.scenario_id)}/{esc(d.node_id)}">',
                 f"<b>{esc(content.title(d.scenario_id, lang))}</b>",
                 f"<blockquote>{esc(_situation(content, d.scenario_id, d.node_id, lang))}</blockquote>",
                 f"<p>{esc(unsafe)}</p>"]
        if d.unsafe_choices:
            index = d.unsafe_choices[0][0]
            choice = content.choice(d.scenario_id, d.node_id, index)
            label = text_in(choice.text, lang) if choice else choice_words.format(
                number=i18n.format_number(index + 1, lang))
            block.append(f"<p>{chosen_words}: {open_quote}{esc(label)}{close_quote}</p>")
            if choice is not None and choice.feedback.instead is not None:
                block.append(f"<p>{instead_words}: {esc(text_in(choice.feedback.instead, lang))}</p>")
        questions = content.discussion(d.scenario_id, lang)
        if questions and d.scenario_id not in discussed:
            discussed.add(d.scenario_id)
            items = "".join(f"<li>{esc(q)}</li>" for q in questions)
            block.append(f'<p>{discuss_words}:</p><ul class="tight">{items}</ul>')
        if not content.knows(d.scenario_id):
            block.append(f'<p class="muted">{esc(gone_words.format(id=d.scenario_id))}</p>')
        block.append("</div>")
        out.append("".join(block))
    return "\n".join(out)


def _quiz(fig: ClassFigures, content: ReportContent, lang: str, rtl: bool) -> str:
    return quiz_section(fig.quiz, content, lang, rtl, _rate_text, _ticks(lang))


def _notes(results: ClassResults, lang: str) -> str:
    how = _("Every choice counts, replays included. A safe-choice rate is safe choices divided by all choices. "
            "A child has finished a story when one of their attempts reached an ending; the table shows their "
            "best attempt. A quiz score counts the child's latest answer to each question; the class's quiz before, "
            "after and gain are over the children who took both quizzes, so after minus before is the gain.", lang)
    stored = _("Aman stores only what this report needs: the class name, the nickname the child typed, which "
               "stories were played, each choice (which one, whether it was safe, its points and how many seconds "
               "it took), each story's ending and score, the quiz answers, and the times of each. No real name, "
               "photo, e-mail, address or device identity of the child is stored, and the game never uses the "
               "internet.", lang)
    erase = esc(_("Results are kept in one file per computer, in the data folder the school chose. To erase a class "
                  "for good, run: {command}", lang)).format(command=f"<code>{esc(DELETE_COMMAND)}</code>")
    how_title, stored_title = _("How to read these figures", lang), _("What is stored", lang)
    out = [f"<h2>{esc(how_title)}</h2>", f"<p>{esc(how)}</p>",
           f'<h2 id="stored">{esc(stored_title)}</h2>', f"<p>{esc(stored)}</p>", f"<p>{erase}</p>"]
    if results.skipped:
        items = "".join(f"<li><code>{esc(s.path)}</code>: {esc(s.reason)}</li>" for s in results.skipped)
        out.append(_heading(_("Files that could not be read", lang)) + f"<ul>{items}</ul>")
    return "\n".join(out)
