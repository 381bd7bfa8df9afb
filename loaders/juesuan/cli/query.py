"""Read-only SQL against the warehouse, safe to hand to people who must not change or copy out
anything.

Three walls. The SQL is parsed with sqlglot and anything but one read of the warehouse's own
tables is refused with the reason. DuckDB is opened read-only, with external access off and its
configuration locked, so a statement that slipped past the parser still could not touch a file,
another database or a setting. And no user text ever becomes SQL anywhere else: a result leaves
the guarded connection as Arrow data (`writers`), never as a statement. Limits on time, memory,
temporary disk, SQL size and result rows stop a runaway query with one line naming the limit.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from juesuan.cli import terminal
from juesuan import writers
from juesuan.cli.outputs import remove_stale
from juesuan.processes import size_in_bytes
from juesuan.warehouse.sql import PUBLIC_SCHEMAS

# Statements that only read, by the first word of the SQL (an allowlist: whatever else a
# statement starts with is refused before it is even parsed) and by the parsed kind.
_READ_KEYWORDS = {"SELECT", "WITH", "FROM", "VALUES", "TABLE", "DESCRIBE", "DESC", "SHOW", "SUMMARIZE",
                  "PIVOT", "UNPIVOT", "("}
# Every other word a DuckDB statement may begin with (refused, but not a typo).
_STATEMENT_WORDS = {"INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "COPY", "EXPORT", "IMPORT", "ATTACH",
                    "DETACH", "INSTALL", "LOAD", "FORCE", "PRAGMA", "SET", "RESET", "CALL", "USE", "CHECKPOINT",
                    "VACUUM", "ANALYZE", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "PREPARE", "EXECUTE",
                    "DEALLOCATE", "EXPLAIN", "TRUNCATE", "MERGE", "COMMENT", "UPSERT", "REPLACE", "GRANT", "REVOKE"}
_READS = (exp.Query, exp.Subquery, exp.Values, exp.Pivot, exp.Describe, exp.Show, exp.Summarize)
_WRITES = (exp.DML, exp.Create, exp.Drop, exp.Alter, exp.Copy, exp.Attach, exp.Detach, exp.Command,
           exp.Pragma, exp.Set, exp.Install, exp.Use, exp.Transaction, exp.Commit, exp.Rollback)
# Table functions that read nothing outside the query itself.
_SAFE_TABLE_FUNCTIONS = {"range", "generate_series", "unnest"}
# Functions that reach outside the warehouse (files, the environment, other databases).
_FORBIDDEN_PREFIXES = ("read_", "parquet_", "sqlite_", "postgres_", "mysql_", "iceberg_", "delta_", "st_read")
_FORBIDDEN_FUNCTIONS = {"glob", "getenv", "sniff_csv", "query", "query_table", "csv_scan", "json_scan", "load_extension"}
# Brackets of any kind, `(`, `[` or `{`, nested deeper than this are refused before a parse:
# DuckDB binds nested list and struct values in time that grows with the square of the depth
# (a 990-deep list literal, 2 KB of SQL, took 30 s), where no interrupt reaches it. Real queries
# nest a dozen deep. sqlglot needs a deep stack even so, which the parse thread below gets.
MAX_NESTING = 100
_PARSE_STACK_BYTES = 256 * 1024 * 1024


class QueryRefused(Exception):
    """The SQL is not a single read of the warehouse."""


class WarehouseLocked(Exception):
    """Another program holds the warehouse file open for writing; the message names it."""


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


class QueryStopped(Exception):
    """The query hit one of its limits (time, memory, temporary disk, rows); the message names it."""


@dataclass(frozen=True)
class Limits:
    """What one query may use. Each has a command-line flag of the same name in `juesuan query`."""

    timeout: float = 60.0          # seconds of wall-clock time, parse to last row
    memory_limit: str = "4GB"      # DuckDB's memory_limit
    temp_limit: str = "10GB"       # DuckDB's max_temp_directory_size (spill space, removed after)
    max_sql_chars: int = 100_000   # sqlglot needs ~1.4 s for 100,000 characters
    max_rows: int = 1_000_000      # rows of one result


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


def _tokens(sql: str):
    try:
        return sqlglot.tokenize(sql, read="duckdb")
    except TokenError as err:
        raise QueryRefused(f"SQL does not parse: {str(err).splitlines()[0]}") from None


def _check_shape(sql: str, limits: Limits) -> None:
    """Refusals that need no parse: size, an empty text, the first word, the nesting depth."""
    if len(sql) > limits.max_sql_chars:
        raise QueryRefused(
            f"the SQL has {len(sql):,} characters, over the limit of {limits.max_sql_chars:,} "
            "(raise it with --max-sql-chars N)"
        )
    tokens = _tokens(sql)
    if not tokens:
        raise QueryRefused("no SQL given: write one SELECT (or WITH, DESCRIBE, SHOW, SUMMARIZE, PIVOT, VALUES)")
    first = tokens[0].text.upper()
    if first not in _READ_KEYWORDS and first not in _STATEMENT_WORDS:
        # No statement of DuckDB's begins so: a typo (`selct`), not a write to refuse.
        guess = difflib.get_close_matches(first, sorted(_READ_KEYWORDS - {"("}), n=1)
        raise QueryRefused(f"SQL does not parse at line {tokens[0].line}, column 1 near {tokens[0].text!r}: no "
                           f"statement begins with it" + (f" (did you mean {guess[0]}?)" if guess else ""))
    if first not in _READ_KEYWORDS:
        raise QueryRefused(f"only reads are allowed: {tokens[0].text.upper()} statements are refused")
    depth = deepest = 0
    for token in tokens:
        if token.text in ("(", "[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token.text in (")", "]", "}"):
            depth -= 1
    if deepest > MAX_NESTING:
        raise QueryRefused(f"the SQL nests brackets {deepest:,} deep; at most {MAX_NESTING:,} are read "
                           "(DuckDB's time to bind nested values grows with the square of the depth)")


def _parse(sql: str) -> list[exp.Expression]:
    """sqlglot's parse on a thread with a deep stack: its recursive descent needs one frame set
    per level of nesting, and the main thread's stack ends near 200."""
    out: dict = {}

    def work():
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 60 * MAX_NESTING))
        try:
            out["statements"] = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
        except BaseException as err:  # handed to the caller's thread as it is
            out["error"] = err
        finally:
            sys.setrecursionlimit(limit)

    previous = threading.stack_size(_PARSE_STACK_BYTES)
    try:
        thread = threading.Thread(target=work, name="juesuan-sql-parse")
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
    if "error" in out:
        err = out["error"]
        if isinstance(err, ParseError):
            raise QueryRefused(parse_error_message(sql, err)) from None
        if isinstance(err, (TokenError, RecursionError)):
            raise QueryRefused(f"SQL does not parse: {type(err).__name__}: {str(err).splitlines()[0]}") from None
        raise err
    return out["statements"]


def check_read_only(sql: str, relations: set[tuple[str, str]], limits: Limits = Limits(),
                    catalog: str | None = None) -> exp.Expression:
    """The parsed statement if `sql` is one read of `relations` ((schema, name) pairs) in the
    database `catalog`; else QueryRefused with the reason."""
    _check_shape(sql, limits)
    statements = _parse(sql)
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please: this SQL has {len(statements)}")
    stmt = statements[0]
    if not isinstance(stmt, _READS):
        raise QueryRefused(f"only reads are allowed: {type(stmt).__name__.upper()} statements are refused")
    if isinstance(stmt.this, exp.Literal) and stmt.this.is_string:  # `summarize 'a/file.csv'`
        raise QueryRefused(f"{stmt.this.sql('duckdb')} names a file: only the warehouse's tables can be read")
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
        schema, name, db = table.db.lower(), table.name.lower(), table.catalog.lower()
        if db and db != (catalog or "").lower():
            raise QueryRefused(f"{table.sql('duckdb')!r} names another database: only the warehouse's tables can be read")
        if not schema and name in ctes:
            continue
        if (schema and (schema, name) not in known) or (not schema and name not in names):
            shown = f"{schema}.{name}" if schema else name
            raise QueryRefused(
                f"{shown!r} is not a table of the warehouse (files and other databases are refused); "
                "see `juesuan query \"select * from information_schema.tables\"`"
            )
    return stmt


def connect_read_only(db: Path, limits: Limits = Limits(), temp_dir: Path | None = None):
    """The warehouse, read-only, with no way out: no files, no extensions, no setting changes."""
    import duckdb

    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `juesuan run PATH` or `juesuan build` first")
    config = {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "memory_limit": limits.memory_limit,
        "max_temp_directory_size": limits.temp_limit,
    }
    if temp_dir is not None:
        config["temp_directory"] = str(temp_dir)
    config["lock_configuration"] = True  # last: every setting above is now fixed for this connection
    try:
        con = duckdb.connect(str(db), read_only=True, config=config)
    except (duckdb.ParserException, duckdb.InvalidInputException) as err:  # the settings' values
        raise ValueError(f"a query limit is not valid: {str(err).splitlines()[0]}") from None
    except duckdb.IOException as err:
        holder = _LOCK_HOLDER.search(str(err))
        if "lock" not in str(err).lower():
            raise
        by = f" by {holder.group(1)} (PID {holder.group(2)})" if holder else " by another program"
        raise WarehouseLocked(f"{db}: the warehouse is held open for writing{by}; close that program (or its "
                              "connection) and try again") from None
    # The public schemas first, so `select * from dim_report` reads marts.dim_report. A session
    # setting, the only one left open: it changes where names are looked up, nothing else.
    con.execute(f"set search_path = '{','.join(PUBLIC_SCHEMAS)},main'")
    return con


def warehouse_relations(con) -> set[tuple[str, str]]:
    rows = con.execute("select table_schema, table_name from information_schema.tables").fetchall()
    return {(s, n) for s, n in rows} | {("information_schema", "tables"), ("information_schema", "columns")}


@dataclass
class Result:
    columns: list[str]
    types: list[str]
    table: object = field(repr=False)  # a pyarrow.Table: exact decimals, any column name

    @property
    def rows(self) -> list[tuple]:
        return list(writers.batch_rows(self.table.to_batches()))


def _interrupt(con) -> None:
    try:
        con.interrupt()
    except Exception:  # the query ended (and its connection closed) as the timer fired
        pass


_TEMP_PREFIX = "juesuan-query-"
_TEMP_NAME = re.compile(r"^juesuan-query-(\d+)-[A-Za-z0-9_]{8}$")


def is_out_of_memory(err: BaseException) -> bool:
    """DuckDB's, Arrow's or Python's way of saying an allocation failed."""
    import duckdb

    return isinstance(err, (duckdb.OutOfMemoryException, MemoryError)) or (
        isinstance(err, OSError) and "out of memory" in str(err).lower())


def memory_stop(limits: Limits) -> QueryStopped:
    return QueryStopped(
        f"stopped: the query needs more than its memory limit of {limits.memory_limit} and temporary "
        f"disk of {limits.temp_limit} (raise them with --memory-limit and --temp-limit, e.g. 8GB)"
    )


def _stopped(err: Exception, limits: Limits, started: float) -> QueryStopped | None:
    import duckdb
    import time

    if isinstance(err, duckdb.InterruptException):
        return QueryStopped(
            f"stopped after {time.monotonic() - started:.0f} s: the query ran past the time limit of "
            f"{limits.timeout:g} s (raise it with --timeout SECONDS)"
        )
    if is_out_of_memory(err):
        return memory_stop(limits)
    return None


def run_query(db: Path, sql: str, limits: Limits = Limits(), params: list | None = None) -> Result:
    """One guarded read of the warehouse, within `limits`. `params` are bound to the SQL's `?`
    placeholders, never formatted into it."""
    import time

    import pyarrow as pa

    started = time.monotonic()
    # Spill folders of queries whose process was killed (the name carries its process id).
    remove_stale(Path(tempfile.gettempdir()), _TEMP_NAME, marked=False)
    temp_dir = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}{os.getpid()}-"))
    try:
        con = connect_read_only(db, limits, temp_dir)
    except BaseException:
        shutil.rmtree(temp_dir, ignore_errors=True)
        raise
    timer = threading.Timer(limits.timeout, _interrupt, [con])
    timer.daemon = True
    timer.start()
    # Ctrl-C interrupts the query itself: DuckDB does not look at Python's signal flag while it
    # runs, so without this the key did nothing until the time limit. An interrupt before DuckDB
    # starts executing is lost, so it is repeated until the query ends.
    ctrl_c, finished = threading.Event(), threading.Event()

    def keep_interrupting() -> None:
        while not finished.is_set():
            _interrupt(con)
            finished.wait(0.1)

    def on_sigint(signum, frame):
        if not ctrl_c.is_set():
            ctrl_c.set()
            threading.Thread(target=keep_interrupting, daemon=True).start()

    previous = signal.signal(signal.SIGINT, on_sigint) if threading.current_thread() is threading.main_thread() else None
    try:
        catalog = con.execute("select current_database()").fetchone()[0]
        check_read_only(sql, warehouse_relations(con), limits, catalog)
        if time.monotonic() - started > limits.timeout:
            raise QueryStopped(f"stopped: reading the SQL took longer than the time limit of {limits.timeout:g} s "
                               "(raise it with --timeout SECONDS)")
        if ctrl_c.is_set():
            raise KeyboardInterrupt
        relation = con.sql(sql, params=params) if params else con.sql(sql)
        columns, types = list(relation.columns), [str(t) for t in relation.types]
        batches, rows, held = [], 0, 0
        # The result leaves DuckDB as Arrow buffers, which DuckDB's memory_limit does not count:
        # they are held to the same limit here.
        most = size_in_bytes(limits.memory_limit)
        reader = relation.to_arrow_reader(100_000)
        for batch in reader:
            rows += batch.num_rows
            held += batch.nbytes
            if rows > limits.max_rows:
                raise QueryStopped(
                    f"stopped: the result has more than {limits.max_rows:,} rows (raise it with --max-rows N, "
                    "or aggregate or add a LIMIT)"
                )
            if most is not None and held > most:
                raise MemoryError("the result's Arrow buffers")
            batches.append(batch)
        return Result(columns, types, pa.Table.from_batches(batches, schema=reader.schema))
    except Exception as err:
        if ctrl_c.is_set():
            raise KeyboardInterrupt from None
        stopped = _stopped(err, limits, started)
        if stopped is not None:
            raise stopped from None
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        finished.set()
        timer.cancel()
        con.close()
        shutil.rmtree(temp_dir, ignore_errors=True)


# ---- output ---------------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value) -> str:
    return "NULL" if value is None else terminal.one_line(writers.text_value(value))


_NUMERIC = ("DECIMAL", "INTEGER", "BIGINT", "DOUBLE", "HUGEINT", "SMALLINT", "TINYINT", "FLOAT", "UBIGINT", "UINTEGER")


def format_table(result: Result) -> str:
    cells = [[_cell(v) for v in row] for row in result.rows]
    columns = [terminal.one_line(c) for c in result.columns]
    widths = [display_width(c) for c in columns]
    for row in cells:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row)]

    def line(values, numeric=None):
        out = []
        for i, (v, w) in enumerate(zip(values, widths)):
            pad = " " * (w - display_width(v))
            out.append(pad + v if numeric and numeric[i] else v + pad)
        return " | ".join(out).rstrip()

    numeric = [t.upper().startswith(_NUMERIC) for t in result.types]
    parts = [line(columns), "-+-".join("-" * w for w in widths)]
    parts += [line(row, numeric) for row in cells]
    parts.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(parts)


FORMATS = ("table", "csv", "json", "parquet")


def write_result(result: Result, fmt: str, out: Path | None, raw: bool = False) -> str | None:
    """Text for stdout (table, csv, json), or None when written to `out` (atomically). CSV text
    cells are guarded against spreadsheet formulas unless `raw`."""
    if fmt == "parquet":
        if out is None:
            raise ValueError("--format parquet needs --out FILE")
        writers.write_parquet(out, result.table)
        return None
    if fmt == "table":
        text = format_table(result)
    elif fmt == "csv":
        text = writers.csv_text(result.columns, result.rows, raw)
    elif fmt == "json":
        text = writers.json_text(result.columns, result.rows)
    else:
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    if out is None:
        return text
    # CSV with a BOM, as the exports: Excel then reads the Chinese text as UTF-8.
    writers.write_text(out, text, writers.CSV_ENCODING if fmt == "csv" else "utf-8")
    return None
