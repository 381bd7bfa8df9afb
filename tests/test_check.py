"""`juesuan check`: the findings of a `juesuan build` of the same file, from the same dbt models
run in memory, and no warehouse touched."""

from __future__ import annotations

import pytest

from juesuan.cli.check import check_files
from juesuan.cli.main import EXIT_FINDINGS, EXIT_PARTIAL, main
from juesuan.warehouse.sql import CHECK_FINDINGS_SQL, SUMMARY_SQL
from tests.conftest import ROOT, SAMPLE, Workspace


@pytest.fixture(scope="session")
def check_target(tmp_path_factory):
    """A dbt target folder of its own: the first check compiles the project into it."""
    return tmp_path_factory.mktemp("check_target")


@pytest.fixture(scope="session")
def checked(check_target):
    mp = pytest.MonkeyPatch()
    mp.setenv("JUESUAN_DBT_TARGET", str(check_target))
    try:
        return check_files([SAMPLE], ROOT)
    finally:
        mp.undo()


def test_check_finds_what_the_build_finds(checked, built):
    assert checked.findings == built.sql(CHECK_FINDINGS_SQL)
    assert checked.summary == built.sql(SUMMARY_SQL)
    # Both known errors of the sample, as the build reports them.
    objects = {(f[3], f[4]) for f in checked.findings if f[2] == "discrepancy"}
    assert {("nr_restates_table", "basic_expenditure_amount @ 六 line 1256"),
            ("nr_self_evaluations", "projects_count line 1355")} <= objects


def test_check_prints_findings_and_leaves_no_warehouse(checked, check_target, tmp_path, monkeypatch, capsys):
    ws = Workspace(tmp_path, monkeypatch)
    monkeypatch.setenv("JUESUAN_DBT_TARGET", str(check_target))  # compiled already
    assert main(["check", str(SAMPLE)]) == EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "高平市公安局 2024: 811 / 794 / 8 / 9 / 11" in out
    assert "nr_self_evaluations: projects_count line 1355 printed 31 projects at narrative:1355, expected 30" in out
    assert not ws.db.exists() and not ws.parsed.exists()


def test_a_report_a_model_fails_on_is_left_out_and_the_rest_checked(check_target, tmp_path, monkeypatch, capsys):
    """A parser gap that writes a value the staging model cannot read (simulated: the copy's first
    amount overwritten as it is written): that report is named, the sample is checked whole."""
    import juesuan.load.batch
    from tests.test_build_quarantine import unreadable_value

    broken = tmp_path / "broken.txt"
    broken.write_bytes(SAMPLE.read_bytes() + b"\n")
    real = juesuan.load.batch.write_report

    def gap(report, path, out_dir, refused=None):
        folder = real(report, path, out_dir, refused)
        if path.name == "broken.txt":
            unreadable_value(out_dir, report.report_id)
        return folder

    monkeypatch.setattr(juesuan.load.batch, "write_report", gap)  # the workers are forked: they see it
    code = main(["check", str(SAMPLE), str(broken)])
    out = capsys.readouterr().out
    assert code == EXIT_PARTIAL
    assert ("  broken.txt: not checked, model.juesuan.stg_parsed__table_cells failed on its rows: Conversion Error: "
            'CSV Error on Line: 2; Error when converting column "value". Could not convert string "abc"') in out
    assert "  高平市公安局 2024: 811 / 794 / 8 / 9 / 11" in out
