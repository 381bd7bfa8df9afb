"""Budget reports (部门预算; ../shared/reports/budgets and pairs, MANIFEST.md and EXPECTED.md there).
A budget is recognised by its titles, named by its cover or page titles, and its 收支总表 (B01) and
支出总表 (B03) are read by the final tables' grammars under their own keys. Each rule below is
asserted on a real print it was met in, and fails without it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.layout import document_kind, find_tables
from juesuan.lines import content_lines
from juesuan.report import parse_file
from juesuan.source import read_source
from juesuan.tables import TITLES

from tests.conftest import ROOT

REPORTS = ROOT.parent / "shared" / "reports"
BUDGETS = REPORTS / "budgets"
SWU_BUDGET = REPORTS / "pairs" / "swu_2023_budget.pdf"

pytestmark = pytest.mark.skipif(not BUDGETS.is_dir(), reason="../shared/reports/budgets is not beside this checkout")


def _cells(report, table):
    return {(c.row_key, c.column_key): c.value for c in report.tables[table].cells if c.state == "value"}


@pytest.fixture(scope="module")
def wuxi():
    return parse_file(BUDGETS / "wuxi" / "wuxi_01.pdf")


@pytest.fixture(scope="module")
def swu():
    return parse_file(SWU_BUDGET)


def test_a_budget_is_told_from_final_accounts_by_its_titles():
    budget = content_lines(read_source(BUDGETS / "wuxi" / "wuxi_01.pdf").text)
    final = content_lines(read_source(REPORTS / "pdf" / "putuo_czj_2024.pdf").text)
    assert (document_kind(budget), document_kind(final)) == ("budget", "final")
    # Read as a final report, 无锡's `公开01表` would be 公开01表 收入支出决算总表 by its number alone.
    assert [r.table_key for r in find_tables(budget, TITLES["budget"])][:3] == ["B01", "unread:收入总表", "B03"]
    assert [r.table_key for r in find_tables(budget, TITLES["final"])][:1] == ["T01"]


def test_a_budget_is_named_by_its_page_titles(wuxi):
    assert (wuxi.document_kind, wuxi.layout, wuxi.department_name, wuxi.fiscal_year) == (
        "budget", "budget", "无锡市交通运输局（本级）", 2026)
    assert sorted(wuxi.tables) == ["B01", "B03"] and wuxi.missing_tables == []
    assert [i for i in wuxi.issues if i.severity == "error"] == []
    # 苏州 prints the year first on its cover (`2026年度苏州市审计局部门预算公开`).
    suzhou = parse_file(BUDGETS / "suzhou" / "suzhou_02.pdf")
    assert (suzhou.department_name, suzhou.fiscal_year) == ("苏州市审计局", 2026)


def test_the_budget_summary_of_a_wuxi_report(wuxi):
    """公开01表 收支总表 of 无锡市交通运输局（本级）2026: the funds as `…拨款收入`, 财政专户管理资金,
    30 classes (社会保险基金支出 and 预备费 among them), 上年结转结余 / 年终结转结余."""
    cells = {row: v for (row, _), v in _cells(wuxi, "B01").items()}
    assert [cells[k] for k in ("general_budget_appropriation", "government_fund_appropriation",
                               "state_capital_appropriation", "other_income", "income_subtotal", "income_total")] == [
        Decimal("196278.67"), Decimal("143999.00"), Decimal("32640.00"), Decimal("611843.20"),
        Decimal("984760.87"), Decimal("984760.87")]
    assert [cells[k] for k in ("206", "212", "214", "223", "expenditure_subtotal", "expenditure_total")] == [
        Decimal("5000.00"), Decimal("842090.31"), Decimal("103827.76"), Decimal("32640.00"),
        Decimal("984760.87"), Decimal("984760.87")]
    rows = {r.row_key for r in wuxi.tables["B01"].rows}
    assert {"special_account_income", "opening_balance", "closing_balance", "209", "227"} <= rows


def test_the_budget_expenditure_table_of_a_wuxi_report(wuxi):
    """公开03表 支出总表: 合计 first, then codes; its 事业单位经营支出 is the final table's 经营支出."""
    cells = _cells(wuxi, "B03")
    assert [cells[("total", c)] for c in ("total", "basic", "project")] == [
        Decimal("984760.87"), Decimal("3305.86"), Decimal("981455.01")]
    assert cells[("2069999", "project")] == Decimal("5000.00")
    assert (cells[("2080505", "total")], cells[("2080505", "basic")]) == (Decimal("260.05"), Decimal("260.05"))


def test_the_university_budget_summary(swu):
    """西南大学 2023 收支预算总表 (pairs/EXPECTED.md): titled after the university, classes by name
    and ordinal, 结转下年 as the carry-over."""
    assert (swu.document_kind, swu.department_name, swu.fiscal_year) == ("budget", "西南大学", 2023)
    cells = {row: v for (row, _), v in _cells(swu, "B01").items()}
    assert [cells[k] for k in ("appropriation_income", "business_income", "other_income", "other_income_donation",
                               "income_subtotal", "use_of_non_appropriation_balance", "opening_balance",
                               "income_total")] == [
        Decimal("230876.38"), Decimal("122342.73"), Decimal("50265.53"), Decimal("1000.00"), Decimal("403484.64"),
        Decimal("59972.79"), Decimal("93801.70"), Decimal("557259.13")]
    assert [cells[k] for k in ("205", "206", "208", "221", "229", "expenditure_subtotal", "closing_balance",
                               "expenditure_total")] == [
        Decimal("434334.99"), Decimal("2801.72"), Decimal("14616.30"), Decimal("16916.56"), Decimal("109.50"),
        Decimal("468779.07"), Decimal("88480.06"), Decimal("557259.13")]


def test_a_unit_row_among_the_subjects_is_not_a_subject(swu):
    """支出预算表 prints the unit's line (`105236 西南大学`, six digits) under 合计: it is reported,
    not refused, so the table is whole and its sums are checked."""
    cells = _cells(swu, "B03")
    assert [cells[("total", c)] for c in ("total", "basic", "project")] == [
        Decimal("468779.07"), Decimal("376019.88"), Decimal("92759.19")]
    assert [cells[("2050205", c)] for c in ("total", "basic", "project")] == [
        Decimal("396393.59"), Decimal("308469.42"), Decimal("87924.17")]
    assert "105236" not in {r.row_key for r in swu.tables["B03"].rows}
    assert [i.message for i in swu.issues if i.severity == "error"] == []
    assert any("105236" in i.message and "unit" in i.message for i in swu.issues)


@pytest.mark.parametrize("name, department, year", [
    ("beijing_02.pdf", "北京市人力资源和社会保障局", 2026),  # `…保障局 2026 年度` / `部门预算信息公开`
    ("beijing_05.pdf", "北京市信访办公室", 2026),  # `北京市信访办公室部门 2026 年度部门预算`
    ("beijing_11.pdf", "北京市司法局", 2026),  # the name alone, then `2026 年度部门预算信息公开`
])
def test_a_budget_narrative_alone_is_a_budget_of_its_department(name, department, year):
    """北京's 情况说明 files hold no table (the 报表 are published apart): each is its department's
    budget of its year, recognised, not refused as no report."""
    report = parse_file(BUDGETS / "beijing" / name)
    assert (report.document_kind, report.department_name, report.fiscal_year) == ("budget", department, year)
    assert report.tables == {} and report.missing_tables == ["B01", "B03"]


def test_a_xian_budget_is_named_by_its_cover():
    """西安's cover: `西安市人民政府办公厅（汇总）` / `2026年部门预算公开说明`; its part headings
    `第一部分：部门概况` name no department."""
    report = parse_file(BUDGETS / "xian" / "xian_01.pdf")
    assert (report.document_kind, report.department_name, report.fiscal_year) == ("budget", "西安市人民政府办公厅（汇总）", 2026)


def test_a_budget_and_the_final_accounts_of_one_year_stay_two_reports(tmp_path):
    """西南大学's 2023 budget and final sit in one folder, name one department and year, and share
    no table key: they were joined as the parts of one report. A document's kind keeps them apart."""
    from juesuan.load import load_paths

    out = load_paths(sorted((REPORTS / "pairs").glob("*.pdf")), tmp_path / "parsed", workers=2)
    assert sorted((r.department_name, r.fiscal_year, r.parts["kind"], Path(r.source_path).name) for r in out.loaded) == [
        ("西南大学", 2023, "budget", "swu_2023_budget.pdf"), ("西南大学", 2023, "final", "swu_2023_final.pdf")]
