"""The 高等学校 four-table layout (../shared/reports/pairs, EXPECTED.md there): 西南大学's 2023 final
accounts. Its tables are titled 高等学校收支决算总表, 高等学校收入决算表, 高等学校支出决算表 and
高等学校财政拨款支出决算表 (T01, T02, T03 and T11); a report of that layout has no 基本支出, 三公 or
fund tables to miss. Each rule below is asserted on the print it was met in.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan.parse.layout import find_tables, read_header, report_region, report_scope
from juesuan.parse.tables import TITLES
from juesuan.read.lines import content_lines
from juesuan.parse.report import parse_file
from juesuan.parse.source import read_source

from tests.conftest import ROOT

SWU_FINAL = ROOT.parent / "shared" / "reports" / "pairs" / "swu_2023_final.pdf"

pytestmark = pytest.mark.skipif(not SWU_FINAL.exists(), reason="../shared/reports/pairs is not beside this checkout")


@pytest.fixture(scope="module")
def swu():
    return parse_file(SWU_FINAL)


def _cells(report, table):
    return {(c.row_key, c.column_key): c.value for c in report.tables[table].cells if c.state == "value"}


def test_the_university_layout_is_a_report_with_its_four_tables(swu):
    # Was refused whole: "not a final-accounts report".
    assert (swu.department_name, swu.fiscal_year, swu.layout) == ("西南大学", 2023, "university")
    assert sorted(swu.tables) == ["T01", "T02", "T03", "T11"]
    # No 基本支出, 三公 or fund table is expected of this layout: none is missing.
    assert swu.missing_tables == []
    assert [i for i in swu.issues if i.severity == "error"] == []


def test_an_empty_unit_name_line_names_nothing(swu):
    # U1 prints `单位名称：` empty, then `单位：万元`: the unit of amounts is no department (the
    # report is named by its cover).
    headers = [read_header(region) for region in find_tables(content_lines(read_source(SWU_FINAL).text), TITLES["final"])]
    assert len(headers) == 4 and not {h.department_name for h in headers} - {"", None}
    assert swu.department_name == "西南大学"


def test_the_summary_with_its_closing_rows(swu):
    """U1: six income lines, the classes, then 使用非财政拨款结余 / 结余分配, 上年结转和结余 /
    年末结转和结余 and 合计 / 合计 (EXPECTED.md: 569,496.54 both sides)."""
    cells = {row: v for (row, _), v in _cells(swu, "T01").items()}
    assert [cells[k] for k in ("appropriation_income", "appropriation_income_government_fund", "business_income",
                               "other_income", "other_income_donation", "income_subtotal")] == [
        Decimal("243015.38"), Decimal("109.50"), Decimal("136385.24"), Decimal("51324.41"), Decimal("44.20"),
        Decimal("430725.03")]
    assert [cells[k] for k in ("205", "206", "208", "221", "229", "expenditure_subtotal")] == [
        Decimal("425287.27"), Decimal("2536.65"), Decimal("13465.06"), Decimal("16278.27"), Decimal("109.50"),
        Decimal("457676.75")]
    assert [cells[k] for k in ("use_of_non_appropriation_balance", "opening_balance", "income_total",
                               "balance_distribution", "closing_balance", "expenditure_total")] == [
        Decimal("45110.97"), Decimal("93660.54"), Decimal("569496.54"),
        Decimal("4970.88"), Decimal("106848.91"), Decimal("569496.54")]


def test_a_non_additive_sub_column_is_its_own_column(swu):
    """U2's `事业收入 其中：教育收费` is part of 事业收入, never a fourth addend of the row."""
    cells = _cells(swu, "T02")
    assert [cells[("205", c)] for c in ("total", "fiscal_appropriation", "business", "business_tuition", "other")] == [
        Decimal("399693.48"), Decimal("220752.34"), Decimal("136385.24"), Decimal("73648.19"), Decimal("42555.90")]
    assert cells[("205", "fiscal_appropriation")] + cells[("205", "business")] + cells[("205", "other")] == \
        cells[("205", "total")]
    assert cells[("total", "total")] == Decimal("430725.03")


def test_the_expenditure_table_under_its_own_title(swu):
    cells = _cells(swu, "T03")
    assert [cells[("total", c)] for c in ("total", "basic", "project")] == [
        Decimal("457676.75"), Decimal("359781.59"), Decimal("97895.15")]
    # EXPECTED.md: 205's 基本 + 项目 is 425,287.28 against 425,287.27 printed, kept as printed.
    assert [cells[("205", c)] for c in ("total", "basic", "project")] == [
        Decimal("425287.27"), Decimal("329209.55"), Decimal("96077.73")]


def test_the_appropriation_table_with_its_total_in_the_header_row(swu):
    """U4 prints 合计 in its header row (`类 款 项 合计 237,100.00 …`) and again at the bottom: the
    first is the total row, the second a repeat not loaded twice. 基本建设资金 is a sub-column of 项目."""
    cells = _cells(swu, "T11")
    assert [cells[("total", c)] for c in ("total", "basic", "project", "project_capital_construction")] == [
        Decimal("237100.00"), Decimal("199015.13"), Decimal("38084.87"), Decimal("6894.90")]
    assert [c.source_line for c in swu.tables["T11"].cells if c.row_key == "total" and c.column_key == "total"] == [224]
    assert [i for i in swu.issues if i.table_key == "T11" and "printed again" in i.message]
    # EXPECTED.md: the class rows give 237,100.00 too, without 229 (U4 omits it).
    assert sum(cells[(k, "total")] for k in ("205", "206", "208", "221")) == Decimal("237100.00")
    assert ("229", "total") not in cells


def test_a_continued_page_whose_grid_merges_the_code_columns(swu):
    """On U4's second page the grid gives 类/款/项 as one column: `2060201` still lands in its row
    with its figures under 合计 and 基本 (was an unreadable row, the page lost)."""
    cells = _cells(swu, "T11")
    assert (cells[("2060201", "total")], cells[("2060201", "basic")]) == (Decimal("828.72"), Decimal("828.72"))
    assert cells[("20805", "total")] == Decimal("13345.79")


def test_the_narrative_of_the_university_layout(swu):
    figures = {(f.subject, f.subject_code, f.attribute): f.value for f in swu.narrative}
    # 本年收入合计 / 本年支出合计 are the subtotals of this layout (its 合计 is 收入总计).
    assert figures[("income_subtotal", None, "amount")] == Decimal("430725.03")
    assert figures[("expenditure_subtotal", None, "amount")] == Decimal("457676.75")
    # `减少 23,616.80 万元，降低 5.20%`: 降低 is a fall.
    assert figures[("income_subtotal", None, "change_rate")] == Decimal("-5.20")
    # `财政拨款支出…其中：基本支出 199,015.13 万元，占 83.94%`: the appropriation's own parts.
    assert figures[("appropriation_basic_expenditure", None, "amount")] == Decimal("199015.13")
    assert figures[("appropriation_basic_expenditure", None, "share")] == Decimal("83.94")
    assert figures[("appropriation_project_expenditure", None, "amount")] == Decimal("38084.87")
    # `高等教育（2050205），2023 年度决算数为 186,663.39万元`: an item named with its printed code.
    assert figures[("appropriation_item", "2050205", "final")] == Decimal("186663.39")


@pytest.mark.parametrize("name, region, scope", [
    ("西安市卫生健康委员会（汇总）", "西安市", "consolidated"),
    ("西安市卫生健康委员会（本级）", "西安市", "own"),
    ("上海市普陀区文化和旅游局", "上海市普陀区", None),
    ("佛山市轨道交通局", "佛山市", None),
    ("中共高平市委组织部", "高平市", None),
    ("西南大学", None, None),
    (None, None, None),
])
def test_region_and_scope_from_the_department_name(name, region, scope):
    assert (report_region(name), report_scope(name)) == (region, scope)
