"""Teacher settings: PIN as a salted hash, class sessions; the file is untrusted (issue 14): a damaged file
is set aside, an edited one refused until the PIN is typed, the PIN lock-out survives a restart."""
from __future__ import annotations

import json

import pytest

from aman_game.teacher_config import (CONFIG_FILE, MAX_TRIES, REST_SECONDS, ClassSession, PinHash, TeacherConfig,
                                      TeacherConfigError, _seal, valid_pin)

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
    config.set_pin("2468", iterations=FAST)
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


def _sealed_file(tmp_path, **changes) -> dict:
    """A file the game wrote (PIN 2468, class 5B running), then edited by hand: `changes` on its JSON."""
    config = TeacherConfig.load(tmp_path)
    config.set_pin("2468", iterations=FAST)
    config.upsert_session(ClassSession("5B", playlist=["photo_request"], kiosk=True))
    config.start_session("5B")
    config.save()
    data = json.loads((tmp_path / CONFIG_FILE).read_text(encoding="utf-8"))
    data.update(changes)
    (tmp_path / CONFIG_FILE).write_text(json.dumps(data), encoding="utf-8")
    return data


def test_wrong_values_in_the_file_fall_back_per_field(tmp_path):
    pin = PinHash.make("2468", FAST)
    sessions = [{"name": "5B", "language": "klingon", "kiosk": "yes", "playlist": "all", "quiz": False},
                {"name": ""}, "junk", {"name": 7}]
    (tmp_path / CONFIG_FILE).write_text(json.dumps({
        "format": 2, "pin": pin.__dict__, "active": "nope", "sessions": sessions,
        "seal": _seal(pin, sessions, "nope")}), encoding="utf-8")
    config = TeacherConfig.load(tmp_path)
    assert config.problem is None and not config.tampered
    assert config.sessions == [ClassSession("5B", quiz=False)]
    assert config.active == ""


@pytest.mark.parametrize("raw", [
    b'{"pin": {"salt": "zz"',                                   # cut short
    "Classe \u00e9t\u00e9".encode("latin-1"),                # a hand edit saved as Latin-1 (issue 14, item 2)
    b"\xff\xfe\x00garbage" * 50,                              # random bytes
    b"[" * 100_000 + b"]" * 100_000,                            # nested 100,000 deep
    b'{"pin": {"salt": "00", "digest": "00", "iterations": 1e400}}',
])
def test_a_damaged_file_is_set_aside_and_a_new_pin_can_be_chosen(tmp_path, raw):
    (tmp_path / CONFIG_FILE).write_bytes(raw)
    config = TeacherConfig.load(tmp_path)  # never raises (it used to: UnicodeDecodeError, RecursionError)
    assert config.problem is None and not config.has_pin()
    assert config.set_aside_as and config.set_aside_as.startswith("teacher.json.damaged-")
    assert (tmp_path / config.set_aside_as).read_bytes() == raw  # nothing that couldn't be read is lost
    assert not (tmp_path / CONFIG_FILE).exists()
    config.set_pin("1234", iterations=FAST)
    config.save()
    assert TeacherConfig.load(tmp_path).check_pin("1234")


@pytest.mark.parametrize("iterations", [0, -5, 2e7, 20_000_000, "1000", True, None])
def test_iterations_outside_the_fixed_range_are_not_obeyed(tmp_path, iterations):
    """Issue 14, item 7: 0 or -5 crashed the game loop at the first PIN typed; 2e7 froze it 4.7 s a try."""
    data = _sealed_file(tmp_path)
    data["pin"]["iterations"] = iterations
    (tmp_path / CONFIG_FILE).write_text(json.dumps(data), encoding="utf-8")
    config = TeacherConfig.load(tmp_path)
    assert config.pin is None and config.set_aside_as and not config.sessions
    assert not config.check_pin("2468") and config.active_session() is None
    with pytest.raises(ValueError):
        PinHash.make("1234", iterations=0)
    assert not PinHash("00" * 16, "00" * 32, 0).matches("1234")  # a hand-made PinHash can't crash either


def test_removing_the_pin_removes_the_class_setups(tmp_path):
    """Issue 14, item 8: "pin": null used to keep the class setups and let anyone choose a new PIN."""
    _sealed_file(tmp_path, pin=None)
    config = TeacherConfig.load(tmp_path)
    assert not config.has_pin() and config.sessions == [] and config.active_session() is None


@pytest.mark.parametrize("edit", [
    lambda d: d["sessions"][0].update(kiosk=False),
    lambda d: d["sessions"][0].update(allow_high_sensitivity=True),
    lambda d: d["sessions"][0].update(playlist=[]),
    lambda d: d.update(active=""),
    lambda d: d.pop("seal"),
])
def test_setups_edited_outside_the_game_are_refused_until_the_pin_is_typed(tmp_path, edit):
    data = _sealed_file(tmp_path)
    edit(data)
    (tmp_path / CONFIG_FILE).write_text(json.dumps(data), encoding="utf-8")
    config = TeacherConfig.load(tmp_path)
    assert config.tampered and config.active_session() is None  # no kiosk, no stories the teacher left off
    config.save()  # e.g. the lock-out written by a wrong PIN: the edit does not become trusted
    assert TeacherConfig.load(tmp_path).tampered
    with pytest.raises(TeacherConfigError):
        config.set_pin("1111", iterations=FAST)  # a new PIN can't seal setups nobody checked
    assert not config.check_pin("1357") and config.tampered
    assert config.check_pin("2468") and config.changes_accepted and not config.tampered
    assert not TeacherConfig.load(tmp_path).tampered  # sealed again, as the teacher now sees them


def test_the_pin_lock_out_survives_a_restart(tmp_path):
    """Issue 14, item 8: the 30 s rest after five wrong PINs lived in memory: a restarted game waited 0 s."""
    _sealed_file(tmp_path)
    for attempt in range(MAX_TRIES - 1):
        config = TeacherConfig.load(tmp_path)  # a restart between every try
        assert not config.check_pin("1111")
        assert TeacherConfig.load(tmp_path).failures == attempt + 1
    assert not TeacherConfig.load(tmp_path).check_pin("1111")
    restarted = TeacherConfig.load(tmp_path)
    assert REST_SECONDS - 5 < restarted.rest_seconds() <= REST_SECONDS
    assert not restarted.check_pin("2468")  # even the right PIN waits
    data = json.loads((tmp_path / CONFIG_FILE).read_text(encoding="utf-8"))
    data["lock"]["until"] = 1e10  # an edited rest can't lock the teacher out for years
    (tmp_path / CONFIG_FILE).write_text(json.dumps(data), encoding="utf-8")
    assert TeacherConfig.load(tmp_path).rest_seconds() <= REST_SECONDS
    restarted.lock_until = 0.0
    assert restarted.check_pin("2468") and TeacherConfig.load(tmp_path).failures == 0


def test_an_unopenable_file_keeps_teacher_mode_locked(tmp_path):
    (tmp_path / CONFIG_FILE).mkdir()  # stands in for a file this account may not read
    config = TeacherConfig.load(tmp_path)
    assert config.problem and config.has_pin() and not config.check_pin("1234")
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
    assert not list(tmp_path.rglob("*.tmp"))
