"""One report never stops the others: a batch of the sample, damaged copies of it and files that
are no report at all loads and builds; each damaged report is published with what could be read,
its unreadable rows listed with their lines, and the sums they would have falsified skipped."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.cli.main import EXIT_NOTHING, EXIT_PARTIAL, main

from tests.conftest import SAMPLE, Workspace

# The sample with one amount of table 03 misprinted (line 354: 事业运行 166.59 → 16G.59).
DAMAGED_LINE = 354


def damaged_copies(folder: Path) -> dict[str, Path]:
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[DAMAGED_LINE - 1].startswith("2040250 事业运行 166.59 166.59")
    misprint = lines.copy()
    misprint[DAMAGED_LINE - 1] = misprint[DAMAGED_LINE - 1].replace("166.59", "16G.59", 1)
    repeated_row = lines[:72] + [lines[71]] + lines[72:]  # T01's first row printed twice, the same
    assert lines[351].startswith("2040220 执法办案 26.44")
    other_figures = lines[:352] + [lines[351].replace("26.44", "27.44")] + lines[352:]  # T03's row again, otherwise
    files = {
        "misprint": ("misprint.txt", "\n".join(misprint).encode("utf-8")),
        "typo_code": ("typo_code.txt", text.replace("2040220 执法办案 26.44", "2O40220 执法办案 26.44", 1).encode("utf-8")),
        "repeated_row": ("repeated_row.txt", "\n".join(repeated_row).encode("utf-8")),
        "repeated_other": ("repeated_other.txt", "\n".join(other_figures).encode("utf-8")),
        "three_copies": ("three_copies.txt", (text * 3).encode("utf-8")),
        # Cut inside table 06, in the middle of a character: UTF-8 with a cut end.
        "cut": ("cut.txt", text.encode("utf-8")[:17324]),
        "not_a_report": ("meeting.txt", "关于召开年度工作会议的通知\n各科室：定于下周一召开会议。\n".encode("utf-8")),
        "empty_pdf": ("empty.pdf", b""),
    }
    out = {}
    for key, (name, data) in files.items():
        (folder / name).write_bytes(data)
        out[key] = folder / name
    return out


@pytest.fixture(scope="session")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("quarantine")
    reports = base / "reports"
    reports.mkdir()
    (reports / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    files = damaged_copies(reports)
    mp = pytest.MonkeyPatch()
    ws = Workspace(base, mp)
    try:
        code = main(["run", str(reports)])
    finally:
        mp.undo()
    ids = {row[1]: row[0] for row in ws.sql("select report_id, source_file from marts.dim_report")}
    return ws, code, files, ids


def test_the_batch_builds_and_says_what_was_not_read(batch):
    ws, code, files, ids = batch
    assert code == EXIT_PARTIAL
    assert set(ids) == {SAMPLE.name, "misprint.txt", "typo_code.txt", "repeated_row.txt", "repeated_other.txt",
                        "three_copies.txt", "cut.txt"}
    summary = json.loads(ws.db.with_name("last_run.json").read_text(encoding="utf-8"))
    assert summary["status"] == "built_partial" and summary["exit_code"] == EXIT_PARTIAL
    assert sorted(Path(f["file"]).name for f in summary["files_refused"]) == ["empty.pdf", "meeting.txt"]
    assert {r["source_file"]: r["tables_incomplete"] for r in summary["reports_incomplete"]} == {
        "misprint.txt": "T03", "typo_code.txt": "T02", "repeated_other.txt": "T03",
        "three_copies.txt": "T01,T02,T03,T04,T05,T06,T07,T08,T09,T10",
    }
    # Seven reports of one department and year: said in the summary, not only as a dbt WARN.
    assert summary["department_years_loaded_twice"][0]["department_name"] == "高平市公安局"
    assert summary["department_years_loaded_twice"][0]["reports"] == 7
    log = ws.db.with_name("runs.log").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert " built_partial exit=1 reports=7 " in log and log.endswith("refused=2 incomplete=4")


def test_the_unreadable_row_is_a_load_issue_with_its_printed_text(batch):
    ws, _, _, ids = batch
    assert ws.sql(
        "select severity, table_key, source_line, printed_text from staging.stg_parsed__load_issues where report_id = ?",
        ids["misprint.txt"]) == [("error", "T03", DAMAGED_LINE, "2040250 事业运行 16G.59 166.59")]
    # Nothing of the row is placed: no cell of 2040250 in table 03, not even a blank one.
    assert ws.sql("select count(*) from marts.fct_table_cell where report_id = ? and table_key = 'T03' and row_key = '2040250'",
                  ids["misprint.txt"]) == [(0,)]
    assert ws.one("select tables_incomplete from marts.dim_report where report_id = ?", ids["misprint.txt"]) == "T03"


def test_sums_over_an_incomplete_table_are_skipped_and_the_real_findings_stay(batch, built):
    ws, _, _, ids = batch
    rid = ids["misprint.txt"]
    findings = ws.sql("select severity, check_id, object, actual_source from audit.findings where report_id = ? "
                      "and severity <> 'rounding' order by all", rid)
    assert ("incomplete", "parse_incomplete", "T03", "T03:354") in findings
    # Without the skip, the missing row made t03_rollup and t03_row_sum discrepancies (20402 basic
    # 5,153.88 against 4,987.30). With it, the report's own nine discrepancies, and no other.
    clean = built.sql("select severity, check_id, object, actual_source from audit.findings where severity = 'discrepancy' order by all")
    assert [f for f in findings if f[0] == "discrepancy"] == clean and len(clean) == 9
    skipped = ws.sql("select check_id, count(*) from audit.identity_checks where report_id = ? "
                     "and skip_reason = 'parse_incomplete' group by all order by all", rid)
    assert dict(skipped)["t03_rollup"] > 0 and "t03_row_sum" not in dict(skipped)
    coverage = ws.one("select complete, parse_errors, identities_skipped_incomplete from audit.table_coverage "
                      "where report_id = ? and table_key = 'T03'", rid)
    assert coverage[0] is False and coverage[1] == 1 and coverage[2] > 0


def test_the_sample_in_the_same_batch_is_untouched(batch, built):
    ws, _, _, ids = batch
    sql = ("select check_id, object, status, actual, expected from audit.identity_checks "
           "where report_id = ? order by check_id, object")
    assert ws.sql(sql, ids[SAMPLE.name]) == built.sql(sql, ids[SAMPLE.name])
    assert ws.one("select tables_incomplete from marts.dim_report where report_id = ?", ids[SAMPLE.name]) == ""


def test_a_code_with_a_letter_is_an_unreadable_row(batch):
    ws, _, _, ids = batch
    assert ws.sql("select table_key, source_line, printed_text from staging.stg_parsed__load_issues "
                  "where report_id = ? and severity = 'error'", ids["typo_code.txt"]) == [
        ("T02", 240, "2O40220 执法办案 26.44 26.44")]
    assert ws.one("select count(*) from audit.findings where report_id = ? and check_id = 't02_rollup'", ids["typo_code.txt"]) == 0


def test_a_repeated_row_and_a_repeated_report_are_load_issues(batch):
    ws, _, _, ids = batch
    # The same figures again lose nothing: a warning, the table whole.
    assert ws.sql("select severity, table_key, source_line, message from staging.stg_parsed__load_issues "
                  "where report_id = ? and message like '%printed again%'", ids["repeated_row.txt"]) == [
        ("warning", "T01", 73, "row '201' is printed again, with the same figures, (first at line 72); the repeat is not loaded")]
    # Other figures: which is right is not known; the first is kept, the table is incomplete.
    assert ws.sql("select severity, kind, table_key, source_line, printed_text from staging.stg_parsed__load_issues "
                  "where report_id = ?", ids["repeated_other.txt"]) == [
        ("error", "repeated", "T03", 353, "2040220 执法办案 27.44     27.44")]
    three = ids["three_copies.txt"]
    assert ws.one("select count(*) from marts.dim_project where report_id = ?", three) == 30
    messages = [m for (m,) in ws.sql("select message from staging.stg_parsed__load_issues where report_id = ? "
                                      "and severity = 'error' order by source_line", three)]
    assert sum("is printed again here" in m for m in messages) == 20  # each table twice more
    assert sum("self-evaluation of" in m for m in messages) == 60  # each project twice more


def test_a_cut_file_says_so(batch):
    ws, _, _, ids = batch
    issues = ws.sql("select severity, table_key, message from staging.stg_parsed__load_issues where report_id = ? "
                    "order by severity, message", ids["cut.txt"])
    assert ("warning", None, "the file ends inside a UTF-8 character (byte 17322 of 17324): it was cut short, "
            "and what follows was never read") in issues
    assert ("warning", "T06", "the file ends inside T06, with nothing after it: it may have been cut short, "
            "so the table may lack rows") in issues
    # Coverage shows it beside the table (a file cut exactly at a table's end reads the same, so
    # the table is not marked incomplete: its identities say whether rows are missing).
    assert ws.one("select parse_warnings from audit.table_coverage where report_id = ? and table_key = 'T06'", ids["cut.txt"]) == 1


def test_a_run_that_loads_nothing_is_recorded(tmp_path, monkeypatch, capsys):
    ws = Workspace(tmp_path, monkeypatch)
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert main(["run", str(tmp_path / "empty.pdf")]) == EXIT_NOTHING
    summary = json.loads(ws.db.with_name("last_run.json").read_text(encoding="utf-8"))
    assert summary["status"] == "nothing_loaded" and Path(summary["files_refused"][0]["file"]).name == "empty.pdf"
    assert "nothing_loaded exit=2 refused=1" in ws.db.with_name("runs.log").read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Traceback" not in err and "empty.pdf: file is empty" in err


def test_money_of_the_damaged_report_is_what_was_read(batch):
    ws, _, _, ids = batch
    # Table 03's printed total is still there; the 项 row that could not be read is not.
    assert ws.one("select amount_yuan from marts.fct_table_cell where report_id = ? and table_key = 'T03' "
                  "and row_key = 'total' and column_key = 'total'", ids["misprint.txt"]) == Decimal("122900400.00")
