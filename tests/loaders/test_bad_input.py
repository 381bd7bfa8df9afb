"""Bad input: a clear error naming the file and the reason, and nothing already loaded touched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from juesuan.cli.main import main
from juesuan.errors import LoadError
from juesuan.parse.report import parse_file

from tests.conftest import D, cells_of


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def parsed_dir(tmp_path, monkeypatch):
    d = tmp_path / "parsed"
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(d))
    return d


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"empty\.txt: file is empty"):
        parse_file(f)


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match=r"nope\.txt: cannot read file"):
        parse_file(tmp_path / "nope.txt")


def test_not_a_report(tmp_path, sample_text):
    f = tmp_path / "narrative_only.txt"
    # The narrative and glossary of a real report, without its tables.
    f.write_text(sample_text[sample_text.index("第三部分 情况说明") :], encoding="utf-8")
    with pytest.raises(LoadError, match=r"narrative_only\.txt: not a 部门决算 or 部门预算 report"):
        parse_file(f)


def test_undecodable_bytes(tmp_path):
    f = tmp_path / "binary.txt"
    f.write_bytes(b"\xff\xfe\x00\x81\xff" * 50)
    with pytest.raises(LoadError, match=r"binary\.txt: text is neither UTF-8 nor GB18030"):
        parse_file(f)


def test_gb18030_report_parses_the_same(tmp_path, sample_text, sample):
    f = tmp_path / "gbk.txt"
    f.write_bytes(sample_text.encode("gb18030"))
    report = parse_file(f)
    assert report.source_encoding == "gb18030"
    assert report.department_name == "高平市公安局"
    for key in sample.tables:
        assert report.tables[key].cells == sample.tables[key].cells, key


def test_report_missing_tables_loads_what_is_there(tmp_path, sample_text):
    f = tmp_path / "truncated.txt"
    cut = sample_text.index(" 政府性基金预算财政拨款收入支出决算表")  # T07 onwards is gone
    f.write_text(sample_text[:cut], encoding="utf-8")
    report = parse_file(f)
    assert report.missing_tables == ["T07", "T08", "T09", "T10"]
    assert cells_of(report, "T06")[("public_total", "amount")].value == D("1099.33")
    assert any("T07, T08, T09, T10" in i.message for i in report.issues)


def test_unplaceable_token_is_a_parse_error_with_its_line(tmp_path, sample_text):
    f = tmp_path / "typo.txt"
    # A letter O for a zero in a code: the row cannot be placed, so it is reported, not guessed.
    f.write_text(sample_text.replace("2040220 执法办案 26.44", "2O40220 执法办案 26.44", 1), encoding="utf-8")
    report = parse_file(f)
    errors = [i for i in report.issues if i.severity == "error"]
    # The row is printed first in 收入决算表 (T02, line 240); one error names everything skipped.
    assert [(e.table_key, e.source_line) for e in errors] == [("T02", 240)]
    assert "'2O40220 执法办案 26.44 26.44 (blank)" in errors[0].message
    assert "2040220" not in {r.row_key for r in report.tables["T02"].rows}


def test_cli_refuses_bad_files_and_keeps_what_was_loaded(tmp_path, parsed_dir, sample_path, capsys):
    assert main(["load", str(sample_path)]) == 0
    before = snapshot(parsed_dir)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["load", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "empty.txt: file is empty" in err and "nothing was loaded" in err
    assert snapshot(parsed_dir) == before


def test_cli_loads_the_good_files_of_a_mixed_batch(tmp_path, parsed_dir, sample_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["load", str(empty), str(sample_path)]) == 1
    out = capsys.readouterr()
    assert "高平市公安局 2024" in out.out
    assert "  tables: T01 10, T02 54, T03 58, T04 17, T05 58, T06 40, T07 0, T08 0, T09 10, T10 7" in out.out
    assert "empty.txt: file is empty" in out.err
    assert [p.name for p in parsed_dir.iterdir()] == ["174714146e070084"]
