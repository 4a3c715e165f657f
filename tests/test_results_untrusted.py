"""Issue 14: results files come from a folder any pupil can write and from disks that fail. Each numbered item
about results, the report and the CSV, recreated as it was found, and now handled."""
from __future__ import annotations

import csv
import io
import os
import sqlite3

import pytest

from aman_game.cli import main
from aman_game.report import load_content, to_csv
from aman_game.results import ResultsStore, load_results
from aman_game.results import store as store_mod

from results_helpers import SCENES, build_class_dataset, play


def _report(tmp_path, *paths, extra=()) -> int:
    return main(["report", *map(str, paths), "--out", str(tmp_path / "out" / "r.html"), "--scenes", str(SCENES),
                 "--lang", "en", *extra])


def _sql(path, *statements) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _damage_inside(path, offset=8192, length=6000) -> None:
    """6,000 bytes of 0xFF in the middle of the file: the header is intact, so it still opens."""
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(b"\xff" * length)


def _bigger_file(folder, host="LAB-07", runs=60) -> ResultsStore:
    store = ResultsStore.open(folder, host=host)
    for i in range(runs):
        play(store, "5B", f"Child {i}", "test_gift", [0, 0])
    return store


# -- item 3: damage inside a results file ----------------------------------------------------------------------
def test_damage_inside_a_results_file_is_found_at_open_and_set_aside(tmp_path):
    _bigger_file(tmp_path).close()
    path = tmp_path / "results-LAB-07.sqlite3"
    assert path.stat().st_size > 16384
    _damage_inside(path)
    damaged = path.read_bytes()
    with ResultsStore.open(tmp_path, host="LAB-07") as store:  # the next start of that PC
        assert store.path == path and any("set aside" in n for n in store.notes)
        play(store, "5B", "Nour", "test_gift", [0, 0])  # the runs played from now on are kept
    (aside,) = tmp_path.glob("results-LAB-07.sqlite3.damaged-*")
    assert aside.read_bytes() == damaged
    assert [r.nickname for r in load_results([tmp_path]).runs] == ["Nour"]
    assert _report(tmp_path, tmp_path) == 0


def test_the_report_skips_a_damaged_file_and_reports_the_good_ones_beside_it(tmp_path, capsys):
    build_class_dataset(tmp_path)
    _bigger_file(tmp_path).close()
    _damage_inside(tmp_path / "results-LAB-07.sqlite3")
    assert _report(tmp_path, tmp_path) == 0
    out, err = capsys.readouterr()
    assert "skipped" in err and "results-LAB-07" in err and "from 2 file(s)" in out


# -- item 6: a bad value in one row --------------------------------------------------------------------------
def test_a_bad_row_is_skipped_and_counted_never_the_whole_folder(tmp_path, capsys):
    build_class_dataset(tmp_path)
    _bigger_file(tmp_path, runs=3).close()
    path = tmp_path / "results-LAB-07.sqlite3"
    _sql(path, "UPDATE decisions SET seconds = '=evil' WHERE step = 1",            # 3 rows: seconds not a number
         "UPDATE runs SET nickname = CAST(X'FF00FE' AS TEXT) WHERE rowid = 1",     # 1 row: not UTF-8
         "INSERT INTO quiz_answers VALUES('s', '5B', 'Nour', 'pre', 'q1', 'two', 1, 't', '', NULL)")  # 1 row: chosen not a number
    assert _report(tmp_path, tmp_path, extra=["--csv", str(tmp_path / "out" / "r.csv")]) == 0
    out, err = capsys.readouterr()
    assert "5 row(s) in results-LAB-07.sqlite3 could not be read" in err and "from 3 file(s)" in out
    results = load_results([tmp_path])
    assert [(b.path.endswith("results-LAB-07.sqlite3"), b.count) for b in results.bad_rows] == [(True, 5)]
    lab07 = [r for r in results.runs if r.source.endswith("LAB-07.sqlite3")]
    assert len(lab07) == 2 and all(len(r.decisions) == 1 for r in lab07)  # the good rows are all there
    html = (tmp_path / "out" / "r.html").read_text(encoding="utf-8")
    assert "5 rows in <code>" in html and "could not be read" in html


# -- item 9: CSV injection in any column, and control characters ------------------------------------------
def test_every_text_cell_of_the_csv_is_neutralised(tmp_path, monkeypatch):
    with ResultsStore.open(tmp_path, host="pc") as store:
        play(store, "5B", "Nour\x00", "test_gift", [0, 0])
    path = tmp_path / "results-pc.sqlite3"
    _sql(path, "UPDATE decisions SET action = '=HYPERLINK(\"http://x\",\"click\")'",
         "UPDATE runs SET finished_at = '=evil()', lang = '+1', scenario_id = '@SUM(A1)'",
         "INSERT INTO quiz_answers VALUES('s', '-2+3', 'Nour', 'pre', char(9) || 'q1', 0, 1, char(13) || 't', '',"
         " NULL)")
    os.rename(path, tmp_path / "=cmd.sqlite3")
    monkeypatch.chdir(tmp_path)
    results = load_results(["=cmd.sqlite3"])  # a file given by a name that begins with "="
    assert results.runs and results.runs[0].source == "=cmd.sqlite3"
    text = to_csv(results, load_content(SCENES), "en")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "'=HYPERLINK(\"http://x\",\"click\")" in cells and "'=evil()" in cells and "'-2+3" in cells
    assert "'@SUM(A1)" in cells and "'+1" in cells and "'=cmd.sqlite3" in cells
    assert "\x00" not in text and "Nour" in cells


def test_a_source_file_name_starting_with_a_formula_is_neutralised(tmp_path):
    from aman_game.report.csv_export import _cell

    assert _cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert _cell("\t=1+1") == "' =1+1" and _cell("\r@x") == "' @x"
    assert _cell("x" * 1000).endswith("…") and len(_cell("x" * 1000)) == 300
    assert _cell("Nour\x00\x1b[31m") == "Nour[31m"


def test_nuls_never_reach_the_html_and_a_10000_character_nickname_is_cut(tmp_path):
    with ResultsStore.open(tmp_path, host="pc") as store:
        play(store, "5B", "Nour", "test_gift", [0, 0])
    _sql(tmp_path / "results-pc.sqlite3", "UPDATE runs SET nickname = 'Sa' || char(0) || 'mi' || '" + "N" * 10_000 + "'")
    assert _report(tmp_path, tmp_path) == 0
    html = (tmp_path / "out" / "r.html").read_text(encoding="utf-8")
    assert "\x00" not in html and "N" * 41 not in html and "Sami" + "N" * 35 + "…" in html


# -- item 10: a read-only results file ----------------------------------------------------------------------
def test_a_read_only_results_file_is_named_and_another_file_name_is_used(tmp_path, monkeypatch):
    with ResultsStore.open(tmp_path, host="pc") as store:
        play(store, "5B", "Nour", "test_gift", [0, 0])
    ro = tmp_path / "results-pc.sqlite3"
    before = ro.read_bytes()
    monkeypatch.setattr(store_mod, "_writable", lambda path: path != ro)  # root can write any file: pretend
    with pytest.raises(store_mod.ResultsUnavailable, match="read-only"):
        ResultsStore.open_file(ro)  # says "read-only", not "disk I/O error"
    with ResultsStore.open(tmp_path, host="pc") as store:
        assert store.path != ro and store.path.name.startswith("results-pc-")
        assert any("read-only" in n for n in store.notes)
        play(store, "5B", "Omar", "test_gift", [0, 0])
    assert ro.read_bytes() == before  # left as it was: its runs still count
    assert sorted(r.nickname for r in load_results([tmp_path]).runs) == ["Nour", "Omar"]


def test_a_read_only_error_from_sqlite_moves_on_to_the_next_name(tmp_path, monkeypatch):
    real = store_mod.ResultsStore.open_file.__func__
    first = tmp_path / "results-pc.sqlite3"

    def open_file(cls, path, **kw):
        if path == first:
            raise store_mod.ResultsUnavailable(f"{path}: the file is read-only") from sqlite3.OperationalError(
                "attempt to write a readonly database")
        return real(cls, path, **kw)

    monkeypatch.setattr(store_mod.ResultsStore, "open_file", classmethod(open_file))
    with ResultsStore.open(tmp_path, host="pc") as store:
        assert store.path != first


# -- smaller items ---------------------------------------------------------------------------------------------
def test_a_4_gb_sparse_results_file_is_not_copied(tmp_path, capsys):
    build_class_dataset(tmp_path)
    with open(tmp_path / "results-HUGE.sqlite3", "wb") as fh:
        fh.truncate(4 * 1024 ** 3)  # sparse: no disk used, but a copy would write 4 GB, twice
    assert _report(tmp_path, tmp_path) == 0
    out, err = capsys.readouterr()
    assert "results-HUGE.sqlite3: too big" in err and "from 2 file(s)" in out


def test_the_same_nickname_in_two_classes_is_two_children(tmp_path, capsys):
    with ResultsStore.open(tmp_path, host="pc") as store:
        play(store, "5A", "Sami", "test_gift", [0, 0])
        play(store, "5B", "Sami", "test_gift", [0, 0])
    assert _report(tmp_path, tmp_path) == 0
    assert "2 class(es), 2 children" in capsys.readouterr().out


# -- found by the fuzz (test_data_folder_fuzz.py) --------------------------------------------------------------
def test_a_file_with_the_right_version_but_not_our_tables_is_set_aside(tmp_path):
    path = tmp_path / "results-pc.sqlite3"
    _sql(path, "CREATE TABLE runs(run_id TEXT)", "CREATE TABLE decisions(x)", "CREATE TABLE quiz_answers(y)",
         "CREATE TABLE meta(key, value)", "PRAGMA user_version = 2")
    with ResultsStore.open(tmp_path, host="pc") as store:  # used to fail at the first write: "no such column"
        play(store, "5B", "Nour", "test_gift", [0, 0])
    assert list(tmp_path.glob("results-pc.sqlite3.damaged-*"))


def test_damage_that_makes_sqlites_own_message_undecodable_is_damage(tmp_path):
    with ResultsStore.open(tmp_path, host="pc") as store:
        play(store, "5B", "Nour", "test_gift", [0, 0])
    with open(tmp_path / "results-pc.sqlite3", "r+b") as fh:  # the schema's text on page 1
        fh.seek(4055)
        fh.write(b"\xff" * 6)
    assert _report(tmp_path, tmp_path) == 0  # the report skips it and says so, never raises
    with ResultsStore.open(tmp_path, host="pc") as store:  # used to raise UnicodeDecodeError into the game
        play(store, "5B", "Omar", "test_gift", [0, 0])
    assert "Omar" in [r.nickname for r in load_results([tmp_path]).runs]
