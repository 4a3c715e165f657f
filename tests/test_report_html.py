"""`python main.py report`: the figures as the teacher reads them in the HTML and the CSV, both languages."""
from __future__ import annotations

import csv
import html as html_lib
import re

import pytest

from aman_game import i18n
from aman_game.cli import main
from aman_game.results import ResultsStore

from results_helpers import SCENES, build_class_dataset, play


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    build_class_dataset(folder)
    return folder


def _report(tmp_path, lab, *extra) -> str:
    out = tmp_path / "report.html"
    assert main(["report", str(lab), "--out", str(out), "--scenes", str(SCENES), *extra]) == 0
    return out.read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _row(page: str, attr: str, value: str) -> list[str]:
    match = re.search(rf'<tr {attr}="{re.escape(value)}">(.*?)</tr>', page, re.S)
    assert match, f"no row {attr}={value}"
    return [_text(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", match.group(1), re.S)]


def _block(page: str, pattern: str) -> str:
    match = re.search(pattern, page, re.S)
    assert match, pattern
    return _text(match.group(1))


def test_english_report_shows_the_class_figures(tmp_path, lab):
    page = _report(tmp_path, lab, "--class", "5B", "--lang", "en")
    assert '<html lang="en" dir="ltr">' in page
    assert _row(page, "data-scenario", "test_gift") == ["Test Gift", "4", "4", "10", "7", "70%"]
    assert _row(page, "data-scenario", "test_photo") == ["Test Photo", "3", "2", "2", "1", "50%"]
    assert _row(page, "data-decision", "test_gift/offer")[2:] == ["5", "3", "60%"]
    assert _row(page, "data-decision", "test_gift/ask_secret")[2:] == ["3", "3", "100%"]
    assert _row(page, "data-decision", "test_gift/ask_secret_late")[2:] == ["2", "1", "50%"]
    assert _row(page, "data-decision", "test_photo/ask")[2:] == ["2", "1", "50%"]
    assert "Want 500 free gems?" in _row(page, "data-decision", "test_gift/offer")[1]
    cards = dict(re.findall(r'data-figure="([a-z-]+)">[^<]*<b>(.*?)</b>', page))
    assert {k: _text(v) for k, v in cards.items()} == {
        "children": "4", "finished": "6 / 7", "choices": "12", "safe-rate": "67%", "gain": "+60 (2 children)"}


def test_english_report_who_finished_and_quiz(tmp_path, lab):
    page = _report(tmp_path, lab, "--class", "5b", "--lang", "en")
    who = _block(page, r'<table class="who">(.*?)</table>')
    assert "Nour safe 20/20 recovered 0/10 2" in who
    assert "Omar safe 20/20 2 attempts not played 1" in who
    assert "Sara recovered 10/20 started, not finished 1" in who
    quiz = _block(page, r'<table class="quiz">(.*?)</table>')
    assert "Nour 1 / 5 (20%) 5 / 5 (100%) +80" in quiz
    assert "Omar 2 / 5 (40%) 4 / 5 (80%) +40" in quiz
    assert "Sara 3 / 5 (60%) – –" in quiz
    # the class row is over the children who took both, so after - before is the gain, with its n
    assert "Class (children who took both) (2 children) 30% 90% +60" in quiz
    assert _block(page, r'<p data-figure="paired">(.*?)</p>') == (
        "Before 30%, after 90%: a gain of +60 percentage points, over 2 children who took both quizzes.")
    assert _block(page, r'<p class="muted" data-figure="unpaired">(.*?)</p>') == (
        "Not in the gain: 1 child took only the quiz before, 0 children only the quiz after.")
    assert "no comparison group" in _block(page, r'<p data-figure="limits">(.*?)</p>')
    assert "Lina" not in page  # class 6A is not in 5B's report


def test_most_missed_decisions_carry_the_discussion_prompts(tmp_path, lab):
    page = _report(tmp_path, lab, "--class", "5B", "--lang", "en")
    blocks = re.findall(r'<div class="missed" data-decision="([^"]+)">(.*?)</div>', page, re.S)
    assert [b[0] for b in blocks] == ["test_gift/offer", "test_gift/ask_secret_late", "test_photo/ask"]
    first = _text(blocks[0][1])
    assert "Unsafe choices: 2 of 5" in first
    assert "Most chosen unsafe answer: “Take the gems.”" in first
    assert "What to do instead: Say no and block." in first
    assert "Why would a stranger give gems?" in first


def test_arabic_report_is_right_to_left_with_arabic_numbers_and_words(tmp_path, lab):
    page = _report(tmp_path, lab, "--class", "5B")  # Arabic is the default
    assert '<html lang="ar" dir="rtl">' in page
    assert 'direction="rtl"' in page  # the charts are mirrored too
    for heading in ("نسبة الاختيارات الآمنة في كل قصة", "القرارات التي أخطأ فيها الصف أكثر من غيرها",
                    "الاختبار القصير قبل اللعب وبعده", "ما الذي يُحفَظ"):
        assert heading in page
    row = _row(page, "data-scenario", "test_gift")
    assert row == ["هدية تجريبية", i18n.format_number(4, "ar"), i18n.format_number(4, "ar"),
                   i18n.format_number(10, "ar"), i18n.format_number(7, "ar"), i18n.format_percentage(0.7, "ar")]
    assert "أحظر GemGuy." not in page and "آخذ الجواهر." in page  # the most chosen unsafe answer, in Arabic
    assert "لماذا يعطي غريب جواهر؟" in page


def test_every_class_gets_its_own_section_without_class(tmp_path, lab):
    page = _report(tmp_path, lab, "--lang", "en")
    assert re.findall(r'<section id="class-\d" data-class="([^"]+)"', page) == ["5B", "6A"]
    assert '<a href="#class-2">' in page
    assert "Lina" in page


def test_report_is_self_contained(tmp_path, lab):
    page = _report(tmp_path, lab, "--lang", "en")
    assert "<script" not in page and "<link" not in page and " src=" not in page and "url(" not in page
    assert set(re.findall(r"https?://[^\s\"'<]+", page)) == {"http://www.w3.org/2000/svg"}


def test_csv_has_every_run_decision_and_answer(tmp_path, lab):
    out = tmp_path / "r.csv"
    _report(tmp_path, lab, "--class", "5B", "--lang", "en", "--csv", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads Arabic nicknames
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    kinds = [r["kind"] for r in rows]
    assert (kinds.count("run"), kinds.count("decision"), kinds.count("quiz")) == (8, 12, 26)
    decisions = [r for r in rows if r["kind"] == "decision"]
    assert sum(int(r["safe"]) for r in decisions) == 8
    omar_gift = [r for r in rows if r["kind"] == "run" and r["nickname"] == "Omar"]
    assert sorted((r["outcome"], r["score"], r["max_score"]) for r in omar_gift) == [("safe", "20", "20"),
                                                                                     ("unsafe", "0", "20")]
    assert {r["class"] for r in rows} == {"5B", "5b"}  # as typed; the report merges them


def test_csv_defuses_formula_nicknames(tmp_path):
    with ResultsStore.open(tmp_path, host="pc") as store:
        play(store, "5B", "=HYPERLINK(1)", "test_photo", [0])
    out = tmp_path / "r.csv"
    _report(tmp_path, tmp_path, "--csv", str(out), "--lang", "en")
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text


def test_unknown_class_and_empty_folder_are_errors(tmp_path, lab, capsys):
    assert main(["report", str(lab), "--class", "9Z", "--out", str(tmp_path / "x.html")]) == 1
    assert "classes found: 5B, 6A" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "--out", str(tmp_path / "y.html")]) == 2


def test_a_scenario_gone_from_the_library_is_shown_by_id(tmp_path):
    with ResultsStore.open(tmp_path, host="pc") as store:
        run = store.start_run("5B", "Nour", "retired_scenario")
        store.record_decision(run, "n1", 1, "accept", False, 0, 3.0)
        store.finish_run(run, "unsafe", 0, 10)
    page = _report(tmp_path, tmp_path, "--lang", "en")
    assert _row(page, "data-scenario", "retired_scenario") == ["retired_scenario", "1", "1", "1", "0", "0%"]
    assert "Most chosen unsafe answer: “choice 2”" in _text(page)
    assert "Story retired_scenario is no longer in the library" in page


def test_parents_page_in_both_languages(tmp_path):
    out = tmp_path / "parents.html"
    assert main(["report", "--parents", "--scenes", str(SCENES), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    sections = re.findall(r'<section class="lang" lang="(\w+)" dir="(\w+)">', page)
    assert sections == [("ar", "rtl"), ("en", "ltr")]
    assert "@page { size: A4" in page
    assert "علامات تستدعي الانتباه" in page and "Warning signs" in page
    assert "iTunes" in page and "66815757" in page
    # A channel the region file does not confirm is labelled, never presented as certain.
    en = page[page.index('lang="en"'):]
    assert re.search(r"12345</b> <span class=\"tbc\">\(to be confirmed by the school\)", en)
    assert "66815757</b> <span" not in en


def test_parents_page_in_one_language_and_with_the_shipped_advice(tmp_path):
    out = tmp_path / "parents.html"
    assert main(["report", "--parents", "--lang", "en", "--scenes", str(SCENES), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in page and 'lang="ar"' not in page
    # The test library has no parents/advice.yaml of its own, so the shipped one is used.
    assert "Where to get help" in page and "Check every day the friend requests" in page
    from aman_game import SCENES_DIR
    from aman_game.report.content_source import load_parents_advice

    advice = load_parents_advice(SCENES_DIR)
    assert len(advice["warning_signs"]) == 6 and len(advice["advice"]) == 11
    assert all(item.get("en") and item.get("ar") for key in ("warning_signs", "advice", "if_exploited", "practised",
                                                               "risks") for item in advice[key])


def test_every_report_and_teacher_string_reaches_the_catalog():
    """A `_("...")` hidden inside an f-string is never extracted (one token before Python 3.12), so it would
    stay English in the Arabic report: every literal msgid of these modules must be in aman.pot and
    translated in Arabic."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    from aman_game import LOCALES_DIR, ROOT

    with open(LOCALES_DIR / "ar" / "LC_MESSAGES" / "aman.po", "rb") as fh:
        arabic = {m.id: m.string for m in read_po(fh) if m.id}
    pattern = re.compile(r'''\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*[,)]''')
    files = [*Path(ROOT, "aman_game", "report").glob("*.py"), *Path(ROOT, "aman_game", "screens").glob("teacher*.py"),
             Path(ROOT, "aman_game", "screens", "quiz.py")]
    missing = []
    for path in files:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            msgid = match.group(1) if match.group(1) is not None else match.group(2)
            if not arabic.get(msgid):
                missing.append(f"{path.name}: {msgid}")
    assert missing == []
