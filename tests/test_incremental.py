"""Incremental builds give exactly the warehouse a full build gives, and rebuild only what changed."""

import hashlib
import json
import shutil

import duckdb
import pytest

from juesuan.cli.main import EXIT_FINDINGS, EXIT_PARTIAL, main
from juesuan.load.corpus import consistent_template, render
from juesuan.warehouse.sql import BUILD_INFO
from juesuan.load.seeds import loaded_reports
from tests.conftest import SAMPLE, Workspace

SCHEMAS = ("staging", "intermediate", "marts", "audit")


def differences(a, b) -> dict[str, int]:
    """Rows in one warehouse and not the other, per base table (as multisets)."""
    con = duckdb.connect()
    con.execute(f"attach '{a}' as a (read_only)")
    con.execute(f"attach '{b}' as b (read_only)")
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_catalog = 'a' and table_type = 'BASE TABLE' and list_contains(?::varchar[], table_schema) order by 1, 2",
        [list(SCHEMAS)],
    ).fetchall()
    out = {}
    for schema, name in tables:
        (n,) = con.execute(
            f'select count(*) from ((select * from a."{schema}"."{name}" except all select * from b."{schema}"."{name}") '
            f'union all (select * from b."{schema}"."{name}" except all select * from a."{schema}"."{name}"))'
        ).fetchone()
        out[f"{schema}.{name}"] = n
    con.close()
    assert len(out) > 40
    return {k: v for k, v in out.items() if v}


def test_adding_and_removing_reports_matches_a_full_build(tmp_path, monkeypatch, capfd):
    template = consistent_template(SAMPLE.read_text(encoding="utf-8"))
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "gaoping_2024.txt")  # 高平市公安局 2024
    # Seven more reports: one department in 2023 and 2024 (a prior-year link), six others.
    reports = {"dept_a_2023.txt": ("甲市财政局", 2023), "dept_a_2024.txt": ("甲市财政局", 2024)}
    reports.update({f"other_{n}.txt": (f"乙市第{n}局", 2020 + n) for n in range(1, 6)})
    for name, (dept, year) in reports.items():
        (folder / name).write_text(render(template, dept, year, 3), encoding="utf-8")

    ws = Workspace(tmp_path / "ws", monkeypatch)
    monkeypatch.setenv("JUESUAN_INCREMENTAL_FROM", "0")  # incremental whatever the default
    assert main(["run", str(folder)]) == EXIT_FINDINGS
    assert "full build: no warehouse yet" in capfd.readouterr().out

    # Next week: 高平市公安局's 2023 report arrives (the sample's prior year: its rows change too),
    # and 甲市财政局's 2023 report is withdrawn (its 2024 report loses its prior year).
    (folder / "gaoping_2023.txt").write_text(render(template, "高平市公安局", 2023, 1), encoding="utf-8")
    assert main(["load", str(folder)]) == 0
    assert main(["remove", str(folder / "dept_a_2023.txt")]) == 0
    (folder / "dept_a_2023.txt").unlink()
    assert main(["build"]) == EXIT_FINDINGS
    out = capfd.readouterr().out
    assert "incremental build: 1 new, 1 removed, 2 related reports rebuilt (prior-year and budget links)" in out
    assert "Finished running" not in out  # the SQL dbt compiled at the first build, run without dbt
    summary = json.loads((ws.db.parent / "last_run.json").read_text(encoding="utf-8"))
    assert (summary["build_mode"], summary["reports_added"], summary["reports_removed"]) == ("incremental", 1, 1)
    assert ws.one(f"select mode from {BUILD_INFO}") == "incremental"

    full = tmp_path / "full" / "juesuan.duckdb"
    assert main(["build", "--full", "--db", str(full)]) == EXIT_FINDINGS
    assert differences(ws.db, full) == {}
    # The new prior-year link is there: the sample's narrative against its 2023 report.
    assert ws.one("select count(*) from marts.fct_narrative_prior_year where prior_report_id is not null "
                  "and department_name = '高平市公安局'") > 0
    assert len(loaded_reports(ws.parsed)) == 8

    # Reports only removed: nothing to build, their rows dropped, the dimensions rebuilt.
    assert main(["remove", str(folder / "other_5.txt")]) == 0
    assert main(["build"]) == EXIT_FINDINGS
    assert "incremental build: 0 new, 1 removed" in capfd.readouterr().out
    full_again = tmp_path / "full_again" / "juesuan.duckdb"
    assert main(["build", "--full", "--db", str(full_again)]) == EXIT_FINDINGS
    assert differences(ws.db, full_again) == {}

    # A structural break in a new report (a row key twice): the incremental build leaves it out,
    # naming the test and the report's file; the plan's SQL ran (no dbt); the rest is as it was.
    (folder / "other_6.txt").write_text(render(template, "乙市第6局", 2026, 3), encoding="utf-8")
    assert main(["load", str(folder / "other_6.txt")]) == 0
    rid = next(r.report_id for r in loaded_reports(ws.parsed) if r.source_path.endswith("other_6.txt"))
    rows = ws.parsed / rid / "table_rows.csv"
    lines = rows.read_text(encoding="utf-8").splitlines()
    rows.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    capfd.readouterr()
    assert main(["build"]) == EXIT_PARTIAL
    captured = capfd.readouterr()  # dbt's own output too, were it run
    assert "Finished running" not in captured.out
    assert "other_6.txt (乙市第6局 2026): test.juesuan.unique_combination_of_columns_stg_parsed__table_rows" in captured.out
    assert ws.one("select report_id from audit.build_quarantine") == rid
    assert ws.one("select count(*) from marts.dim_report where report_id = ?", rid) == 0
    assert differences(ws.db, full_again).keys() <= {"audit.build_quarantine", "audit.findings"}
    assert not list(ws.db.parent.glob(".*building*")) and not list(ws.db.parent.glob(".*incremental*"))


def test_nothing_changed_builds_nothing(built, monkeypatch, capsys):
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(built.parsed))
    monkeypatch.setenv("JUESUAN_DB", str(built.db))
    monkeypatch.setenv("JUESUAN_DBT_TARGET", str(built.target))
    before = built.db.stat().st_mtime_ns
    assert main(["build"]) == EXIT_FINDINGS  # the sample's findings are still there
    assert "unchanged build: no report added or removed since the last build" in capsys.readouterr().out
    assert built.db.stat().st_mtime_ns == before


@pytest.mark.parametrize("change", ["models"])
def test_a_model_change_means_a_full_build(built, tmp_path, change):
    from juesuan.warehouse.incremental import code_hash, plan_build
    from juesuan.reference import project_root

    root = tmp_path / "project"
    shutil.copytree(project_root(), root, ignore=shutil.ignore_patterns(".venv", "warehouse", "target", "seeds/parsed", ".git"))
    present = [r.report_id for r in loaded_reports(built.parsed)]
    assert code_hash(root) == code_hash(project_root())
    assert plan_build(root, built.db, built.parsed, present).mode == "unchanged"
    model = root / "models" / "marts" / "dim_report.sql"
    model.write_text(model.read_text(encoding="utf-8") + "\n-- a comment is a change\n", encoding="utf-8")
    plan = plan_build(root, built.db, built.parsed, present)
    assert (plan.mode, plan.reason) == ("full", "models, macros, reference seeds or dbt tests changed since the last build")
