"""`validate --translations`: the shipped catalogs and scenes are complete, and every kind of problem
(untranslated, fuzzy, missing, placeholders, plural count, stale pseudo catalog, scenario language
missing, stale translation) is caught in a small tree built here."""
from __future__ import annotations

import shutil
import textwrap

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from aman_game import LOCALES_DIR, i18n_check, pseudo_locale, translation_lock
from aman_game.i18n_check import check_translations, check_ui_catalogs


def test_shipped_catalogs_and_scenes_have_no_translation_errors():
    errors = [str(p) for p in check_translations() if p.is_error]
    assert errors == []


# --- a small locales tree -----------------------------------------------------------------------

def _po(path, lang, entries, fuzzy=(), template=False):
    catalog = Catalog(locale=None if template else lang, fuzzy=False, project="Aman")
    for msgid, string in entries.items():
        catalog.add(msgid, "" if template else string, flags=("fuzzy",) if msgid in fuzzy else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        write_po(fh, catalog)


PLURAL = ("{n} star", "{n} stars")
SOURCE = {"Block": None, "Hello {name}": None, PLURAL: None}
ARABIC = {"Block": "احظر", "Hello {name}": "مرحبًا يا {name}",
          PLURAL: ("لا نجوم", "نجمة واحدة", "نجمتان", "{n} نجوم", "{n} نجمةً", "{n} نجمة")}
ENGLISH = {"Block": "Block", "Hello {name}": "Hello {name}", PLURAL: PLURAL}


@pytest.fixture
def locales(tmp_path):
    root = tmp_path / "locales"
    _po(root / "aman.pot", None, SOURCE, template=True)
    _po(root / "ar" / "LC_MESSAGES" / "aman.po", "ar", ARABIC)
    _po(root / "en" / "LC_MESSAGES" / "aman.po", "en", ENGLISH)
    pseudo_locale.main([str(root)])
    return root


def codes(problems, severity="error"):
    return sorted(p.code for p in problems if p.severity == severity)


def test_a_complete_tree_passes(locales):
    assert codes(check_ui_catalogs(locales, check_sources=False)) == []


def test_untranslated_fuzzy_and_missing_entries_fail(locales):
    _po(locales / "ar" / "LC_MESSAGES" / "aman.po", "ar", {**ARABIC, "Block": ""})
    _po(locales / "en" / "LC_MESSAGES" / "aman.po", "en", {"Block": "Block", PLURAL: PLURAL},
        )  # "Hello {name}" missing
    problems = check_ui_catalogs(locales, check_sources=False)
    assert codes(problems) == ["T001", "T003"]
    _po(locales / "ar" / "LC_MESSAGES" / "aman.po", "ar", ARABIC, fuzzy={"Block"})
    _po(locales / "en" / "LC_MESSAGES" / "aman.po", "en", ENGLISH)
    problems = check_ui_catalogs(locales, check_sources=False)
    assert codes(problems) == ["T002"]
    fuzzy = problems[0]
    assert fuzzy.file.endswith("ar/LC_MESSAGES/aman.po") and fuzzy.line > 1 and "Block" in fuzzy.message


def test_placeholders_and_plural_count_are_checked(locales):
    bad = {**ARABIC, "Hello {name}": "مرحبًا يا {nom}",
           PLURAL: ("لا نجوم", "نجمة", "نجمتان", "{n} نجوم", "{count} نجمة", "{n} نجمة")}
    _po(locales / "ar" / "LC_MESSAGES" / "aman.po", "ar", bad)
    assert codes(check_ui_catalogs(locales, check_sources=False)) == ["T004", "T004"]


def test_arabic_plural_forms_may_leave_the_number_out(locales):
    # "نجمة واحدة" and "نجمتان" carry no {n}: correct Arabic, not an error (ARABIC already does this).
    assert "T004" not in codes(check_ui_catalogs(locales, check_sources=False))


def test_pseudo_catalogs_must_be_regenerated_after_the_template_changes(locales):
    _po(locales / "aman.pot", None, {**SOURCE, "New string": None}, template=True)
    _po(locales / "ar" / "LC_MESSAGES" / "aman.po", "ar", {**ARABIC, "New string": "نص جديد"})
    _po(locales / "en" / "LC_MESSAGES" / "aman.po", "en", {**ENGLISH, "New string": "New string"})
    assert codes(check_ui_catalogs(locales, check_sources=False)) == ["T030", "T030"]
    pseudo_locale.main([str(locales)])
    assert codes(check_ui_catalogs(locales, check_sources=False)) == []


def test_a_third_language_catalog_is_checked_like_arabic(locales):
    _po(locales / "fr" / "LC_MESSAGES" / "aman.po", "fr", {"Block": "Bloquer"})
    problems = check_ui_catalogs(locales, check_sources=False)
    assert codes(problems) == ["T003", "T003"]
    assert all("fr/LC_MESSAGES" in p.file for p in problems if p.is_error)


def test_strings_in_the_code_must_be_extracted(locales, tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "screen.py").write_text(textwrap.dedent('''
        from aman_game.i18n import _, N_, ngettext
        LABEL = N_("Block")
        def draw():
            return _("Hello {name}"), _("Forgot to extract"), ngettext("{n} star", "{n} stars", 3)
    '''), encoding="utf-8")
    from babel.messages.pofile import read_po
    with open(locales / "aman.pot", "rb") as fh:
        template = read_po(fh)
    problems = i18n_check.check_sources_extracted(template, locales, package_dir=package)
    assert [(p.code, p.line) for p in problems if p.is_error] == [("T005", 5)]
    assert "Forgot to extract" in problems[0].message


def test_a_catalog_that_is_not_a_po_file_is_reported(locales):
    (locales / "ar" / "LC_MESSAGES" / "aman.po").write_bytes(b'msgid "Block"\nmsgstr "x\n\nnonsense here\n')
    assert "T009" in codes(check_ui_catalogs(locales, check_sources=False))


# --- scenario text and the stale marker ----------------------------------------------------------

SCENE = """\
id: tiny
title: {en: "A tiny story", ar: "قصة صغيرة"}
nodes:
  start:
    messages:
      - from: stranger
        text: {en: "Send me 50 gems", ar: "أرسل لي 50 جوهرة"}
        voice: {en: sounds/a.ogg}
    choices:
      - text: {en: "Block them", ar: "أحظره"}
"""


@pytest.fixture
def scenes(tmp_path, locales):
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(SCENE, encoding="utf-8")
    return folder


def scene_problems(scenes, locales):
    return check_translations(locales, scenes, check_sources=False)


def test_scenario_strings_missing_a_language_fail_with_their_position(scenes, locales):
    (scenes / "tiny.yaml").write_text(SCENE.replace(', ar: "أحظره"', "").replace('ar: "قصة صغيرة"', 'ar: " "'),
                                      encoding="utf-8")
    problems = [p for p in scene_problems(scenes, locales) if p.is_error]
    assert [(p.code, p.line) for p in problems] == [("T011", 2), ("T010", 10)]
    assert "nodes.start.choices[0].text: missing Arabic ('ar') text" in problems[1].message
    assert problems[0].col > 1


def test_new_translations_are_only_a_warning_until_confirmed(scenes, locales):
    problems = scene_problems(scenes, locales)
    assert codes(problems) == []
    assert codes(problems, "warning") == ["T021"]
    assert "3 translation(s) not confirmed" in problems[0].message  # the voice map is not text


def test_changed_english_makes_the_arabic_stale_until_confirmed_again(scenes, locales):
    lock = locales / "scenario-text.lock"
    assert translation_lock.confirm(scenes / "tiny.yaml", lock) == 3
    assert scene_problems(scenes, locales) == []
    lines = lock.read_text(encoding="utf-8").splitlines()
    assert any("nodes.start.messages[0].text\tar\t" in line for line in lines)
    # The author changes the English only: the Arabic no longer says the same thing.
    (scenes / "tiny.yaml").write_text(SCENE.replace("Send me 50 gems", "Send me 500 gems"), encoding="utf-8")
    problems = scene_problems(scenes, locales)
    assert [(p.code, p.line) for p in problems] == [("T020", 7)]
    assert "--confirm" in problems[0].message and "Arabic" in problems[0].message
    # A translator fixes the Arabic and confirms: clean again.
    (scenes / "tiny.yaml").write_text(SCENE.replace("Send me 50 gems", "Send me 500 gems")
                                      .replace("50 جوهرة", "500 جوهرة"), encoding="utf-8")
    assert codes(scene_problems(scenes, locales)) == ["T020"]  # still stale until confirmed
    translation_lock.confirm(scenes / "tiny.yaml", lock)
    assert scene_problems(scenes, locales) == []


def test_editing_only_the_arabic_is_not_stale(scenes, locales):
    translation_lock.confirm(scenes / "tiny.yaml", locales / "scenario-text.lock")
    (scenes / "tiny.yaml").write_text(SCENE.replace("أحظره", "أحظُره"), encoding="utf-8")
    assert scene_problems(scenes, locales) == []


def test_unreadable_scene_is_reported_not_raised(scenes, locales):
    (scenes / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    problems = scene_problems(scenes, locales)
    assert codes(problems) == ["T012"] and problems[0].file.endswith("broken.yaml")


def test_validate_command_confirms_and_reports(scenes, locales, monkeypatch, capsys):
    pytest.importorskip("aman_game.commands.validate")
    from aman_game.cli import main

    monkeypatch.setattr(translation_lock, "LOCALES_DIR", locales)
    monkeypatch.setattr(translation_lock, "SCENES_DIR", scenes)
    monkeypatch.setattr(i18n_check, "LOCALES_DIR", locales)
    monkeypatch.setattr(i18n_check, "SCENES_DIR", scenes)
    monkeypatch.setattr(i18n_check, "check_sources_extracted", lambda *a, **k: [])
    scene = str(scenes / "tiny.yaml")
    main(["validate", "--no-fit", "--translations", "--confirm", scene, scene])
    assert (locales / "scenario-text.lock").is_file()
    (scenes / "tiny.yaml").write_text(SCENE.replace("Block them", "Block and report them"), encoding="utf-8")
    assert main(["validate", "--no-fit", "--translations", scene]) == 1
    assert "[T020]" in capsys.readouterr().out


def test_shipped_lock_file_is_well_formed():
    lock = LOCALES_DIR / "scenario-text.lock"
    if not lock.exists():
        pytest.fail("locales/scenario-text.lock is missing: run validate --translations --confirm")
    for line in lock.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            file, path, lang, digest = line.split("\t")
            assert file.startswith("scenes/") and lang and len(digest) == 12


def test_module_cli_runs(capsys, monkeypatch, locales, scenes):
    monkeypatch.setattr(i18n_check, "LOCALES_DIR", locales)
    monkeypatch.setattr(i18n_check, "SCENES_DIR", scenes)
    monkeypatch.setattr(i18n_check, "check_sources_extracted", lambda *a, **k: [])
    assert i18n_check.main([]) == 0
    assert "0 error(s), 1 warning(s)" in capsys.readouterr().out


def test_copy_of_real_locales_passes(tmp_path):
    """The real catalogs checked from another folder (no dependence on the checkout's location)."""
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, copy)
    assert codes(check_ui_catalogs(copy, check_sources=False)) == []


def test_hard_coded_strings_in_screens_are_flagged(tmp_path):
    screens = tmp_path / "pkg" / "screens"
    screens.mkdir(parents=True)
    (screens / "demo.py").write_text(textwrap.dedent('''
        from aman_game.i18n import _
        def draw(surface, label, Button, n):
            label.draw(surface, _("Play"), (0, 0), 20, "red")          # translated
            label.draw(surface, "Game over", (0, 0), 20, "red")       # hard-coded
            label.draw_in(surface, f"Score: {n}", None, 20, "red")    # hard-coded f-string
            Button(None, "play_icon", None)                            # a code, not words
            Button(None, "Start", None, name="start")                  # hard-coded
            label.draw(surface, "اختر لغتك", (0, 0), 20, "red", lang="ar")  # fixed language on purpose
            label.draw(surface, "123", (0, 0), 20, "red")              # no words
    '''), encoding="utf-8")
    found = i18n_check.find_hardcoded_strings(tmp_path / "pkg")
    assert [(p.code, p.line) for p in found] == [("T040", 5), ("T040", 6), ("T040", 8)]
    assert all(p.severity == "warning" for p in found)


def test_shipped_screens_draw_no_hard_coded_strings():
    assert [str(p) for p in i18n_check.find_hardcoded_strings()] == []


def test_plural_count_and_header_are_checked(locales):
    path = locales / "ar" / "LC_MESSAGES" / "aman.po"
    text = path.read_text(encoding="utf-8")
    # A missing form is an untranslated form; a seventh form makes the file invalid.
    path.write_text(text.replace('msgstr[5] "{n} نجمة"\n', ""), encoding="utf-8")
    assert codes(check_ui_catalogs(locales, check_sources=False)) == ["T001"]
    path.write_text(text.replace('msgstr[5] "{n} نجمة"\n', 'msgstr[5] "{n} نجمة"\nmsgstr[6] "{n} x"\n'),
                    encoding="utf-8")
    assert codes(check_ui_catalogs(locales, check_sources=False)) == ["T009"]  # Babel refuses the file
    # A hand-edited header with the English rule: warned, since Arabic plurals would come out wrong.
    path.write_text(text.replace("nplurals=6;", "nplurals=6; plural=(n != 1);  ").replace(
        "plural=(n == 0", "old=(n == 0", 1), encoding="utf-8")
    assert "T007" in codes(check_ui_catalogs(locales, check_sources=False), "warning")
