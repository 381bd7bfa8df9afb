"""The dbt project on Apache Spark, on a standalone cluster on loopback (a master and two
workers, started and stopped here as a cluster starts them): the samples' parsed files built by
`juesuan build --target spark` with every model and every test, each test ending as it ends on
DuckDB, and every marts and audit table equal to DuckDB's build of the same files, value for
value. A Spark job parses the samples on the cluster's executors into the same seed files as
`juesuan load`, from relative paths too.

Needs `pip install -e '.[spark]'` and Java 17; marked `spark`, so the README's test command
leaves it out and CI runs it as its own step (`pytest -m spark`)."""

from __future__ import annotations

import csv
import filecmp
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from juesuan.load.batch import load_paths
from juesuan.warehouse.spark_build import SparkPathError

from tests.conftest import ROOT
from tests.spark_cluster import standalone_cluster

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark")
pytest.importorskip("dbt.adapters.spark")

SAMPLES = [ROOT / "samples" / "reports", ROOT / "samples" / "pdf", ROOT / "samples" / "text"]
DBT = Path(sys.executable).parent / "dbt"
JUESUAN = Path(sys.executable).parent / "juesuan"


def _dbt_build(target: str, base: Path, env: dict) -> dict:
    out = base / f"{target}_target"
    proc = subprocess.run([str(DBT), "build", "--target", target, "--target-path", str(out), "--log-path", str(base / "logs"),
                           "--project-dir", str(ROOT), "--profiles-dir", str(ROOT)],
                          env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    results = json.loads((out / "run_results.json").read_text(encoding="utf-8"))
    return {r["unique_id"]: (r["status"], r.get("failures")) for r in results["results"]}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with standalone_cluster(tmp_path_factory.mktemp("cluster")) as master:
        yield master


@pytest.fixture(scope="module")
def builds(tmp_path_factory, cluster):
    base = tmp_path_factory.mktemp("spark")
    parsed = base / "parsed"
    outcome = load_paths(SAMPLES, parsed)
    assert len(outcome.loaded) == 6 and not outcome.failed
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False", "JUESUAN_DB": str(base / "duck.duckdb"),
           "JUESUAN_SPARK_DIR": str(base / "spark"), "JUESUAN_SPARK_MASTER": cluster,
           "JUESUAN_DBT_TARGET": str(base / "target"), "PYSPARK_PYTHON": sys.executable,
           # Relative, as a user gives it: the CLI makes it absolute before Spark sees it.
           "JUESUAN_PARSED_DIR": os.path.relpath(parsed, ROOT)}
    proc = subprocess.run([str(JUESUAN), "build", "--target", "spark"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=1800)
    assert proc.returncode == 3, proc.stdout[-4000:] + proc.stderr[-2000:]  # built, with the samples' discrepancies
    assert "built on Spark:" in proc.stdout and "Traceback" not in proc.stderr
    results = json.loads((base / "target" / "spark" / "run_results.json").read_text(encoding="utf-8"))
    spark = {r["unique_id"]: (r["status"], r.get("failures")) for r in results["results"]}
    env["JUESUAN_PARSED_DIR"] = str(parsed)
    return {"base": base, "parsed": parsed, "spark": spark, "duckdb": _dbt_build("local", base, env)}


@pytest.fixture(scope="module")
def spark(builds, cluster):
    from pyspark.sql import SparkSession

    where = builds["base"] / "spark"
    # The parse job's tasks run in Python workers: this interpreter, whose juesuan they import
    # (juesuan installed on every node, here one machine).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master(cluster).enableHiveSupport()
               .config("spark.sql.warehouse.dir", str(where / "tables"))
               .config("spark.hadoop.javax.jdo.option.ConnectionURL", f"jdbc:derby:;databaseName={where}/metastore_db;create=true")
               .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={where}")
               .config("spark.executor.cores", "1").config("spark.executor.memory", "1g")
               .config("spark.ui.enabled", "false").getOrCreate())
    yield session
    session.stop()


def test_every_model_and_test_ends_on_spark_as_on_duckdb(builds):
    assert len(builds["spark"]) == len(builds["duckdb"]) > 200
    assert builds["spark"] == builds["duckdb"]
    assert {status for status, _ in builds["spark"].values()} <= {"success", "pass", "warn"}


def _rows(values) -> list[tuple]:
    def norm(v):
        return v.normalize() if isinstance(v, Decimal) else round(v, 9) if isinstance(v, float) else v
    rows = [tuple(norm(v) for v in row) for row in values]
    return sorted(rows, key=lambda r: tuple((v is None, str(v)) for v in r))


def test_marts_and_audit_tables_equal_duckdbs_value_for_value(builds, spark):
    con = duckdb.connect(str(builds["base"] / "duck.duckdb"), read_only=True)
    tables = con.execute("select table_schema, table_name from information_schema.tables where table_schema in "
                         "('marts', 'audit') and table_type = 'BASE TABLE' order by all").fetchall()
    assert len(tables) >= 20
    empty = []
    for schema, name in tables:
        duck = con.execute(f'select * from {schema}."{name}"')
        columns = [c[0] for c in duck.description]
        frame = spark.table(f"{schema}.{name}")
        assert frame.columns == columns, name
        got, want = _rows(tuple(r) for r in frame.collect()), _rows(duck.fetchall())
        assert got == want, name
        if not want:
            empty.append(name)
    # Every table holds rows but the record of reports a build left out (none were, here) and the
    # budget beside the final accounts, figures and project targets (the samples hold no budget).
    assert sorted(empty) == ["build_quarantine", "fct_budget_vs_final", "fct_project_target_vs_result"]
    # The findings themselves, with the pages they were printed on (a regex read the line).
    found = spark.sql("select count(*), count(source_page) from audit.findings where severity = 'discrepancy'").collect()[0]
    assert found[0] > 10 and found[0] == found[1]


def _without_loaded_at(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: v for k, v in row.items() if k != "loaded_at"} for row in csv.DictReader(f)]


def test_a_spark_job_parses_into_the_same_seed_files_as_juesuan_load(builds, spark, tmp_path, monkeypatch):
    from juesuan.warehouse.spark_load import load_on_spark

    # Both workers' executors take part: the job runs on the cluster, not in the driver.
    assert spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size() == 3  # two executors and the driver
    out = tmp_path / "parsed"
    # Relative paths, as a user types them: made absolute on the driver (an executor's work
    # folder is its own, where they named nothing and every file was refused).
    monkeypatch.chdir(ROOT)
    outcome = load_on_spark(spark, [p.relative_to(ROOT) for p in SAMPLES], Path(os.path.relpath(out, ROOT)), tasks=2)
    assert len(outcome.loaded) == 6 and not outcome.failed
    loaded = builds["parsed"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in loaded.iterdir() if not p.name.startswith("."))
    for report in loaded.iterdir():
        if report.name.startswith("."):
            continue
        for f in sorted(report.iterdir()):
            if f.suffix == ".csv" and f.name != "reports.csv":
                assert filecmp.cmp(f, out / report.name / f.name, shallow=False), f
        # reports.csv differs only in loaded_at, the time each was written.
        mine, theirs = (_without_loaded_at(d / report.name / "reports.csv") for d in (out, loaded))
        assert mine == theirs and len(mine) == 1


def test_a_path_the_job_cannot_read_is_one_line_not_an_empty_load(spark, tmp_path):
    from juesuan.warehouse.spark_load import load_on_spark

    with pytest.raises(SparkPathError, match="no such file or folder"):
        load_on_spark(spark, [Path("no/such/reports")], tmp_path / "parsed")
    (tmp_path / "empty").mkdir()
    with pytest.raises(SparkPathError, match="no report files under"):
        load_on_spark(spark, [tmp_path / "empty"], tmp_path / "parsed")
