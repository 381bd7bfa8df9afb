"""The paths juesuan gives Spark, without starting Spark: each is absolute or a URI before Spark
sees it (Spark read a relative JUESUAN_PARSED_DIR against the `parsed` database's location, and
the README's Spark command failed with PATH_NOT_FOUND), and a setting Spark cannot take is one
line and exit 2. The builds themselves are tests/test_spark.py's (marker `spark`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from juesuan.cli.main import EXIT_NOTHING, main
from juesuan.warehouse.spark_build import SparkPathError, absolute_location, spark_env

from tests.conftest import ROOT

DBT = Path(sys.executable).parent / "dbt"


def _spark_folder(tmp_path: Path, parsed: str) -> str:
    """What the Spark target's `create_parsed_sources` reads, from the README's command's folder."""
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False", "JUESUAN_PARSED_DIR": parsed,
           "JUESUAN_DB": str(tmp_path / "w.duckdb"), "DBT_PROFILES_DIR": "."}
    proc = subprocess.run([str(DBT), "compile", "--quiet", "--inline", "{{ spark_parsed_folder() }}",
                           "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return proc.stdout.strip().splitlines()[-1].strip()


def test_the_spark_target_reads_the_parsed_folder_from_the_project_not_its_database(tmp_path):
    # Relative (the default `seeds/parsed` of `juesuan load`): the project folder's.
    assert _spark_folder(tmp_path, "seeds/parsed") == f"{ROOT}/seeds/parsed"
    # Absolute paths and URIs as they are.
    assert _spark_folder(tmp_path, "/data/parsed") == "/data/parsed"
    assert _spark_folder(tmp_path, "s3a://bucket/parsed") == "s3a://bucket/parsed"


def test_every_path_is_absolute_or_a_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("JUESUAN_SPARK_DIR", "JUESUAN_SPARK_WAREHOUSE"):
        monkeypatch.delenv(name, raising=False)
    assert absolute_location("parsed") == str(tmp_path / "parsed")
    assert absolute_location("hdfs://nn:8020/juesuan/parsed") == "hdfs://nn:8020/juesuan/parsed"
    monkeypatch.setenv("JUESUAN_SPARK_WAREHOUSE", "s3a://bucket/tables")
    env = spark_env(ROOT, Path("parsed"))
    assert env == {"JUESUAN_PARSED_DIR": str(tmp_path / "parsed"), "JUESUAN_SPARK_DIR": str(ROOT / "warehouse" / "spark"),
                   "JUESUAN_SPARK_WAREHOUSE": "s3a://bucket/tables"}
    # The Derby metastore's folder is a folder of this machine: a URI there is refused, by name.
    monkeypatch.setenv("JUESUAN_SPARK_DIR", "file:///tmp/spark")
    with pytest.raises(SparkPathError, match="JUESUAN_SPARK_WAREHOUSE"):
        spark_env(ROOT, Path("parsed"))


def test_build_on_spark_with_a_setting_spark_cannot_take_is_one_line(tmp_path, monkeypatch, capsys):
    parsed = tmp_path / "parsed"
    parsed.mkdir()
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(parsed))
    monkeypatch.setenv("JUESUAN_SPARK_DIR", "file:///tmp/spark")
    assert main(["build", "--target", "spark"]) == EXIT_NOTHING
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: JUESUAN_SPARK_DIR 'file:///tmp/spark' is a URI")
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(tmp_path / "nothing"))
    monkeypatch.delenv("JUESUAN_SPARK_DIR")
    assert main(["build", "--target", "spark"]) == EXIT_NOTHING
    assert "no parsed reports here (run `juesuan load` first)" in capsys.readouterr().err
