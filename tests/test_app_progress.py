"""Progress on a shared data folder: one file per machine (no PC overwrites another), merged on reading,
scoped by class, and erased with the class (`class delete`, teacher mode's erase)."""
from __future__ import annotations

import argparse
import json
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from aman_game import progress as progress_mod  # noqa: E402
from aman_game.progress import Progress, machine_file_name  # noqa: E402


def pc(folder, name: str, class_name: str = "") -> Progress:
    """The progress of one lab PC (its own file name) seen from the class that runs on it."""
    return Progress(folder, class_name=class_name, file_name=f"progress-{name}.json")


def test_each_machine_writes_its_own_file_and_none_is_lost(tmp_path):
    a, b = pc(tmp_path, "LAB-01", "5B"), pc(tmp_path, "LAB-02", "5B")
    a.set_player("Nour", "owl")
    b.set_player("Omar", "fox")  # B never read A's save: with one shared file, A's would be lost here
    a.save_finish("Nour", "gift", 3, 20, 20)
    b.save_finish("Omar", "gift", 1, 0, 20)
    assert sorted(p.name for p in tmp_path.glob("progress-*.json")) == ["progress-LAB-01.json",
                                                                         "progress-LAB-02.json"]
    teacher_view = pc(tmp_path, "LAB-03", "5B")
    assert sorted(teacher_view.players()) == [("Nour", "owl"), ("Omar", "fox")]
    assert (teacher_view.stars("Nour", "gift"), teacher_view.stars("Omar", "gift")) == (3, 1)
    # each file holds only what its machine wrote
    names = {e["nickname"] for e in json.loads((tmp_path / "progress-LAB-02.json").read_text())["players"].values()}
    assert names == {"Omar"}


def test_a_child_changing_pc_keeps_stars_and_resumes_the_latest_step(tmp_path):
    a = pc(tmp_path, "LAB-01")
    a.set_player("Sara", "cat")
    a.save_finish("Sara", "photo", 2, 10, 20)
    a.save_step("Sara", "gift", "second", ["first", "second"], [0])
    b = pc(tmp_path, "LAB-02")
    b.set_player("sara ", "cat")  # the same child, typed a little differently, on another PC
    assert b.stars("Sara", "photo") == 2
    assert b.resume_point("Sara", "gift")["node"] == "second"
    b.save_finish("Sara", "gift", 1, 0, 20)  # finished on B: A's older resume point no longer counts
    c = pc(tmp_path, "LAB-03")
    assert c.resume_point("Sara", "gift") is None and c.stars("Sara", "gift") == 1
    b.save_finish("Sara", "photo", 1, 0, 20)
    assert pc(tmp_path, "LAB-04").stars("Sara", "photo") == 2  # the best of every PC


def test_a_nickname_belongs_to_its_class(tmp_path):
    five_a, five_b = pc(tmp_path, "LAB-01", "5A"), pc(tmp_path, "LAB-02", "5B")
    five_a.set_player("Sami", "owl")
    five_a.save_finish("Sami", "gift", 3, 20, 20)
    five_b.set_player("Sami", "bear")
    assert five_b.stars("Sami", "gift") == 0  # another child with the same nickname
    assert five_b.players() == [("Sami", "bear")]
    assert pc(tmp_path, "LAB-03", "5a").players() == [("Sami", "owl")]  # "5a" is the same class as "5A"
    assert pc(tmp_path, "LAB-03").players() == []  # free play sees neither


def test_class_delete_erases_the_class_from_every_progress_file(tmp_path):
    a, b = pc(tmp_path, "LAB-01", "5B"), pc(tmp_path, "LAB-02", "5B")
    a.set_player("Nour", "owl")
    b.set_player("Omar", "fox")
    other = pc(tmp_path, "LAB-02", "6A")
    other.set_player("Lina", "cat")
    removed, failed = progress_mod.delete_class(tmp_path, "5b")
    assert (removed, failed) == (2, [])
    assert pc(tmp_path, "LAB-09", "5B").players() == []
    assert pc(tmp_path, "LAB-09", "6A").players() == [("Lina", "cat")]
    # PC A is still running: its next save re-reads its file, so the erased child does not come back
    a.set_player("Hamad", "frog")
    assert pc(tmp_path, "LAB-09", "5B").players() == [("Hamad", "frog")]


def test_class_command_deletes_results_and_progress(tmp_path, capsys):
    from results_helpers import build_class_dataset

    from aman_game.commands import class_data

    build_class_dataset(tmp_path)  # results of 5B and 6A on two PCs
    pc(tmp_path, "LAB-PC-01", "5B").set_player("Nour", "owl")
    pc(tmp_path, "LAB-PC-02", "6A").set_player("Lina", "cat")
    args = argparse.Namespace(action="delete", name="5B", data_dir=str(tmp_path), yes=True)
    assert class_data.run(args) == 0
    assert "1 child(ren) from the progress files" in capsys.readouterr().out
    assert pc(tmp_path, "X", "5B").players() == [] and pc(tmp_path, "X", "6A").players() == [("Lina", "cat")]


def test_the_old_shared_file_is_read_but_never_written(tmp_path):
    legacy = {"players": {"sami": {"nickname": "Sami", "avatar": "owl", "scenarios": {"gift": {"stars": 2}}}}}
    (tmp_path / "progress.json").write_text(json.dumps(legacy), encoding="utf-8")
    p = pc(tmp_path, "LAB-01")
    assert p.players() == [("Sami", "owl")] and p.stars("Sami", "gift") == 2
    p.save_finish("Sami", "gift", 3, 20, 20)
    assert json.loads((tmp_path / "progress.json").read_text()) == legacy
    assert pc(tmp_path, "LAB-02").stars("Sami", "gift") == 3


def test_machine_file_names_follow_the_host_and_split_clones():
    assert machine_file_name("lab-pc-07.school.local", None) == "progress-lab-pc-07.json"
    assert machine_file_name("LAB PC/07", "1a2b3c4d5e6f") == "progress-LAB-PC-07-1a2b3c4d.json"


def test_the_game_scopes_progress_to_the_class_being_recorded(tmp_path):
    from aman_game import settings as settings_mod
    from aman_game.app import Game

    game = Game(settings=settings_mod.Settings(language="en", sound=False), save_settings=False, data_dir=tmp_path)
    assert game.progress.class_name == ""
    game.results_recorder = argparse.Namespace(class_name="5B")  # what `play --class 5B` attaches
    game.progress.set_player("Nour", "owl")
    assert game.current_class() == "5B"
    assert pc(tmp_path, "Y", "5B").players() == [("Nour", "owl")] and pc(tmp_path, "Y").players() == []
