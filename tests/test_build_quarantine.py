"""Nothing a report contains can fail a build: the reports whose rows break a model or a structural
test are left out (quarantined) and named with the node and the rows; the rest of the batch is
built, tested and swapped in, and the build exits 1. Incremental builds do the same.

The batch is the sample, the real 2019 report of 佛山市轨道交通局 (it failed every build it was in
until its narrative checks got keys of their own), the sample's project self-evaluations printed as
the standard 项目支出绩效自评表 with `—` in 得分 in Excel, Word and a web page (the staging cast of
得分 failed every build), and two copies of the sample whose parsed rows are then broken the way a
parser gap breaks them: one row given twice (a uniqueness test fails, its rows name the report) and a
value no declared type holds written past the loader (a model fails; no row names the report, so
the build finds it by building halves of the batch).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from juesuan.cli.main import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main
from juesuan.warehouse.quarantine import isolate
from juesuan.load.seeds import loaded_reports

from tests.conftest import ROOT, SAMPLE, Workspace
from tests.loaders.forms import writers
from tests.loaders.forms.printing import C
from tests.loaders.forms.self_evaluation import sample_forms

FOSHAN = ROOT.parent / "shared" / "reports" / "provinces" / "foshan_guidaojiaotong_2019.pdf"
DASHED = 3  # projects whose 得分 the forms print as `—`


def dash_forms(folder: Path, sample) -> list[Path]:
    """The standard forms of the sample's projects, the first DASHED printing `—` as the 得分 of
    their funds and of their first indicator."""
    grids = sample_forms(sample)
    for grid in grids[:DASHED]:
        funds = next(row for row in grid.rows if row and row[0].text == "年度资金总额")
        funds[6] = C("—")
        header = next(i for i, row in enumerate(grid.rows) if any(c.text == "一级指标" for c in row))
        grid.rows[header + 1][-2] = C("—")
    dept, year = sample.department_name, sample.fiscal_year
    return [writers.write_xlsx(folder / "dash.xlsx", grids, dept, year),
            writers.write_docx(folder / "dash.docx", grids, [], [], dept, year),
            writers.write_html(folder / "dash.html", grids, [], [], dept, year)]


def sample_copy(folder: Path, name: str, blank_lines: int) -> Path:
    """The sample with blank lines after its end: another file's content (another report id), the
    same figures."""
    path = folder / name
    path.write_bytes(SAMPLE.read_bytes() + b"\n" * blank_lines)
    return path


def report_id_of(parsed: Path, name: str) -> str:
    return next(r.report_id for r in loaded_reports(parsed) if Path(r.source_path).name == name)


def repeat_a_row(parsed: Path, rid: str, csv_name: str) -> str:
    """A data row of one of a report's CSVs written twice, as a parser that reads a row twice
    writes it; returns the row."""
    path = parsed / rid / csv_name
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(2, lines[1])
    path.write_text("\n".join(lines), encoding="utf-8")
    return lines[1]


def unreadable_value(parsed: Path, rid: str) -> None:
    """The first printed amount of table_cells.csv replaced by text no DECIMAL holds."""
    path = parsed / rid / "table_cells.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if i and ",value," in line)
    fields = lines[at].split(",")
    fields[6] = "abc"  # the `value` column
    lines[at] = ",".join(fields)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def batch(tmp_path_factory, sample):
    base = tmp_path_factory.mktemp("build_quarantine")
    reports = base / "reports"
    reports.mkdir()
    (reports / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    if FOSHAN.exists():
        (reports / FOSHAN.name).write_bytes(FOSHAN.read_bytes())
    dash_forms(reports, sample)
    sample_copy(reports, "twice.txt", 1)
    sample_copy(reports, "unreadable.txt", 2)
    mp = pytest.MonkeyPatch()
    ws = Workspace(base, mp)
    try:
        assert main(["load", str(reports)]) in (EXIT_OK, EXIT_PARTIAL)  # 佛山 has rows not read yet
        twice, unreadable = report_id_of(ws.parsed, "twice.txt"), report_id_of(ws.parsed, "unreadable.txt")
        repeated = repeat_a_row(ws.parsed, twice, "table_rows.csv")
        unreadable_value(ws.parsed, unreadable)
        ws.code = main(["build"])
    finally:
        mp.undo()
    ws.ids = {"twice": twice, "unreadable": unreadable}
    ws.repeated = repeated
    return ws


def test_the_batch_builds_without_the_broken_reports_and_exits_1(batch):
    assert batch.code == EXIT_PARTIAL
    built = {row[0] for row in batch.sql("select source_file from marts.dim_report")}
    assert built == {SAMPLE.name, "dash.xlsx", "dash.docx", "dash.html"} | ({FOSHAN.name} if FOSHAN.exists() else set())
    summary = json.loads((batch.db.parent / "last_run.json").read_text(encoding="utf-8"))
    assert summary["status"] == "built_partial" and summary["exit_code"] == EXIT_PARTIAL
    assert {q["source_file"] for q in summary["reports_quarantined"]} == {"twice.txt", "unreadable.txt"}


def test_each_left_out_report_is_named_with_the_node_and_its_rows(batch):
    rows = {rid: (node, reason, failing) for rid, node, reason, failing in batch.sql(
        "select report_id, node, reason, failing_rows from audit.build_quarantine")}
    assert set(rows) == set(batch.ids.values())
    node, reason, failing = rows[batch.ids["twice"]]
    # The row given twice: its table and row key, as the failing uniqueness test returns them.
    _, table_key, row_key = batch.repeated.split(",")[:3]
    assert "unique_combination_of_columns_stg_parsed__table_rows" in node
    assert f"table_key={table_key}; row_key={row_key}; duplicates=2" in failing
    node, reason, failing = rows[batch.ids["unreadable"]]
    assert 'Error when converting column "value". Could not convert string "abc"' in reason
    assert "table_cells.csv" in reason
    # One finding per left-out report, in the public findings table.
    assert batch.sql("""select report_id, object from audit.findings where check_id = 'build_quarantined'
                        order by report_id""") == sorted((rid, rows[rid][0]) for rid in rows)


def test_the_reports_built_are_whole(batch, built):
    """The sample in the batch has every cell and finding it has when built alone."""
    sample_id = batch.one("select report_id from marts.dim_report where source_file = ?", SAMPLE.name)
    cells = "select table_key, row_key, column_key, amount_yuan from marts.fct_table_cell where report_id = ? order by all"
    assert batch.sql(cells, sample_id) == built.sql(cells, sample_id)
    findings = "select check_id, object, severity, actual from audit.findings where report_id = ? order by all"
    assert batch.sql(findings, sample_id) == built.sql(findings, sample_id)
    if FOSHAN.exists():
        assert batch.one("""select count(*) from audit.identity_checks c join marts.dim_report r using (report_id)
                            where r.source_file = ?""", FOSHAN.name) > 100


def test_a_dash_for_a_score_is_no_score(batch):
    """`—` in 得分 is the form's "not scored": the score is blank, the other projects' scores are read."""
    scores = batch.sql("""select p.project_seq, b.score, b.execution_rate_pct from marts.fct_project_budget b
                          join marts.dim_project p using (project_id) join marts.dim_report r using (report_id)
                          where r.source_file = 'dash.xlsx' and b.is_total order by 1""")
    assert [s[1] for s in scores[:DASHED]] == [None] * DASHED and all(s[2] is not None for s in scores[:DASHED])
    assert all(score is not None for _, score, _ in scores[DASHED:])
    assert batch.one("""select count(*) from marts.fct_project_indicator i join marts.dim_project p using (project_id)
                        join marts.dim_report r using (report_id)
                        where r.source_file = 'dash.html' and i.score is null""") >= DASHED


def test_findings_and_reports_show_the_left_out_reports(batch, monkeypatch, capsys):
    Workspace(batch.base, monkeypatch)
    assert main(["findings", "twice.txt"]) == EXIT_OK
    assert "build_quarantined" in capsys.readouterr().out
    assert main(["reports", "--format", "csv"]) == EXIT_OK
    listed = {row["report_id"]: row["status"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert listed[batch.ids["twice"]] == listed[batch.ids["unreadable"]] == "quarantined"


def test_an_incremental_build_leaves_out_a_new_broken_report(batch, monkeypatch, capsys):
    ws = Workspace(batch.base, monkeypatch)
    extra = batch.base / "extra"
    extra.mkdir()
    sample_copy(extra, "budget_twice.txt", 3)
    assert main(["load", str(extra)]) == EXIT_OK
    rid = report_id_of(ws.parsed, "budget_twice.txt")
    capsys.readouterr()
    # Loaded, not built yet: listed, marked so.
    assert main(["reports", "--format", "csv"]) == EXIT_OK
    assert f"{rid},\"loaded, not built\"" in capsys.readouterr().out
    repeat_a_row(ws.parsed, rid, "project_budget.csv")
    assert main(["build"]) == EXIT_PARTIAL
    out = capsys.readouterr().out
    assert "incremental build: 1 new" in out and "budget_twice.txt" in out
    node, failing = ws.one("select node, failing_rows from audit.build_quarantine where report_id = ?", rid)
    assert "unique_combination_of_columns_stg_parsed__project_budget" in node and f"project_id={rid}-p01" in failing
    # Counted as built: the next build has nothing to do, and still says what is left out.
    assert main(["build"]) == EXIT_PARTIAL
    assert "unchanged build" in capsys.readouterr().out
    # Removed, it leaves the quarantine with its rows.
    assert main(["remove", rid]) == EXIT_OK
    assert main(["build"]) == EXIT_PARTIAL
    assert ws.one("select count(*) from audit.build_quarantine where report_id = ?", rid) == 0
    assert ws.one("select count(*) from audit.build_quarantine") == 2


def test_halving_finds_the_reports_that_fail_alone():
    calls = []

    def fails(ids):
        calls.append(ids)
        bad = [i for i in ids if i in ("r03", "r13")]
        return f"fails on {bad[0]}" if bad else None

    candidates = [f"r{n:02d}" for n in range(16)]
    assert isolate(candidates, fails) == {"r03": "fails on r03", "r13": "fails on r13"}
    assert len(calls) < len(candidates)  # halving, not one build per report
    assert isolate(candidates, lambda ids: None) == {}


def test_a_failure_only_reports_together_give_is_explained_by_none():
    # Two reports that fail only together (a key both print): neither alone is the cause.
    assert isolate(["a", "b", "c", "d"], lambda ids: "clash" if {"a", "d"} <= set(ids) else None) is None


def test_a_build_no_report_explains_still_fails(tmp_path, monkeypatch, capsys):
    """Every report broken the same way: nothing is left to build, and the build fails, keeping
    the warehouse there was."""
    ws = Workspace(tmp_path, monkeypatch)
    reports = tmp_path / "reports"
    reports.mkdir()
    path = sample_copy(reports, "only.txt", 4)
    assert main(["load", str(path)]) == EXIT_OK
    repeat_a_row(ws.parsed, report_id_of(ws.parsed, "only.txt"), "table_rows.csv")
    assert main(["build"]) == EXIT_NOTHING
    err = capsys.readouterr().err
    assert "every report failed the build" in err and "only.txt" in err
    assert not ws.db.exists()
