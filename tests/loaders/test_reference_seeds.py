"""The committed reference seeds agree with the parsers and the layout they describe."""

import csv

from juesuan.reference import project_root
from juesuan.parse.tables import PARSERS, across_checks_sql, column_reference, identity_reference, table_reference, within_checks_sql
from juesuan.parse.tables import b02_budget_income, b05_budget_general_expenditure, t07_government_fund


def read(name):
    with (project_root() / "seeds" / "reference" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_column_reference_matches_the_parsers():
    """ref_table_column is what the tables declare (`python -m juesuan.parse.tables` writes it)."""
    assert read("ref_table_column.csv") == column_reference()
    # Each column's place in its table's row sum, from the RowSum its table declares over `total`: the
    # addends are what fct_expenditure, fct_income and fct_three_public_costs read (not a fund table's
    # balances, not a 其中).
    roles = {(r["table_key"], r["column_key"]): r["row_role"] for r in read("ref_table_column.csv")}
    assert [roles[("T07", c)] for c in ("opening_balance", "income", "total", "basic", "project", "closing_balance")] == [
        "", "", "total", "addend", "addend", ""]
    assert (roles[("T02", "business_tuition")], roles[("T01", "amount")], roles[("B05", "personnel")]) == ("part", "", "part")
    # A term printed as the sum of columns of its own is a subtotal, its columns the addends (what
    # fct_three_public_costs reads); a whole with 其中 columns (B05's 基本 over 人员经费, 公用经费) stays an addend.
    assert [roles[("T09", c)] for c in ("total", "overseas", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation",
                                        "reception", "meeting")] == ["total", "addend", "subtotal", "addend", "addend", "addend", ""]
    assert roles[("B05", "basic")] == "addend"
    parts = {(r["table_key"], r["column_key"]): r["part_of"] for r in read("ref_table_column.csv") if r["part_of"]}
    assert parts == {("T02", "business_tuition"): "business", ("T11", "project_capital_construction"): "project",
                     ("B05", "personnel"): "basic", ("B05", "public"): "basic",
                     ("B05", "project_excluding_construction"): "project",
                     ("B14", "personnel"): "basic", ("B14", "public"): "basic",
                     ("B14", "project_excluding_construction"): "project",
                     ("B02", "general_budget_special_funds"): "general_budget", ("B02", "business_tuition"): "business",
                     **{(k, c): p for k in ("B07", "B08") for c, p in (("personnel", "basic"), ("public", "basic"),
                                                                        ("project_excluding_construction", "project"))}}


def test_table_reference_is_what_the_tables_declare():
    """ref_standard_table is generated from the table modules (`python -m juesuan.parse.tables`): a table
    kind's title, English name, layouts and final twin are written once, in its module."""
    assert read("ref_standard_table.csv") == table_reference()
    assert {r["table_key"]: r["final_twin"] for r in read("ref_standard_table.csv") if r["final_twin"]} == {
        "B01": "T01", "B02": "T02", "B03": "T03", "B04": "T04", "B05": "T05", "B06": "T06", "B07": "T07", "B08": "T08",
        "B09": "T09", "B14": "T11"}
    # A budget column is beside the twin's column of its own key unless its table declares another.
    beside = {(r["table_key"], r["column_key"]): r["final_column"] for r in read("ref_table_column.csv") if r["final_column"]}
    assert beside[("B06", "total")] == "amount" and beside[("B05", "basic")] == "basic"
    assert not any(t.startswith("T") for t, _ in beside)


def test_function_classes_cover_the_sample(sample):
    codes = {r["class_code"] for r in read("ref_function_class.csv")}
    printed = {r.row_code[:3] for t in ("T02", "T03", "T05") for r in sample.tables[t].rows if r.row_code}
    assert printed <= codes


def test_a_tables_own_identities_read_that_table_alone():
    """audit.table_coverage attributes an identity to its table by the catalog's reads_tables (not
    by how its check_id is spelled): a `within` identity reads exactly one standard table."""
    tables = {r["table_key"] for r in read("ref_standard_table.csv")}
    within = [(r["check_id"], r["reads_tables"]) for r in read("ref_identity.csv") if r["scope"] == "within"]
    assert len(within) >= 30 and all(t in tables for _, t in within), within


def test_a_tables_identities_are_declared_once_in_its_module():
    """ref_identity's within and across rows and the check models chk_within_tables and
    chk_across_tables are what the table modules' IDENTITIES and ACROSS say (`python -m juesuan.parse.tables`
    writes them): an identity is added, changed or removed in its table's module and nowhere else."""
    assert [r for r in read("ref_identity.csv") if r["scope"] in ("within", "across")] == identity_reference()
    checks = project_root() / "models" / "audit" / "checks"
    assert (checks / "chk_within_tables.sql").read_text(encoding="utf-8") == within_checks_sql()
    assert (checks / "chk_across_tables.sql").read_text(encoding="utf-8") == across_checks_sql()
    assert "{{ check_children_sum('t06_rollup', 'T06', ['amount'], total_row='(none)') }}" in within_checks_sql()
    # An identity across tables reads the tables of its cells (audit.table_coverage attributes it to them).
    across = {r["check_id"]: r["reads_tables"] for r in identity_reference() if r["scope"] == "across"}
    assert across["xb06_15_running_cost"] == "B06 B15" and across["x05_06_basic"] == "T05 T06"
    # Every table kind has identities of its own.
    assert all(module.IDENTITIES for module in PARSERS.values())


def test_placement_relies_on_the_row_sums_its_table_declares():
    """The identities placement may place a row's figures by are the table's own row sums, a term
    printed whole or by its parts read as the whole; a row sum that holds only where printed is
    declared not to place (B02's 上年结转结余小计 = Σ funds)."""
    assert b05_budget_general_expenditure.ROW_IDENTITIES == [{"total": 1, "basic": -1, "project": -1},
                                                            {"basic": 1, "personnel": -1, "public": -1}]
    assert [set(i) for i in b02_budget_income.ROW_IDENTITIES] == [
        {"income_total", "total", "opening_balance", "use_of_non_appropriation_balance", "business_fund_offset",
         "prior_year_account_balance"},
        {"total", "general_budget", "government_fund", "state_capital", "fiscal_appropriation", "special_account",
         "business", "operating", "superior_subsidy", "affiliated_remittance", "other"}]
    # T07's carry-over subtracts the year's expenditure: 年末 − 年初 − 本年收入 + 本年支出 = 0.
    assert t07_government_fund.ROW_IDENTITIES[1] == {"closing_balance": 1, "opening_balance": -1, "income": -1, "total": 1}
