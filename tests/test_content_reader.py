"""Bad input never crashes the loader: every kind of broken file gives one clear `file:line:col` error,
quickly, in bounded memory, and nothing in the file is ever executed."""
from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from aman_game.cli import main
from aman_game.content import ContentError, load_scenario
from aman_game.content.config import MAX_DEPTH
from aman_game.content.yaml_reader import parse_text, read_document

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "content" / "bad"


def _error(path: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    return info.value


def test_sixty_megabytes_refused_before_reading(tmp_path):
    big = tmp_path / "huge.yaml"
    with open(big, "wb") as fh:
        chunk = b"key: value that repeats\n" * 40_000
        while fh.tell() < 60 * 1024 * 1024:
            fh.write(chunk)
        fh.truncate(60 * 1024 * 1024)
    tracemalloc.start()
    err = _error(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (err.line, err.col, err.code) == (1, 1, "E001")
    assert err.message == "file is 60.0 MB; content files are limited to 2.0 MB"
    assert peak < 5 * 1024 * 1024


@pytest.mark.parametrize("text", ["[" * 10_000 + "]" * 10_000, "{a: " * 10_000 + "1" + "}" * 10_000])
def test_nesting_ten_thousand_deep(tmp_path, text):
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    err = _error(path)
    assert err.code == "E008" and err.line == 1
    assert err.message == f"nested more than {MAX_DEPTH} levels deep"
    assert len(err.problems) == 1


def test_block_nesting_deep(tmp_path):
    lines = [" " * i + f"k{i}:" for i in range(200)]
    path = tmp_path / "deep_block.yaml"
    path.write_text("\n".join(lines) + " 1\n")
    err = _error(path)
    assert (err.code, err.line) == ("E008", MAX_DEPTH + 1)


def test_alias_bomb_bounded_in_memory():
    tracemalloc.start()
    err = _error(BAD / "alias_bomb.yaml")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert err.code == "E009"
    assert peak < 30 * 1024 * 1024


@pytest.mark.parametrize("tagged", [
    "x: !!python/object/apply:os.system ['touch {marker}']",
    "x: !!python/object/new:os.system ['touch {marker}']",
    "x: !!python/name:os.system",
    "x: !!python/tuple [1, 2]",
    "!!python/object/apply:os.system ['touch {marker}']: 1",
    "x: !!python/object:__main__.Thing {{a: 1}}",
    "x: !custom 'local tag'",
    "x: !!binary aGVsbG8=",
    "x: !!set {{a, b}}",
])
def test_object_building_tags_are_errors_and_nothing_runs(tmp_path, tagged):
    marker = tmp_path / "executed"
    path = tmp_path / "tag.yaml"
    path.write_text("id: one\n" + tagged.format(marker=marker) + "\n")
    err = _error(path)
    assert err.code == "E007" and err.line == 2
    assert "is not allowed" in err.message
    assert not marker.exists()


def test_duplicate_keys_all_reported():
    doc = parse_text("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "dup.yaml")
    assert [(p.line, p.col, p.code) for p in doc.problems] == [(4, 3, "E006"), (5, 1, "E006")]
    assert doc.data == {"a": 1, "b": {"c": 1}}  # the first value is kept, the later ignored


def test_positions_of_values_and_keys():
    doc = parse_text("id: x\nnodes:\n  a:\n    choices:\n      - next: b\n", "p.yaml")
    assert doc.position(("nodes", "a", "choices", 0, "next")) == (5, 15)
    assert doc.position(("nodes", "a"), at_key=True) == (3, 3)
    assert doc.position(("nodes", "zzz", "deeper")) == doc.position(("nodes",))


def test_keys_stay_text_and_values_resolve():
    doc = parse_text("no: yes\n1: '2'\nx: 0x10\ny: 1.5\nz: ~\nd: 2024-01-01\n", "t.yaml")
    assert doc.data == {"no": True, "1": "2", "x": 16, "y": 1.5, "z": None, "d": "2024-01-01"}


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 1\n".encode("utf-8"))
    assert read_document(path).data == {"a": 1}


def test_directory_and_missing_file(tmp_path):
    assert _error(tmp_path).code == "E001"
    assert _error(tmp_path / "nope.yaml").code == "E001"


def test_control_character_is_a_syntax_error(tmp_path):
    path = tmp_path / "ctrl.yaml"
    path.write_text("a: 1\nb: x\x07y\n")
    err = _error(path)
    assert (err.code, err.line) == ("E003", 2)


BAD_INPUTS = ["empty.yaml", "binary.yaml", "not_utf8.yaml", "top_level_list.yaml", "alias_bomb.yaml",
              "python_tag.yaml", "duplicate_key.yaml", "syntax_error.yaml", "comments_only.yaml"]


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_cli_one_line_exit_one(name, capsys):
    path = BAD / name
    assert main(["validate", "--no-fit", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith(f"{path}:")
    assert ": error: " in out[0]


def test_cli_subprocess_bad_inputs_no_traceback(tmp_path):
    (tmp_path / "deep.yaml").write_text("[" * 10_000 + "]" * 10_000)
    with open(tmp_path / "huge.yaml", "wb") as fh:
        fh.truncate(60 * 1024 * 1024)  # sparse: the size is refused before any byte is read
    files = [str(BAD / n) for n in BAD_INPUTS] + [str(tmp_path / "deep.yaml"), str(tmp_path / "huge.yaml")]
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", *files], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stdout.splitlines()
    for f in files:
        assert sum(line.startswith(f + ":") for line in lines) == 1, f


def test_problems_per_file_are_capped(tmp_path):
    from aman_game.content import validate_paths
    from aman_game.content.config import MAX_PROBLEMS_PER_FILE
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(f"k{i}: v" for i in range(5000)) + "\n")
    problems = validate_paths([path], fit=False)
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    [note] = [p for p in problems if p.code == "E012"]
    assert note.message.startswith("... and 4,811 more problem(s)") and note.line == problems[-1].line
