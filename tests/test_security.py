"""`juesuan query` and `juesuan export` under attack.

Every case of the attack list runs through every output path (the table, csv, json and parquet
formats, `--out`, `-f`, standard input, the interactive prompt). After each one the warehouse
folder is byte for byte as it was, no file appeared in the working folder or anywhere the attack
aimed at, and the user got one line saying why it was refused. A second list runs the attacks on
DuckDB directly, past the parser, to show that the connection's own walls hold too.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import duckdb
import pytest

from juesuan.cli.main import EXIT_NOTHING, EXIT_OK, main
from juesuan.cli.query import Limits, QueryRefused, QueryStopped, connect_read_only, run_query

# {dir} is the test's sandbox folder: where an attack that got through would leave its file.
ATTACKS = [
    # DDL, DML and everything else that is not a read, by its first word
    ("create table marts.x as select 1", "CREATE statements are refused"),
    ("create temp table x (a int)", "CREATE statements are refused"),
    ("create or replace view marts.dim_report as select 1", "CREATE statements are refused"),
    ("create schema evil", "CREATE statements are refused"),
    ("create macro m() as 1", "CREATE statements are refused"),
    ("create sequence s", "CREATE statements are refused"),
    ("create secret s (type s3, key_id 'a', secret 'b')", "CREATE statements are refused"),
    ("create index i on marts.dim_report (report_id)", "CREATE statements are refused"),
    ("drop table marts.dim_report", "DROP statements are refused"),
    ("drop schema marts cascade", "DROP statements are refused"),
    ("alter table marts.dim_report rename to x", "ALTER statements are refused"),
    ("comment on table marts.dim_report is 'x'", "COMMENT statements are refused"),
    ("insert into marts.dim_report select * from marts.dim_report", "INSERT statements are refused"),
    ("update marts.dim_report set fiscal_year = 1", "UPDATE statements are refused"),
    ("delete from marts.dim_report", "DELETE statements are refused"),
    ("truncate marts.dim_report", "TRUNCATE statements are refused"),
    ("merge into marts.dim_report using marts.dim_report s on true when matched then delete", "MERGE statements are refused"),
    ("attach '{dir}/new.duckdb' as n", "ATTACH statements are refused"),
    ("attach ':memory:' as m", "ATTACH statements are refused"),
    ("detach juesuan", "DETACH statements are refused"),
    ("use marts", "USE statements are refused"),
    ("copy marts.dim_report to '{dir}/stolen.csv'", "COPY statements are refused"),
    ("copy (select * from marts.dim_report) to '{dir}/stolen.parquet' (format parquet)", "COPY statements are refused"),
    ("copy marts.dim_report from '{dir}/x.csv'", "COPY statements are refused"),
    ("export database '{dir}/dump'", "EXPORT statements are refused"),
    ("import database '{dir}/dump'", "IMPORT statements are refused"),
    ("install httpfs", "INSTALL statements are refused"),
    ("force install httpfs", "FORCE statements are refused"),
    ("load httpfs", "LOAD statements are refused"),
    ("load '{dir}/evil.duckdb_extension'", "LOAD statements are refused"),
    ("update extensions", "UPDATE statements are refused"),
    ("pragma database_list", "PRAGMA statements are refused"),
    ("pragma enable_profiling", "PRAGMA statements are refused"),
    ("set enable_external_access = true", "SET statements are refused"),
    ("set profiling_output = '{dir}/profile.txt'", "SET statements are refused"),
    ("reset memory_limit", "RESET statements are refused"),
    ("call pragma_version()", "CALL statements are refused"),
    ("call enable_logging()", "CALL statements are refused"),
    ("checkpoint", "CHECKPOINT statements are refused"),
    ("force checkpoint", "FORCE statements are refused"),
    ("vacuum", "VACUUM statements are refused"),
    ("analyze", "ANALYZE statements are refused"),
    ("begin transaction", "BEGIN statements are refused"),
    ("commit", "COMMIT statements are refused"),
    ("rollback", "ROLLBACK statements are refused"),
    ("abort", "ABORT statements are refused"),
    ("prepare p as select 1", "PREPARE statements are refused"),
    ("execute p", "EXECUTE statements are refused"),
    ("explain analyze select 1", "EXPLAIN statements are refused"),
    # several statements, comments, odd characters
    ("select 1; drop table marts.dim_report", "one statement at a time, please: this SQL has 2"),
    ("select 1; copy marts.dim_report to '{dir}/stolen.csv'", "one statement at a time, please: this SQL has 2"),
    ("/* select */ drop table marts.dim_report", "DROP statements are refused"),
    ("-- select\ndrop table marts.dim_report", "DROP statements are refused"),
    ("select 1 /* ; */ ; delete from marts.dim_report", "one statement at a time, please: this SQL has 2"),
    ("ＤＲＯＰ table marts.dim_report", "near 'ＤＲＯＰ': no statement begins with it"),  # full-width letters
    ("ѕelect * from marts.dim_report", "near 'ѕelect': no statement begins with it"),  # a Cyrillic ѕ
    ("with gone as (delete from marts.dim_report returning *) select * from gone", "the query contains a DELETE"),
    ("with x as (insert into marts.dim_report select * from marts.dim_report returning *) select 1", "the query contains a INSERT"),
    # functions that read files, the environment or other databases
    ("select * from read_csv('/etc/passwd')", "function read_csv() reads outside the warehouse"),
    ("select * from read_csv_auto('/etc/passwd')", "function read_csv_auto() reads outside the warehouse"),
    ("select * from read_text('/etc/passwd')", "function read_text() reads outside the warehouse"),
    ("select * from read_blob('/etc/passwd')", "function read_blob() reads outside the warehouse"),
    ("select * from read_json('/etc/passwd')", "function read_json() reads outside the warehouse"),
    ("select * from read_json_auto('/etc/passwd')", "function read_json_auto() reads outside the warehouse"),
    ("select * from read_ndjson('/etc/passwd')", "function read_ndjson() reads outside the warehouse"),
    ("select * from read_parquet('{dir}/x.parquet')", "function read_parquet() reads outside the warehouse"),
    ("select * from parquet_scan('{dir}/x.parquet')", "function parquet_scan() reads outside the warehouse"),
    ("select * from parquet_metadata('{dir}/x.parquet')", "function parquet_metadata() reads outside the warehouse"),
    ("select * from read_xlsx('{dir}/x.xlsx')", "function read_xlsx() reads outside the warehouse"),
    ("select * from sqlite_scan('{dir}/x.db', 't')", "function sqlite_scan() reads outside the warehouse"),
    ("select * from postgres_scan('host=localhost', 'public', 't')", "function postgres_scan() reads outside the warehouse"),
    ("select * from iceberg_scan('{dir}/t')", "function iceberg_scan() reads outside the warehouse"),
    ("select * from delta_scan('{dir}/t')", "function delta_scan() reads outside the warehouse"),
    ("select * from st_read('{dir}/x.shp')", "function st_read() reads outside the warehouse"),
    ("select * from glob('/etc/*')", "function glob() reads outside the warehouse"),
    ("select * from sniff_csv('/etc/passwd')", "function sniff_csv() reads outside the warehouse"),
    ("select * from query('copy marts.dim_report to ''{dir}/stolen.csv''')", "function query() reads outside the warehouse"),
    ("select * from query_table('marts.dim_report')", "function query_table() reads outside the warehouse"),
    ("select getenv('HOME')", "function getenv() reads outside the warehouse"),
    ("select content from read_text('/etc/passwd') union all select 'x'", "function read_text() reads outside the warehouse"),
    ("select (select content from read_text('/etc/passwd'))", "function read_text() reads outside the warehouse"),
    ("select list_transform(['/etc/passwd'], f -> (select count(*) from read_text(f)))", "function read_text() reads outside the warehouse"),
    ("values ((select content from read_text('/etc/passwd')))", "function read_text() reads outside the warehouse"),
    ("from read_text('/etc/passwd')", "function read_text() reads outside the warehouse"),
    ("summarize read_csv('/etc/passwd')", "function read_csv() reads outside the warehouse"),
    ("describe select * from read_text('/etc/passwd')", "function read_text() reads outside the warehouse"),
    ("pivot read_csv('/etc/passwd') on column0 using count(*)", "function read_csv() reads outside the warehouse"),
    ("select * from duckdb_secrets()", "table function duckdb_secrets() is refused"),
    ("select * from duckdb_extensions()", "table function duckdb_extensions() is refused"),
    ("select * from pragma_table_info('marts.dim_report')", "table function pragma_table_info() is refused"),
    # files, URLs and other databases named as tables
    ("select * from '/etc/passwd'", "'/etc/passwd' is not a table of the warehouse"),
    ('select * from "/etc/passwd"', "'/etc/passwd' is not a table of the warehouse"),
    ("select * from '{dir}/x.csv'", "is not a table of the warehouse"),
    ("select * from 'https://example.org/x.csv'", "'https://example.org/x.csv' is not a table of the warehouse"),
    ("select * from 's3://bucket/x.parquet'", "'s3://bucket/x.parquet' is not a table of the warehouse"),
    ("from '/etc/passwd'", "'/etc/passwd' is not a table of the warehouse"),
    ("select * from marts.nowhere", "'marts.nowhere' is not a table of the warehouse"),
    ("select * from other.marts.dim_report", "names another database"),
    ("select * from system.main.duckdb_settings", "names another database"),
    # the parser's own limits
    ("select " + "(" * 1200 + "1" + ")" * 1200, "nests brackets 1,200 deep; at most 100 are read"),
    # A typo is a syntax error, not a refused kind of statement.
    ("selct 1", "near 'selct': no statement begins with it (did you mean SELECT?)"),
    # A 2 KB list literal 990 deep: DuckDB took 30 s to bind it, deaf to the time limit.
    ("select " + "[" * 990 + "1" + "]" * 990, "nests brackets 990 deep; at most 100 are read"),
    ("select " + "{'a': " * 300 + "1" + "}" * 300, "nests brackets 300 deep; at most 100 are read"),
    # A file named as the thing to summarize or describe.
    ("summarize '/etc/passwd'", "'/etc/passwd' names a file"),
    ("summarize '{dir}/x.csv'", "names a file"),
    ("describe '/etc/passwd'", "is not a table of the warehouse"),
    ("select 'unterminated", "SQL does not parse"),
    ("", "no SQL given"),
]

# Reads that must run, with what they give.
ALLOWED = [
    ("select count(*) as n from marts.dim_report", [(1,)]),
    ("values (1, 'a'), (2, 'b')", [(1, "a"), (2, "b")]),
    ("from marts.dim_project select count(*)", [(30,)]),
    ("(select 1)", [(1,)]),
    ("select * from range(2)", [(0,), (1,)]),
    ("pivot (select grade from marts.dim_project) on grade using count(*)", [(5, 19, 6)]),
    ("select count(*) from (summarize marts.dim_project)", None),
    ("show tables", None),
    ("describe marts.dim_report", None),
    ("select " + "(" * 100 + "1" + ")" * 100 + " as deep", [(1,)]),
    ("select " + "[" * 40 + "1" + "]" * 40 + " is not null as deep", [(True,)]),
    # The column name of the parquet break-out: now only a column name.
    ('select 1 as "x"" int); copy (select * from read_text(\'/etc/passwd\')) to \'stolen.csv\'; create table t2 (""y"', [(1,)]),
]


def snapshot(*folders: Path, content: bool = False) -> dict[str, tuple]:
    """{path: (size, mtime)} of every file below `folders`, and its sha256 with `content`. A write
    moves the mtime, so the stat is checked after every statement and the bytes once a test."""
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                st = path.stat()
                out[str(path)] = (st.st_size, st.st_mtime_ns) + ((hashlib.sha256(path.read_bytes()).hexdigest(),) if content else ())
    return out


@pytest.fixture()
def sandbox(built, tmp_path, monkeypatch):
    """A working folder the attacks aim at; yields a check that nothing changed anywhere, run
    after each statement (by stat) and once more at the end of the test (byte for byte)."""
    monkeypatch.chdir(tmp_path)
    folders = (built.db.parent, tmp_path)
    home_duckdb = Path.home() / ".duckdb"
    before = snapshot(*folders, home_duckdb, content=True)
    allowed_seen: set[Path] = set()

    def unchanged(allowed: set[Path] = frozenset(), content: bool = False):
        allowed_seen.update(allowed)
        after = {p: v for p, v in snapshot(*folders, home_duckdb, content=content).items() if Path(p) not in allowed}
        expected = {p: v if content else v[:2] for p, v in before.items() if Path(p) not in allowed}
        assert after == expected  # the warehouse and ~/.duckdb untouched, no new file

    yield tmp_path, unchanged
    unchanged(allowed_seen, content=True)


def attack_sql(sql: str, where: Path) -> str:
    return sql.replace("{dir}", str(where))


def run_cli(args, capsys, monkeypatch, stdin: str | None = None, prompt_lines: list[str] | None = None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    if prompt_lines is not None:
        answers = iter([*prompt_lines, "\\q"])
        monkeypatch.setattr("sys.stdin.isatty", lambda: True)
        monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


# Each output path: (name, how the SQL reaches juesuan, extra arguments).
PATHS = [
    ("table", "argument", []),
    ("csv", "argument", ["--format", "csv"]),
    ("json", "argument", ["--format", "json"]),
    ("parquet --out", "argument", ["--format", "parquet", "--out", "result.parquet", "--force"]),
    ("csv --out", "argument", ["--format", "csv", "--out", "result.csv", "--force"]),
    ("-f", "file", ["--format", "json", "--out", "result.json", "--force"]),
    ("stdin", "stdin", ["--format", "parquet", "--out", "result.parquet", "--force"]),
    ("prompt", "prompt", []),
]


def through(path, sql: str, built, where: Path, capsys, monkeypatch):
    name, how, extra = path
    args = ["query", "--db", str(built.db), *extra]
    if how == "argument":
        return run_cli([*args[:1], sql, *args[1:]], capsys, monkeypatch)
    if how == "file":
        (where / "attack.sql").write_text(sql, encoding="utf-8")
        try:
            return run_cli([*args, "-f", str(where / "attack.sql")], capsys, monkeypatch)
        finally:
            (where / "attack.sql").unlink()
    if how == "stdin":
        return run_cli(args, capsys, monkeypatch, stdin=sql)
    lines = sql.split("\n")
    if not lines[-1].rstrip().endswith(";"):
        lines[-1] += ";"
    return run_cli(args, capsys, monkeypatch, prompt_lines=lines)


@pytest.mark.parametrize("path", PATHS, ids=[p[0] for p in PATHS])
def test_every_attack_is_refused_on_every_output_path(built, sandbox, capsys, monkeypatch, path):
    where, unchanged = sandbox
    for sql, reason in ATTACKS:
        sql = attack_sql(sql, where)
        if path[1] == "prompt" and not sql.strip():
            continue  # an empty line at the prompt is no statement
        code, out, err = through(path, sql, built, where, capsys, monkeypatch)
        refusal = [line for line in err.splitlines() if line.strip()]
        assert "Traceback" not in err, sql
        assert refusal and refusal[0].startswith("refused: ") and reason in refusal[0], (sql, err)
        # One line, or a parse error's line with the SQL and a caret under the place.
        assert len(refusal) == 1 or "does not parse at line" in refusal[0], (sql, err)
        if path[1] != "prompt":
            assert code == EXIT_NOTHING and out == "", sql
        unchanged()


@pytest.mark.parametrize("path", PATHS, ids=[p[0] for p in PATHS])
def test_reads_run_on_every_output_path_and_write_only_the_out_file(built, sandbox, capsys, monkeypatch, path):
    where, unchanged = sandbox
    out_files = {where / a for a in path[2] if a.startswith("result.")}
    for sql, _ in ALLOWED:
        code, out, err = through(path, sql, built, where, capsys, monkeypatch)
        assert (code, err) == (EXIT_OK, ""), (sql, err)
        unchanged(allowed=out_files)
    assert not (where / "stolen.csv").exists() and not (Path.cwd() / "stolen.csv").exists()
    for f in out_files:  # the requested file, and nothing half-written beside it
        assert f.exists()
    assert not [p for p in where.iterdir() if ".partial-" in p.name]


def test_allowed_reads_give_their_rows(built):
    for sql, rows in ALLOWED:
        result = run_query(built.db, sql)
        if rows is not None:
            assert result.rows == rows, sql


def test_the_parquet_break_out_is_now_a_column_name(built, sandbox, capsys, monkeypatch):
    where, unchanged = sandbox
    evil = ALLOWED[-1][0]
    code, out, err = run_cli(["query", evil, "--format", "parquet", "--out", "r.parquet", "--db", str(built.db)], capsys, monkeypatch)
    assert code == EXIT_OK and out.startswith("wrote 1 rows")
    con = duckdb.connect()
    names = [d[0] for d in con.execute(f"select * from '{where / 'r.parquet'}'").description]
    assert names == ["x\" int); copy (select * from read_text('/etc/passwd')) to 'stolen.csv'; create table t2 (\"y"]
    unchanged(allowed={where / "r.parquet"})


def test_duckdb_itself_holds_when_the_parser_is_bypassed(built, sandbox):
    """The second wall: every attack straight on the query connection, no parser in front."""
    where, unchanged = sandbox
    con = connect_read_only(built.db)
    ran = []
    try:
        for sql, reason in ATTACKS:
            if "nests brackets" in reason:
                continue  # harmless to DuckDB, only slow: why the parser refuses them (30 s each)
            try:
                if sql and con.execute(attack_sql(sql, where)) is not None:
                    con.fetchall()
                    ran.append(sql)
            except duckdb.Error:
                pass
    finally:
        con.close()
    unchanged()
    # What DuckDB itself lets through is harmless: session-only objects, no-ops on a read-only
    # file, or reads of the warehouse. Listed, so a DuckDB upgrade that widens it is noticed.
    harmless = {"create temp table x (a int)", "create macro m() as 1", "create sequence s", "use marts",
                "checkpoint", "force checkpoint", "vacuum", "analyze", "begin transaction", "commit", "rollback",
                "abort", "prepare p as select 1", "execute p", "explain analyze select 1",
                "select * from duckdb_extensions()", "select * from pragma_table_info('marts.dim_report')",
                "pragma database_list", "call pragma_version()", "select * from marts.dim_report",
                "select * from system.main.duckdb_settings", "select 1 /* ; */ ; delete from marts.dim_report",
                "select * from query_table('marts.dim_report')"}
    assert set(ran) <= harmless | {s for s in ran if s.startswith("select 1")}, set(ran) - harmless


def test_a_runaway_query_stops_at_the_timeout(built, capsys, monkeypatch):
    for sql in ("select count(*) from range(1e12::bigint)",
                "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r"):
        code, out, err = run_cli(["query", sql, "--timeout", "1.5", "--db", str(built.db)], capsys, monkeypatch)
        assert code == EXIT_NOTHING and out == ""
        assert err.strip() == "stopped after 2 s: the query ran past the time limit of 1.5 s (raise it with --timeout SECONDS)"


def test_the_default_timeout_applies_without_a_flag(built, capsys, monkeypatch):
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class ShortLimits(Limits):
        timeout: float = 1.0

    monkeypatch.setattr("juesuan.cli.main.Limits", ShortLimits)  # the defaults the flags take
    code, out, err = run_cli(["query", "select count(*) from range(1e12::bigint)", "--db", str(built.db)], capsys, monkeypatch)
    assert code == EXIT_NOTHING and "the time limit of 1 s" in err
    assert Limits().timeout == 60


def test_memory_stays_under_its_limit(built, capsys, monkeypatch):
    # 4,000 strings of 1 MB aggregated into one: 4 GB without a limit.
    sql = "select length(string_agg(repeat('x', 1000000), '')) from range(4000)"
    code, out, err = run_cli(["query", sql, "--memory-limit", "500MB", "--temp-limit", "500MB", "--db", str(built.db)],
                             capsys, monkeypatch)
    assert code == EXIT_NOTHING and out == ""
    assert err.strip() == ("stopped: the query needs more than its memory limit of 500MB and temporary disk of 500MB "
                           "(raise them with --memory-limit and --temp-limit, e.g. 8GB)")


def test_size_rows_and_bad_limits(built, capsys, monkeypatch):
    long_sql = "select " + "+".join(["1"] * 60_000)
    code, _, err = run_cli(["query", long_sql, "--db", str(built.db)], capsys, monkeypatch)
    assert code == EXIT_NOTHING
    assert err.strip() == "refused: the SQL has 120,006 characters, over the limit of 100,000 (raise it with --max-sql-chars N)"
    code, _, err = run_cli(["query", "select * from range(11)", "--max-rows", "10", "--db", str(built.db)], capsys, monkeypatch)
    assert err.strip() == "stopped: the result has more than 10 rows (raise it with --max-rows N, or aggregate or add a LIMIT)"
    code, _, err = run_cli(["query", "select 1", "--memory-limit", "lots", "--db", str(built.db)], capsys, monkeypatch)
    assert code == EXIT_NOTHING and err.startswith("error: a query limit is not valid:") and len(err.splitlines()) == 1


def test_sql_files_that_cannot_be_read(built, tmp_path, capsys, monkeypatch):
    code, _, err = run_cli(["query", "-f", str(tmp_path / "nope.sql"), "--db", str(built.db)], capsys, monkeypatch)
    assert (code, err.strip()) == (EXIT_NOTHING, f"error: {tmp_path / 'nope.sql'}: no such file (give -f the path of a .sql file)")
    bad = tmp_path / "bad.sql"
    bad.write_bytes(b"select \xff")
    code, _, err = run_cli(["query", "-f", str(bad), "--db", str(built.db)], capsys, monkeypatch)
    assert err.strip() == f"error: {bad}: not UTF-8 text (byte 0xff at offset 7) (save the SQL as UTF-8)"
    code, _, err = run_cli(["query", "-f", str(tmp_path), "--db", str(built.db)], capsys, monkeypatch)
    assert err.strip() == f"error: {tmp_path}: not a file (give -f the path of a .sql file)"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"select '\xff'"), encoding="utf-8"))
    code, _, err = run_cli(["query", "--db", str(built.db)], capsys, monkeypatch)
    assert err.strip() == "error: standard input: not UTF-8 text (byte 0xff at offset 8) (save the SQL as UTF-8)"


@pytest.mark.parametrize("folder", ["it's here", 'quote"d', "a b; drop table x; --", "出口'; copy marts.dim_report to 'x.csv"])
def test_export_to_odd_folders(built, sandbox, capsys, folder):
    where, unchanged = sandbox
    target = where / folder
    assert main(["export", "--to", str(target), "--format", "parquet", "--db", str(built.db)]) == EXIT_OK
    written = set(target.iterdir())
    assert {p.name for p in written} >= {"manifest.json", "marts.dim_report.parquet", "audit.findings.parquet"}
    unchanged(allowed=written)
    assert {p.parent for p in written} == {target}
    con = duckdb.connect()
    assert con.execute("select department_name from read_parquet(?)", [str(target / "marts.dim_report.parquet")]).fetchone() == ("高平市公安局",)


def test_check_read_only_is_the_parser_wall(built):
    with pytest.raises(QueryRefused, match="CREATE statements are refused"):
        run_query(built.db, "create table x as select 1")
