"""Teacher settings: PIN as a salted hash, class sessions, a damaged file keeping teacher mode locked."""
from __future__ import annotations

import json

import pytest

from aman_game.teacher_config import (CONFIG_FILE, ClassSession, PinHash, TeacherConfig, TeacherConfigError,
                                      valid_pin)

FAST = 1_000  # iterations in tests; the game uses PIN_ITERATIONS


def test_pin_is_set_on_first_use_and_stored_only_as_a_salted_hash(tmp_path):
    config = TeacherConfig.load(tmp_path)
    assert not config.has_pin() and not config.check_pin("1234")
    config.set_pin("4821", iterations=FAST)
    config.save()
    raw = (tmp_path / CONFIG_FILE).read_text(encoding="utf-8")
    assert "4821" not in raw
    stored = json.loads(raw)["pin"]
    assert len(bytes.fromhex(stored["salt"])) == 16 and stored["algorithm"] == "pbkdf2_sha256"
    again = TeacherConfig.load(tmp_path)
    assert again.has_pin() and again.check_pin("4821")
    assert not again.check_pin("4822") and not again.check_pin("48210") and not again.check_pin("")


def test_same_pin_gets_a_different_salt_each_time():
    a, b = PinHash.make("1234", FAST), PinHash.make("1234", FAST)
    assert a.salt != b.salt and a.digest != b.digest
    assert a.matches("1234") and b.matches("1234")


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", " 1234", ""])
def test_pins_are_four_to_eight_ascii_digits(tmp_path, pin):
    assert not valid_pin(pin)
    with pytest.raises(ValueError):
        TeacherConfig.load(tmp_path).set_pin(pin, iterations=FAST)


def test_class_sessions_round_trip_and_names_match_loosely(tmp_path):
    config = TeacherConfig.load(tmp_path)
    config.upsert_session(ClassSession("5B", playlist=["gift_gems", "photo_request"], language="ar",
                                       age_band="7-9", kiosk=True, quiz=False))
    config.upsert_session(ClassSession("6A"))
    config.start_session("5b")
    config.save()
    loaded = TeacherConfig.load(tmp_path)
    five_b = loaded.session("5B")
    assert five_b == ClassSession("5B", ["gift_gems", "photo_request"], "ar", "7-9", False, True, False)
    assert five_b.language_locked and not loaded.session("6A").language_locked
    assert loaded.active_session().name == "5B"
    loaded.upsert_session(ClassSession("5b", playlist=["photo_request"]))  # same class: replaced, not added
    assert [s.name for s in loaded.sessions] == ["6A", "5b"] and loaded.session("5B").playlist == ["photo_request"]
    assert loaded.remove_session("5B") and loaded.active_session() is None
    with pytest.raises(ValueError):
        loaded.upsert_session(ClassSession("7C", language="fr"))


def test_wrong_values_in_the_file_fall_back_per_field(tmp_path):
    (tmp_path / CONFIG_FILE).write_text(json.dumps({
        "format": 1, "pin": None, "active": "nope",
        "sessions": [{"name": "5B", "language": "klingon", "kiosk": "yes", "playlist": "all", "quiz": False},
                     {"name": ""}, "junk"]}), encoding="utf-8")
    config = TeacherConfig.load(tmp_path)
    assert config.problem is None
    assert config.sessions == [ClassSession("5B", quiz=False)]
    assert config.active == ""


def test_a_damaged_file_keeps_teacher_mode_locked(tmp_path):
    (tmp_path / CONFIG_FILE).write_text('{"pin": {"salt": "zz"', encoding="utf-8")
    config = TeacherConfig.load(tmp_path)
    assert config.problem and "delete the file" in config.problem
    assert config.has_pin()  # so the game asks for a PIN instead of offering to set a new one
    assert not config.check_pin("1234")
    with pytest.raises(TeacherConfigError):
        config.set_pin("1234", iterations=FAST)
    with pytest.raises(TeacherConfigError):
        config.save()


def test_saving_into_an_unusable_folder_raises_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    config = TeacherConfig.load(blocker / "data")
    assert config.problem is None and not config.has_pin()
    with pytest.raises(TeacherConfigError, match="can't save"):
        config.save()
    assert not list(tmp_path.glob(".teacher-*"))
