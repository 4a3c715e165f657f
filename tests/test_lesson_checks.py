"""The lesson checks (content/pedagogy.py): each has a fixture in tests/content/lesson/ written to break it,
and the exact lines it reports; every shipped story passes them all (validate scenes/ is clean)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from aman_game import SCENES_DIR  # noqa: E402
from aman_game.content import validate_paths  # noqa: E402
from aman_game.content import pedagogy  # noqa: E402

LESSON = Path(__file__).parent / "content" / "lesson"

EXPECTED = {
    "safe_after_unsafe.yaml": [
        "52:16: error: ending 'told_mum' says 'safe' but is reached after the unsafe choice 2 of 'offer' "
        "(\"Send my password.\"): make this ending 'recovered' or 'unsafe', or lead that path to its own ending [E701]",
    ],
    "friend_only.yaml": [
        "50:15: error: \"Tell my friend Sara, but no adults.\" is marked safe but leaves every adult out of a "
        "decision about secret_keeping: make it 'safe: false' (its feedback can still say what was good about "
        "it), or let the child tell an adult [E702]",
    ],
    "threat_no_tell.yaml": [
        "32:7: error: the story is about blackmail but its first decision ('offer') offers no way to tell an "
        "adult: add a choice with 'action: tell_adult' (tell Mum or Dad now and show them) [E703]",
        "32:15: warning: \"Block her, and tell Mum tonight.\" puts telling off: under a threat an adult is told "
        "now, not tonight or later [W709]",
    ],
    "too_long_7_9.yaml": [
        "26:51: warning: Arabic message: a sentence of 15 words (\"هَلْ تُرِيدُ 500 جَوْهَرَةٍ مَجَّانًا ا…\"); "
        "ages 7-9: one idea per sentence, at most 12 words [W705]",
        "37:21: warning: English why has 23 words; ages 7-9 read at most 15 in a why: say one thing, more "
        "simply [W704]",
    ],
    "mixed_harakat.yaml": [
        "29:55: warning: Arabic text with harakat on 0% of its words: ages 7-9 read fully vowelled Arabic; add "
        "the vowel marks [W706]",
    ],
    "variant_terms.yaml": [
        "50:20: warning: English 'school counsellor': the stories say \"the school social worker\" for the "
        "school's support person [W707]",
        "50:20: warning: English 'your honesty': the stories say \"Thank you for telling me\" for thanking a "
        "child who told [W707]",
        "50:89: warning: Arabic 'صراحتك': the stories say \"شكرًا لأنّك أخبرتني\" for thanking a child who "
        "told [W707]",
    ],
    "block_before_report.yaml": [
        "45:25: warning: English: 'block' comes before 'report'; the stories teach one order: keep the "
        "messages, report, block, tell (a report needs the account and its messages) [W708]",
        "45:82: warning: Arabic: 'block' comes before 'report'; the stories teach one order: keep the "
        "messages, report, block, tell (a report needs the account and its messages) [W708]",
    ],
    "fixed_order.yaml": [
        "24:12: error: 'offer' keeps its choices in the written order: say why in 'order_reason' (e.g. the "
        "steps must be read in this order), or remove 'order: fixed' so each play shuffles them [E710]",
    ],
    "asked_again.yaml": [
        "52:5: warning: the child has just told an adult (choice 1 of 'offer'), and 'who' asks again whom to "
        "tell (mum, teacher): follow the adult the child chose [W711]",
    ],
    "safe_without_adult.yaml": [
        "49:16: warning: ending 'told_mum' says 'safe' but can be reached without telling an adult: make it "
        "'recovered' (name the step that is missing), or let that path tell an adult [W712]",
    ],
    "help_role.yaml": [
        "53:18: error: '{help:hotline}' names no help channel; roles: home, school, police_report, report_app, "
        "safety_site, support [E713]",
    ],
}


def _reported(path: Path) -> list[str]:
    return [str(p).split(":", 1)[1] for p in validate_paths([path], fit=False)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_lesson_fixture_reports_exact_lines(name):
    assert _reported(LESSON / name) == EXPECTED[name]


def test_every_lesson_fixture_is_covered():
    assert {p.name for p in LESSON.glob("*.yaml")} == set(EXPECTED)


def test_every_lesson_code_has_a_fixture():
    codes = {line.rsplit("[", 1)[1].rstrip("]") for lines in EXPECTED.values() for line in lines}
    assert codes == {"E701", "E702", "E703", "W704", "W705", "W706", "W707", "W708", "W709", "E710", "W711",
                     "W712", "E713"}


def test_shipped_stories_pass_every_lesson_check():
    problems = [p for p in validate_paths([SCENES_DIR], fit=False) if p.code[1] == "7"]
    assert [str(p) for p in problems] == []


def test_a_fixed_order_with_a_reason_is_accepted(tmp_path):
    text = (LESSON / "fixed_order.yaml").read_text(encoding="utf-8")
    text = text.replace("    order: fixed\n", "    order: fixed\n    order_reason: \"the steps are read in order\"\n")
    (tmp_path / "fixed.yaml").write_text(text, encoding="utf-8")
    assert _reported(tmp_path / "fixed.yaml") == []


def test_no_adults_is_not_read_as_naming_an_adult():
    """'but no adults' names adults only to leave them out: E702 still fires (the threat_blackmail bug)."""
    data = {"topics": ["blackmail"], "start": "a", "nodes": {"a": {"choices": [
        {"text": {"en": "Tell my friend Noor, but no adults.", "ar": "أُخبر نور فقط، دون الكبار."},
         "action": "tell_friend", "safe": True, "next": "a"},
        {"text": {"en": "Tell Mum now", "ar": "أُخبر أمّي الآن"}, "action": "tell_adult", "safe": True, "next": "a"}]}}}
    assert [f.code for f in pedagogy.check_adult_told(data)] == ["E702"]


def test_words_count_the_same_in_both_languages():
    assert len(pedagogy.words("Don’t pay, and don’t reply.")) == 5
    assert len(pedagogy.words("لا أدفع، ولا أردّ.")) == 4
    assert len(pedagogy.words("Call the {help:police_report} now")) == 4
    assert pedagogy.vowelled_share("شكرًا لأنّك أخبرتني", pedagogy.VOWELS) == 0.0
    assert pedagogy.vowelled_share("شُكْرًا لِأَنَّك أَخْبَرْتنِي") == 1.0


def test_checks_tolerate_malformed_data():
    weird = [{}, {"nodes": []}, {"nodes": {"a": None}, "start": "a"}, {"nodes": {"a": {"choices": "x"}}},
             {"nodes": {"a": {"choices": [1, {"next": 3, "text": 5}]}}, "start": "a", "age_band": "7-9"},
             {"topics": "x", "nodes": {"a": {"end": {"outcome": "safe", "text": {"ar": 3}}}}, "start": "a"},
             {"age_band": [], "start": ["a"], "topics": [["x"]], "nodes": {"a": {"order": ["fixed"],
              "choices": [{"safe": [True], "action": ["x"], "next": ["a"], "text": {"en": ["x"]}}]}}}]
    for data in weird:
        for check in pedagogy.SCENARIO_CHECKS:
            list(check(data))


def test_the_library_covers_every_topic_in_its_bands():
    """Issue 12: every topic of the source in each band it suits, six stories per band a class can play
    without the sensitive-stories switch, and at least 120 decision points in all."""
    from aman_game.content import load_library
    from aman_game.content.coverage import coverage

    cov = coverage(load_library(SCENES_DIR).scenarios)
    assert cov.missing() == []
    assert len(cov.open_stories["7-9"]) >= 6 and len(cov.open_stories["10-13"]) >= 6, cov.open_stories
    assert sum(cov.decisions.values()) >= 120, cov.decisions
