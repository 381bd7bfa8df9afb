from __future__ import annotations

import csv
import shutil

import pytest

from juesuan.load import seeds
from juesuan.load.batch import load_paths
from juesuan.load.seeds import write_report


def read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_seed_csvs_keep_codes_and_exact_amounts(tmp_path, sample, sample_path):
    out = write_report(sample, sample_path, tmp_path)
    cells = read(out / "table_cells.csv")
    row = next(c for c in cells if c["table_key"] == "T06" and c["row_key"] == "30102")
    assert row == {
        "report_id": "174714146e070084", "table_key": "T06", "row_key": "30102", "column_key": "amount",
        "cell_state": "value", "value_text": "1946.45", "value": "1946.45", "unit": "万元", "source_line": "773",
        "source_location": "", "placement": "printed",
    }
    na = next(c for c in cells if c["row_key"] == "30901")
    assert (na["cell_state"], na["value"]) == ("na", "")
    report = read(out / "reports.csv")[0]
    assert (report["department_name"], report["fiscal_year"], report["tables_missing"]) == ("高平市公安局", "2024", "")


def test_loading_the_same_content_twice_keeps_one_copy(tmp_path, sample_path):
    copy = tmp_path / "renamed.txt"
    shutil.copy(sample_path, copy)
    parsed = tmp_path / "parsed"
    load_paths([sample_path], parsed)
    second = load_paths([sample_path, copy], parsed)
    assert [p.name for p in parsed.iterdir()] == ["174714146e070084"]
    # Never parsed twice: the content hash says it is loaded already.
    assert (second.loaded, second.unchanged) == ([], [str(sample_path), str(copy)])


def test_a_folder_loads_on_every_core_and_only_new_files_are_parsed(tmp_path, sample_text):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):  # five departments: enough to use the process pool
        (folder / f"{n}.txt").write_text(sample_text.replace("高平市公安局", f"测试局{n}"), encoding="utf-8")
    parsed = tmp_path / "parsed"
    first = load_paths([folder], parsed, workers=2)
    assert sorted(r.department_name for r in first.loaded) == [f"测试局{n}" for n in range(5)]
    (folder / "5.txt").write_text(sample_text.replace("高平市公安局", "测试局5"), encoding="utf-8")
    second = load_paths([folder], parsed, workers=2)
    assert [r.department_name for r in second.loaded] == ["测试局5"] and len(second.unchanged) == 5


def test_remove_and_prune(tmp_path, sample_text):
    from juesuan.load.batch import prune, remove

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(sample_text.replace("高平市公安局", "甲局"), encoding="utf-8")
    b.write_text(sample_text.replace("高平市公安局", "乙局"), encoding="utf-8")
    parsed = tmp_path / "parsed"
    ids = {r.department_name: r.report_id for r in load_paths([a, b], parsed).loaded}
    assert remove([str(a)], parsed) == ([ids["甲局"]], [])
    assert remove(["nope"], parsed) == ([], ["nope"])
    b.unlink()
    assert prune(parsed) == [ids["乙局"]]
    assert list(parsed.iterdir()) == []


def test_a_file_changed_in_place_replaces_its_old_version(tmp_path, sample_text):
    f = tmp_path / "report.txt"
    parsed = tmp_path / "parsed"
    f.write_text(sample_text, encoding="utf-8")
    first = load_paths([f], parsed).loaded[0].report_id
    f.write_text(sample_text.replace("2544.45", "2544.46", 1), encoding="utf-8")
    outcome = load_paths([f], parsed)
    assert outcome.replaced == [first]
    assert [p.name for p in parsed.iterdir()] == [outcome.loaded[0].report_id]


def test_a_failed_write_leaves_the_previous_load_untouched(tmp_path, sample, sample_path, monkeypatch):
    out = write_report(sample, sample_path, tmp_path)
    before = (out / "table_cells.csv").read_bytes()
    calls = {"n": 0}
    real = seeds._write_csv

    def failing(folder, name, rows, *rest):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        real(folder, name, rows, *rest)

    monkeypatch.setattr(seeds, "_write_csv", failing)
    with pytest.raises(OSError):
        write_report(sample, sample_path, tmp_path)
    assert (out / "table_cells.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["174714146e070084"]  # no temporary directory left


def test_folders_are_searched_for_reports(tmp_path, sample_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    shutil.copy(sample_path, tmp_path / "in" / "sub" / "a.txt")
    (tmp_path / "in" / "notes.md").write_text("not a report", encoding="utf-8")
    outcome = load_paths([tmp_path / "in"], tmp_path / "parsed")
    assert [r.source_file for r in outcome.loaded] == ["a.txt"] and not outcome.failed
