"""Issue 16, as a content author meets it: hidden direction marks (item 1), YAML syntax errors in plain
words (item 5), one root cause one message (item 7), and a story named by its id in every command
(items 6 and 8). Each numbered item of the issue is recreated here from a fixture and must now pass."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aman_game.content import validate_paths
from aman_game.direction_controls import balance, find

HERE = Path(__file__).parent / "content"
VALID = HERE / "valid" / "gift_gems.yaml"
AUTHOR = HERE / "author"
LRO, RLO, PDF, LRM, RLM, LRI, PDI = "\u202d", "\u202e", "\u202c", "\u200e", "\u200f", "\u2066", "\u2069"


def _lines(path, fit=False):
    return [str(p).split(":", 1)[1] for p in validate_paths([path], fit=fit)]


def _variant(tmp_path, old, new, name="story.yaml"):
    text = VALID.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# --- item 1: hidden direction marks -----------------------------------------------------------------

def test_override_at_the_start_of_an_arabic_choice_is_an_error_at_its_column(tmp_path):
    path = _variant(tmp_path, 'ar: "أُخْبِرُ مَامَا."', f'ar: "{LRO}أُخْبِرُ مَامَا."')
    [problem] = validate_paths([path], fit=False)
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert (problem.line, problem.code, problem.severity) == (32, "E403", "error")
    assert line[problem.col - 1] == LRO  # the column is the invisible character's own
    assert "LEFT-TO-RIGHT OVERRIDE (U+202D)" in problem.message and "delete it" in problem.message


def test_override_in_the_middle_and_stray_marks_are_reported(tmp_path):
    path = _variant(tmp_path, 'ar: "كَلِمَةُ السِّرِّ سِرٌّ."', f'ar: "كَلِمَةُ {RLO}السِّرِّ سِرٌّ.{LRM}"')
    found = [(p.code, p.severity) for p in validate_paths([path], fit=False)]
    assert found == [("E403", "error"), ("W404", "warning")]
    path = _variant(tmp_path, 'en: "Tell Mum."', f'en: "Tell{RLM} Mum."')
    [warning] = validate_paths([path], fit=False)
    assert warning.code == "W404" and "RIGHT-TO-LEFT MARK (U+200F)" in warning.message
    assert "changes nothing on screen" in warning.message


def test_a_needed_balanced_isolate_is_accepted_an_unclosed_one_is_not(tmp_path):
    # An isolate around a Latin name followed by "!" changes where the "!" is drawn in Arabic: needed.
    needed = _variant(tmp_path, 'ar: "مَرْحَبًا! هَلْ', f'ar: "مَرْحَبًا {LRI}Star!{PDI} هَلْ')
    assert validate_paths([needed], fit=False) == []
    unclosed = _variant(tmp_path, 'ar: "مَرْحَبًا! هَلْ', f'ar: "مَرْحَبًا {LRI}Star! هَلْ')
    [problem] = validate_paths([unclosed], fit=False)
    assert problem.code == "W404" and "closing PDI" in problem.message


def test_the_engine_never_draws_an_unbalanced_override():
    from aman_game.text.prepare import clean

    arabic = "أُخْبِرُ مَامَا."
    assert clean(LRO + arabic) == arabic
    assert clean(f"abc{PDF} def") == "abc def"  # a PDF closing nothing goes too
    assert clean(f"{RLO}abc{PDF}") == f"{RLO}abc{PDF}"  # balanced: the author's (validate still errors)
    assert balance(f"x{LRI}y") == "xy"


def test_the_engine_lays_out_a_pasted_override_like_the_clean_text():
    from aman_game.text import get_engine

    engine = get_engine()
    arabic = "أُخْبِرُ مَامَا وَأَبِي."
    clean_runs = [(r.text, r.direction) for ln in engine.layout(arabic, "ar", 24, 900).lines for r in ln.runs]
    pasted = [(r.text, r.direction) for ln in engine.layout(LRO + arabic, "ar", 24, 900).lines for r in ln.runs]
    assert pasted == clean_runs and all(direction == "rtl" for _t, direction in pasted)


def test_catalog_translations_are_checked_for_direction_controls(tmp_path):
    from aman_game import LOCALES_DIR
    from aman_game.i18n_check import check_ui_catalogs

    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    po = locales / "ar" / "LC_MESSAGES" / "aman.po"
    text = po.read_text(encoding="utf-8")
    at = text.index('msgstr "', text.index('msgid "Continue"')) + len('msgstr "')
    po.write_text(text[:at] + LRO + text[at:], encoding="utf-8")
    problems = [p for p in check_ui_catalogs(locales, check_sources=False) if p.code.startswith("T05")]
    assert [(p.code, p.severity) for p in problems] == [("T050", "error")]
    line = po.read_text(encoding="utf-8").splitlines()[problems[0].line - 1]
    assert line[problems[0].col - 1] == LRO and "'Continue'" in problems[0].message


def test_shipped_catalogs_and_scenes_carry_no_direction_problems():
    from aman_game import SCENES_DIR
    from aman_game.i18n_check import check_ui_catalogs

    assert [p for p in check_ui_catalogs(check_sources=False) if p.code in ("T050", "T051")] == []
    assert [p for p in validate_paths([SCENES_DIR], fit=False) if p.code in ("E403", "W404")] == []


def test_find_judges_marks_by_what_they_change():
    assert find("مرحبا \u200e", rtl=True)[0].problem == "no_effect"
    assert find(f"مرحبا {LRI}Noor!{PDI} كيف", rtl=True) == []
    assert [c.problem for c in find(f"{PDI}abc", rtl=False)] == ["unbalanced"]


# --- item 5: YAML syntax errors for people ------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("tab_indent.yaml", "38:1: error: YAML syntax error: line 38 is indented with a tab; YAML needs spaces: "
                        "replace the tab with spaces (set your editor to insert spaces for Tab) [E003]"),
    ("missing_colon.yaml", "38:13: error: YAML syntax error: line 38 has no ':' after 'next': write "
                           "'next: told_mum' [E003]"),
    ("unclosed_quote.yaml", "37:21: error: YAML syntax error: the quote \" opened here on line 37 is never "
                            "closed: end the text with \" on the same line [E003]"),
])
def test_yaml_mistakes_are_named_at_their_own_line(name, expected):
    assert _lines(AUTHOR / name) == [expected]


def test_an_unclosed_quote_in_block_style_points_at_the_quote(tmp_path):
    path = _variant(tmp_path, '  en: "A player you don\'t know offers you gems."',
                    '  en: "A player you don\'t know offers you gems.')
    [problem] = validate_paths([path], fit=False)
    assert (problem.line, problem.col) == (6, 7) and "never closed" in problem.message


def test_the_missing_colon_fix_leaves_the_comment_out(tmp_path):
    path = _variant(tmp_path, "        next: told_mum\n", "        next told_mum     # where it leads\n")
    [problem] = validate_paths([path], fit=False)
    assert problem.message.endswith("line 38 has no ':' after 'next': write 'next: told_mum'")


def test_a_colon_inside_unquoted_text_says_to_quote_it(tmp_path):
    path = _variant(tmp_path, 'prompt: {en: "What will you do?", ar: "مَاذَا أَفْعَلُ؟"}',
                    'prompt:\n      en: Note: what will you do?\n      ar: "مَاذَا أَفْعَلُ؟"')
    [problem] = validate_paths([path], fit=False)
    assert problem.line == 31 and "put the text in quotes" in problem.message


# --- item 7: one root cause, one message --------------------------------------------------------------

def test_a_misspelt_choices_key_is_one_error_with_its_consequences_folded(tmp_path):
    path = _variant(tmp_path, "    choices:\n      - text: {en: \"Tell Mum.\"", "    choises:\n      - text: {en: \"Tell Mum.\"")
    problems = validate_paths([path], fit=False)
    assert [str(p).split(":", 1)[1] for p in problems] == [
        "31:5: error: unknown key 'choises' (did you mean 'choices'?) [E101]"]
    folded = [(p.line, p.code) for p in problems[0].folded]
    assert folded == [(23, "E105"), (47, "W203"), (54, "W203")]
    lines = problems[0].report_lines()
    assert lines[1].startswith("    follows from it: line 23:3: error: a node needs either 'choices'")


def test_real_second_problems_are_not_folded(tmp_path):
    # a typo in `next` and, independently, an orphan node: the orphan stays a problem of its own
    text = VALID.read_text(encoding="utf-8").replace("next: told_mum", "next: told_mun", 1)
    orphan = "  orphan:\n    end:\n      outcome: safe\n      text: {en: \"x\", ar: \"س\"}\n"
    text = text.replace("teacher_notes:", orphan + "teacher_notes:", 1)
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    problems = validate_paths([path], fit=False)
    assert [(p.code, [f.code for f in p.folded]) for p in problems] == [("E201", ["W203"]), ("W203", [])]


def test_lesson_findings_are_never_folded():
    from aman_game.content.findings import Finding
    from aman_game.content.folding import fold

    data = {"start": "a", "nodes": {"a": {"choises": [{"next": "b"}]}, "b": {"end": {}}}}
    typo = Finding("E101", ("nodes", "a", "choises"), "unknown key 'choises' (did you mean 'choices'?)")
    lesson = Finding("W799", ("nodes", "b"), "a lesson finding", "warning")
    orphan = Finding("W203", ("nodes", "b"), "node 'b' cannot be reached", "warning")
    out = fold(data, [typo, lesson, orphan])
    assert [f.code for f in out] == ["E101", "W799"] and [f.code for f in out[0].folded] == ["W203"]


# --- items 6 and 8: a story named by its id ------------------------------------------------------------

@pytest.fixture
def scenes(tmp_path, monkeypatch):
    import aman_game

    folder = tmp_path / "scenes"
    folder.mkdir()
    broken = VALID.read_text(encoding="utf-8").replace("id: test_gift_gems", "id: my_story")
    broken = broken.replace("    choices:\n      - text: {en: \"Tell Mum.\"", "    choises:\n      - text: {en: \"Tell Mum.\"")
    (folder / "a_file_named_otherwise.yaml").write_text(broken, encoding="utf-8")
    (folder / "fine.yaml").write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(aman_game, "SCENES_DIR", folder)
    return folder


@pytest.mark.parametrize("command", [["play", "my_story"], ["preview", "my_story", "--out", "unused"],
                                     ["graph", "my_story"], ["validate", "--no-fit", "my_story"]])
def test_a_broken_story_named_by_id_prints_its_problems(scenes, command, capsys):
    from aman_game.cli import main

    assert main(command) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "a_file_named_otherwise.yaml:31:5: error: unknown key 'choises' (did you mean 'choices'?)" in text
    assert "no scenario with id" not in text


def test_graph_takes_an_id_and_names_the_ids_when_none_matches(scenes, capsys):
    from aman_game.cli import main

    assert main(["graph", "test_gift_gems", "--format", "mermaid"]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD")
    assert main(["graph", "my_stroy"]) == 2
    assert "no scenario with id 'my_stroy'" in capsys.readouterr().err
    assert main(["play", "my_stroy"]) == 1
    assert "(did you mean 'my_story'?)" in capsys.readouterr().err


def test_play_accepts_every_language_with_a_catalog(capsys):
    from aman_game.cli import main

    assert main(["play", "--lang", "zz", "--headless"]) == 2
    assert "use one of: ar, en, xa, xb" in capsys.readouterr().err
    for lang in ("xa", "xb"):
        assert main(["play", str(VALID), "--lang", lang, "--headless", "--autoplay", "safe", "--fast"]) == 0
        assert f'"language": "{lang}"' in capsys.readouterr().out
