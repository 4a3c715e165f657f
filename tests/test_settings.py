"""The player's settings: JSON round trip, every kind of bad file gives defaults (never a crash), apply()."""
from __future__ import annotations

import json
import logging
import pytest

from aman_game import i18n, narration, settings
from aman_game.settings import Settings


@pytest.fixture(autouse=True)
def clean_state():
    saved = (i18n.current_language(), i18n.current_digits(), i18n.harakat_shown(),
             narration.get_narrator().enabled)
    yield
    i18n.set_language(saved[0])
    i18n.set_digits(saved[1])
    i18n.set_harakat(saved[2])
    narration.get_narrator().set_enabled(saved[3])
    from aman_game import theme
    theme.configure()


def test_missing_file_gives_defaults_silently(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        assert settings.load(tmp_path / "none.json") == Settings()
    assert caplog.text == ""


def test_round_trip(tmp_path):
    path = tmp_path / "deep" / "folder" / "settings.json"
    chosen = Settings(language="en", digits="arab", text_size=3, high_contrast=True, reduced_motion=True,
                      harakat=False, sound=False, narration=True, region="qa")
    assert settings.save(chosen, path)
    assert settings.load(path) == chosen
    assert json.loads(path.read_text(encoding="utf-8"))["text_size"] == 3
    assert not (path.parent / "settings.json.tmp").exists()


@pytest.mark.parametrize("content", [
    b"{not json", b"", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b"null", b'"ar"', b"{" * 5000, b"[" * 100_000,
])
def test_corrupted_file_gives_defaults_with_a_warning(tmp_path, caplog, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert settings.load(path) == Settings()
    assert "settings" in caplog.text


def test_unreadable_path_gives_defaults(tmp_path, caplog):
    folder = tmp_path / "settings.json"
    folder.mkdir()  # a folder where the file should be
    with caplog.at_level(logging.WARNING):
        assert settings.load(folder) == Settings()
    assert "cannot read" in caplog.text


def test_bad_values_fall_back_field_by_field(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "language": "klingon", "digits": "roman", "text_size": 7, "high_contrast": "yes",
        "reduced_motion": True, "harakat": 0, "sound": None, "narration": True, "region": "../../x",
        "favourite_colour": "blue",
    }), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        loaded = settings.load(path)
    defaults = Settings()
    assert loaded.language == defaults.language
    assert loaded.digits == "latn"
    assert loaded.text_size == 1
    assert loaded.high_contrast is False and loaded.harakat is True and loaded.sound is True
    assert loaded.region == defaults.region
    assert loaded.reduced_motion is True and loaded.narration is True  # the valid ones are kept
    assert "unknown setting 'favourite_colour'" in caplog.text
    assert "bad value 'klingon' for language" in caplog.text


def test_text_size_rejects_booleans_and_floats(tmp_path):
    for bad in (True, 2.0, "2"):
        path = tmp_path / "s.json"
        path.write_text(json.dumps({"text_size": bad}), encoding="utf-8")
        assert settings.load(path).text_size == 1


def test_language_codes_are_normalized(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"language": "EN-us"}), encoding="utf-8")
    assert settings.load(path).language == "en"
    path.write_text(json.dumps({"language": "en-XA"}), encoding="utf-8")
    assert settings.load(path).language == "xa"


def test_replace_validates_changes(caplog):
    base = Settings()
    assert base.replace(text_size=2).text_size == 2
    with caplog.at_level(logging.WARNING):
        assert base.replace(text_size=9).text_size == 1
    assert base.replace(language="en").language == "en"


def test_save_where_a_file_blocks_the_folder_returns_false(tmp_path, caplog):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with caplog.at_level(logging.WARNING):
        assert settings.save(Settings(), blocker / "settings.json") is False
    assert "cannot save" in caplog.text


def test_default_path_is_the_user_config_dir_or_the_override(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv("AMAN_SETTINGS", raising=False)
    assert settings.default_path() == (
        __import__("pathlib").Path(platformdirs.user_config_dir("aman", appauthor=False)) / "settings.json")
    monkeypatch.setenv("AMAN_SETTINGS", str(tmp_path / "lab.json"))
    assert settings.default_path() == tmp_path / "lab.json"
    settings.save(Settings(language="en"))
    assert settings.load().language == "en"


def test_apply_sets_language_digits_harakat_theme_and_narration():
    from aman_game import theme

    settings.apply(Settings(language="en", digits="arab", harakat=False, narration=True, text_size=3,
                            high_contrast=True, reduced_motion=True))
    assert theme.current().high_contrast and theme.current().reduced_motion
    assert theme.current().size(20) > 20
    assert i18n.current_language() == "en"
    assert i18n.current_digits() == "arab"
    assert i18n.harakat_shown() is False
    assert narration.get_narrator().enabled is True
    settings.apply(Settings())
    assert i18n.current_language() == "ar" and i18n.harakat_shown() is True
    assert not theme.current().high_contrast and theme.current().size(20) == 20
    assert narration.get_narrator().enabled is False


def test_labels_are_translated_at_draw_time():
    assert i18n.gettext(settings.LABELS["narration"], "ar") == "القراءة بصوتٍ عالٍ"
    assert i18n.gettext(settings.CHOICE_LABELS["text_size"][3], "ar") == "كبير جدًّا"
    assert settings.DIGIT_SAMPLES == {"latn": "123", "arab": "١٢٣"}
    assert set(settings.LABELS) == {f.name for f in __import__("dataclasses").fields(Settings)}


def test_strip_harakat_is_available_to_screens():
    assert settings.strip_harakat("أَمَانٌ") == "أمان"
