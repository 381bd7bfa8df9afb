"""Quarantine at build time: the reports whose rows break a model or a structural test are left
out, and the others are built, tested and swapped in.

A build that fails is explained report by report, in two steps, each given the failed results:

1. `from_failing_rows`: a failed test's rows name their reports (a `report_id` column, or a
   `project_id`, which begins with its report's id). Those reports are the cause.
2. `isolate`: what no row names (a model that failed, a test whose rows carry no report) is found by
   halving: the compiled plan (`compiled`) is run on half of the reports, then on half of that
   half, until single reports fail alone. A failure that only reports together give (no one report
   fails alone) is explained by none, and the build fails as before.

The build then runs again without the reports found. Each is recorded with the node that failed and
where its rows were printed: `audit.build_quarantine`, a `build_quarantined` row in `audit.findings`
and `last_run.json`. A quarantined report counts as built for the next incremental build (its
content has not changed; nor have the models, or the build would be a full one), so it is not
tried again until `juesuan build --full` or a change of the models.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import duckdb

from juesuan.warehouse.compiled import CompiledProject, connect, create_models, load_seeds, run_tests
from juesuan.errors import BuildError
from juesuan.load.seeds import loaded_reports
from juesuan.warehouse.sql import FINDINGS, QUARANTINE_TABLE

FAILED = ("error", "fail", "runtime error")
# Failing rows read per failed test, and shown per report.
ROWS_READ = 200
ROWS_SHOWN = 5
# Columns of a failing row that say where it was printed.
_LINE_COLUMNS = ("source_line", "title_line", "actual_source", "source_lines", "first_error_line")


@dataclass
class Quarantined:
    report_id: str
    node: str  # the dbt node that failed (unique id)
    reason: str  # its message, first line
    failing_rows: str = ""  # the failing rows of this report, `column=value` each (at most ROWS_SHOWN)
    source_lines: str = ""  # the lines those rows were printed on, where they carry one
    source_file: str = ""
    department_name: str = ""
    fiscal_year: int | None = None

    def line(self) -> str:
        where = f" at lines {self.source_lines}" if self.source_lines else ""
        rows = f" ({self.failing_rows})" if self.failing_rows else ""
        return (f"{self.source_file or self.report_id} ({self.department_name} {self.fiscal_year}): "
                f"{self.node}: {self.reason}{where}{rows}")

    def as_dict(self) -> dict:
        return asdict(self)


def failed(results: list[dict]) -> list[dict]:
    return [r for r in results if r.get("status") in FAILED]


def _report_of(columns: list[str], row: tuple) -> str | None:
    if "report_id" in columns and row[columns.index("report_id")]:
        return str(row[columns.index("report_id")])
    if "project_id" in columns and row[columns.index("project_id")]:
        return str(row[columns.index("project_id")]).rsplit("-p", 1)[0]  # seeds.project_id
    return None


def failing_rows(con: duckdb.DuckDBPyConnection, result: dict) -> tuple[list[str], list[tuple]] | None:
    """The columns and (some of) the failing rows of a failed test, read from the warehouse being
    built; None where the test has no SQL or its SQL no longer runs."""
    sql = result.get("compiled_code")
    if not sql or not str(result.get("unique_id", "")).startswith("test."):
        return None
    try:
        cur = con.execute(f"select * from ({sql}) as failing limit {ROWS_READ}")
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error:
        return None


def from_failing_rows(results: list[dict], con: duckdb.DuckDBPyConnection) -> tuple[dict[str, Quarantined], list[dict]]:
    """({report: why} for the failed tests whose rows name their reports, the failed results they
    do not explain)."""
    found: dict[str, Quarantined] = {}
    unexplained = []
    for result in sorted(failed(results), key=_upstream_first):
        read = failing_rows(con, result)
        by_report: dict[str, list[dict]] = {}
        if read is not None:
            columns, rows = read
            for row in rows:
                rid = _report_of(columns, row)
                if rid is not None:
                    by_report.setdefault(rid, []).append(dict(zip(columns, row)))
        if not by_report:
            unexplained.append(result)
            continue
        for rid, rows in by_report.items():
            if rid not in found:
                found[rid] = Quarantined(rid, result["unique_id"], _first_line(result.get("message")),
                                         _rows_text(rows), _lines_text(rows))
    return found, unexplained


def _upstream_first(result: dict) -> int:
    """A failed test on staging before one on what is built from it: a report is named with the
    first node its rows break, not the marts that inherit the break."""
    uid = str(result.get("unique_id", ""))
    return 0 if "stg_" in uid else 1 if "int_" in uid else 2


def _first_line(message) -> str:
    return ((str(message or "").strip().splitlines() or ["failed"])[0])[:300]


def _rows_text(rows: list[dict]) -> str:
    shown = ["; ".join(f"{k}={v}" for k, v in row.items() if k not in ("report_id",) and v is not None)
             for row in rows[:ROWS_SHOWN]]
    more = f"; … {len(rows) - ROWS_SHOWN} more" if len(rows) > ROWS_SHOWN else ""
    return " | ".join(shown) + more


def _lines_text(rows: list[dict]) -> str:
    lines = []
    for row in rows:
        for column in _LINE_COLUMNS:
            if row.get(column) not in (None, ""):
                lines.append(str(row[column]))
    return ", ".join(dict.fromkeys(lines))


def isolate(candidates: list[str], fails: Callable[[list[str]], str | None]) -> dict[str, str] | None:
    """{report: what failed} for the reports among `candidates` that fail alone, found by halving;
    {} when `candidates` together do not fail; None when they fail but no report alone explains
    it (the failure needs reports together)."""
    why = fails(candidates)
    if why is None:
        return {}

    def search(ids: list[str], why: str) -> dict[str, str] | None:
        if len(ids) == 1:
            return {ids[0]: why}
        found: dict[str, str] = {}
        half = len(ids) // 2
        for part in (ids[:half], ids[half:]):
            part_why = fails(part)
            if part_why is not None:
                sub = search(part, part_why)
                if sub is None:
                    return None
                found.update(sub)
        return found or None  # both halves build alone: only together do they fail

    return search(candidates, why)


def compiled_failure(project: CompiledProject, parsed: Path, work: Path, base: list[str] = (), tests: bool = True):
    """A `fails` for `isolate`: the compiled plan run on copies of some reports' parsed folders (and
    the reports `base`, which are not candidates but read with them), in a scratch DuckDB file
    under `work`; the first failed node and its message, or None. Only the models when not `tests`."""

    def fails(ids: list[str]) -> str | None:
        run = work / f"isolate-{uuid.uuid4().hex[:8]}"
        view = run / "parsed"
        view.mkdir(parents=True)
        try:
            for rid in [*base, *ids]:
                shutil.copytree(parsed / rid, view / rid)
            con = connect(project, run / "scratch.duckdb")
            try:
                load_seeds(con, project)
                try:
                    create_models(con, project.steps, view)
                except BuildError as err:
                    return str(err)
                for result in run_tests(con, project.tests if tests else []):
                    if result["status"] in FAILED:
                        return f"{result['unique_id']}: {_first_line(result.get('message'))}"
                return None
            finally:
                con.close()
        finally:
            shutil.rmtree(run, ignore_errors=True)

    return fails


def node_and_reason(why: str) -> tuple[str, str]:
    """(node, message) of what `compiled_failure` says failed."""
    node, _, reason = why.partition(": ")
    return node.removeprefix("model ").removesuffix(" failed"), _first_line(reason)


def explain(results: list[dict], con: duckdb.DuckDBPyConnection | None, candidates: list[str],
            plan: Callable[[], CompiledProject], parsed: Path, work: Path,
            base: list[str] = ()) -> dict[str, Quarantined]:
    """The reports among `candidates` that explain the failed `results` ({} when none does, and
    the build must fail). `con` is the warehouse the failed build left (None if it left none);
    `plan` gives the compiled plan, made only if rows alone do not explain the failure."""
    found, unexplained = from_failing_rows(results, con) if con is not None else ({}, failed(results))
    wanted = set(candidates)
    found = {rid: q for rid, q in found.items() if rid in wanted}
    if unexplained or not found:
        rest = [rid for rid in candidates if rid not in found]
        alone = isolate(rest, compiled_failure(plan(), parsed, work, base)) if rest else {}
        if alone is None:
            return {}
        for rid, why in alone.items():
            found[rid] = Quarantined(rid, *node_and_reason(why))
    return _with_names(found, parsed)


def _with_names(found: dict[str, Quarantined], parsed: Path) -> dict[str, Quarantined]:
    if not found:
        return found
    for r in loaded_reports(parsed):
        q = found.get(r.report_id)
        if q is not None:
            q.source_file = Path(r.source_path).name
            q.department_name = r.department_name
            q.fiscal_year = int(r.fiscal_year) if str(r.fiscal_year).isdigit() else None
    return found


def record(db_con: duckdb.DuckDBPyConnection, quarantined: list[Quarantined]) -> None:
    """A row per report left out in `audit.build_quarantine` (a dbt model, made empty by the
    build) and a `build_quarantined` row per report in `audit.findings`."""
    for q in quarantined:
        db_con.execute(f"insert into {QUARANTINE_TABLE} values (?, ?, ?, ?, ?, ?, ?, ?, now())",
                       [q.report_id, q.source_file, q.department_name, q.fiscal_year, q.node, q.reason,
                        q.failing_rows, q.source_lines])
        db_con.execute(
            f"insert into {FINDINGS} by name select ? as report_id, ? as department_name, ? as fiscal_year, "
            "'build_quarantined' as check_id, ? as description, ? as rule, ? as object, 'quarantined' as severity, "
            "nullif(?, '') as actual_source, nullif(?, '') as source_lines",
            [q.report_id, q.department_name, q.fiscal_year,
             "The report was left out of the warehouse: a model or structural test failed on its rows.",
             q.reason, q.node, q.source_lines.split(", ")[0], q.source_lines])
