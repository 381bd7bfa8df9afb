"""Incremental builds: add and remove reports without rebuilding the others.

Every row of the warehouse belongs to one report (a `report_id`, or a `project_id` of one of its
projects), except the subject dimensions, which span all reports. A report's rows depend on its
own parsed files and on the reports of its department a year earlier (the prior-year comparison)
and of the same year (a final report against its budget, `xd_`). So adding or removing reports
only changes:

- the rows of the new reports, and of the loaded reports whose previous year or own year is a
  year touched (a department's 2025 report gets a prior-year report when its 2024 report arrives,
  its 2025 final accounts a budget to compare with when its 2025 budget does);
- the subject dimensions.

An incremental build therefore runs every model and test of the project, as dbt compiled them
(`compiled`), on just those reports (and the reports they compare with) in a scratch
warehouse; copies the current warehouse; replaces the rows of the changed reports in the copy;
refills the dimensions there (with their tests); and swaps the copy in. It is used only when the models are the ones the
warehouse was built with (a hash of the dbt project is stored in the warehouse); any change
to models, macros, reference seeds or tests means a full build.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.warehouse.sql import BUILD_INFO, BUILT_REPORTS_SQL, MERGED_SCHEMAS, PROJECTS_TABLE

# What the models are made of: a change to any of it changes what a full build would give.
CODE_PATHS = ("models", "macros", "seeds/reference", "tests/dbt", "dbt_project.yml", "profiles.yml")
# Past this share of the warehouse, a full build is as quick and simpler.
MAX_CHANGED_SHARE = 0.25
# Below this many reports a full build (dbt itself) is made instead. None since the incremental
# build runs the compiled plan (`compiled`): adding 1 report to 10 took 3.4 s, a full build 19 s;
# 10 to 10,000 took 15.6 s (46 s with two dbt runs). JUESUAN_INCREMENTAL_FROM sets another.
INCREMENTAL_FROM = 0


def incremental_from() -> int:
    return int(os.environ.get("JUESUAN_INCREMENTAL_FROM", INCREMENTAL_FROM))


def code_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for name in CODE_PATHS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            digest.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class Plan:
    mode: str  # `full`, `incremental` or `unchanged`
    reason: str
    new: list[str] = field(default_factory=list)  # report ids loaded since the last build
    removed: list[str] = field(default_factory=list)  # report ids in the warehouse, no longer loaded
    rebuilt: list[str] = field(default_factory=list)  # reports whose rows are replaced (new ones included)
    context: list[str] = field(default_factory=list)  # reports the scratch build reads (rebuilt + those they compare with)

    def describe(self) -> str:
        if self.mode != "incremental":
            return f"{self.mode} build: {self.reason}"
        related = len(self.rebuilt) - len(self.new)
        return (f"incremental build: {len(self.new)} new, {len(self.removed)} removed"
                + (f", {related} related reports rebuilt (prior-year and budget links)" if related else ""))


def _department_key(name: str) -> str:
    """A department across documents and years: its name without the scope mark and spaces, as the
    macro department_key (macros/portable.sql) makes dim_report.department_key."""
    return re.sub(r"[（(](汇总|本级)[)）]", "", name).replace(" ", "")


def _parsed_department_year(parsed: Path, report_id: str) -> tuple[str, int, str | None]:
    with (parsed / report_id / "reports.csv").open(encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    return _department_key(row["department_name"]), int(row["fiscal_year"]), row.get("document_kind") or "final"


def _by_year(keys) -> dict[tuple[str, int], list[str | None]]:
    """(department, year) → the kinds of the reports `keys` (department, year, kind) hold there:
    looked up per report, so that planning stays linear in the warehouse's size."""
    out: dict[tuple[str, int], list[str | None]] = {}
    for dept, year, kind in keys:
        out.setdefault((dept, year), []).append(kind)
    return out


def _other_document(kind: str | None, other: str | None) -> bool:
    """Whether two reports of a department and year are its two documents (final accounts and
    budget). A report left out of the last build records no kind and no rows: it compares with
    nothing until a full build tries it again."""
    return kind is not None and other is not None and kind != other


def plan_build(root: Path, db: Path, parsed: Path, present: list[str], force_full: bool = False) -> Plan:
    """What a build has to do: everything, nothing, or the reports that changed."""
    import duckdb

    if force_full:
        return Plan("full", "asked for (--full)")
    if not db.exists():
        return Plan("full", "no warehouse yet")
    con = duckdb.connect(str(db), read_only=True)
    try:
        try:
            (built_hash,) = con.execute(f"select code_hash from {BUILD_INFO}").fetchone()
        except duckdb.Error:
            return Plan("full", "the warehouse does not record the models it was built with")
        if built_hash != code_hash(root):
            return Plan("full", "models, macros, reference seeds or dbt tests changed since the last build")
        try:
            loaded = {rid: (_department_key(dept), year, kind)
                      for rid, dept, year, kind in con.execute(BUILT_REPORTS_SQL).fetchall()}
        except duckdb.Error:
            return Plan("full", "the warehouse was built by an older juesuan (no audit.build_quarantine)")
    finally:
        con.close()
    present_set = set(present)
    new = sorted(present_set - loaded.keys())
    removed = sorted(loaded.keys() - present_set)
    if not new and not removed:
        return Plan("unchanged", "no report added or removed since the last build")
    if len(new) + len(removed) > MAX_CHANGED_SHARE * max(len(loaded), 1):
        return Plan("full", f"{len(new)} new and {len(removed)} removed reports: over a quarter of the warehouse")
    if len(present) < incremental_from():
        return Plan("full", f"{len(new)} new and {len(removed)} removed reports; {len(present)} reports is under "
                            f"JUESUAN_INCREMENTAL_FROM ({incremental_from()})")

    where = {rid: loaded[rid] for rid in loaded if rid in present_set}
    where.update({rid: _parsed_department_year(parsed, rid) for rid in new})
    touched = _by_year([where[rid] for rid in new] + [loaded[rid] for rid in removed])
    # A report reads its department's report of the year before and its other document of the same
    # year (final accounts beside the budget): the reports that read a touched one get other reports
    # to compare with, and the scratch build reads what each rebuilt report reads.
    rebuilt = sorted(set(new) | {rid for rid, (dept, year, kind) in where.items() if year is not None and (
        (dept, year - 1) in touched or any(_other_document(kind, k) for k in touched.get((dept, year), ())))})
    read = _by_year(where[rid] for rid in rebuilt)
    context = sorted(set(rebuilt) | {rid for rid, (dept, year, kind) in where.items() if year is not None and (
        (dept, year + 1) in read or any(_other_document(k, kind) for k in read.get((dept, year), ())))})
    return Plan("incremental", f"{len(new)} new, {len(removed)} removed", new, removed, rebuilt, context)


def write_build_info(db: Path, root: Path, mode: str) -> None:
    import duckdb

    con = duckdb.connect(str(db))
    try:
        con.execute(f"create or replace table {BUILD_INFO} as select ? as code_hash, ? as mode, now() as built_at",
                    [code_hash(root), mode])
        con.execute("checkpoint")
    finally:
        con.close()


def merge_reports(target: Path, scratch: Path | None, replace: list[str], remove: list[str]) -> dict[str, int]:
    """In `target`, replace the rows of reports `replace` by those built in `scratch`, and drop the
    rows of reports `remove` (with nothing to replace, `scratch` is None). Returns rows inserted
    per table."""
    import duckdb

    gone = sorted(set(replace) | set(remove))
    con = duckdb.connect(str(target))
    inserted: dict[str, int] = {}
    try:
        catalog = con.execute("select current_database()").fetchone()[0]
        if scratch is not None:
            con.execute(f"attach '{scratch}' as scratch (read_only)")
        tables = con.execute(
            """select t.table_schema, t.table_name,
                      bool_or(c.column_name = 'report_id'), bool_or(c.column_name = 'project_id')
               from information_schema.tables t
               join information_schema.columns c using (table_catalog, table_schema, table_name)
               where t.table_catalog = ? and t.table_type = 'BASE TABLE'
                 and list_contains(?::varchar[], t.table_schema)
               group by all order by 1, 2""",
            [catalog, list(MERGED_SCHEMAS)],
        ).fetchall()
        con.execute("create temp table gone as select unnest(?::varchar[]) as report_id", [gone])
        # Projects are keyed by project_id only in some tables: map them through the project list
        # before that list itself is replaced.
        con.execute(f"""create temp table gone_projects as
                        select project_id from {PROJECTS_TABLE} where report_id in (select report_id from gone)""")
        con.execute("begin")
        for schema, name, has_report, has_project in tables:
            if not (has_report or has_project):
                continue  # reference tables and the global dimensions: identical, or rebuilt after
            key, gone_set = ("report_id", "gone") if has_report else ("project_id", "gone_projects")
            con.execute(f'delete from "{schema}"."{name}" where {key} in (select {key} from {gone_set})')
            if scratch is not None and replace:
                # The scratch build holds the replaced reports and, as context, their prior years:
                # only the replaced ones are taken.
                kept = ("report_id in (select unnest(?::varchar[]))" if has_report else
                        f"project_id in (select project_id from scratch.{PROJECTS_TABLE} "
                        "where report_id in (select unnest(?::varchar[])))")
                (n,) = con.execute(
                    f'insert into "{schema}"."{name}" by name select * from scratch."{schema}"."{name}" where {kept}',
                    [sorted(replace)],
                ).fetchone()
                inserted[f"{schema}.{name}"] = n
        con.execute("commit")
        if scratch is not None:
            con.execute("detach scratch")
        con.execute("checkpoint")
    finally:
        con.close()
    return inserted
