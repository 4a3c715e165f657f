"""`main.py validate`: output format, order, exit codes, --json, --no-fit and the --translations hook."""
from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from aman_game.cli import main  # noqa: E402
from aman_game.content import ERROR, Problem  # noqa: E402

HERE = Path(__file__).parent / "content"
BAD, VALID = HERE / "bad", HERE / "valid"


def test_valid_folder_exits_zero(capsys):
    assert main(["validate", str(VALID)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "3 file(s) checked: 0 error(s), 0 warning(s)" in err


def test_warnings_alone_exit_zero(capsys):
    assert main(["validate", str(BAD / "unreachable_node.yaml")]) == 0
    assert ": warning: " in capsys.readouterr().out


def test_problems_sorted_by_file_then_line(capsys):
    files = [BAD / "wrong_type.yaml", BAD / "empty.yaml", BAD / "unknown_key.yaml"]
    assert main(["validate", "--no-fit", *map(str, files)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]  # not follow-ons
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in lines]
    assert keys == sorted(keys) and len(lines) == 5  # 4 in the files (one more folded) + 1 id shared (E504)
    assert lines[0] == f"{BAD / 'empty.yaml'}:1:1: error: file is empty [E004]"


def test_json_output(capsys):
    assert main(["validate", "--json", str(BAD / "next_missing.yaml")]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {"file": str(BAD / "next_missing.yaml"), "line": 38, "col": 15, "severity": "error", "code": "E201",
         "message": "'next' names a node that does not exist: 'told_mun' (did you mean 'told_mum'?)",
         # the unreachable node follows from the typo: listed under it, not beside it
         "folded": [{"file": str(BAD / "next_missing.yaml"), "line": 47, "col": 3, "severity": "warning",
                     "code": "W203", "message": "node 'told_mum' cannot be reached from the start node 'offer'"}]}]


def test_json_of_valid_is_empty_list(capsys):
    assert main(["validate", "--json", str(VALID / "gift_gems.yaml")]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_path_is_usage_error(capsys):
    assert main(["validate", str(VALID), str(HERE / "no_such.yaml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_no_fit_skips_text_fit(capsys):
    assert main(["validate", str(BAD / "text_too_long.yaml")]) == 1
    assert main(["validate", "--no-fit", str(BAD / "text_too_long.yaml")]) == 0
    capsys.readouterr()


def test_default_path_is_the_game_scenes(capsys, monkeypatch, tmp_path):
    import aman_game
    (tmp_path / "a.yaml").write_text((VALID / "gift_gems.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(aman_game, "SCENES_DIR", tmp_path)
    assert main(["validate", "--no-fit"]) == 0
    assert "1 file(s) checked" in capsys.readouterr().err


def test_translations_hook_calls_localization_check(capsys, monkeypatch):
    fake = types.ModuleType("aman_game.i18n_check")
    fake.check_translations = lambda: [Problem("locales/ar/LC_MESSAGES/aman.po", 7, 1, ERROR, "untranslated", "T001")]
    monkeypatch.setitem(sys.modules, "aman_game.i18n_check", fake)
    assert main(["validate", "--translations", str(VALID)]) == 1
    assert capsys.readouterr().out == "locales/ar/LC_MESSAGES/aman.po:7:1: error: untranslated [T001]\n"
    assert main(["validate", str(VALID)]) == 0  # without the flag the hook is not called
    capsys.readouterr()


def test_confirm_needs_translations(capsys):
    assert main(["validate", "--confirm", str(VALID / "gift_gems.yaml")]) == 2
    assert "--confirm needs --translations" in capsys.readouterr().err
