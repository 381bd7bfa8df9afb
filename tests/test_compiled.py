"""The compiled plan (`juesuan.warehouse.compiled`): dbt's own SQL, its tests judged as dbt judges them.
Incremental builds run it: tests/test_incremental.py compares their warehouses with full builds'
and stops one at a failing test."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from juesuan.warehouse import compiled
from juesuan.warehouse.compiled import (PARSED_PLACEHOLDER, SEEDS_FILE, SHIPPED_PLAN, CompiledTest, compiled_project, connect,
                              run_models, run_tests)
from juesuan.warehouse.incremental import code_hash
from tests.conftest import ROOT


def test_a_full_build_leaves_the_plan_of_its_own_sql(built):
    project = compiled_project(ROOT, built.target)  # saved by the build: no dbt run here
    dbt_sql = {r["unique_id"]: r["compiled_code"] for r in built.run_results if r.get("compiled_code")}
    assert len(project.steps) == sum(1 for uid in dbt_sql if uid.startswith("model."))
    assert len(project.tests) == sum(1 for uid in dbt_sql if uid.startswith("test."))
    staging = next(s for s in project.steps if s.name == "stg_parsed__table_cells")
    assert f"'{PARSED_PLACEHOLDER}/*/table_cells.csv'" in staging.sql  # the run's parsed folder goes there
    mart = next(s for s in project.steps if s.name == "fct_income")
    assert mart.sql == dbt_sql[mart.unique_id]


def test_every_test_is_judged_as_dbt_judged_it(built, tmp_path):
    """The sample's build: dbt's status and failures of each of its ~150 tests (passes, and the
    warnings that are its findings) against the plan's tests run on the same warehouse."""
    project = compiled_project(ROOT, built.target)
    copy = tmp_path / "copy.duckdb"
    shutil.copy(built.db, copy)
    con = connect(project, copy)
    try:
        ours = {r["unique_id"]: (r["status"], r["failures"]) for r in run_tests(con, project.tests)}
    finally:
        con.close()
    dbt = {r["unique_id"]: (r["status"], r["failures"]) for r in built.run_results if r["unique_id"].startswith("test.")}
    assert ours == dbt
    assert {status for status, _ in dbt.values()} == {"pass", "warn"}
    # The checks holding the sample's findings (its two known errors among them): the narrative's
    # restatements and the self-evaluations.
    assert sorted((uid.split(".")[2], failures) for uid, (status, failures) in dbt.items() if status == "warn") == [
        ("identity_holds_chk_narrative_", 5), ("identity_holds_chk_projects_", 4)]


def test_thresholds_and_severity(tmp_path, built):
    """`fail` only at error severity past error_if; `warn` past warn_if; a broken test an error."""
    project = compiled_project(ROOT, built.target)
    con = connect(project)

    def judged(severity, warn_if="!= 0", error_if="!= 0", sql="select 1 as x union all select 2", limit=None):
        return run_tests(con, [CompiledTest("test.t", sql, [], severity, "count(*)", warn_if, error_if, limit)])[0]

    try:
        assert (judged("error")["status"], judged("error")["failures"]) == ("fail", 2)
        assert judged("warn")["status"] == "warn"
        assert judged("error", error_if="> 2")["status"] == "warn"
        assert judged("error", warn_if="> 5", error_if="> 2")["status"] == "pass"
        assert judged("error", limit=1)["failures"] == 1
        assert judged("error", sql="select 1 where false")["status"] == "pass"
        assert judged("error", sql="select * from no_such_table")["status"] == "error"
    finally:
        con.close()


def test_the_shipped_plan_is_the_plan_of_these_models():
    spec = json.loads(SHIPPED_PLAN.read_text(encoding="utf-8"))
    assert spec["code_hash"] == code_hash(ROOT), (
        "models, macros, reference seeds or dbt tests changed since loaders/juesuan/warehouse/plan/plan.json was written: "
        "run `python -m juesuan.warehouse.compiled`")


def test_a_first_check_runs_the_shipped_plan_without_dbt(built, tmp_path, monkeypatch):
    """Without a plan in the target (a fresh install), the shipped one is unpacked: no dbt run, the
    same models and tests as the build's, the reference seeds as dbt loaded them, the same findings."""
    monkeypatch.setattr(compiled, "run_dbt", lambda *args, **kwargs: pytest.fail("dbt was run"))
    target = tmp_path / "target"
    assert compiled.has_plan(ROOT, target)
    project = compiled_project(ROOT, target)
    from_build = compiled_project(ROOT, built.target)
    assert [s.unique_id for s in project.steps] == [s.unique_id for s in from_build.steps]
    assert [t.unique_id for t in project.tests] == [t.unique_id for t in from_build.tests]
    con = duckdb.connect(str(project.folder / SEEDS_FILE), read_only=True)
    try:
        con.execute(f"attach '{built.db}' as built (read_only)")
        for schema, table in project.seed_tables:
            types = "select column_name, data_type from information_schema.columns where table_catalog = ? " \
                    "and table_schema = ? and table_name = ? order by ordinal_position"
            catalog = con.execute("select current_database()").fetchone()[0]
            assert con.execute(types, [catalog, schema, table]).fetchall() == \
                con.execute(types, ["built", schema, table]).fetchall(), table
            (n,) = con.execute(f"""select count(*) from ((select * from "{schema}"."{table}" except all
                                   select * from built."{schema}"."{table}") union all
                                  (select * from built."{schema}"."{table}" except all
                                   select * from "{schema}"."{table}"))""").fetchone()
            assert n == 0, table
    finally:
        con.close()
    memory = run_models(project, built.parsed)
    try:
        findings = "select check_id, object, severity, actual, expected from audit.findings order by all"
        assert memory.execute(findings).fetchall() == built.sql(findings)
    finally:
        memory.close()
