"""Issue 14: the shared data folder is untrusted. Each numbered item of the issue (and each smaller one) about
progress and settings files, pictures and content links, recreated as it was found, now handled. The
teacher file has its own tests (test_teacher_config.py), the results files theirs (test_results_untrusted.py).
"""
from __future__ import annotations

import json
import logging
import os

import pygame
import pytest

from aman_game import settings as settings_mod
from aman_game.app import Game
from aman_game.content import checks, validate_paths
from aman_game.data_file import MAX_DEPTH, parse_json_bytes, set_aside
from aman_game.progress import Progress, last_good_path
from aman_game.screens.profile import ProfileScreen
from aman_game.widgets import avatars


def _other_pc(folder, players: dict, name="progress-OTHER-PC.json") -> None:
    (folder / name).write_text(json.dumps({"players": players}), encoding="utf-8")


def _entry(nickname="Sami", **fields) -> dict:
    return {"nickname": nickname, "class": "", "seen": 1.0, "scenarios": {}, **fields}


# -- item 1: an avatar that is not a name ---------------------------------------------------------------------
@pytest.mark.parametrize("avatar", [123, ["fox"], {"a": 1}, True, "x" * 5000, "fox\x00"])
def test_a_tampered_avatar_on_another_pc_does_not_crash_the_profile_screen(tmp_path, avatar):
    _other_pc(tmp_path, {"k": _entry(avatar=avatar)})
    game = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False,
                data_dir=str(tmp_path), fast=True)
    try:
        game.open()
        assert game.progress.players() == [("Sami", None)]  # the bad value falls back on its own
        game.stack.push(ProfileScreen(game))  # Title → Play → English lands here, with the recent players
        game.settle(30)
        assert game.stack.top.name == "profile"
    finally:
        game.close()


@pytest.mark.parametrize("name", [123, ["fox"], None, "", "no-such-animal"])
def test_avatar_surface_draws_the_placeholder_for_anything_not_a_name(name):
    assert avatars.avatar_surface(name, 48).get_size() == (48, 48)


# -- item 4: this PC's file damaged ---------------------------------------------------------------------------
def test_this_pcs_damaged_file_is_set_aside_and_its_last_good_copy_restored(tmp_path):
    p = Progress(tmp_path, file_name="progress-me.json")
    p.set_player("Sami", "owl")
    p.save_finish("Sami", "s1", 3, 20, 20)
    p.set_player("Lina", "cat")  # the save before this one is the last good copy
    assert last_good_path(p.path).is_file()
    whole = p.path.read_bytes()
    p.path.write_bytes(whole[:-5])  # truncated by 5 bytes
    again = Progress(tmp_path, file_name="progress-me.json")
    assert again.stars("Sami", "s1") == 3 and "Sami" in dict(again.players())
    aside = list(tmp_path.glob("progress-me.json.damaged-*"))
    assert [a.read_bytes() for a in aside] == [whole[:-5]]  # kept as it was, never written over
    assert any("damaged copy kept" in n for n in again.notes)
    again.set_player("Omar", "fox")  # the next save goes on from the restored copy
    assert {n for n, _ in Progress(tmp_path, file_name="progress-me.json").players()} >= {"Sami", "Omar"}


def test_a_file_damaged_while_the_game_runs_is_set_aside_before_the_next_save(tmp_path):
    p = Progress(tmp_path, file_name="progress-me.json")
    p.set_player("Sami", "owl")
    p.path.write_bytes(b"\xff\xfe garbage")
    p.save_step("Sami", "s1", "n2", ["n1", "n2"], [0])
    assert [a.read_bytes() for a in tmp_path.glob("progress-me.json.damaged-*")] == [b"\xff\xfe garbage"]
    assert Progress(tmp_path, file_name="progress-me.json").resume_point("Sami", "s1")["node"] == "n2"


def test_another_pcs_damaged_file_is_ignored_not_moved(tmp_path, caplog):
    (tmp_path / "progress-OTHER.json").write_bytes(b'{"players": {"k": ')
    with caplog.at_level(logging.WARNING):
        p = Progress(tmp_path, file_name="progress-me.json")
    assert p.players() == [] and "progress-OTHER.json" in caplog.text
    assert (tmp_path / "progress-OTHER.json").exists()  # its own PC sets it aside; never ours to move


# -- smaller items ---------------------------------------------------------------------------------------------
def test_a_resume_point_with_1e400_or_impossible_choices_never_reaches_the_story(tmp_path):
    scenarios = {"s2": {"stars": 9, "resume": {"node": "n2", "path": [], "choices": [-1]}},
                 "s3": {"stars": 1, "resume": {"node": "n2", "path": ["n1"], "choices": [0]}},
                 "s4": {"stars": 2, "resume": {"node": "n2", "path": ["n1"], "choices": [0.5, 1e300]}}}
    _other_pc(tmp_path, {"k": _entry(scenarios=scenarios)})
    p = Progress(tmp_path, file_name="progress-me.json")
    assert p.resume_point("Sami", "s2") is None and p.stars("Sami", "s2") == 0  # -1 and 9 stars: out of range
    assert p.resume_point("Sami", "s4") is None and p.stars("Sami", "s4") == 2  # the rest of the record stays
    assert p.resume_point("Sami", "s3") == {"node": "n2", "path": ["n1"], "choices": [0]}
    mine = tmp_path / "progress-me.json"  # 1e400 is not a finite number: this PC's file is set aside
    mine.write_text('{"players": {"k": {"nickname": "Sami", "scenarios": {"s1": {"resume": '
                    '{"node": "n2", "path": [], "choices": [1e400]}}}}}}', encoding="utf-8")
    again = Progress(tmp_path, file_name="progress-me.json")
    assert again.resume_point("Sami", "s1") is None and list(tmp_path.glob("progress-me.json.damaged-*"))


def test_a_10000_character_nickname_is_cut(tmp_path):
    _other_pc(tmp_path, {"k": _entry(nickname="N" * 10_000)})
    ((nickname, _),) = Progress(tmp_path, file_name="progress-me.json").players()
    assert nickname == "N" * 40


def test_a_disk_full_save_leaves_no_temporary_file(tmp_path, monkeypatch):
    import builtins

    real_open = builtins.open

    class Full:  # a file whose disk fills up at the first write
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, _text):
            raise OSError(28, "No space left on device")

    def opener(file, mode="r", *a, **k):
        fh = real_open(file, mode, *a, **k)
        return Full(fh) if "w" in mode and str(file).endswith(".tmp") else fh

    p = Progress(tmp_path, file_name="progress-me.json")
    monkeypatch.setattr(builtins, "open", opener)
    p.set_player("Sami", "owl")
    monkeypatch.setattr(builtins, "open", real_open)
    assert not p.writable and p.players() == [("Sami", "owl")]  # play goes on, in memory
    assert [f.name for f in tmp_path.iterdir()] == []  # no 0-byte progress-*.json.tmp left behind


def test_a_300_mb_settings_file_is_not_read(tmp_path, caplog):
    path = tmp_path / "settings.json"
    with open(path, "wb") as fh:  # sparse: 300 MB long, no disk used
        fh.truncate(300 * 1024 * 1024)
    with caplog.at_level(logging.WARNING):
        assert settings_mod.load(path) == settings_mod.Settings()
    assert "too big" in caplog.text
    assert list(tmp_path.glob("settings.json.damaged-*"))  # set aside: the next save can't hide it
    assert settings_mod.save(settings_mod.Settings(language="ar"), path)
    assert settings_mod.load(path).language == "ar"


@pytest.mark.parametrize("raw", ["Classe été".encode("latin-1"), b"[" * 100_000 + b"]" * 100_000,
                                 b'{"language": NaN}', b'{"text_size": 1e400}', b"\x00\x00"])
def test_settings_that_are_not_json_fall_back_to_defaults(tmp_path, raw):
    path = tmp_path / "settings.json"
    path.write_bytes(raw)
    assert settings_mod.load(path) == settings_mod.Settings()


def test_the_json_reader_bounds_nesting_and_refuses_what_json_does_not_allow():
    assert parse_json_bytes(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) is not None
    for raw in (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), b"[Infinity]", b"1e999", b"\xc3\x28",
                b"9" * 5000):
        with pytest.raises(ValueError):
            parse_json_bytes(raw)
    assert parse_json_bytes("\ufeff{}".encode()) == {}  # Notepad's byte-order mark is fine


def test_set_aside_keeps_two_damaged_copies_made_in_the_same_second(tmp_path):
    for text in ("one", "two"):
        (tmp_path / "x.json").write_text(text)
        assert set_aside(tmp_path / "x.json")
    assert sorted(p.read_text() for p in tmp_path.glob("x.json.damaged-*")) == ["one", "two"]


# -- item 5: pictures and sounds that are not what they say -----------------------------------------------
SCENARIO = """\
id: test_assets
title: {en: "Assets", ar: "ملفات"}
age_band: "7-9"
topics: [gift_offer]
app: {kind: chat, name: {en: "Chat", ar: "دردشة"}}
characters:
  star: {name: {en: "Star", ar: "نجمة"}, avatar: AVATAR}
start: offer
nodes:
  offer:
    messages:
      - {from: star, text: {en: "Hi!", ar: "مرحبا!"}}
    prompt: {en: "What do you do?", ar: "ماذا تفعل؟"}
    choices:
      - text: {en: "Tell an adult", ar: "أخبر شخصا كبيرا"}
        action: tell_adult
        safe: true
        points: 10
        feedback: {why: {en: "Good.", ar: "أحسنت."}}
        next: done
      - text: {en: "Accept", ar: "أقبل"}
        action: accept
        safe: false
        points: 0
        feedback: {why: {en: "No.", ar: "لا."}, instead: {en: "Tell.", ar: "أخبر."}}
        next: done
  done:
    end: {outcome: safe, text: {en: "Done.", ar: "انتهى."}}
"""


@pytest.fixture
def asset_folder(tmp_path, monkeypatch):
    folder = tmp_path / "assets"
    (folder / "images").mkdir(parents=True)
    surface = pygame.Surface((8, 8))
    pygame.image.save(surface, str(folder / "images" / "good.png"))
    (folder / "images" / "text.png").write_text("this is not a picture")
    (tmp_path / "secret.txt").write_text("outside")
    os.symlink(tmp_path / "secret.txt", folder / "images" / "link.png")
    monkeypatch.setattr(checks, "assets_dir", lambda: folder)
    return folder


def _validate(tmp_path, avatar: str) -> list[str]:
    path = tmp_path / "scenes" / "test_assets.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(SCENARIO.replace("AVATAR", avatar), encoding="utf-8")
    return [f"{p.code}: {p.message}" for p in validate_paths([path], fit=False) if p.code.startswith("E5")]


def test_validate_opens_every_named_picture(tmp_path, asset_folder):
    assert _validate(tmp_path, "images/good.png") == []
    (problem,) = _validate(tmp_path, "images/text.png")
    assert problem.startswith("E509: asset 'images/text.png' is not an image")
    (problem,) = _validate(tmp_path, "images/link.png")
    assert problem.startswith("E503: asset 'images/link.png' is a link to a file outside assets/")


def test_the_game_draws_the_placeholder_for_a_picture_that_fails(tmp_path, monkeypatch):
    folder = tmp_path / "assets"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "text.png").write_text("this is not a picture")
    monkeypatch.setattr(avatars, "ASSETS_DIR", folder)
    avatars._UNUSABLE.clear()
    for _ in range(3):  # tried once, then the placeholder straight away (not a load attempt every frame)
        assert avatars.image_avatar("images/text.png", "star", 40).get_size() == (40, 40)
    assert "images/text.png" in avatars._UNUSABLE


def test_dangling_and_special_files_in_scenes_are_named(tmp_path):
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    os.symlink(tmp_path / "gone.yaml", scenes / "dangling.yaml")
    os.mkfifo(scenes / "pipe.yaml")
    problems = {(os.path.basename(p.file), p.code) for p in validate_paths([scenes], fit=False)}
    assert {("dangling.yaml", "E001"), ("pipe.yaml", "E001")} <= problems


# -- item 8, through the PIN screen: the rest survives a restart of the game ---------------------------------
def test_the_pin_pad_still_rests_after_the_game_restarts(game, tmp_path):
    from aman_game.screens.teacher_pin import MAX_TRIES, PinScreen
    from aman_game.screens.title import TitleScreen
    from aman_game.teacher_config import TeacherConfig

    config = TeacherConfig.load(tmp_path)
    config.set_pin("2468", iterations=1000)
    config.save()
    game.stack.push(TitleScreen(game))
    pin = game.stack.push(PinScreen(game, TeacherConfig.load(tmp_path)))
    for _ in range(MAX_TRIES):
        for key in (pygame.K_1, pygame.K_1, pygame.K_1, pygame.K_1, pygame.K_RETURN):
            game.post_key(key)
        game.settle(5)
    assert pin._resting() > 25
    game.stack.pop()
    restarted = game.stack.push(PinScreen(game, TeacherConfig.load(tmp_path)))  # a new game, same folder
    assert restarted._resting() > 25
    for key in (pygame.K_2, pygame.K_4, pygame.K_6, pygame.K_8, pygame.K_RETURN):
        game.post_key(key)
    game.settle(5)
    assert game.stack.top is restarted  # even the right PIN waits
