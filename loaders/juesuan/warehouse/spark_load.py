"""`juesuan load` as a Spark job: a nationwide corpus parsed on a cluster's cores.

The files are grouped by folder (the files of one report are joined within their folder, see
`load.group_parts`), the groups spread over Spark tasks, and each task runs the loader itself
(`load.load_paths`, one worker) on its groups into a folder of its own. The driver then moves
every report folder the tasks wrote into `parsed_dir`, one rename each: the result is the seed
files `juesuan load` writes, file for file. `parsed_dir` and the staging folder under it must be
on storage that the driver and every executor see at the same path (local disk in local mode; an
NFS mount, or a mounted bucket, on a cluster), and the executors' Python must have juesuan
installed, as the driver's has (PYSPARK_PYTHON; on a cluster, the same package in its Python
environment).

    from pyspark.sql import SparkSession
    from juesuan.warehouse.spark_load import load_on_spark
    load_on_spark(SparkSession.builder.getOrCreate(), [Path("/data/reports")], Path("/data/parsed"))
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.load.batch import collect_paths, load_paths
from juesuan.warehouse.spark_build import SparkPathError


@dataclass
class SparkLoadOutcome:
    loaded: list[str] = field(default_factory=list)  # report ids written into parsed_dir
    unchanged: list[str] = field(default_factory=list)  # files whose content a task found loaded already
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why), as `juesuan load` prints it


def _load_groups(task: int, groups: list[list[str]], staging: str) -> list[tuple]:
    """One Spark task: load its folders' files into staging/<task>; what it loaded and refused."""
    out_dir = Path(staging) / f"task-{task:05d}"
    result = []
    for files in groups:
        outcome = load_paths([Path(f) for f in files], out_dir, workers=1)
        result += [("loaded", item.report_id) for item in outcome.loaded]
        result += [("unchanged", f) for f in outcome.unchanged]
        result += [("failed", err.source, str(err)) for err in outcome.failed]
    return result


def load_on_spark(spark, paths: list[Path], parsed_dir: Path, tasks: int | None = None) -> SparkLoadOutcome:
    """Parse the report files under `paths` on Spark's executors into `parsed_dir`. Every path is
    made absolute on the driver first: an executor runs in a work folder of its own, where a
    relative path names nothing. A path that is not there, or files no executor can see, raise
    SparkPathError (one line), never an empty load."""
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise SparkPathError(f"{missing[0]}: no such file or folder")
    files = collect_paths([Path(p).absolute() for p in paths])
    if not files:
        raise SparkPathError(f"no report files under {', '.join(map(str, paths))}")
    parsed_dir = Path(parsed_dir).absolute()
    by_folder: dict[Path, list[str]] = {}
    for f in files:
        by_folder.setdefault(f.parent, []).append(str(f))
    groups = list(by_folder.values())
    parsed_dir.mkdir(parents=True, exist_ok=True)
    staging = parsed_dir / f".spark-{uuid.uuid4().hex[:12]}"  # hidden: the build's glob never reads it
    slices = max(1, min(len(groups), tasks or spark.sparkContext.defaultParallelism))
    rdd = spark.sparkContext.parallelize(groups, slices)
    rows = rdd.mapPartitionsWithIndex(lambda i, part: _load_groups(i, list(part), str(staging))).collect()
    outcome = SparkLoadOutcome()
    try:
        for row in rows:
            if row[0] == "loaded":
                outcome.loaded.append(row[1])
            elif row[0] == "unchanged":
                outcome.unchanged.append(row[1])
            else:
                outcome.failed.append((row[1], row[2]))
        for report in sorted(staging.glob("task-*/*")):
            if report.is_dir() and not report.name.startswith("."):
                target = parsed_dir / report.name
                if target.exists():
                    shutil.rmtree(target)
                report.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if not outcome.loaded and not outcome.unchanged and all(why.endswith("no such file") for _, why in outcome.failed):
        raise SparkPathError(f"the executors see none of the {len(files)} report files (the first: {files[0]}): "
                             "give paths on storage every executor mounts at the same path")
    return outcome
