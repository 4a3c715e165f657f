"""`play --autoplay --class --nickname --data-dir` records results exactly as a class session does, and the
report built from those files (several nicknames, machines and classes) shows the figures autoplay reported."""
from __future__ import annotations

import contextlib
import io
import json
import re
import socket

import pytest

from aman_game.cli import main
from aman_game.report import compute
from aman_game.results import load_results

from results_helpers import SCENES

# (machine, class, nickname, scenario, autoplay arguments)
RUNS = [
    ("LAB-PC-01", "5B", "Nour", "test_gift", ["--autoplay", "safe"]),
    ("LAB-PC-01", "5B", "Omar", "test_gift", ["--autoplay", "unsafe"]),
    ("LAB-PC-02", "5B", "Sara", "test_gift", ["--path", "1,0"]),
    ("LAB-PC-02", "5B", "Sara", "test_photo", ["--autoplay", "unsafe"]),
    ("LAB-PC-02", "6A", "Lina", "test_photo", ["--autoplay", "safe"]),
]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    summaries = []
    monkeypatch = pytest.MonkeyPatch()
    try:
        for host, class_name, nickname, scenario, extra in RUNS:
            monkeypatch.setattr(socket, "gethostname", lambda h=host: h)
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                code = main(["play", str(SCENES / f"{scenario}.yaml"), *extra, "--headless", "--fast",
                             "--class", class_name, "--nickname", nickname, "--data-dir", str(folder)])
            assert code == 0, buffer.getvalue()
            summaries.append(json.loads(buffer.getvalue().strip().splitlines()[-1]))
    finally:
        monkeypatch.undo()
    return folder, summaries


def test_one_results_file_per_machine(lab):
    folder, _ = lab
    assert sorted(p.name for p in folder.glob("results-*.sqlite3")) == ["results-LAB-PC-01.sqlite3",
                                                                          "results-LAB-PC-02.sqlite3"]
    assert not list(folder.glob("*.sqlite3-wal"))  # closed with the game: nothing left in a WAL


def test_every_autoplay_run_is_recorded_as_played(lab):
    folder, summaries = lab
    results = load_results([folder])
    assert len(results.runs) == len(RUNS)
    for (host, class_name, nickname, scenario, _extra), summary in zip(RUNS, summaries):
        (run,) = [r for r in results.runs if r.nickname == nickname and r.scenario_id == scenario]
        assert run.class_name == class_name and run.source.endswith(f"results-{host}.sqlite3")
        assert (run.outcome, run.score, run.max_score) == (summary["outcome"], summary["score"], summary["max_score"])
        assert [d.choice_index for d in run.decisions] == summary["choices"]
        assert [d.node_id for d in run.decisions] == summary["path"][:-1]
        assert all(d.seconds >= 0 for d in run.decisions) and run.lang == "en"


def test_report_over_the_lab_shows_the_autoplay_figures(lab, tmp_path):
    folder, summaries = lab
    fig = compute(load_results([folder]).for_class("5B"))
    # test_gift: Nour safe,safe; Omar unsafe,unsafe; Sara unsafe,safe -> 6 choices, 3 safe.
    gift = next(s for s in fig.scenarios if s.scenario_id == "test_gift")
    assert (gift.decisions, gift.safe) == (6, 3)
    out = tmp_path / "r.html"
    assert main(["report", str(folder), "--class", "5B", "--lang", "en", "--scenes", str(SCENES),
                 "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    row = re.search(r'<tr data-scenario="test_gift">(.*?)</tr>', page, re.S).group(1)
    assert re.sub(r"<[^>]+>", " ", row).split()[-3:] == ["6", "3", "50%"]
    assert "Lina" not in page and "Sara" in page
