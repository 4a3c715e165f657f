"""Fuzzing (hypothesis) of what reads outside input: the content loader on mutated copies of the shipped
files, and the text engine on any text at any size and width. Only the project's own errors may escape:
ContentError from the loader (and no check crashing inside it: code E999), nothing at all from the engine.

Complements tests/test_content_hypothesis.py (generated documents from a fixture) with byte-level damage
to every real file kind — scenarios, regions, the quiz — through every entry point: load_*, load_library
(the game's menu) and validate_paths (the validate command).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aman_game import SCENES_DIR
from aman_game.content import ContentError, load_library, load_quiz, load_region, load_scenario, validate_paths
from aman_game.content.loader import detect_kind

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SHIPPED = sorted(p for p in SCENES_DIR.rglob("*.yaml") if detect_kind(p) in ("scenario", "region", "quiz")
                 and p.parent.name in (SCENES_DIR.name, "regions", "quiz"))
LOADERS = {"scenario": load_scenario, "region": load_region, "quiz": load_quiz}

# Bytes that break YAML in interesting ways: structure, quoting, anchors, tags, encodings, controls.
NASTY = [b":", b"- ", b"\n", b"  ", b"\t", b"{", b"}", b"[", b"]", b"&a ", b"*a", b"!!python/object:os.system ",
         b"'", b'"', b"#", b"---\n", b"...\n", b"? ", b"|", b">", b"<<: *a\n", b"\xff\xfe", b"\x00", b"\xd8\x00",
         "\u202e".encode(), "\u0651".encode(), b"~", b"null", b"1e999", b"0x", b"%YAML 9.9\n", b"\r"]


@st.composite
def mutated(draw):
    """A shipped file with a few random byte edits: delete, insert, duplicate a line, or swap two lines."""
    path = draw(st.sampled_from(SHIPPED))
    data = bytearray(path.read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "dup_line", "swap_lines", "truncate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(NASTY) | st.binary(min_size=1, max_size=8))
        elif kind == "truncate":
            del data[at:]
        else:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if kind == "dup_line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return path, bytes(data)


def _write(tmp: Path, path: Path, data: bytes) -> Path:
    """The mutated bytes under the same relative path (the folder decides a file's kind)."""
    target = tmp / path.relative_to(SCENES_DIR)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def _no_internal_errors(problems) -> None:
    internal = [str(p) for p in problems if p.code == "E999"]
    assert not internal, internal


@FUZZ
@given(mutated())
def test_damaged_shipped_file_loads_or_raises_content_error(case):
    path, data = case
    with tempfile.TemporaryDirectory() as tmp:
        target = _write(Path(tmp), path, data)
        try:
            result = LOADERS[detect_kind(target)](target)
        except ContentError as exc:
            assert exc.problems, "a ContentError names at least one problem"
            _no_internal_errors(exc.problems)
            assert all(p.file == str(target) and p.line >= 1 for p in exc.problems)
        else:
            assert result is not None


@settings(FUZZ, max_examples=25)
@given(mutated())
def test_damaged_file_never_hides_the_other_scenarios(case):
    """The menu's view: one broken file is one error; every other shipped scenario still loads."""
    path, data = case
    with tempfile.TemporaryDirectory() as tmp:
        scenes = Path(tmp) / "scenes"
        shutil.copytree(SCENES_DIR, scenes, ignore=shutil.ignore_patterns("*.json"))
        (scenes / path.relative_to(SCENES_DIR)).write_bytes(data)
        library = load_library(scenes)
        problems = validate_paths([scenes], fit=False)
    _no_internal_errors(problems)
    shipped_ids = {p.stem for p in SHIPPED if detect_kind(p) == "scenario"}
    untouched = shipped_ids - {path.stem}
    loaded = {s.id for s in library.scenarios}
    # a damaged file may steal an id (duplicate-id error on both), else every other scenario is there
    assert len(untouched - loaded) <= 1, (untouched - loaded, [str(e) for e in library.errors][:3])
    assert len(library.errors) <= 2


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_damaged_file_through_the_text_fit_check(case):
    """validate with the fit check lays every (damaged) string out with the text engine."""
    path, data = case
    with tempfile.TemporaryDirectory() as tmp:
        target = _write(Path(tmp), path, data)
        _no_internal_errors(validate_paths([target], fit=True))


# -- the text engine ---------------------------------------------------------------------------------
INTERESTING = ("مرحبا بِكَ يا صديقي لا ﻻ ؟،" "Hello iTunes 66815757 https://x.qa/a?b=1 (a) [b] {c} «»"
               "\u200f\u200e\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200d\u200c"
               "\u0651\u064b\u0670\u0300\u20dd\ufdfa\ufeff\u00ad\t\n\r\x00\x1b\u2028\u2029 "
               "١٢٣۴ 😀🏳️‍🌈 𒀀 漢字 한국어 Ελληνικά Русский עברית")
texts = st.text(alphabet=st.sampled_from(INTERESTING) | st.characters(blacklist_categories=()), max_size=240)


@pytest.fixture(scope="module")
def engine():
    pygame.font.init()
    from aman_game.text import get_engine

    return get_engine()


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow,
                                                                                     HealthCheck.function_scoped_fixture])
@given(text=texts, lang=st.sampled_from(["ar", "en", "fr", ""]), size=st.integers(1, 72),
       width=st.none() | st.integers(-20, 1400), direction=st.sampled_from(["auto", "rtl", "ltr"]),
       align=st.sampled_from(["start", "end", "center"]), bold=st.booleans(),
       max_lines=st.none() | st.integers(0, 4), spacing=st.floats(0.5, 3.0))
def test_text_engine_lays_out_and_renders_anything(engine, text, lang, size, width, direction, align, bold,
                                                   max_lines, spacing):
    lay = engine.layout(text, lang, size, width, direction=direction, align=align, bold=bold,
                        line_spacing=spacing, max_lines=max_lines)
    assert lay.direction in ("rtl", "ltr")
    assert lay.missing_glyphs >= 0 and lay.height >= 0
    for line in lay.lines:
        assert line.direction in ("rtl", "ltr")
        assert all(run.width >= 0 for run in line.runs)
    surface = engine.render(lay, (10, 20, 30))
    assert surface.get_width() >= 1 and surface.get_height() >= 1
    target = pygame.Surface((64, 64), pygame.SRCALPHA)
    engine.draw(target, text, (3, 3), lang=lang, size=size, color=(0, 0, 0, 200), width=width, align=align,
                bold=bold, direction=direction, max_lines=max_lines)
    w, h = engine.measure(text, lang, size, bold)
    assert w >= 0 and h >= 0
