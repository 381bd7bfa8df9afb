"""Read-only SQL against the warehouse, safe to hand to people who must not change or copy out
anything: the SQL is parsed with sqlglot and anything but one read of the warehouse's own tables
is refused, and DuckDB is opened read-only with external access off, as a second wall.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError

# Statements that only read. Everything else (DDL, DML, ATTACH, COPY, INSTALL, LOAD, PRAGMA,
# SET, CALL, EXPORT, …) is refused by kind.
_READS = (exp.Query, exp.Describe, exp.Show)
_WRITES = (exp.DML, exp.Create, exp.Drop, exp.Alter, exp.Copy, exp.Attach, exp.Detach, exp.Command,
           exp.Pragma, exp.Set, exp.Install, exp.Use, exp.Transaction, exp.Commit, exp.Rollback)
# Table functions that read nothing outside the query itself.
_SAFE_TABLE_FUNCTIONS = {"range", "generate_series", "unnest"}
# Functions that reach outside the warehouse (files, the environment, other databases).
_FORBIDDEN_PREFIXES = ("read_", "parquet_", "sqlite_", "postgres_", "mysql_", "iceberg_", "delta_", "st_read")
_FORBIDDEN_FUNCTIONS = {"glob", "getenv", "sniff_csv", "query", "query_table", "csv_scan", "json_scan", "load_extension"}


class QueryRefused(Exception):
    """The SQL is not a single read of the warehouse."""


def _function_name(node: exp.Expression) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.name).lower()
    return (node.sql_name() if hasattr(node, "sql_name") else type(node).__name__).lower()


def parse_error_message(sql: str, err: ParseError) -> str:
    detail = err.errors[0] if err.errors else {}
    token = detail.get("highlight") or ""
    # sqlglot reports the column where the offending token ends; point at where it starts.
    line, col = detail.get("line", 1), max(detail.get("col", 1) - max(len(token) - 1, 0), 1)
    source = sql.split("\n")[line - 1] if sql else ""
    near = f" near {token!r}" if token else ""
    return (
        f"SQL does not parse at line {line}, column {col}{near}: {detail.get('description', err)}\n"
        f"  {source}\n  {' ' * display_width(source[: col - 1])}{'^' * max(display_width(token), 1)}"
    )


def check_read_only(sql: str, relations: set[tuple[str, str]]) -> exp.Expression:
    """The parsed statement if `sql` is one read of `relations` ((schema, name) pairs); else QueryRefused."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except ParseError as err:
        raise QueryRefused(parse_error_message(sql, err)) from None
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please: this SQL has {len(statements)}")
    stmt = statements[0]
    if not isinstance(stmt, _READS):
        raise QueryRefused(f"only reads are allowed: {type(stmt).__name__.upper()} statements are refused")
    for node in stmt.walk():
        if isinstance(node, _WRITES):
            raise QueryRefused(f"only reads are allowed: the query contains a {type(node).__name__.upper()}")
        if isinstance(node, exp.Func):
            name = _function_name(node)
            if name in _FORBIDDEN_FUNCTIONS or name.startswith(_FORBIDDEN_PREFIXES) or isinstance(node, exp.ReadCSV):
                raise QueryRefused(f"function {name}() reads outside the warehouse and is refused")
    ctes = {cte.alias_or_name.lower() for cte in stmt.find_all(exp.CTE)}
    known = {(s.lower(), n.lower()) for s, n in relations}
    names = {n for _, n in known}
    for table in stmt.find_all(exp.Table):
        if isinstance(table.this, exp.Func):
            name = _function_name(table.this)
            if name not in _SAFE_TABLE_FUNCTIONS:
                raise QueryRefused(f"table function {name}() is refused: query the warehouse's tables")
            continue
        schema, name = table.db.lower(), table.name.lower()
        if not schema and name in ctes:
            continue
        if (schema and (schema, name) not in known) or (not schema and name not in names):
            shown = f"{schema}.{name}" if schema else name
            raise QueryRefused(
                f"{shown!r} is not a table of the warehouse (files and other databases are refused); "
                "see `juesuan query \"select * from information_schema.tables\"`"
            )
    return stmt


def connect_read_only(db: Path):
    import duckdb

    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `juesuan run PATH` or `juesuan build` first")
    return duckdb.connect(
        str(db), read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )


def warehouse_relations(con) -> set[tuple[str, str]]:
    rows = con.execute(
        "select table_schema, table_name from information_schema.tables"
    ).fetchall()
    return {(s, n) for s, n in rows} | {("information_schema", "tables"), ("information_schema", "columns")}


@dataclass
class Result:
    columns: list[str]
    types: list[str]
    rows: list[tuple]


def run_query(db: Path, sql: str) -> Result:
    con = connect_read_only(db)
    try:
        check_read_only(sql, warehouse_relations(con))
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description]
        types = [str(d[1]) for d in cur.description]
        return Result(columns, types, cur.fetchall())
    finally:
        con.close()


# ---- output ---------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value) -> str:
    return "NULL" if value is None else str(value)


def format_table(result: Result) -> str:
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [display_width(c) for c in result.columns]
    for row in cells:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row)]

    def line(values, numeric=None):
        out = []
        for i, (v, w) in enumerate(zip(values, widths)):
            pad = " " * (w - display_width(v))
            out.append(pad + v if numeric and numeric[i] else v + pad)
        return " | ".join(out).rstrip()

    numeric = [t.upper().startswith(("DECIMAL", "INTEGER", "BIGINT", "DOUBLE", "HUGEINT", "SMALLINT", "FLOAT")) for t in result.types]
    parts = [line(result.columns), "-+-".join("-" * w for w in widths)]
    parts += [line(row, numeric) for row in cells]
    parts.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(parts)


def write_result(result: Result, fmt: str, out: Path | None) -> str | None:
    """Text for stdout (table, csv, json), or None when written to `out`."""
    import pandas as pd

    frame = pd.DataFrame.from_records(result.rows, columns=result.columns)
    if fmt == "table":
        text = format_table(result)
    elif fmt == "csv":
        text = frame.to_csv(index=False)
    elif fmt == "json":
        text = frame.to_json(orient="records", force_ascii=False, date_format="iso", default_handler=str)
    elif fmt == "parquet":
        if out is None:
            raise ValueError("--format parquet needs --out FILE")
        _write_parquet(result, out)
        return None
    else:
        raise ValueError(f"unknown format {fmt!r}: use table, csv, json or parquet")
    if out is None:
        return text
    # CSV with a BOM, as the exports: Excel then reads the Chinese text as UTF-8.
    out.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    return None


def _write_parquet(result: Result, out: Path) -> None:
    """Through an in-memory DuckDB with the result's own types: decimals stay decimals."""
    import duckdb

    con = duckdb.connect()
    try:
        cols = ", ".join(f'"{c}" {t}' for c, t in zip(result.columns, result.types))
        con.execute(f"create table result ({cols})")
        if result.rows:
            con.executemany(f"insert into result values ({', '.join('?' for _ in result.columns)})", result.rows)
        con.execute(f"copy result to '{str(out).replace(chr(39), chr(39) * 2)}' (format parquet)")
    finally:
        con.close()
