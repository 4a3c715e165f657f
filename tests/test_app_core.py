"""Game loop, window mapping, input routing, scoring, progress, audio fallback and QR codes."""
from __future__ import annotations

import pygame
import pytest

from aman_game import i18n
from aman_game import settings as settings_mod
from aman_game.app import IDLE_WAIT_MS, Game
from aman_game.audio import Audio
from aman_game.progress import Progress
from aman_game.scene_stack import Scene
from aman_game.scoring import Decision, stars_for, summarize


@pytest.fixture
def game(tmp_path):
    g = Game(settings=settings_mod.Settings(language="en"), save_settings=False, data_dir=tmp_path, fast=True)
    g.open()
    yield g
    g.close()
    i18n.set_language("en")


class Recorder(Scene):
    def __init__(self):
        super().__init__()
        self.events, self.relayouts = [], 0

    def handle_event(self, event):
        self.events.append(event)
        return True

    def relayout(self):
        super().relayout()
        self.relayouts += 1


def test_idle_loop_sleeps_until_input(game):
    scene = game.stack.push(Recorder())
    game.draw()
    scene.dirty = False
    pygame.event.clear()
    assert game._timeout_ms() == IDLE_WAIT_MS  # nothing dirty, no timer: the loop blocks
    scene.next_wake = lambda: 0.25
    assert game._timeout_ms() == 250
    scene.dirty = True
    assert game._timeout_ms() == 0


def test_redraw_only_when_dirty(game):
    scene = game.stack.push(Recorder())
    game.step()
    frames = game.frames
    pygame.event.clear()
    scene.next_wake = lambda: 0.0  # wake at once, but nothing changed
    scene.dirty = False
    game.step()
    assert game.frames == frames
    scene.dirty = True
    game.step()
    assert game.frames == frames + 1 and len(game.frame_times) == game.frames


def test_letterbox_maps_pointer_and_touch_to_the_canvas(game):
    pygame.display.set_mode((1920, 1200), pygame.RESIZABLE)
    game._on_resize()
    assert game._scale == pytest.approx(1.5)
    assert game._offset == (0, 60)  # bars above and below
    assert game.to_canvas(game.to_window((640, 360))) == (640, 360)
    assert game.to_canvas((0, 60)) == (0, 0)
    scene = game.stack.push(Recorder())
    game.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(960, 600), button=1))
    assert scene.events[-1].pos == (640, 360)
    game.dispatch(pygame.event.Event(pygame.FINGERDOWN, finger_id=7, touch_id=1, x=0.5, y=0.5, dx=0, dy=0,
                                     pressure=1.0))
    assert scene.events[-1].type == pygame.MOUSEBUTTONDOWN and scene.events[-1].pos == (640, 360)
    n = len(scene.events)  # SDL's own mouse copy of a touch is ignored (the finger already counted)
    game.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 10), button=1, touch=True))
    assert len(scene.events) == n
    game.screenshot(game.data_dir / "shot.png")
    assert pygame.image.load(str(game.data_dir / "shot.png")).get_size() == (1280, 720)


def test_language_key_switches_and_relayouts(game):
    scene = game.stack.push(Recorder())
    assert i18n.current_language() == "en"
    game.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F2, mod=0, unicode="", scancode=0))
    assert i18n.current_language() == "ar" and game.settings.language == "ar" and scene.relayouts == 1
    game.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=pygame.KMOD_LCTRL, unicode="", scancode=0))
    assert i18n.current_language() == "en" and scene.relayouts == 2
    assert not scene.events  # the stack never saw the language keys


def test_draw_frames_times_the_current_screen(game):
    game.stack.push(Recorder())
    times = game.draw_frames(5)
    assert len(times) == 5 and all(t >= 0 for t in times)


def test_scoring_counts_the_decisions_met():
    d = [Decision("a", 0, "block", True, 10, 10, ("friend_request",)),
         Decision("b", 1, "send", False, 0, 10, ("photo_request",))]
    s = summarize(d, "recovered", ("friend_request", "photo_request", "secret_keeping"))
    assert (s.score, s.max_score, s.safe_count) == (10, 20, 1)
    assert s.went_well == ("block",) and s.revisit == ("photo_request",)
    assert s.stars == 2
    early = summarize(d[:1], "safe")
    assert (early.score, early.max_score, early.stars) == (10, 10, 3)
    assert stars_for(0, 30, "unsafe") == 0  # no points, no star
    assert stars_for(3, 30, "unsafe") == 1
    unsafe = summarize(d[1:], "unsafe", ("gift_offer",))
    assert unsafe.revisit == ("photo_request",)  # only the steps chosen unsafely, not every scenario topic
    no_topics = Decision("c", 0, "send", False, 0, 10, ())
    assert summarize([no_topics], "unsafe", ("gift_offer", "blackmail")).revisit == ("gift_offer", "blackmail")


def test_progress_survives_restart_corruption_and_read_only(tmp_path):
    p = Progress(tmp_path)
    p.set_player("Sami", "owl")
    p.save_step("Sami", "s1", "n2", ["n1", "n2"], [0])
    assert Progress(tmp_path).resume_point("sami ", "s1")["node"] == "n2"  # nickname keys are normalised
    p.save_finish("Sami", "s1", 2, 10, 20)
    p.save_finish("Sami", "s1", 1, 0, 20)
    again = Progress(tmp_path)
    assert again.stars("Sami", "s1") == 2 and again.resume_point("Sami", "s1") is None
    assert again.players() == [("Sami", "owl")]
    p.path.write_text("{not json", encoding="utf-8")  # this machine's own file, corrupted: set aside, and
    restored = Progress(tmp_path)                      # its last good copy (kept at each save) restored
    assert restored.players() == [("Sami", "owl")] and restored.stars("Sami", "s1") == 2
    assert [f.read_text(encoding="utf-8") for f in tmp_path.glob(p.path.name + ".damaged-*")] == ["{not json"]
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    ro = Progress(tmp_path / "a_file" / "sub")  # its folder cannot be created: play goes on in memory
    ro.set_player("Lina", None)
    assert not ro.writable and ro.players() == [("Lina", None)]


def test_audio_without_a_device_is_silent(monkeypatch):
    def broken(*a, **k):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken)
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    audio = Audio()
    assert audio.play("message") is False and audio.played == ["message"]
    assert Audio(enabled=False).play("safe") is False


def test_qr_code_matches_segno_matrix():
    from aman_game.qr import decode_matrix, qr_surface

    surf = qr_surface("https://www.safespace.qa", 120)
    assert surf.get_width() <= 120 and decode_matrix(surf, "https://www.safespace.qa")
    assert not decode_matrix(surf, "https://example.org")


def test_generated_assets_are_shipped():
    import wave

    from aman_game import ASSETS_DIR
    from aman_game.audio import CUES
    from aman_game.widgets.avatars import AVATARS

    for cue in CUES:
        with wave.open(str(ASSETS_DIR / "sounds" / f"{cue}.wav")) as w:
            assert w.getnchannels() == 1 and 0.02 < w.getnframes() / w.getframerate() < 1.0
    for name in AVATARS:
        assert pygame.image.load(str(ASSETS_DIR / "images" / "avatars" / f"{name}.png")).get_size() == (128, 128)


def test_f11_toggles_full_screen_and_keeps_the_canvas(game):
    game.stack.push(Recorder())
    game.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0))
    assert game.fullscreen
    game.draw()
    assert game.canvas.get_size() == (1280, 720)
    game.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0))
    assert not game.fullscreen and game.window.get_size() == (1280, 720)
