"""The loaded model (frozen, with locations), the library loader, kinds of files, schema and config agree."""
from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from aman_game import SCENES_DIR
from aman_game.content import (ContentError, Library, Scenario, detect_kind, load_library, load_quiz, load_region,
                               load_scenario)
from aman_game.content import config

HERE = Path(__file__).parent / "content"
VALID = HERE / "valid"


def test_scenario_model_keeps_values_and_locations():
    s = load_scenario(VALID / "gift_gems.yaml")
    assert s.id == "test_gift_gems" and s.age_band == "7-9" and s.topics == ("gift_offer", "friend_request")
    assert s.start_node.id == "offer" and s.file == str(VALID / "gift_gems.yaml")
    offer = s.node("offer")
    assert [m.sender for m in offer.messages] == ["star", "star"] and offer.messages[1].card == "gift"
    first, second = offer.choices
    assert (first.action, first.safe, first.points, first.next) == ("tell_adult", True, 10, "told_mum")
    assert first.feedback.instead is None and second.feedback.instead.get("en") == "Tell a grown-up."
    assert (first.loc.line, first.loc.col) == (32, 9)
    assert (second.feedback.why.loc.line, s.node("told_mum").loc.line) == (44, 47)
    assert str(s.title.loc) == f"{VALID / 'gift_gems.yaml'}:4:8"
    assert s.node("told_mum").end.outcome == "safe" and s.node("lost_account").is_end
    assert {n.id for n in s.endings} == {"told_mum", "lost_account"}
    assert s.characters["mum"].role == "adult" and s.characters["star"].avatar is None
    assert len(s.teacher_notes.discussion) == 1 and s.teacher_notes.warning_signs[0].get("ar")


def test_model_is_frozen_and_text_falls_back():
    s = load_scenario(VALID / "gift_gems.yaml")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.id = "other"
    with pytest.raises(TypeError):
        s.nodes["x"] = None
    assert s.title.get("ar") == "جَوَاهِرُ مَجَّانِيَّةٌ؟" and s.title.get("fr") == s.title.get("ar")
    assert s.title["en"] == "Free Gems?" and s.title.languages == ("en", "ar")
    assert s == load_scenario(VALID / "gift_gems.yaml")


def test_points_default_to_zero(tmp_path):
    text = (VALID / "gift_gems.yaml").read_text(encoding="utf-8").replace("        points: 0\n", "", 1)
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    assert load_scenario(tmp_path / "s.yaml").node("offer").choices[1].points == 0


def test_region_and_quiz():
    region = load_region(VALID / "regions" / "qa.yaml")
    assert region.code == "qa" and region.default and len(region.resources) == 2
    phone = region.resources[0]
    assert (phone.kind, phone.phone, phone.confirmed, phone.url) == ("phone", "919", False, None)
    quiz = load_quiz(VALID / "quiz" / "quiz.yaml")
    assert quiz.questions[0].correct == 1 and len(quiz.questions[0].options) == 2
    assert quiz.age_band == "10-13" and [q.form for q in quiz.questions] == ["a", "b"]


def test_content_error_carries_every_problem():
    with pytest.raises(ContentError) as info:
        load_scenario(HERE / "bad" / "wrong_type.yaml")
    err = info.value
    assert [p.code for p in err.problems] == ["E301", "E103"]
    assert (err.file, err.line, err.col, err.code) == (str(HERE / "bad" / "wrong_type.yaml"), 31, 5, "E301")
    assert str(err).count("\n") == 1


def test_warnings_do_not_stop_loading():
    assert load_scenario(HERE / "bad" / "unreachable_node.yaml").nodes["orphan"].is_end


def test_library_lists_valid_and_names_broken(tmp_path):
    shutil.copytree(VALID, tmp_path / "scenes")
    shutil.copy(HERE / "bad" / "no_safe_choice.yaml", tmp_path / "scenes" / "broken.yaml")
    (tmp_path / "scenes" / "other.yaml").write_text(
        (VALID / "gift_gems.yaml").read_text(encoding="utf-8").replace("id: test_gift_gems", "id: second_one"),
        encoding="utf-8")
    lib = load_library(tmp_path / "scenes")
    assert isinstance(lib, Library)
    assert [s.id for s in lib.scenarios] == ["test_gift_gems", "second_one"]
    assert [e.file for e in lib.errors] == [str(tmp_path / "scenes" / "broken.yaml")]
    # and it lost the id to the valid file; its safe ending follows an unsafe choice (E701)
    assert {p.code for p in lib.errors[0].problems} == {"E301", "E504", "E701"}
    assert [r.code for r in lib.regions] == ["qa"] and lib.quiz is not None
    assert [q.age_band for q in lib.quizzes] == ["10-13"]
    assert lib.scenario("second_one").id == "second_one"


def test_library_duplicate_id_keeps_the_first(tmp_path):
    shutil.copytree(HERE / "bad" / "duplicate_ids", tmp_path / "scenes")
    lib = load_library(tmp_path / "scenes")
    assert [s.file for s in lib.scenarios] == [str(tmp_path / "scenes" / "first.yaml")]
    assert lib.errors[0].code == "E504"


def test_library_of_missing_folder(tmp_path):
    lib = load_library(tmp_path / "nowhere")
    assert lib.scenarios == () and lib.errors[0].code == "E001"


def test_detect_kind():
    assert detect_kind("scenes/regions/qa.yaml") == "region"
    assert detect_kind("scenes/quiz/quiz.yaml") == "quiz"
    assert detect_kind("scenes/gift.yaml") == detect_kind("elsewhere/x.yaml") == "scenario"


def _enum(schema, *path):
    node = schema
    for key in path:
        node = node[key]
    return tuple(node["enum"])


def test_schemas_repeat_config_vocabularies():
    s = json.loads((SCENES_DIR / "scenario.schema.json").read_text(encoding="utf-8"))
    assert _enum(s, "properties", "topics", "items") == config.TOPICS
    assert _enum(s, "properties", "age_band") == config.AGE_BANDS
    assert _enum(s, "properties", "sensitivity") == config.SENSITIVITIES
    assert _enum(s, "properties", "app", "properties", "look") == config.APP_LOOKS
    assert _enum(s, "$defs", "character", "properties", "role") == config.ROLES
    assert _enum(s, "$defs", "message", "properties", "card") == config.CARDS
    assert _enum(s, "$defs", "choice", "properties", "action") == config.ACTIONS
    assert _enum(s, "$defs", "end", "properties", "outcome") == config.OUTCOMES
    for name in ("scenario", "region", "quiz"):
        schema = json.loads((SCENES_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert tuple(schema["$defs"]["text"]["required"]) == config.REQUIRED_LANGUAGES


def test_required_languages_come_from_config(monkeypatch, tmp_path):
    from aman_game.content import schema as schema_module
    monkeypatch.setattr(schema_module, "REQUIRED_LANGUAGES", ("ar", "en", "fr"))
    for f in (schema_module.load_schema, schema_module._validator, schema_module._fast_check):
        f.cache_clear()
    try:
        with pytest.raises(ContentError) as info:
            load_scenario(VALID / "gift_gems.yaml")
        assert info.value.message == "missing French text ('fr')" and info.value.code == "E401"
    finally:
        monkeypatch.undo()
        for f in (schema_module.load_schema, schema_module._validator, schema_module._fast_check):
            f.cache_clear()
    assert isinstance(load_scenario(VALID / "gift_gems.yaml"), Scenario)
