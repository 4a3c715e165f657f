"""A class set up from the command line and played by three autoplayed children (random seeds), each through
the real screens: quiz before, the playlist, quiz after — then `report --json`, whose paired gain must equal
what the recorded answers give by hand, and the HTML must show the same numbers. A child who comes back on
a later day (the results file's clock injected) gets the delayed check first, and the report shows it."""
from __future__ import annotations

import contextlib
import io
import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from aman_game import i18n
from aman_game.cli import main
from aman_game.quiz_plan import load_banks
from aman_game.report.quiz_html import children_words
from aman_game.results import load_results, store as store_module

PLAYLIST = ["friend_request_stranger", "gems_secret_7_9", "photo_request"]
CHILDREN = [("Nour", 11), ("Omar", 22), ("Sara", 33)]
DAY_ONE = datetime(2026, 3, 1, 7, 30, tzinfo=timezone.utc)


def run(*argv) -> tuple[int, list[str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in argv])
    return code, [line for line in out.getvalue().splitlines() if line.strip()]


def clock_at(start: datetime):
    moment = [start]

    def now() -> str:
        moment[0] += timedelta(seconds=1)
        return moment[0].isoformat(timespec="milliseconds")
    return now


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class3a")
    code, _ = run("class", "create", "3A", "--stories", ",".join(PLAYLIST), "--quiz", "--ages", "7-9",
                  "--pin", "2468", "--data-dir", folder)
    assert code == 0
    mp = pytest.MonkeyPatch()
    mp.setattr(store_module, "utc_now", clock_at(DAY_ONE))
    lines = {}
    try:
        for nickname, seed in CHILDREN:
            code, printed = run("play", "--class", "3A", "--nickname", nickname, "--data-dir", folder,
                                "--autoplay", "random", "--seed", seed, "--headless", "--fast")
            assert code == 0, printed
            lines[nickname] = [json.loads(line) for line in printed]
    finally:
        mp.undo()
        i18n.set_language("en")
    return folder, lines


def test_class_create_rejects_what_the_class_cannot_play(tmp_path):
    assert run("class", "create", "3A", "--stories", "threat_blackmail", "--ages", "7-9", "--pin",
               "2468", "--data-dir", tmp_path)[0] == 1  # a 10-13 story in a 7-9 class
    assert run("class", "create", "5B", "--stories", "threat_blackmail", "--ages", "10-13", "--pin", "2468",
               "--data-dir", tmp_path)[0] == 1  # sensitive without --sensitive
    assert run("class", "create", "5B", "--stories", "no_such_story", "--pin", "2468", "--data-dir",
               tmp_path)[0] == 1
    assert run("class", "start", "5B", "--pin", "2468", "--data-dir", tmp_path)[0] == 1  # not set up
    assert run("class", "create", "5B", "--stories", "threat_blackmail", "--ages", "10-13", "--sensitive",
               "--kiosk", "--lang", "ar", "--pin", "2468", "--data-dir", tmp_path)[0] == 0
    assert run("class", "start", "5b", "--data-dir", tmp_path)[0] == 1  # setups are sealed with the PIN
    assert run("class", "start", "5b", "--pin", "1111", "--data-dir", tmp_path)[0] == 1  # a wrong PIN
    assert run("class", "start", "5b", "--pin", "2468", "--data-dir", tmp_path)[0] == 0
    config = json.loads((tmp_path / "teacher.json").read_text(encoding="utf-8"))
    assert config["active"] == "5B"
    assert config["sessions"][0] | {} == {"name": "5B", "playlist": ["threat_blackmail"], "language": "ar",
                                           "age_band": "10-13", "allow_high_sensitivity": True, "kiosk": True,
                                           "quiz": False}
    assert run("class", "end", "--pin", "2468", "--data-dir", tmp_path)[0] == 0
    assert json.loads((tmp_path / "teacher.json").read_text(encoding="utf-8"))["active"] == ""


def test_each_child_plays_quiz_before_the_playlist_quiz_after(lab):
    _, lines = lab
    taught = {"friend_request", "personal_info", "secret_keeping", "gift_offer", "photo_request"}
    bank = {q.id: q for q in load_banks()["7-9"].questions}
    for nickname, _seed in CHILDREN:
        steps = [line.get("quiz") or line["scenario"] for line in lines[nickname]]
        assert steps == ["pre", *PLAYLIST, "post"]
        pre, post = lines[nickname][0], lines[nickname][-1]
        assert pre["items"] == post["items"] and pre["total"] == len(pre["items"]) <= 5
        assert {bank[i].topic for i in pre["items"]} <= taught
        for quiz in (pre, post):
            assert quiz["correct"] == sum(bank[i].correct == c for i, c in zip(quiz["items"], quiz["chosen"]))
        assert all(line["class"] == "3A" and line["nickname"] == nickname for line in lines[nickname])


def test_report_json_paired_gain_equals_the_answers_by_hand(lab, tmp_path):
    folder, lines = lab
    answers = load_results([folder]).for_class("3A").quiz_answers
    by_hand = {}
    for nickname, _seed in CHILDREN:
        rates = []
        for phase in ("pre", "post"):
            mine = [a for a in answers if a.nickname == nickname and a.phase == phase]
            assert [a.chosen for a in mine] == lines[nickname][0 if phase == "pre" else -1]["chosen"]
            rates.append(sum(a.correct for a in mine) / len(mine))
        by_hand[nickname] = rates
    mean_pre = sum(r[0] for r in by_hand.values()) / 3
    mean_post = sum(r[1] for r in by_hand.values()) / 3

    code, printed = run("report", folder, "--class", "3A", "--json")
    assert code == 0
    (cls,) = json.loads("\n".join(printed))["classes"]
    paired = cls["quiz"]["paired"]
    assert paired["n"] == 3
    assert paired["before"] == pytest.approx(mean_pre) and paired["after"] == pytest.approx(mean_post)
    assert paired["gain"] == pytest.approx(mean_post - mean_pre)
    for item in cls["quiz"]["items"]:
        mine = [a for a in answers if a.question_id == item["id"]]
        for phase, key in (("pre", "before"), ("post", "after")):
            got = [a for a in mine if a.phase == phase]
            assert item[key]["answered"] == len(got) == 3 and item[key]["right"] == sum(a.correct for a in got)
        wrong = [a.chosen for a in mine if not a.correct]
        if wrong:
            assert wrong.count(item["most_chosen_wrong"]["option"]) == max(wrong.count(w) for w in wrong)
        else:
            assert item["most_chosen_wrong"] is None

    # the HTML shows the same numbers, in both languages
    for lang in ("en", "ar"):
        out = tmp_path / f"r-{lang}.html"
        assert run("report", folder, "--class", "3A", "--lang", lang, "--out", out)[0] == 0
        page = out.read_text(encoding="utf-8")
        sentence = re.search(r'<p data-figure="paired">(.*?)</p>', page).group(1)
        assert i18n.format_percentage(mean_pre, lang) in sentence
        assert i18n.format_percentage(mean_post, lang) in sentence
        assert children_words(3, lang) in sentence
        points = round((mean_post - mean_pre) * 100)
        assert i18n.format_number(abs(points), lang) in re.search(
            r'data-figure="mean-gain">(.*?)</td>', page).group(1)


def test_a_child_back_on_a_later_day_gets_the_delayed_check_first(lab, monkeypatch):
    folder, _ = lab
    monkeypatch.setattr(store_module, "utc_now", clock_at(DAY_ONE + timedelta(hours=3)))
    code, printed = run("play", "--class", "3A", "--nickname", "Omar", "--data-dir", folder, "--autoplay", "safe",
                        "--headless", "--fast")
    assert code == 0 and printed == []  # the same day: nothing is due, every story is finished
    monkeypatch.setattr(store_module, "utc_now", clock_at(DAY_ONE + timedelta(days=4)))
    code, printed = run("play", "--class", "3A", "--nickname", "nour", "--data-dir", folder, "--autoplay", "safe",
                        "--headless", "--fast")
    assert code == 0
    (delayed,) = [json.loads(line) for line in printed]
    bank = {q.id: q for q in load_banks()["7-9"].questions}
    assert delayed["quiz"] == "delayed" and delayed["delay_days"] == 4
    assert 2 <= delayed["total"] <= 3 and delayed["correct"] == delayed["total"]  # the safe policy answers right
    assert all(bank[i].form == "b" for i in delayed["items"])
    stored = [a for a in load_results([folder]).quiz_answers if a.phase == "delayed"]
    assert [(a.question_id, a.delay_days) for a in stored] == [(i, 4) for i in delayed["items"]]

    code, printed = run("report", folder, "--class", "3A", "--json")
    quiz = json.loads("\n".join(printed))["classes"][0]["quiz"]
    assert quiz["delayed_children"] == 1
    later = {t["topic"]: t for t in quiz["topics"] if t["later"]["answered"]}
    assert set(later) == {bank[i].topic for i in delayed["items"]}
    assert all(t["later_children"] == 1 and t["mean_delay_days"] == 4 for t in later.values())
    nour = next(c for c in quiz["children"] if c["nickname"] == "Nour")
    assert nour["later"]["answered"] == delayed["total"] and nour["delay_days"] == 4
    out = folder / "later.html"
    assert run("report", folder, "--class", "3A", "--lang", "en", "--out", out)[0] == 0
    page = out.read_text(encoding="utf-8")
    assert "Right later (delayed check)" in page
    row = re.search(rf'<tr data-topic="{delayed_topic(bank, delayed)}">(.*?)</tr>', page, re.S).group(1)
    assert "1 child" in re.sub(r"<[^>]+>", " ", row) and "4 days" in re.sub(r"<[^>]+>", " ", row)


def delayed_topic(bank, delayed) -> str:
    return bank[delayed["items"][0]].topic
