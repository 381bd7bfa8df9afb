"""Exports for BI tools and other engines.

`export_tables` writes every mart and audit table (parquet, csv or xlsx) with a manifest of rows,
column types and the descriptions from the dbt YAML. `export_dialect` writes the models' SQL
transpiled by sqlglot for another engine, reading the parsed CSVs as tables of a `parsed` schema.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import sqlglot
import yaml
from sqlglot import exp
from sqlglot.errors import ErrorLevel, UnsupportedError

from juesuan import writers
from juesuan.cli.outputs import MARKER, OutputRefused, Protected, folder_target, remove_stale, work_folder, write_marker
from juesuan.cli.query import connect_read_only
from juesuan.warehouse.sql import PUBLIC_SCHEMAS

EXPORT_SCHEMAS = PUBLIC_SCHEMAS
FORMATS = ("parquet", "csv", "xlsx")
# The engines every compiled model transpiles to (tests/test_analyst.py checks each). BigQuery is
# not offered: sqlglot cannot write ordered GROUP_CONCATs for it (14 of 49 models).
# Engines the models are transpiled for, as a starting point: none of these runs them in the test
# suite. Spark runs the dbt project itself, tests included (README, "Running on Spark").
DIALECTS = ("postgres", "trino", "snowflake", "duckdb")


_DOC_BLOCK = re.compile(r"{%-?\s*docs\s+(\w+)\s*-?%}(.*?){%-?\s*enddocs\s*-?%}", re.S)
_DOC_CALL = re.compile(r"""{{\s*doc\(\s*['"](\w+)['"]\s*\)\s*}}""")


def doc_blocks(root: Path) -> dict[str, str]:
    """The project's `{% docs name %}` blocks (models/*.md), by name."""
    return {m.group(1): m.group(2).strip() for path in sorted((root / "models").rglob("*.md"))
            for m in _DOC_BLOCK.finditer(path.read_text(encoding="utf-8"))}


def model_docs(root: Path) -> dict[str, dict]:
    """{model name: {'description': …, 'columns': {name: description}}} from the dbt YAML files,
    with `{{ doc('…') }}` replaced by its block's text as dbt renders it."""
    blocks = doc_blocks(root)

    def rendered(text) -> str:
        return _DOC_CALL.sub(lambda m: blocks.get(m.group(1), m.group(0)), (text or "").strip())

    docs: dict[str, dict] = {}
    for path in sorted((root / "models").rglob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for model in content.get("models", []) or []:
            docs[model["name"]] = {
                "description": rendered(model.get("description")),
                "columns": {c["name"]: rendered(c.get("description")) for c in model.get("columns", []) or []},
            }
    return docs


def _quoted(schema: str, name: str) -> str:
    return ".".join('"' + part.replace('"', '""') + '"' for part in (schema, name))


def export_tables(db: Path, root: Path, out_dir: Path, fmt: str, protected: Protected | None = None,
                  raw: bool = False) -> dict:
    """Every table of EXPORT_SCHEMAS to `out_dir`, read through the same walled connection as
    `juesuan query` and written from Arrow data: the folder's name is never part of any SQL.
    `out_dir` must be new, empty or an export folder of juesuan's (`outputs.folder_target`); files
    of its own there are replaced, nothing else is touched. CSV text cells are guarded against
    spreadsheet formulas unless `raw`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    out_dir, before = folder_target(out_dir, "export", protected)
    docs = model_docs(root)
    con = connect_read_only(db)  # FileNotFoundError names the missing warehouse
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale(out_dir)
    staging = work_folder(out_dir, "export")
    tables = []
    try:
        relations = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in (select unnest(?::varchar[])) order by 1, 2", [list(EXPORT_SCHEMAS)]
        ).fetchall()
        for schema, name in relations:
            columns = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position", [schema, name]
            ).fetchall()
            doc = docs.get(name, {"description": "", "columns": {}})
            file = f"{schema}.{name}.{fmt}"
            target = staging / file
            reader = con.sql(f"select * from {_quoted(schema, name)}").to_arrow_reader(100_000)
            if fmt == "parquet":
                rows = writers.write_parquet(target, reader, doc["description"], doc["columns"])
            elif fmt == "csv":
                rows = writers.write_csv(target, [c for c, _ in columns], writers.batch_rows(reader), raw)
            else:
                rows = writers.write_xlsx(target, [c for c, _ in columns], writers.batch_rows(reader), name)
            tables.append({
                "schema": schema, "table": name, "file": file, "rows": rows, "description": doc["description"],
                "columns": [{"name": c, "type": t, "description": doc["columns"].get(c, "")} for c, t in columns],
            })
        manifest = {
            "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "warehouse": str(db), "format": fmt, "tables": tables,
        }
        writers.write_text(staging / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        names = [item.name for item in staging.iterdir() if item.name != MARKER]
        taken = [n for n in names if n not in before and os.path.lexists(out_dir / n)]
        if taken:  # made after folder_target looked: still not ours to replace
            raise OutputRefused(f"{out_dir / taken[0]}: exists and juesuan did not write it; give another folder")
        write_marker(out_dir, "export", before + names)
        for name in names:  # swap each file in only once all were written
            os.replace(staging / name, out_dir / name)
    finally:
        con.close()
        shutil.rmtree(staging, ignore_errors=True)
    return manifest


# ---- other engines ----------------------------------------------------------------------------

def compiled_models(target: Path) -> dict[str, tuple[str, str, list[str]]]:
    """{model: (schema, compiled SQL, upstream models)} from dbt's manifest after `dbt compile`."""
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    out = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        sql = node.get("compiled_code")
        if sql is None:
            path = target / "compiled" / node["package_name"] / node["original_file_path"]
            sql = path.read_text(encoding="utf-8")
        upstream = [d.split(".")[-1] for d in node["depends_on"]["nodes"] if d.startswith("model.")]
        out[node["name"]] = (node["schema"], sql, upstream)
    return out


def portable(sql: str) -> exp.Expression:
    """The compiled model as an AST an engine other than DuckDB can run: sources read as tables
    of a `parsed` schema (load the CSVs of seeds/parsed/ there), no DuckDB catalog name."""
    tree = sqlglot.parse_one(sql, read="duckdb")
    for node in list(tree.find_all(exp.ReadCSV, exp.Anonymous)):
        if isinstance(node, exp.ReadCSV) or node.name.lower() in ("read_csv", "read_csv_auto"):
            location = node.this.name if isinstance(node, exp.ReadCSV) else node.expressions[0].name
            table = Path(location).name.removesuffix(".csv")  # the file is named after its source
            parent = node.parent if isinstance(node.parent, exp.Table) else node
            parent.replace(exp.table_(table, db="parsed"))
    for table in tree.find_all(exp.Table):
        table.set("catalog", None)
    return tree


# DuckDB constructs that sqlglot writes out unchanged for engines that lack them (checked on
# sqlglot 30.30): their presence in the output means the SQL would not run there.
_DUCKDB_ONLY = {
    "GROUP BY ALL": re.compile(r"GROUP\s+BY\s+ALL\b", re.I),
    "REGEXP_FULL_MATCH": re.compile(r"\bREGEXP_FULL_MATCH\s*\(", re.I),
    "LIST_* functions": re.compile(r"\bLIST_[A-Z_]+\s*\(", re.I),
    "STRING_SPLIT": re.compile(r"\bSTRING_SPLIT\s*\(", re.I),
    "READ_CSV": re.compile(r"\bREAD_CSV", re.I),
}
_NOT_IN = {"postgres": {
    "SPLIT (use string_to_array)": re.compile(r"(?<![_A-Z])SPLIT\s*\(", re.I),
    "ARG_MAX/ARG_MIN (use a window)": re.compile(r"\bARG_M(AX|IN)\s*\(", re.I),
}}


class NotPortable(Exception):
    """A model uses a construct the target engine does not have."""


def transpile_model(sql: str, dialect: str, name: str = "model") -> str:
    """The model in `dialect`; NotPortable where a construct would not survive the trip."""
    try:
        out = portable(sql).sql(dialect=dialect, pretty=True, unsupported_level=ErrorLevel.RAISE)
    except UnsupportedError as err:
        raise NotPortable(f"{name}: {err}") from None
    if dialect != "duckdb":
        found = [label for label, pattern in {**_DUCKDB_ONLY, **_NOT_IN.get(dialect, {})}.items() if pattern.search(out)]
        if found:
            raise NotPortable(f"{name}: {', '.join(found)} has no {dialect} equivalent; rewrite it (see macros/portable.sql)")
    return out


def _in_dependency_order(models: dict) -> list[str]:
    done: list[str] = []

    def visit(name):
        if name in done or name not in models:
            return
        for up in models[name][2]:
            visit(up)
        done.append(name)

    for name in sorted(models):
        visit(name)
    return done


def export_dialect(target: Path, out_dir: Path, dialect: str, protected: Protected | None = None) -> list[Path]:
    """The compiled models as `dialect` SQL files in `out_dir/<dialect>/` (both folders new, empty or
    juesuan's own, as for `export_tables`)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}: use {', '.join(DIALECTS)}")
    out_dir, before = folder_target(out_dir, "export", protected)
    folder, _ = folder_target(out_dir / dialect, "sql", protected)
    models = compiled_models(target)
    # Every model transpiled before any file is written: a model that does not port leaves no
    # partial set behind.
    bodies = [(n, name, *models[name][:1], transpile_model(models[name][1], dialect, f"{models[name][0]}.{name}"))
              for n, name in enumerate(_in_dependency_order(models), start=1)]
    folder.mkdir(parents=True, exist_ok=True)
    write_marker(out_dir, "export", before + [dialect])
    written = []
    for n, name, schema, body in bodies:
        path = folder / f"{n:03d}_{schema}.{name}.sql"
        writers.write_text(
            path,
            f"-- {schema}.{name}, transpiled from DuckDB to {dialect} by sqlglot.\n"
            f"-- Run the files in order; tables of schema `parsed` are the CSVs of seeds/parsed/.\n"
            f"create or replace view {schema}.{name} as\n{body};\n",
        )
        written.append(path)
    write_marker(folder, "sql", [p.name for p in written])
    return written
