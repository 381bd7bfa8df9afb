"""`juesuan build --target spark`: the dbt project built on Apache Spark, with every path made
absolute (or kept as a URI) before Spark sees it.

Spark reads a relative path against a database's location, and an executor against its own work
folder, so a relative `JUESUAN_PARSED_DIR` gave `[PATH_NOT_FOUND] …/parsed.db/seeds/parsed` and
relative report paths loaded nothing on a cluster. The settings (profiles.yml, target `spark`):
JUESUAN_SPARK_MASTER, JUESUAN_SPARK_WAREHOUSE (the tables: a URI every executor writes to),
JUESUAN_SPARK_METASTORE_URI (a Hive metastore; unset, an embedded Derby under JUESUAN_SPARK_DIR),
JUESUAN_SPARK_EXECUTOR_CORES / _MEMORY, JUESUAN_SPARK_DRIVER_MEMORY.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from juesuan.warehouse.dbt import dbt_target, run_dbt
from juesuan.warehouse.quarantine import FAILED

# `hdfs://…`, `s3a://…`, `file:/…`, `dbfs:/…`: a location Spark resolves itself.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")


class SparkPathError(ValueError):
    """A path Spark cannot be given as it is; the message is the one line a user sees."""


def is_uri(location: str) -> bool:
    return bool(_URI.match(location)) and not re.match(r"^[A-Za-z]:[\\/]", location)  # not `C:\…`


def absolute_location(location: str | Path) -> str:
    """A URI as it is; a path made absolute against the working folder, as DuckDB reads it."""
    text = str(location)
    return text if is_uri(text) else str(Path(text).expanduser().absolute())


def spark_env(root: Path, parsed: Path) -> dict[str, str]:
    """The environment the Spark target reads, every path in it absolute or a URI. The Derby
    metastore's folder (JUESUAN_SPARK_DIR) is a folder of this machine, never a URI: the tables'
    location is JUESUAN_SPARK_WAREHOUSE, a shared metastore JUESUAN_SPARK_METASTORE_URI."""
    spark_dir = os.environ.get("JUESUAN_SPARK_DIR") or str(root / "warehouse" / "spark")
    if is_uri(spark_dir):
        raise SparkPathError(
            f"JUESUAN_SPARK_DIR {spark_dir!r} is a URI, but it holds the embedded Derby metastore, a folder of this "
            "machine: set JUESUAN_SPARK_WAREHOUSE to the tables' URI and JUESUAN_SPARK_METASTORE_URI to a shared metastore")
    env = {"JUESUAN_PARSED_DIR": absolute_location(parsed), "JUESUAN_SPARK_DIR": absolute_location(spark_dir)}
    warehouse = os.environ.get("JUESUAN_SPARK_WAREHOUSE")
    if warehouse:
        env["JUESUAN_SPARK_WAREHOUSE"] = absolute_location(warehouse)
    return env


@dataclass
class SparkBuild:
    code: int  # dbt's exit code
    results: list[dict]  # dbt's run_results

    def count(self, status: str) -> int:
        return sum(r.get("status") == status for r in self.results)

    @property
    def discrepancies(self) -> bool:
        """An identity test warned: some report's arithmetic does not hold (audit.findings)."""
        return any(r.get("status") == "warn" and ".identity_holds_" in r.get("unique_id", "") for r in self.results)

    def failed(self) -> list[str]:
        return [f"{r.get('unique_id')}: {r.get('status')} ({(r.get('message') or '').strip()[:300]})"
                for r in self.results if r.get("status") in FAILED]


def build_on_spark(root: Path, parsed: Path) -> SparkBuild:
    """dbt build --target spark of the project at `root` over the parsed folder `parsed`."""
    if not is_uri(str(parsed)) and not Path(parsed).is_dir():
        raise SparkPathError(f"{parsed}: no parsed reports here (run `juesuan load` first)")
    target = dbt_target(root) / "spark"
    target.mkdir(parents=True, exist_ok=True)
    (target / "run_results.json").unlink(missing_ok=True)
    code = run_dbt(["build", "--target", "spark"], root, spark_env(root, parsed), target)
    try:
        results = json.loads((target / "run_results.json").read_text(encoding="utf-8")).get("results", [])
    except (OSError, ValueError):
        results = []
    return SparkBuild(code, results)
