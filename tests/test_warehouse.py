"""End to end: `juesuan run` on real reports, dbt build with all its tests, SQL against the marts.

Each scenario works in its own temporary parsed-seeds directory and warehouse file (and the test
process's dbt target), so the tests never touch the repository's seeds/parsed or warehouse/.
"""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal

from juesuan.cli.main import EXIT_FINDINGS, main

from tests.conftest import SAMPLE, Workspace


def yuan(text: str) -> Decimal:
    return Decimal(text)


def test_run_prints_where_the_warehouse_is_and_headline_figures(built):
    out = built.run_output  # `juesuan run` of the sample
    assert f"warehouse: {built.db}" in out
    assert "高平市公安局 2024" in out
    assert "12,290.04 万元" in out and "6,667.32 万元" in out and "5,622.72 万元" in out
    assert "vehicles held 车辆            93" in out


def test_report_dimension(built):
    assert built.sql("select report_id, department_name, fiscal_year, source_file, table_count, tables_missing from marts.dim_report") == [
        ("174714146e070084", "高平市公安局", 2024, "000_76716e9dec051514.txt", 10, "")
    ]
    assert built.one("select source_sha256 from marts.dim_report") == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


def test_income_total(built):
    assert built.one(
        "select amount_yuan from marts.fct_summary_line where table_key = 'T01' and line_key = 'income_subtotal'"
    ) == yuan("122900400.00")
    assert built.one("select sum(amount_yuan) from marts.fct_income") == yuan("122900400.00")


def test_expenditure_of_one_code(built):
    rows = built.sql(
        "select expenditure_kind, amount_yuan, source_line from marts.fct_expenditure "
        "where table_key = 'T03' and subject_code = '2040202' order by 1"
    )
    assert rows == [("basic", yuan("6516100.00"), 350), ("project", yuan("48654600.00"), 350)]


def test_basic_expenditure_items_and_printed_totals(built):
    assert built.one("select amount_yuan from marts.fct_basic_expenditure where econ_code = '30102'") == yuan("19464500.00")
    printed = dict(built.sql("select row_key, amount_yuan from marts.fct_table_cell where table_key = 'T06' and row_key like '%_total'"))
    assert printed == {"personnel_total": yuan("55679800.00"), "public_total": yuan("10993300.00")}
    # The report's own rounding gaps: its 301 and 302 rows differ from their items by 0.01 and 0.03 万元.
    leaves = dict(built.sql("select cost_category, sum(amount_yuan) from marts.fct_basic_expenditure group by 1"))
    assert leaves == {"personnel": yuan("55679900.00"), "public": yuan("10993600.00")}


def test_three_public_costs(built):
    assert built.one(
        "select amount_yuan from marts.fct_three_public_costs where phase = 'final' and item = 'vehicle_purchase'"
    ) == yuan("1870800.00")
    assert built.one("select count(*) from marts.fct_three_public_costs where item = 'overseas'") == 0  # printed blank


def test_statistics_table(built):
    # Printed total 2544.45 万元; its three categories sum to 2544.44 (the report's own rounding).
    assert built.one("select sum(amount_yuan) from marts.fct_procurement") == yuan("25444400.00")
    assert built.one("select amount_yuan from marts.fct_table_cell where table_key = 'T10' and row_key = 'procurement_total'") == yuan("25444500.00")
    assert built.one("select sum(quantity) from marts.fct_asset_holding where asset_kind = 'vehicle'") == 93
    assert built.one("select amount_yuan from marts.fct_running_cost where unit_type = 'admin_units'") == yuan("10993300.00")


def test_every_number_traces_to_its_printed_line(built):
    sample_lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    rows = built.sql("select value_text, source_line from marts.fct_table_cell")
    assert len(rows) == 254
    for text, line in rows:
        assert text in sample_lines[line - 1], (text, line)


def test_subject_dimensions(built):
    assert built.one("select subject_name, level, parent_code, class_code from marts.dim_function_subject where subject_code = '2040201'") == (
        "行政运行", 3, "20402", "204"
    )
    assert built.one("select subject_name from marts.dim_function_subject where subject_code = '210'") == "卫生健康支出"
    assert built.one("select econ_name, parent_code, cost_category from marts.dim_economic_subject where econ_code = '30217'") == (
        "公务接待费", "302", "public"
    )


def test_money_is_exact_decimal_and_codes_are_text(built):
    types = dict(built.sql(
        "select table_name || '.' || column_name, data_type from information_schema.columns where table_schema = 'marts'"
    ))
    money = {k: v for k, v in types.items() if k.endswith("_yuan")}
    assert money and set(money.values()) == {"DECIMAL(18,2)"}
    assert types["fct_income.subject_code"] == types["dim_economic_subject.econ_code"] == "VARCHAR"


def test_same_file_twice_and_a_second_department(tmp_path, monkeypatch, sample_text):
    ws = Workspace(tmp_path, monkeypatch)
    other = tmp_path / "in" / "transport_2023.txt"
    other.parent.mkdir()
    # Another department and year: the same layout under another header.
    other.write_text(sample_text.replace("高平市公安局", "高平市交通运输局").replace("2024年度", "2023年度"), encoding="utf-8")
    assert main(["load", str(SAMPLE)]) == 0
    assert main(["run", str(SAMPLE), str(other)]) == EXIT_FINDINGS
    assert ws.sql("select department_name, fiscal_year from marts.dim_report order by 1") == [
        ("高平市交通运输局", 2023), ("高平市公安局", 2024)
    ]
    assert ws.sql(
        "select d.department_name, sum(f.amount_yuan) from marts.fct_income f join marts.dim_report d using (report_id) group by 1 order by 1"
    ) == [("高平市交通运输局", yuan("122900400.00")), ("高平市公安局", yuan("122900400.00"))]


def test_a_failed_build_keeps_the_previous_warehouse(tmp_path, monkeypatch, built, capsys):
    """A structural break of ours (a key twice in the parsed seeds) fails the build, names the
    report and its file, and leaves the warehouse as it was."""
    ws = Workspace(tmp_path, monkeypatch)
    shutil.copytree(built.parsed, ws.parsed)
    ws.db.parent.mkdir(parents=True)
    shutil.copy(built.db, ws.db)
    before = hashlib.sha256(ws.db.read_bytes()).hexdigest()
    rid = next(d.name for d in ws.parsed.iterdir() if not d.name.startswith("."))
    rows = ws.parsed / rid / "table_rows.csv"
    lines = rows.read_text(encoding="utf-8").splitlines()
    rows.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    assert main(["build", "--full"]) == 2
    err = capsys.readouterr().err
    assert "previous warehouse was kept" in err and "unique_combination_of_columns_stg_parsed__table_rows" in err
    assert f"000_76716e9dec051514.txt (高平市公安局 2024)" in err and "every report failed the build" in err
    assert hashlib.sha256(ws.db.read_bytes()).hexdigest() == before
    assert not list(ws.db.parent.glob(".*building*"))