"""Analyst surfaces: read-only queries, exports, other engines, scheduled builds, documentation."""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal

import duckdb
import pytest

from juesuan.cli.main import EXIT_NOTHING, EXIT_OK, main
from juesuan.errors import BuildError
from juesuan.cli.export import NotPortable, compiled_models, model_docs, transpile_model
from juesuan.cli.query import QueryRefused, check_read_only, display_width, run_query
from juesuan.warehouse.build import build, build_lock

from tests.conftest import ROOT


def query(built, *args, capsys):
    code = main(["query", *args, "--db", str(built.db)])
    out = capsys.readouterr()
    return code, out.out, out.err


# ---- juesuan query --------------------------------------------------------------------------

def test_table_output_aligns_wide_chinese_text(built, capsys):
    code, out, _ = query(built, "select project_name, grade, total_score from marts.dim_project order by project_seq limit 3", capsys=capsys)
    assert code == EXIT_OK
    lines = out.rstrip("\n").split("\n")
    assert lines[-1] == "(3 rows)"
    widths = {display_width(line) for line in lines[2:-1]}  # the data rows
    assert widths == {display_width(lines[1])}  # every row as wide as the rule under the header
    assert "河西中心派出所新址综合指挥室等功能用房建设项目 | 优    |      100.00" in out  # numbers right-aligned


def test_csv_json_and_parquet_output(built, capsys, tmp_path):
    sql = "select grade, count(*) as projects from marts.dim_project group by grade order by grade"
    code, out, _ = query(built, sql, "--format", "csv", capsys=capsys)
    assert list(csv.reader(out.strip().split("\n"))) == [["grade", "projects"], ["中", "5"], ["优", "19"], ["良", "6"]]
    code, out, _ = query(built, sql, "--format", "json", capsys=capsys)
    assert json.loads(out) == [{"grade": "中", "projects": 5}, {"grade": "优", "projects": 19}, {"grade": "良", "projects": 6}]
    target = tmp_path / "p.parquet"
    code, out, _ = query(built, "select project_name, executed_yuan from marts.dim_project where project_seq = 30",
                         "--format", "parquet", "--out", str(target), capsys=capsys)
    assert code == EXIT_OK and "wrote 1 rows" in out
    con = duckdb.connect()
    assert con.execute(f"select executed_yuan, typeof(executed_yuan) from '{target}'").fetchone() == (
        Decimal("1092206.50"), "DECIMAL(18,2)")


def test_sql_from_a_file(built, capsys, tmp_path):
    f = tmp_path / "q.sql"
    f.write_text("select count(*) as n from marts.fct_project_indicator", encoding="utf-8")
    code, out, _ = query(built, "-f", str(f), "--format", "csv", capsys=capsys)
    assert out.strip().split("\n") == ["n", "201"]


@pytest.mark.parametrize("sql, reason", [
    ("create table x as select 1", "CREATE statements are refused"),
    ("drop table marts.dim_report", "DROP statements are refused"),
    ("alter table marts.dim_report add column x int", "ALTER statements are refused"),
    ("insert into marts.dim_report select * from marts.dim_report", "INSERT statements are refused"),
    ("update marts.dim_report set fiscal_year = 1", "UPDATE statements are refused"),
    ("delete from marts.dim_report", "DELETE statements are refused"),
    ("with gone as (delete from marts.dim_report returning *) select * from gone", "the query contains a DELETE"),
    ("attach 'other.duckdb' as other", "ATTACH statements are refused"),
    ("copy marts.dim_report to 'out.csv'", "COPY statements are refused"),
    ("install httpfs", "INSTALL statements are refused"),
    ("load httpfs", "LOAD statements are refused"),
    ("pragma database_list", "PRAGMA statements are refused"),
    ("set enable_external_access = true", "SET statements are refused"),
    ("call pragma_version()", "CALL statements are refused"),
    ("select 1; select 2", "one statement at a time, please: this SQL has 2"),
    ("select * from read_csv('/etc/passwd')", "function read_csv() reads outside the warehouse"),
    ("select * from read_text('/etc/passwd')", "function read_text() reads outside the warehouse"),
    ("select * from '/etc/passwd'", "'/etc/passwd' is not a table of the warehouse"),
    ("select * from glob('/etc/*')", "function glob() reads outside the warehouse"),
    ("select getenv('HOME')", "function getenv() reads outside the warehouse"),
    ("select * from marts.nowhere", "'marts.nowhere' is not a table of the warehouse"),
])
def test_refusals(built, capsys, sql, reason):
    code, out, err = query(built, sql, capsys=capsys)
    assert code == EXIT_NOTHING and out == ""
    assert err.startswith("refused: ") and reason in err


def test_parse_error_shows_where(built, capsys):
    code, _, err = query(built, "select department_name\nfrom marts.dim_report\nwher fiscal_year = 2024", capsys=capsys)
    assert code == EXIT_NOTHING
    # `wher` reads as a table alias, so the parser stumbles on the next word.
    assert "SQL does not parse at line 3, column 6 near 'fiscal_year'" in err
    assert "  wher fiscal_year = 2024\n       ^^^^^^^^^^^" in err


def test_duckdb_itself_refuses_files_too(built):
    # Second wall: even SQL that slipped past the parser could not read a file.
    relations = {("marts", "dim_report")}
    with pytest.raises(QueryRefused):
        check_read_only("select * from read_csv('/etc/passwd')", relations)
    from juesuan.cli.query import connect_read_only
    con = connect_read_only(built.db)
    with pytest.raises(duckdb.Error, match="disabled by configuration"):
        con.execute("select * from read_csv('/etc/passwd')")
    with pytest.raises(duckdb.Error):
        con.execute("set enable_external_access = true")
    con.close()


def test_reads_that_are_allowed(built):
    assert run_query(built.db, "with g as (select grade from marts.dim_project) select count(*) from g").rows == [(30,)]
    assert run_query(built.db, "select * from range(2)").rows == [(0,), (1,)]
    assert ("report_id", "VARCHAR") in [(r[0], r[1]) for r in run_query(built.db, "describe marts.dim_report").rows]


# ---- juesuan export ---------------------------------------------------------------------------

def test_export_parquet_with_manifest(built, tmp_path, capsys):
    assert main(["export", "--to", str(tmp_path), "--format", "parquet", "--db", str(built.db)]) == EXIT_OK
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    tables = {f"{t['schema']}.{t['table']}": t for t in manifest["tables"]}
    assert {"marts.dim_report", "marts.fct_expenditure", "audit.findings", "audit.report_summary"} <= set(tables)
    assert not any(name.startswith(("staging.", "intermediate.")) for name in tables)
    findings = tables["audit.findings"]
    assert findings["rows"] == 17 and findings["description"].startswith("One row per identity that does not hold")
    cols = {c["name"]: c for c in tables["marts.fct_income"]["columns"]}
    assert cols["amount_yuan"]["type"] == "DECIMAL(18,2)" and cols["amount_yuan"]["description"] == "Amount in 元."
    con = duckdb.connect()
    assert con.execute(f"select sum(amount_yuan), typeof(sum(amount_yuan)) from '{tmp_path}/marts.fct_income.parquet'").fetchone() == (
        Decimal("122900400.00"), "DECIMAL(38,2)")
    assert not list(tmp_path.glob(".export-*"))


def test_export_csv_has_a_bom_and_xlsx_opens(built, tmp_path, capsys):
    assert main(["export", "--to", str(tmp_path / "csv"), "--format", "csv", "--db", str(built.db)]) == EXIT_OK
    raw = (tmp_path / "csv" / "marts.dim_report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "高平市公安局".encode() in raw
    assert main(["export", "--to", str(tmp_path / "xlsx"), "--format", "xlsx", "--db", str(built.db)]) == EXIT_OK
    import openpyxl
    sheet = openpyxl.load_workbook(tmp_path / "xlsx" / "marts.dim_project.xlsx").active
    assert sheet.max_row == 31 and sheet.cell(1, 4).value == "project_name"


@pytest.mark.parametrize("dialect", ["postgres", "trino", "snowflake"])
def test_every_compiled_model_transpiles(built, dialect):
    models = compiled_models(built.target)
    assert len(models) >= 45
    for name, (schema, sql, _) in models.items():
        transpile_model(sql, dialect, name)  # NotPortable on any construct that would not survive


def test_a_duckdb_only_construct_is_caught():
    with pytest.raises(NotPortable, match="GROUP BY ALL has no postgres equivalent"):
        transpile_model("select a, count(*) from t group by all", "postgres")
    with pytest.raises(NotPortable, match="REGEXP_FULL_MATCH"):
        transpile_model("select regexp_full_match(a, '[0-9]+') from t", "trino")


def test_export_dialect_writes_models_in_order(built, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JUESUAN_DBT_TARGET", str(tmp_path / "target"))
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(built.parsed))
    assert main(["export", "--to", str(tmp_path / "sql"), "--dialect", "postgres"]) == EXIT_OK
    files = sorted(p.name for p in (tmp_path / "sql" / "postgres").glob("[!.]*"))  # not juesuan's marker
    order = [f.split("_", 1)[1] for f in files]
    assert order.index("staging.stg_parsed__table_cells.sql") < order.index("marts.fct_income.sql")
    text = (tmp_path / "sql" / "postgres" / files[order.index("staging.stg_parsed__reports.sql")]).read_text()
    assert "FROM parsed.reports" in text and "read_csv" not in text


# ---- scheduled builds -------------------------------------------------------------------------

def test_run_summary_and_log(built):
    summary = json.loads(built.db.with_name("last_run.json").read_text(encoding="utf-8"))
    assert summary["status"] == "built_with_findings" and summary["exit_code"] == 3
    assert (summary["reports"], summary["rounding_findings"], summary["discrepancy_findings"]) == (1, 8, 9)
    assert summary["reports_with_discrepancies"] == [{
        "department_name": "高平市公安局", "fiscal_year": 2024, "identities_checked": 811, "held": 794,
        "rounding": 8, "discrepancy": 9, "families_skipped": 11}]
    assert "built_with_findings exit=3 reports=1 discrepancies=9" in built.db.with_name("runs.log").read_text()


def test_two_builds_never_run_at_once(built):
    with build_lock(built.db):
        with pytest.raises(BuildError, match="another build of .* is running"):
            build(ROOT, built.db, built.parsed)


def test_a_failed_build_is_recorded(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(tmp_path / "empty"))
    db = tmp_path / "w.duckdb"
    assert main(["build", "--db", str(db)]) == EXIT_NOTHING
    summary = json.loads((tmp_path / "last_run.json").read_text(encoding="utf-8"))
    assert summary["status"] == "failed" and "no parsed reports" in summary["error"]
    assert not db.exists()


# ---- documentation ----------------------------------------------------------------------------

def test_every_model_and_column_is_described(built):
    docs = model_docs(ROOT)
    con = duckdb.connect(str(built.db), read_only=True)
    columns = con.execute(
        "select table_schema, table_name, column_name from information_schema.columns "
        "where table_schema in ('staging', 'intermediate', 'marts', 'audit')"
    ).fetchall()
    con.close()
    missing = [f"{s}.{t}.{c}" for s, t, c in columns if not docs.get(t, {}).get("columns", {}).get(c)]
    assert missing == []
    assert all(d["description"] for d in docs.values())


def test_exported_descriptions_are_rendered_as_dbt_renders_them(built, tmp_path):
    """`{{ doc('report_id') }}` in the YAML is its block's text in the manifest and the parquet
    metadata (57 of 305 column descriptions were the literal call)."""
    import pyarrow.parquet as pq

    assert main(["export", "--to", str(tmp_path / "out"), "--db", str(built.db)]) == EXIT_OK
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    texts = [c["description"] for t in manifest["tables"] for c in t["columns"]] + [t["description"] for t in manifest["tables"]]
    assert texts and not [t for t in texts if "{{" in t or "doc(" in t]
    findings = next(t for t in manifest["tables"] if t["table"] == "findings")
    assert next(c for c in findings["columns"] if c["name"] == "report_id")["description"].startswith("Report key (see dim_report)")
    field = pq.read_schema(tmp_path / "out" / "audit.findings.parquet").field("report_id")
    assert field.metadata[b"description"].decode().startswith("Report key (see dim_report)")


def test_dbt_docs_generate_works_offline(built, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JUESUAN_DBT_TARGET", str(tmp_path / "target"))
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(built.parsed))
    page = tmp_path / "site" / "docs.html"
    assert main(["docs", "--out", str(page), "--db", str(built.db)]) == EXIT_OK
    assert f"documentation: {page}" in capsys.readouterr().out
    catalog = json.loads((tmp_path / "target" / "docs" / "catalog.json").read_text(encoding="utf-8"))
    assert "model.juesuan.fct_narrative_figure" in catalog["nodes"]
    html = page.read_text(encoding="utf-8")  # one file, the manifest and catalog inside it
    assert "fct_narrative_figure" in html and "Amount in \\u5143." in html  # JSON-escaped inside the page


# ---- the README's query cookbook --------------------------------------------------------------

COOKBOOK_RESULTS = {
    "spending_by_class": [
        ("高平市公安局", 2024, "204", "公共安全支出", Decimal("107666100.00")),
        ("高平市公安局", 2024, "208", "社会保障和就业支出", Decimal("8077100.00")),
        ("高平市公安局", 2024, "221", "住房保障支出", Decimal("4464700.00")),
        ("高平市公安局", 2024, "210", "卫生健康支出", Decimal("2592600.00")),
        ("高平市公安局", 2024, "205", "教育支出", Decimal("99900.00")),
    ],
    "basic_vs_project": [("高平市公安局", 2024, Decimal("66673200.00"), Decimal("56227200.00"), Decimal("54.25"), Decimal("45.75"))],
    "projects_below_80_percent": None,  # checked below
    "indicators_missed": None,
    "findings_by_report": [("高平市公安局", 2024, "discrepancy", 9), ("高平市公安局", 2024, "rounding", 8)],
    "findings_in_wan": None,  # checked below
}


def cookbook() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(-- cookbook: (\w+)\n.*?)```", readme, re.S)
    return {name: sql for sql, name in blocks}


def test_cookbook_queries_return_the_expected_rows(built):
    queries = cookbook()
    assert set(queries) == set(COOKBOOK_RESULTS)
    for name, expected in COOKBOOK_RESULTS.items():
        rows = run_query(built.db, queries[name]).rows
        if expected is not None:
            assert rows == expected, name
    below = run_query(built.db, queries["projects_below_80_percent"]).rows
    # Nine projects executed nothing (one of them, 武警中队建设经费, still graded 优), then 31.27%, 72.81%.
    assert [r[1] for r in below][:3] == ["高平市公安局“雪亮工程”一期及重点部位补建视频监控项目运维费", "武警中队建设经费", "看守所民警封闭场所改造项目尾款"]
    assert [r[2] for r in below].count(Decimal("0.00")) == 9
    assert below[-2:] == [
        ("高平市公安局", "警犬繁育及训养", Decimal("31.27"), Decimal("150000.00"), Decimal("46906.00"), "良"),
        ("高平市公安局", "看守所专项业务费", Decimal("72.81"), Decimal("1500000.00"), Decimal("1092206.50"), "优"),
    ]
    findings = run_query(built.db, queries["findings_in_wan"]).rows
    assert len(findings) == 17
    # Money in 万元, exact; a count of projects as a count (it read 0.0031 when divided too).
    assert findings[0][3:8] == ("nr_self_evaluation_amount", "projects_amount line 1355", Decimal("4898.190000"),
                                Decimal("4938.960000"), "万元")
    assert ("nr_self_evaluations", "projects_count line 1355", Decimal("31.0000"), Decimal("30.0000"), "projects") in [
        f[3:8] for f in findings]
    missed = run_query(built.db, queries["indicators_missed"]).rows
    # 20 indicators scored below their weight; 3 scored full marks but missed a quantitative target.
    assert len(missed) == 23
    assert ("看守所专项业务费", "保障在押人员数", "≤375 名", "628", Decimal("10.00"), Decimal("10.00")) in missed
    assert ("警犬繁育及训养", "警犬中队房租支付完成率", "＝100%", "0", Decimal("5.00"), Decimal("0.00")) in missed


def test_interactive_prompt(built, capsys, monkeypatch):
    answers = iter(["select count(*) as n", "from marts.dim_project;", "drop table marts.dim_project;", "\\q"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    assert main(["query", "--db", str(built.db)]) == EXIT_OK
    out = capsys.readouterr()
    assert "n\n--\n30\n(1 row)" in out.out  # a statement over two lines, answered at its ';'
    assert "read-only SQL on" in out.out
    assert "refused: only reads are allowed: DROP statements are refused" in out.err


def test_sql_on_standard_input(built, capsys, monkeypatch):
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO("select grade from marts.dim_project where project_seq = 24"))
    assert main(["query", "--db", str(built.db), "--format", "csv"]) == EXIT_OK
    assert capsys.readouterr().out.split() == ["grade", "良"]
