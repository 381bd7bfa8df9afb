"""`juesuan check FILE...`: the findings of reports without a warehouse.

The SQL is dbt's, never ours: once per version of the models (their code hash), dbt seeds the
reference lists into a small cache database and compiles the project, and the compiled models
are kept, in dependency order, beside it. A check parses its files into a temporary folder,
copies the reference tables into an in-memory DuckDB and runs the compiled models there, so the
findings are those a `juesuan build` of the same files gives (tests/test_check.py compares them)
at the cost of the parse and a second or so of SQL, instead of ~200 dbt nodes.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from .errors import BuildError
from .incremental import code_hash
from .load import LoadOutcome, load_paths
from .warehouse import dbt_target, run_dbt
from .warehouse_sql import CHECK_FINDINGS_SQL, INCOMPLETE_SQL, SUMMARY_SQL

# Compiled with this as the parsed folder; a check puts its own in its place.
_PARSED_PLACEHOLDER = "/__juesuan_parsed_dir__"


@dataclass(frozen=True)
class Step:
    """One compiled model: created as a table or a view from its SQL."""

    database: str
    schema: str
    name: str
    materialized: str
    sql: str

    @property
    def relation(self) -> str:
        return f'"{self.database}"."{self.schema}"."{self.name}"'


@dataclass(frozen=True)
class CompiledProject:
    folder: Path  # holds plan.json and seeds.duckdb
    database: str
    steps: list[Step]
    seed_tables: list[tuple[str, str]]  # (schema, table) of the reference seeds


def compiled_project(root: Path, target: Path | None = None) -> CompiledProject:
    """The project compiled for checks, from the cache or made now (~30 s, once per code hash)."""
    cache = (target or dbt_target(root)) / "check" / code_hash(root)[:16]
    plan = cache / "plan.json"
    if not plan.exists():
        _compile(root, cache)
    spec = json.loads(plan.read_text(encoding="utf-8"))
    return CompiledProject(cache, spec["database"], [Step(**s) for s in spec["steps"]],
                           [tuple(t) for t in spec["seed_tables"]])


def _compile(root: Path, cache: Path) -> None:
    work = cache.with_name(f".{cache.name}-{uuid.uuid4().hex[:8]}")
    work.mkdir(parents=True)
    try:
        env = {"JUESUAN_DB": str(work / "seeds.duckdb"), "JUESUAN_PARSED_DIR": _PARSED_PLACEHOLDER}
        dbt = work / "target"
        for args in (["seed"], ["compile", "--select", "resource_type:model"]):
            if run_dbt(args, root, env, dbt) != 0:
                raise BuildError(f"dbt {args[0]} failed while preparing checks; see {dbt / 'dbt.log'}")
        manifest = json.loads((dbt / "manifest.json").read_text(encoding="utf-8"))
        nodes = manifest["nodes"]
        models = {uid: n for uid, n in nodes.items() if n["resource_type"] == "model"}
        seeds = [(n["schema"], n["alias"] or n["name"]) for n in nodes.values() if n["resource_type"] == "seed"]
        steps = [Step(n["database"], n["schema"], n["alias"] or n["name"], n["config"]["materialized"],
                      n["compiled_code"]) for n in _in_order(models)]
        database = steps[0].database
        (work / "plan.json").write_text(json.dumps(
            {"database": database, "steps": [asdict(s) for s in steps], "seed_tables": seeds},
            ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(dbt, ignore_errors=True)
        try:
            work.rename(cache)
        except OSError:  # another check made it meanwhile: theirs is as good
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _in_order(models: dict[str, dict]) -> list[dict]:
    """Models after the models they read (dbt's DAG, depth first)."""
    done: set[str] = set()
    out: list[dict] = []

    def visit(uid: str) -> None:
        if uid in done:
            return
        done.add(uid)
        for dep in models[uid]["depends_on"]["nodes"]:
            if dep in models:
                visit(dep)
        out.append(models[uid])

    for uid in sorted(models):
        visit(uid)
    return out


def run_models(project: CompiledProject, parsed: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse of the reports under `parsed`, built by the compiled models."""
    con = duckdb.connect()
    con.execute(f"attach ':memory:' as \"{project.database}\"")
    con.execute(f"attach '{project.folder / 'seeds.duckdb'}' as juesuan_check_seeds (read_only)")
    con.execute(f'use "{project.database}"')
    schemas = {s.schema for s in project.steps} | {schema for schema, _ in project.seed_tables}
    for schema in sorted(schemas):
        con.execute(f'create schema if not exists "{schema}"')
    for schema, table in project.seed_tables:
        con.execute(f'create table "{schema}"."{table}" as select * from juesuan_check_seeds."{schema}"."{table}"')
    con.execute("detach juesuan_check_seeds")
    folder = str(parsed.absolute())
    for step in project.steps:
        kind = "view" if step.materialized == "view" else "table"
        con.execute(f"create {kind} {step.relation} as {step.sql.replace(_PARSED_PLACEHOLDER, folder)}")
    return con


@dataclass
class CheckResult:
    outcome: LoadOutcome
    findings: list[tuple]  # CHECK_FINDINGS_SQL's columns
    summary: list[tuple]  # SUMMARY_SQL's columns
    incomplete: list[tuple]  # INCOMPLETE_SQL's columns


def check_files(paths: list[Path], root: Path, file_timeout: float | None = None, progress=None) -> CheckResult:
    """Parse `paths` as `juesuan load` does (into a temporary folder) and run every model on them."""
    project = compiled_project(root)
    with tempfile.TemporaryDirectory(prefix="juesuan-check-") as tmp:
        parsed = Path(tmp) / "parsed"
        outcome = load_paths(paths, parsed, file_timeout=file_timeout, progress=progress)
        if not outcome.loaded:
            return CheckResult(outcome, [], [], [])
        con = run_models(project, parsed)
        try:
            return CheckResult(outcome, con.execute(CHECK_FINDINGS_SQL).fetchall(),
                               con.execute(SUMMARY_SQL).fetchall(), con.execute(INCOMPLETE_SQL).fetchall())
        finally:
            con.close()
