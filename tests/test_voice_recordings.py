"""Recorded read-aloud files named in a scenario (`voice:` beside `text:`, `prompt_voice`, `why_voice`,
`instead_voice`): the schema and model carry them, validate finds a missing or escaping file at its line,
the play and feedback screens hand each recording to the narrator, and no audio device means silence.

No audio is committed: the recordings are tiny WAV files written here with the standard library."""
from __future__ import annotations

import struct
import threading
import wave
from pathlib import Path

import pytest

from aman_game import i18n, narration
from aman_game.content import checks, load_scenario, validate_paths
from aman_game.narration import Narrator

pygame = pytest.importorskip("pygame")

FIXTURE = Path(__file__).parent / "content" / "voice" / "voiced.yaml"
WAIT = 10  # seconds: an upper bound for the narration thread, never a speed assertion
RECORDINGS = ("test_hi_en", "test_hi_ar", "test_prompt_ar", "test_tell_ar", "test_why_en", "test_instead_en",
              "test_end_en")


def write_wav(path: Path, seconds: float = 0.02) -> Path:
    """A short mono silence: a real WAV any mixer can open."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(struct.pack("<h", 0) * int(22050 * seconds))
    return path


@pytest.fixture
def assets(tmp_path, monkeypatch):
    """A temporary assets/ folder holding every recording the fixture names; validate looks there."""
    folder = tmp_path / "assets"
    for name in RECORDINGS:
        write_wav(folder / "sounds" / "voice" / f"{name}.wav")
    monkeypatch.setattr(checks, "assets_dir", lambda: folder)  # the fonts stay where they are
    return folder


# -- format: schema, checks, model ------------------------------------------------------------------

def test_the_fixture_validates_and_the_model_keeps_each_recording(assets):
    assert [str(p) for p in validate_paths([FIXTURE], fit=True)] == []
    sc = load_scenario(FIXTURE)
    offer = sc.start_node
    assert dict(offer.messages[0].text.voice) == {"en": "sounds/voice/test_hi_en.wav",
                                                  "ar": "sounds/voice/test_hi_ar.wav"}
    assert dict(offer.messages[1].text.voice) == {}  # no recording: the system voice reads it
    assert dict(offer.prompt.voice) == {"ar": "sounds/voice/test_prompt_ar.wav"}
    assert dict(offer.choices[0].text.voice) == {"ar": "sounds/voice/test_tell_ar.wav"}
    unsafe = offer.choices[1].feedback
    assert dict(unsafe.why.voice) == {"en": "sounds/voice/test_why_en.wav"}
    assert dict(unsafe.instead.voice) == {"en": "sounds/voice/test_instead_en.wav"}
    assert dict(sc.nodes["safe_end"].end.text.voice) == {"en": "sounds/voice/test_end_en.wav"}
    assert offer.messages[0].text.values["en"] == "Hi! Want 500 free gems?"  # the text itself is untouched


def test_a_missing_recording_is_reported_at_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(checks, "assets_dir", lambda: tmp_path / "empty-assets")
    reported = [str(p).split(":", 1)[1] for p in validate_paths([FIXTURE], fit=False)]
    assert reported == [
        "25:21: error: asset 'sounds/voice/test_hi_en.wav' does not exist in assets/ [E502]",
        "25:54: error: asset 'sounds/voice/test_hi_ar.wav' does not exist in assets/ [E502]",
        "29:24: error: asset 'sounds/voice/test_prompt_ar.wav' does not exist in assets/ [E502]",
        "32:21: error: asset 'sounds/voice/test_tell_ar.wav' does not exist in assets/ [E502]",
        "44:27: error: asset 'sounds/voice/test_why_en.wav' does not exist in assets/ [E502]",
        "46:31: error: asset 'sounds/voice/test_instead_en.wav' does not exist in assets/ [E502]",
        "52:19: error: asset 'sounds/voice/test_end_en.wav' does not exist in assets/ [E502]",
    ]


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_recording_outside_assets_and_malformed_voice_maps(assets, tmp_path):
    path = _variant(tmp_path, "{en: sounds/voice/test_end_en.wav}", "{en: ../../secret.wav}")
    assert [str(p).split(":", 1)[1] for p in validate_paths([path], fit=False)] == [
        "52:19: error: asset path '../../secret.wav' must be relative to assets/ and stay inside it "
        "(no leading /, no ..) [E503]"]
    path = _variant(tmp_path, "prompt_voice: {ar: sounds/voice/test_prompt_ar.wav}",
                    "prompt_voice: sounds/voice/test_prompt_ar.wav")
    [problem] = validate_paths([path], fit=False)
    assert (problem.line, problem.code) == (29, "E103")
    assert "map of language to sound file" in problem.message
    path = _variant(tmp_path, "why_voice: {en: sounds/voice/test_why_en.wav}", 'why_voice: {en: " "}')
    [problem] = validate_paths([path], fit=False)
    assert (problem.line, problem.code) == (44, "E105")
    assert "recording for English ('en') is empty" in problem.message
    path = _variant(tmp_path, "        voice: {ar: sounds/voice/test_tell_ar.wav}",
                    "        voise: {ar: sounds/voice/test_tell_ar.wav}")
    [problem] = validate_paths([path], fit=False)
    assert (problem.line, problem.code) == (32, "E101") and "did you mean 'voice'" in problem.message


def test_recordings_are_not_scenario_text_for_the_translation_check(tmp_path):
    """A voice map may name any subset of languages: never 'missing a language', never a stale string."""
    import shutil

    from aman_game.translation_lock import check_scenario_texts

    shutil.copy(FIXTURE, tmp_path / "voiced.yaml")
    problems = check_scenario_texts(scenes_dir=tmp_path, lock_path=tmp_path / "none.lock")
    assert [p.code for p in problems] == ["T021"]  # only "translations not confirmed yet"


# -- the screens hand recordings to the narrator ---------------------------------------------------

class StubEngine:
    name = "stub"
    available = True

    def __init__(self):
        self.calls: list[tuple[str, str]] = []

    def speak(self, text, lang, cancelled):
        self.calls.append((text, lang))
        return True


class StubPlayer:
    available = True

    def __init__(self):
        self.played: list[Path] = []

    def play(self, path, cancelled):
        self.played.append(Path(path))
        return True


@pytest.fixture
def game(tmp_path, monkeypatch):
    """A headless game with read-aloud on; `game.heard()` lists (text, recording file name or None)."""
    from aman_game import settings as settings_mod
    from aman_game.app import Game

    def make(narrator: Narrator):
        monkeypatch.setattr(narration, "_narrator", narrator)
        g = Game(settings=settings_mod.Settings(language="en", sound=False, narration=True), save_settings=False,
                 data_dir=tmp_path / "data", fast=True)
        g.shuffle_choices = False  # these tests read the choices in the file's order
        g.open()
        made.append((g, narrator))
        return g
    made = []
    yield make
    for g, narrator in made:
        g.close()
        narrator.shutdown()
    i18n.set_language("en")


def heard(narrator: Narrator) -> list[tuple[str, str | None]]:
    assert narrator.wait_idle(WAIT)
    return [(u.text, u.voice.name if u.voice else None) for u in narrator.spoken]


def _to_choices(game, scenario):
    from aman_game.screens.play import PlayScreen

    screen = game.stack.push(PlayScreen(game, scenario))
    game.settle()
    assert screen.state == "choosing"
    return screen


def test_the_play_screen_plays_each_recording_in_arabic(assets, game):
    engine, player = StubEngine(), StubPlayer()
    narrator = Narrator(engines=[engine], player=player, assets_dir=assets)
    g = game(narrator)
    g.update_settings(language="ar")
    scenario = load_scenario(FIXTURE)
    _to_choices(g, scenario)
    offer = scenario.start_node
    ar = {m: i18n.pick_logical(t, "ar") for m, t in (("hi", offer.messages[0].text), ("pw", offer.messages[1].text),
                                                      ("prompt", offer.prompt), ("tell", offer.choices[0].text),
                                                      ("send", offer.choices[1].text))}
    assert heard(narrator) == [
        (ar["hi"], "test_hi_ar.wav"),            # a message with an Arabic recording
        (ar["pw"], None),                        # no recording: the system voice
        (ar["prompt"], "test_prompt_ar.wav"),
        ("1.", None), (ar["tell"], "test_tell_ar.wav"),  # the key's number, then the recorded choice
        (f"2. {ar['send']}", None),
    ]
    assert [p.name for p in player.played] == ["test_hi_ar.wav", "test_prompt_ar.wav", "test_tell_ar.wav"]
    assert all(p.parent == assets / "sounds" / "voice" for p in player.played)
    assert [t for t, _lang in engine.calls] == [ar["pw"], "1.", f"2. {ar['send']}"]


def test_feedback_and_ending_play_their_recordings_in_english(assets, game):
    narrator = Narrator(engines=[StubEngine()], player=StubPlayer(), assets_dir=assets)
    g = game(narrator)
    scenario = load_scenario(FIXTURE)
    screen = _to_choices(g, scenario)
    assert heard(narrator)[:2] == [("Hi! Want 500 free gems?", "test_hi_en.wav"),
                                   ("Just tell me your password.", None)]
    assert ("1. Tell Mum.", None) in heard(narrator)  # the Arabic-only recording is not used in English
    narrator.spoken.clear()
    screen.commit(1)  # the unsafe choice: feedback with why_voice and instead_voice
    g.settle()
    assert heard(narrator) == [(i18n._("Not safe this time"), None),
                               ("Passwords are secret.", "test_why_en.wav"),
                               (i18n._("What to do instead:"), None),
                               ("Tell a grown-up.", "test_instead_en.wav")]
    screen = _to_choices(g, scenario)  # a fresh run: the safe way to its recorded ending
    narrator.spoken.clear()
    screen.commit(0)
    g.settle()
    g.stack.top.done()  # close the feedback
    g.settle()
    assert screen.state == "ended"
    assert heard(narrator)[-1] == ("You stayed safe.", "test_end_en.wav")


def test_no_audio_device_is_silent_and_play_goes_on(assets, game, monkeypatch):
    """The mixer cannot open (no sound card): the recording is skipped quietly, the system voice would
    read the line, and with no system voice either nothing is heard and nothing breaks."""
    def no_device(*_a, **_k):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    engine = StubEngine()
    narrator = Narrator(engines=[engine], assets_dir=assets)  # the real RecordedPlayer
    g = game(narrator)
    screen = _to_choices(g, load_scenario(FIXTURE))
    heard(narrator)
    assert narrator._player is not None and narrator._player.available is False
    assert engine.calls[0] == ("Hi! Want 500 free gems?", "en")  # the recording failed: the voice read it
    silent = Narrator(engines=[], assets_dir=assets)
    monkeypatch.setattr(narration, "_narrator", silent)
    silent.set_enabled(True)
    screen.commit(1)
    g.settle()
    assert heard(silent)[1] == ("Passwords are secret.", "test_why_en.wav")  # tried, nothing heard
    assert silent._thread.is_alive() and g.stack.top.name == "feedback"
    silent.shutdown()


def test_a_real_wav_plays_through_the_mixer_when_there_is_one(assets):
    """With SDL's dummy audio driver the mixer opens: the generated recording loads and plays."""
    from aman_game.narration import RecordedPlayer

    player = RecordedPlayer()
    cancelled = threading.Event()
    cancelled.set()
    result = player.play(assets / "sounds" / "voice" / "test_hi_en.wav", cancelled)
    assert result is player.available  # played if the mixer opened; quietly False if not
