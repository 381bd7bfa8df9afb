"""`juesuan check FILE...`: the findings of reports without a warehouse.

The SQL is dbt's, never ours: the plan of `compiled` (the models as dbt compiled them, kept once
per version of the models). A check parses its files into a temporary folder and runs the
compiled models over them in an in-memory DuckDB, so the findings are those a `juesuan build` of
the same files gives (tests/test_check.py compares them) at the cost of the parse and a second
or so of SQL, instead of ~200 dbt nodes.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.warehouse.compiled import compiled_project, run_models
from juesuan.errors import BuildError
from juesuan.load.batch import LoadOutcome, load_paths
from juesuan.warehouse.quarantine import compiled_failure, isolate, node_and_reason
from juesuan.warehouse.sql import CHECK_FINDINGS_SQL, INCOMPLETE_SQL, SUMMARY_SQL


@dataclass
class CheckResult:
    outcome: LoadOutcome
    findings: list[tuple]  # CHECK_FINDINGS_SQL's columns
    summary: list[tuple]  # SUMMARY_SQL's columns
    incomplete: list[tuple]  # INCOMPLETE_SQL's columns
    left_out: dict[str, tuple[str, str]] = field(default_factory=dict)  # {source file: (model, its error)}


def check_files(paths: list[Path], root: Path, file_timeout: float | None = None, progress=None,
                file_memory: str | None = None) -> CheckResult:
    """Parse `paths` as `juesuan load` does (into a temporary folder) and run every model on them."""
    project = compiled_project(root)
    with tempfile.TemporaryDirectory(prefix="juesuan-check-") as tmp:
        parsed = Path(tmp) / "parsed"
        outcome = load_paths(paths, parsed, file_timeout=file_timeout, progress=progress, file_memory=file_memory)
        if not outcome.loaded:
            return CheckResult(outcome, [], [], [])
        left_out: dict[str, tuple[str, str]] = {}
        try:
            con = run_models(project, parsed)
        except BuildError:
            # A model fails on some report's rows: those reports are left out (found by halving,
            # as a build finds them) and the others checked.
            found = isolate([r.report_id for r in outcome.loaded],
                            compiled_failure(project, parsed, Path(tmp) / "isolate", tests=False))
            if not found:
                raise
            for rid in found:
                shutil.rmtree(parsed / rid)
            left_out = {r.source_file: node_and_reason(found[r.report_id]) for r in outcome.loaded
                        if r.report_id in found}
            con = run_models(project, parsed)
        try:
            return CheckResult(outcome, con.execute(CHECK_FINDINGS_SQL).fetchall(),
                               con.execute(SUMMARY_SQL).fetchall(), con.execute(INCOMPLETE_SQL).fetchall(), left_out)
        finally:
            con.close()
