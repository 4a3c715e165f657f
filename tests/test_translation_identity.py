"""Issue 16 items 2-4: the translation lock keys a string by its identity (reordering choices is no change),
`--confirm` takes one string (FILE:LINE or FILE:KEY) as well as a file, stale and unconfirmed translations
show in plain `validate` as warnings, and lock files in the old (positional) format are converted."""
from __future__ import annotations

from pathlib import Path

import pytest

from aman_game import translation_lock as tl

VALID = Path(__file__).parent / "content" / "valid" / "gift_gems.yaml"
TELL = """      - text: {en: "Tell Mum.", ar: "أُخْبِرُ مَامَا."}
        action: tell_adult
        safe: true
        points: 10
        feedback:
          why: {en: "A grown-up can help.", ar: "الْكَبِيرُ يُسَاعِدُنَا."}
        next: told_mum
"""
SEND = """      - text: {en: "Send my password.", ar: "أُرْسِلُ كَلِمَةَ السِّرِّ."}
        action: send
        safe: false
        points: 0
        feedback:
          why: {en: "Passwords are secret.", ar: "كَلِمَةُ السِّرِّ سِرٌّ."}
          instead: {en: "Tell a grown-up.", ar: "نُخْبِرُ شَخْصًا كَبِيرًا."}
        next: lost_account
"""


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A scenes folder holding the valid fixture, and an empty lock beside it; the game's own folders are
    pointed at them so the commands work on this tree."""
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    story = scenes / "story.yaml"
    text = VALID.read_text(encoding="utf-8")
    assert TELL + SEND in text
    story.write_text(text, encoding="utf-8")
    locales = tmp_path / "locales"
    locales.mkdir()
    monkeypatch.setattr(tl, "SCENES_DIR", scenes)
    monkeypatch.setattr(tl, "LOCALES_DIR", locales)
    return story, locales / tl.LOCK_NAME


def problems(story, lock):
    return tl.check_scenario_texts(story.parent, lock)


def test_reordering_choices_is_no_change(tree):
    story, lock = tree
    assert tl.confirm(story, lock) > 0 and problems(story, lock) == []
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace(TELL + SEND, SEND + TELL), encoding="utf-8")
    assert problems(story, lock) == []
    keys = {line.split("\t")[1] for line in lock.read_text(encoding="utf-8").splitlines() if line[:1] != "#"}
    assert "nodes.offer.choices[tell_adult].text" in keys and "nodes.offer.choices[send].feedback.instead" in keys


def test_an_explicit_choice_id_names_the_choice(tree):
    story, lock = tree
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("        action: tell_adult\n", "        id: tell_mum\n        action: tell_adult\n"),
                     encoding="utf-8")
    tl.confirm(story, lock)
    assert "nodes.offer.choices[tell_mum].text\tar\t" in lock.read_text(encoding="utf-8")


def test_two_choices_with_one_action_are_told_apart_by_where_they_lead():
    choices = [{"action": "reply", "next": "a"}, {"action": "reply", "next": "b"}, {"action": "block"},
               {"action": "reply", "next": "a"}]
    assert tl.item_names(choices[:3], "choices") == ["reply@a", "reply@b", "block"]
    assert tl.item_names(choices, "choices") == ["0", "reply@b", "block", "3"]  # no identity: by position


def test_confirm_one_string_by_line_or_by_key(tree):
    story, lock = tree
    tl.confirm(story, lock)
    text = story.read_text(encoding="utf-8")
    changed = text.replace("Tell Mum.", "Tell Mum or Dad.").replace("Passwords are secret.", "Keep passwords secret.")
    story.write_text(changed, encoding="utf-8")
    stale = [p for p in problems(story, lock) if p.code == "T020"]
    assert [p.line for p in stale] == [32, 44]
    assert f"--confirm {story}:32`" in stale[0].message or f"--confirm {tl._display(tl.file_key(story))}:32`" \
        in stale[0].message
    # fixing one and confirming it leaves the other stale (issue item 3: not all-or-nothing)
    file, count = tl.confirm_target(f"{story}:32", lock)
    assert count == 1 and [p.line for p in problems(story, lock) if p.code == "T020"] == [44]
    file, count = tl.confirm_target(f"{story}:nodes.offer.choices[send].feedback.why", lock)
    assert count == 1 and problems(story, lock) == []
    with pytest.raises(tl.ConfirmError, match="no translated text on line 3"):
        tl.confirm_target(f"{story}:3", lock)


def test_plain_validate_shows_stale_and_unconfirmed_as_warnings(tree, capsys):
    from aman_game.cli import main

    story, lock = tree
    assert main(["validate", "--no-fit", str(story)]) == 0
    out = capsys.readouterr()
    assert "[T021]" in out.out and "warning: 20 translation(s) not confirmed yet" in out.out
    tl.confirm(story, lock)
    story.write_text(story.read_text(encoding="utf-8").replace("Tell Mum.", "Tell Mum now."), encoding="utf-8")
    assert main(["validate", "--no-fit", str(story)]) == 0  # a warning: the story still plays
    out = capsys.readouterr()
    assert ":32:" in out.out and "warning: nodes.offer.choices[tell_adult].text: the English text changed" in out.out
    assert "0 error(s), 1 warning(s)" in out.err


def test_validate_confirm_takes_a_file_line(tree, capsys):
    from aman_game.cli import main

    story, lock = tree
    assert main(["validate", "--no-fit", "--translations", "--confirm", f"{story}:32"]) in (0, 1)
    assert f"{story}:32: 2 translation(s)" not in capsys.readouterr().err  # one string, one language
    assert len([ln for ln in lock.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]) == 1
    assert main(["validate", "--no-fit", "--translations", "--confirm", f"{story}:999"]) == 2
    assert "no translated text on line 999" in capsys.readouterr().err


def test_an_old_format_lock_is_converted(tree):
    story, lock = tree
    tl.confirm(story, lock)
    new_lines = lock.read_text(encoding="utf-8")
    # the same lock as a branch written before identities would have it: choices by position
    old = new_lines.replace("choices[tell_adult]", "choices[0]").replace("choices[send]", "choices[1]")
    old = "\n".join(line for line in old.splitlines() if not line.startswith("# format"))
    lock.write_text(old + "\n", encoding="utf-8")
    assert problems(story, lock) == []  # read in the old format: nothing stale, nothing unconfirmed
    tl.confirm(story, lock, "32")  # any write converts the whole lock
    assert "choices[0]" not in lock.read_text(encoding="utf-8")
    assert lock.read_text(encoding="utf-8") == new_lines


def test_merged_old_and_new_lines_prefer_the_new():
    entries = {("f.yaml", "nodes.a.choices[0].text", "ar"): "old", ("f.yaml", "nodes.a.choices[block].text", "ar"): "new"}
    data = {"nodes": {"a": {"choices": [{"action": "block", "text": {"en": "x", "ar": "y"}}]}}}
    assert tl.migrate(entries, lambda _f: data) == {("f.yaml", "nodes.a.choices[block].text", "ar"): "new"}


def test_shipped_lock_is_in_the_identity_format():
    lock = tl.lock_path_for()
    text = lock.read_text(encoding="utf-8")
    assert f"# format {tl.LOCK_FORMAT}" in text
    assert tl.read_lock_lines(lock) == tl.read_lock(lock), (
        "old-format (positional) lines in the lock, e.g. from a merged branch: run "
        "`python -m aman_game.translation_lock --migrate` before reordering any choices")
