"""Faults of the machine the game runs on, one test each: no audio device, unreadable fonts, a read-only
data folder, an unknown language or a corrupted settings file. The game never crashes: it plays on
silently, with fallback fonts, without saving, or with default settings — and says why in the log."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from aman_game import ROOT, SCENES_DIR
from aman_game.bench.first_frame import ENV, MARK, isolated_env
from aman_game.content import load_library

MAIN = str(ROOT / "main.py")


def _first_scenario() -> str:
    return load_library(SCENES_DIR).scenarios[0].id


def _game(tmp_path: Path, *args: str, extra: dict | None = None, timeout: float = 90) -> subprocess.CompletedProcess:
    env = isolated_env(tmp_path / "home", extra=extra)
    return subprocess.run([sys.executable, MAIN, *args], env=env, capture_output=True, text=True, timeout=timeout)


def _autoplay(tmp_path: Path, *extra_args: str, extra: dict | None = None) -> tuple[dict, subprocess.CompletedProcess]:
    proc = _game(tmp_path, "play", _first_scenario(), "--autoplay", "safe", "--headless", "--fast", *extra_args,
                 extra=extra)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["outcome"] in ("safe", "recovered", "unsafe")
    return summary, proc


def _first_frame(tmp_path: Path, extra: dict | None = None) -> subprocess.CompletedProcess:
    """`python main.py` (the title screen, settings read from AMAN_SETTINGS) up to its first frame."""
    proc = _game(tmp_path, extra={ENV: "exit", **(extra or {})})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert MARK in proc.stdout, (proc.stdout, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    return proc


# -- audio ---------------------------------------------------------------------------------------------
def test_no_audio_device_the_game_plays_through_silently(tmp_path):
    summary, _proc = _autoplay(tmp_path, extra={"SDL_AUDIODRIVER": "no_such_audio_driver"})
    assert summary["path"][-1]


def test_no_audio_device_cues_are_off_not_errors(monkeypatch):
    from aman_game.audio import Audio

    def broken_init(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: False)
    monkeypatch.setattr(pygame.mixer, "init", broken_init)
    audio = Audio(enabled=True)
    assert audio.play("safe") is False
    assert audio.play("message") is False  # asked again: still quiet, still no exception
    assert audio.played == ["safe", "message"]


# -- fonts ---------------------------------------------------------------------------------------------
@pytest.fixture
def broken_fonts(tmp_path):
    """A fonts folder where one face is garbage, one is empty, one is cut short and one is a folder."""
    from aman_game.text.fonts import FACE_FILES, FONTS_DIR

    folder = tmp_path / "fonts"
    folder.mkdir()
    (latin_regular, latin_bold), (arabic_regular, arabic_bold) = FACE_FILES["latin"], FACE_FILES["arabic"]
    (folder / latin_regular).write_bytes(os.urandom(4096))
    (folder / arabic_regular).write_bytes(b"")
    (folder / latin_bold).mkdir()
    (folder / arabic_bold).write_bytes((FONTS_DIR / arabic_bold).read_bytes()[:2000])
    return folder


def test_unreadable_fonts_fall_back_with_a_warning(broken_fonts, caplog):
    from aman_game.text.engine import TextEngine
    from aman_game.text.fonts import FontSet

    pygame.font.init()
    with caplog.at_level(logging.WARNING):
        engine = TextEngine(FontSet(broken_fonts))
        lay = engine.layout("أرسل لك Ahmed بطاقة iTunes بقيمة 50 ريال", "ar", 22, 400)
        surface = engine.render(lay, (0, 0, 0))
    assert surface.get_width() >= 1 and lay.lines
    assert lay.missing_glyphs > 0  # no Arabic face left: counted, not drawn as silent boxes
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "falling back" in messages or "default font" in messages
    assert "no bundled font has" in messages


def test_every_screen_still_draws_with_unreadable_fonts(broken_fonts, monkeypatch):
    from aman_game import settings as settings_mod
    from aman_game.app import Game
    from aman_game.screens import gallery
    from aman_game.text import engine as engine_mod
    from aman_game.text.engine import TextEngine
    from aman_game.text.fonts import FontSet

    pygame.font.init()
    monkeypatch.setattr(engine_mod, "_engine", TextEngine(FontSet(broken_fonts)))
    scenarios = load_library(SCENES_DIR).scenarios
    game = Game(settings=settings_mod.Settings(language="ar"), save_settings=False, fast=True)
    game.open()
    try:
        for name in gallery.NAMES:
            gallery.open_screen(game, name, scenarios)
            assert len(game.draw_frames(1)) == 1, name
    finally:
        game.close()
        settings_mod.apply(settings_mod.Settings())


# -- a read-only data folder ---------------------------------------------------------------------------
@pytest.fixture
def readonly_dir(tmp_path):
    """A folder nobody can write to: chmod for a normal user; for root (who ignores modes) a read-only
    tmpfs mounted over it. Skips only when neither is possible here."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("running as root without permission to mount a read-only folder")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_read_only_data_folder_play_goes_on_without_saving(tmp_path, readonly_dir):
    _summary, proc = _autoplay(tmp_path, "--class", "5B", "--nickname", "Falcon", "--data-dir", str(readonly_dir))
    assert "results won't be saved" in proc.stderr and "read-only" in proc.stderr
    assert list(readonly_dir.iterdir()) == []


def test_data_folder_that_cannot_exist_play_goes_on(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    _summary, proc = _autoplay(tmp_path, "--class", "5B", "--nickname", "Falcon", "--data-dir",
                               str(blocker / "data"))
    assert "results won't be saved" in proc.stderr


def test_settings_that_cannot_be_saved_still_apply(readonly_dir):
    from aman_game import i18n
    from aman_game import settings as settings_mod
    from aman_game.app import Game

    game = Game(settings=settings_mod.Settings(language="en"), settings_path=readonly_dir / "settings.json")
    try:
        game.update_settings(language="ar")
        assert i18n.current_language() == "ar"
        assert not (readonly_dir / "settings.json").exists()
    finally:
        settings_mod.apply(settings_mod.Settings())


# -- settings files ------------------------------------------------------------------------------------
def _settings_file(tmp_path: Path, data: bytes) -> dict:
    path = tmp_path / "settings.json"
    path.write_bytes(data)
    return {"AMAN_SETTINGS": str(path)}


def test_unknown_language_in_the_settings(tmp_path, caplog):
    from aman_game import i18n
    from aman_game import settings as settings_mod

    data = json.dumps({"language": "tlh", "text_size": 99, "region": "Qatar!", "sound": "loud"}).encode()
    env = _settings_file(tmp_path, data)
    with caplog.at_level(logging.WARNING):
        loaded = settings_mod.load(env["AMAN_SETTINGS"])
    assert loaded.language == i18n.DEFAULT_LANGUAGE and loaded.text_size == 1 and loaded.sound is True
    assert "tlh" in caplog.text
    proc = _first_frame(tmp_path, env)
    assert "tlh" in proc.stderr  # the warning reaches the log of the real game too


@pytest.mark.parametrize("data", [os.urandom(300), b'{"language": "ar", "text_si', b"[1, 2, 3]", b"\xff\xfe\x00{",
                                  b"", b'{"language": {"nested": [1e999]}}'],
                         ids=["random", "truncated", "list", "bad_encoding", "empty", "nested"])
def test_corrupted_settings_file(tmp_path, data):
    from aman_game import settings as settings_mod

    env = _settings_file(tmp_path, data)
    assert settings_mod.load(env["AMAN_SETTINGS"]) == settings_mod.Settings()


def test_corrupted_settings_file_the_game_still_opens(tmp_path):
    _first_frame(tmp_path, _settings_file(tmp_path, os.urandom(300)))


def test_settings_path_is_a_folder(tmp_path):
    folder = tmp_path / "settings_dir"
    folder.mkdir()
    _first_frame(tmp_path, {"AMAN_SETTINGS": str(folder)})
