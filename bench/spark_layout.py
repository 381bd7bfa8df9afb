"""How the parsed files' layout weighs on Spark: N synthetic reports loaded as `juesuan load`
writes them (a folder per report, nine small CSVs each), then compacted into batches of 1,000
reports (`juesuan.load.seeds.compact`); each layout declared as Spark's tables by the project's
own macro (`dbt run-operation create_parsed_sources --target spark`) and scanned whole.

    .venv/bin/python bench/spark_layout.py --reports 2000 --work /tmp/layout

Needs `pip install -e '.[spark]'` and Java 17. Prints the figures; bench/RESULTS.md keeps them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "loaders"))

from juesuan.load.contract import FILES  # noqa: E402
from juesuan.load.corpus import generate  # noqa: E402
from juesuan.load.batch import load_paths  # noqa: E402
from juesuan.load.seeds import compact  # noqa: E402

SAMPLE = ROOT / "samples" / "reports" / "000_76716e9dec051514.txt"


def declare(parsed: Path, spark_dir: Path) -> None:
    env = {**os.environ, "JUESUAN_PARSED_DIR": str(parsed), "JUESUAN_SPARK_DIR": str(spark_dir),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    subprocess.run([str(Path(sys.executable).parent / "dbt"), "run-operation", "create_parsed_sources", "--target", "spark",
                    "--project-dir", str(ROOT), "--profiles-dir", str(ROOT), "--target-path", str(spark_dir / "target"),
                    "--log-path", str(spark_dir / "logs")], env=env, check=True, capture_output=True)


def scan(spark_dir: Path) -> tuple[float, int]:
    """Seconds to read every parsed table whole (a count and a sum of a column each), and rows."""
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").enableHiveSupport()
             .config("spark.sql.warehouse.dir", str(spark_dir / "tables"))
             .config("spark.hadoop.javax.jdo.option.ConnectionURL", f"jdbc:derby:;databaseName={spark_dir}/metastore_db;create=true")
             .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={spark_dir}")
             .config("spark.ui.enabled", "false").getOrCreate())
    started, rows = time.monotonic(), 0
    for f in FILES:
        rows += spark.sql(f"select count(*), sum(length({f.columns[0].name})) from parsed.{f.name}").collect()[0][0]
    seconds = time.monotonic() - started
    spark.stop()
    return seconds, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--work", type=Path, required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    generate(SAMPLE.read_text(encoding="utf-8"), args.reports, 11, args.work / "in")
    load_paths([args.work / "in"], args.work / "parsed")
    started = time.monotonic()
    batches = compact(args.work / "parsed", args.work / "batched")
    compact_s = time.monotonic() - started
    print(f"{args.reports:,} reports; compacted into {batches} batches in {compact_s:.1f} s")
    for layout in ("parsed", "batched"):
        folder = args.work / layout
        files = sum(1 for _ in folder.glob("*/*.csv"))
        declare(folder, args.work / f"spark-{layout}")
        # Twice: the first read also lists the files; the second is what a build's later models see.
        first, rows = scan(args.work / f"spark-{layout}")
        print(f"{layout}: {files:,} CSV files, {rows:,} rows; every table read whole in {first:.1f} s")


if __name__ == "__main__":
    main()
