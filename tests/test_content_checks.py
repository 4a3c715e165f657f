"""Every validate check has a bad fixture in tests/content/bad/; each asserts the exact lines reported."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from aman_game.content import validate_paths  # noqa: E402

BAD = Path(__file__).parent / "content" / "bad"
VALID = Path(__file__).parent / "content" / "valid"

EXPECTED = {
    "alias_bomb.yaml": [
        "7:8: error: more than 100,000 values (aliases count each time they are used): too big for a "
        "content file (an alias bomb?) [E009]",
    ],
    "asset_missing.yaml": [
        "18:13: error: asset 'images/avatars/no_such_fox.png' does not exist in assets/ [E502]",
    ],
    "asset_outside.yaml": [
        "18:13: error: asset path '../../etc/passwd' must be relative to assets/ and stay inside it "
        "(no leading /, no ..) [E503]",
    ],
    "bad_id.yaml": [
        "3:5: error: 'Gift Gems' is not a valid id: use snake_case (lower-case letters, digits and _, "
        "starting with a letter) [E105]",
    ],
    "binary.yaml": [
        "3:1: error: this is not a text file (it contains binary data); content files are UTF-8 YAML text [E002]",
    ],
    "comments_only.yaml": ["1:1: error: file is empty (only comments) [E004]"],
    "duplicate_key.yaml": ["11:1: error: duplicate key 'sensitivity' (first written at line 10) [E006]"],
    "empty.yaml": ["1:1: error: file is empty [E004]"],
    "empty_language.yaml": ["30:43: error: empty Arabic text ('ar') [E402]"],
    "glyph_missing.yaml": [
        "26:20: warning: English text ('en') has 1 character(s) the game's fonts cannot draw (shown as boxes) [W602]",
    ],
    "merge_key.yaml": ["19:5: error: merge keys ('<<') are not supported; write the keys out [E011]"],
    "missing_key.yaml": ["3:1: error: missing required key 'start' [E102]"],
    "missing_language.yaml": ["4:1: error: missing Arabic text ('ar') [E401]"],
    "next_missing.yaml": [
        # the W203 for 'told_mum' follows from the typo: folded under it (tests/test_author_messages.py)
        "38:15: error: 'next' names a node that does not exist: 'told_mun' (did you mean 'told_mum'?) [E201]",
    ],
    "no_end_reachable.yaml": [
        "66:3: error: no ending can be reached from node 'chat_more': the player would be stuck in a loop [E204]",
    ],
    "node_topic_not_in_scenario.yaml": [
        "24:26: error: topic 'photo_request' is not one of the scenario's topics (gift_offer, friend_request); "
        "add it to the scenario's 'topics' or remove it here [E505]",
    ],
    "no_safe_choice.yaml": ["31:5: error: this decision has no safe choice: add one with 'safe: true' [E301]"],
    "node_without_choices_or_end.yaml": [
        "56:5: error: unknown key 'ending' (did you mean 'end'?) [E101]",  # the E105 is folded under it
    ],
    "not_utf8.yaml": ["2:8: error: not UTF-8 text (byte 0xe9); save the file as UTF-8 [E002]"],
    "player_defined.yaml": ["18:3: error: 'me' is the child playing; it is not defined here [E105]"],
    "points_out_of_range.yaml": ["35:17: error: points must be 0..10, found 15 [E106]"],
    "python_tag.yaml": [
        "10:14: error: the tag '!!python/object/apply:os.system' is not allowed: content files hold plain text, "
        "numbers, lists and mappings [E007]",
    ],
    "start_missing.yaml": ["21:8: error: start node 'ofer' does not exist (did you mean 'offer'?) [E202]"],
    "syntax_error.yaml": [
        "31:5: error: YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping, "
        "line 30) [E003]",
    ],
    "text_too_long.yaml": [
        "26:20: error: English text ('en') does not fit its 'message' box: 15 lines, the box holds 8 "
        "(520px wide at 22pt); shorten it [E601]",
    ],
    "text_cut_at_largest_size.yaml": [
        "40:20: warning: English text ('en') fits its 'choice' box at the normal text size but is cut at the "
        "largest: 4 lines, the box holds 3 there (960px wide at 31pt); shorten it [W603]",
    ],
    "too_many_choices.yaml": ["32:7: error: a decision needs 2 to 4 choices, found 5 [E105]"],
    "top_level_list.yaml": [
        "2:1: error: the file must be a mapping of keys (like 'id: ...'), but it holds a list [E005]",
    ],
    "two_documents.yaml": ["65:1: error: more than one document ('---') in one file [E010]"],
    "unknown_action.yaml": [
        "33:17: error: unknown action 'tell_adlt' (did you mean 'tell_adult'?); use one of: block, report, "
        "tell_adult, reply, accept, ignore, delete, decline, send, leave, tell_friend [E104]",
    ],
    "unknown_alias.yaml": [
        "2:5: error: unknown alias '*nowhere' (an alias must follow its '&nowhere' anchor, and cannot point "
        "into itself) [E003]",
    ],
    "unknown_character.yaml": [
        "49:15: error: 'from' names an unknown character 'mom' (did you mean 'mum'?); characters: star, mum, "
        "me [E501]",
    ],
    "unknown_key.yaml": [
        "4:1: error: unknown key 'titel' (did you mean 'title'?) [E101]",  # "missing 'title'" is folded under it
    ],
    "unreachable_node.yaml": ["58:3: warning: node 'orphan' cannot be reached from the start node 'offer' [W203]"],
    "unsafe_without_instead.yaml": [
        "43:9: error: an unsafe choice needs feedback 'instead': what to do instead [E302]",
    ],
    "wrong_type.yaml": [
        "31:5: error: this decision has no safe choice: add one with 'safe: true' [E301]",
        "34:15: error: 'safe' should be true or false, found text 'yes please' [E103]",
    ],
    "quiz/quiz.yaml": [
        "12:14: error: 'correct' is 2 but there are only 2 options (counting from 0, the last is 1) [E506]",
        "14:9: error: question id 'password_secret' is used twice (also question 1) [E507]",
    ],
    "quiz/quiz_7_9.yaml": [
        "7:12: error: topic 'gift_offer' has no form-b question: each topic needs a form-a question (before and "
        "after playing) and a parallel form-b one of the same difficulty (the delayed check) [E520]",
        "12:14: error: this option repeats option 1 ('Say no and tell Mum.') [E521]",
        "13:14: error: option 'All of the above' lets a child answer without reading the others; write a "
        "believable wrong answer instead (LESSON-RULES §5) [E522]",
        "13:38: error: option 'كُلُّ مَا سَبَقَ' lets a child answer without reading the others; write a "
        "believable wrong answer instead (LESSON-RULES §5) [E522]",
        "19:16: error: 25 words; a 7-9 quiz keeps a question to 20 words [E523]",
        "19:147: warning: Arabic words without harakat in a 7-9 quiz: طفل يطلب صورتي ماذا أفعل; vowel them "
        "fully (the setting can hide them) [W524]",
    ],
}


def _lesson(problem) -> bool:
    return problem.code[1:2] == "7" and problem.code != "W700"


@pytest.fixture(autouse=True)
def _quiet_engine_log(caplog):
    # W602 already names text without a glyph; keep the engine's own warning out of failure output.
    # caplog restores the level afterwards, so no other test loses the engine's warnings.
    caplog.set_level(logging.ERROR, logger="aman_game.text")


def _reported(path: Path, fit: bool = True) -> list[str]:
    """What validate says about a fixture, without the lesson checks (E701-E713: tests/test_lesson_checks.py
    has fixtures of its own; these fixtures are written to break the form, not the lesson)."""
    problems = [p for p in validate_paths([path], fit=fit) if not _lesson(p)]
    assert all(p.file == str(path) for p in problems)
    return [str(p).split(":", 1)[1] for p in problems]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_fixture_reports_exact_lines(name):
    assert _reported(BAD / name) == EXPECTED[name]


def test_every_bad_fixture_is_covered():
    on_disk = {p.relative_to(BAD).as_posix() for p in BAD.glob("*.yaml")} | {"quiz/quiz.yaml", "quiz/quiz_7_9.yaml"}
    assert on_disk == set(EXPECTED)


def test_valid_fixtures_have_no_problems():
    assert validate_paths([VALID], fit=True) == []


def test_ids_repeated_across_files():
    folder = BAD / "duplicate_ids"
    assert [str(p) for p in validate_paths([folder], fit=False)] == [
        f"{folder / 'second.yaml'}:3:5: error: scenario id 'test_gift_gems' is already used by "
        f"{folder / 'first.yaml'}:3 [E504]"]


def test_two_default_regions():
    folder = BAD / "two_defaults" / "regions"
    assert [str(p) for p in validate_paths([folder], fit=False)] == [
        f"{folder / 'qa.yaml'}:4:10: error: more than one region says 'default: true' "
        f"(also {folder / 'ae.yaml'}) [E508]"]


def test_fit_check_can_be_skipped():
    assert _reported(BAD / "text_too_long.yaml", fit=False) == []


def test_fit_names_arabic_box_and_line_count(tmp_path):
    text = (VALID / "gift_gems.yaml").read_text(encoding="utf-8")
    long_ar = "هَذِهِ رِسَالَةٌ طَوِيلَةٌ جِدًّا " * 40
    text = text.replace('ar: "فَقَطْ أَعْطِنِي كَلِمَةَ السِّرِّ."', f'ar: "{long_ar}"')
    (tmp_path / "long.yaml").write_text(text, encoding="utf-8")
    [problem] = [p for p in validate_paths([tmp_path / "long.yaml"]) if not _lesson(p)]
    assert (problem.line, problem.code) == (29, "E601")
    assert problem.message.startswith("Arabic text ('ar') does not fit its 'message' box: ")
    assert "the box holds 8" in problem.message


def test_checks_tolerate_malformed_data():
    """Semantic checks run even when the schema failed; they must never raise (E999 = a bug)."""
    from aman_game.content.checks import CHECKS
    weird = [{}, {"nodes": []}, {"nodes": {"a": None}, "start": "a"}, {"nodes": {"a": {"choices": "x"}}},
             {"nodes": {"a": {"choices": [1, {"next": 3}]}}, "start": "a"}, {"characters": [1]},
             {"characters": {"x": {"avatar": 5}}}, {"questions": {"a": 1}}, {"questions": [{"correct": True}]}]
    for data in weird:
        for check in CHECKS["scenario"] + CHECKS["quiz"]:
            list(check(data))
