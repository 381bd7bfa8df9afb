"""A budget's other tables (DOMAIN.md, "Budget reports"): 收入总表 (B02), 财政拨款收支总表 (B04), 一般公共
预算基本支出表 (B06), 政府性基金 (B07) and 国有资本经营 (B08) 预算支出表, each a declaration over a grammar
the final tables already have (coded, two-sided). Each rule below is asserted on the real print it
was met in, and fails without it."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest

from juesuan.parse.report import parse_file

from tests.conftest import ROOT

REPORTS = ROOT.parent / "shared" / "reports"
BUDGETS = REPORTS / "budgets"

pytestmark = pytest.mark.skipif(not BUDGETS.is_dir(), reason="../shared/reports/budgets is not beside this checkout")


@cache
def _report(path: str):
    return parse_file(REPORTS / path)


def _cells(path: str, table: str) -> dict[tuple[str, str], Decimal]:
    return {(c.row_key, c.column_key): c.value for c in _report(path).tables[table].cells if c.state == "value"}


def _issues(path: str, table: str, severity: str) -> list[str]:
    return [i.message for i in _report(path).issues if i.table_key == table and i.severity == severity]


BEIJING = "budgets/beijing/beijing_tongjiju_2026_biao.pdf"


def test_an_income_table_by_unit_keys_its_rows_by_unit():
    """无锡市统计局's 收入总表 lists its units under `部门代码`: the department (327) and its two units are
    units, not subjects (327 is no 类), each row's 合计 = 本年收入 + 上年结转结余."""
    cells = _cells("budgets/wuxi/wuxi_04.pdf", "B02")
    assert {r.row_key for r in _report("budgets/wuxi/wuxi_04.pdf").tables["B02"].rows} == {
        "total", "unit_327", "unit_327001", "unit_327002"}
    assert [cells[("unit_327001", c)] for c in ("income_total", "total", "general_budget")] == [Decimal("2663.92")] * 3
    assert cells[("unit_327002", "income_total")] == Decimal("546.18")


def test_an_income_table_of_one_row_is_its_total():
    """北京市统计局's 预算02表 prints one row of figures under its header, no code and no name: its 合计
    (budgets/EXPECTED.md), the year's funds and those carried in told apart by the header above them."""
    cells = _cells(BEIJING, "B02")
    assert cells == {
        ("total", "income_total"): Decimal("51036.219169"), ("total", "total"): Decimal("50666.454093"),
        ("total", "general_budget"): Decimal("50665.496773"), ("total", "other"): Decimal("0.957320"),
        ("total", "opening_balance"): Decimal("369.765076"), ("total", "opening_general_budget"): Decimal("152.679076"),
        ("total", "opening_unit_funds"): Decimal("217.086000")}


def test_an_income_table_by_subject_and_its_university_columns():
    """西南大学's 收入预算表 is by subject code, with 上年结转, 财政拨款收入 and 事业收入 with its 其中：教育收费."""
    cells = _cells("pairs/swu_2023_budget.pdf", "B02")
    assert [cells[("2050205", c)] for c in ("income_total", "opening_balance", "fiscal_appropriation", "business",
                                            "business_tuition", "other", "use_of_non_appropriation_balance")] == [
        Decimal(v) for v in ("483848.18", "90686.29", "181866.03", "121212.23", "73212.23", "37283.63", "52800.00")]


def test_two_units_under_one_code_are_two_rows():
    """西安市公安局 prints 153002 for 交通管理支队 and for 交通警察支队, each with its own figures: both are
    loaded, the second keyed by its order, and a warning says so (no row is dropped as a repeat)."""
    cells = _cells("budgets/xian/xian_03.pdf", "B02")
    assert cells[("unit_153002", "income_total")] == Decimal("1181831909.95")
    assert cells[("unit_153002_2", "income_total")] == Decimal("54696640.13")
    assert _issues("budgets/xian/xian_03.pdf", "B02", "error") == []
    assert any("153002" in m for m in _issues("budgets/xian/xian_03.pdf", "B02", "warning"))


def test_a_header_line_of_column_numbers_names_no_column():
    """西安's 2020 收入总表 prints `** ** 1 2 3 …` under its header: the numbers are no part of the labels
    (its columns were all unmatched before)."""
    cells = _cells("budgets/xian/xian_09.pdf", "B02")
    assert (cells[("total", "income_total")], cells[("total", "general_budget")], cells[("total", "opening_balance")]) == (
        Decimal("182157.13"), Decimal("181716.56"), Decimal("90.57"))
    assert _issues("budgets/xian/xian_09.pdf", "B02", "error") == []


def test_an_amount_wrapped_in_its_cell_is_read_whole():
    """无锡市交通运输局（本级）'s 收入总表 wraps `143,999.00` in its cell as `143,999.0` over `0`."""
    cells = _cells("budgets/wuxi/wuxi_01.pdf", "B02")
    assert (cells[("total", "government_fund")], cells[("total", "state_capital")]) == (Decimal("143999.00"), Decimal("32640.00"))
    assert _issues("budgets/wuxi/wuxi_01.pdf", "B02", "error") == []


def test_a_table_whose_rows_begin_nowhere_its_header_says_is_an_error():
    """西安市工业和信息化局's 2022 收入总表 sets its header vertically and numbers its rows: no row begins as
    a code or 合计 where the header puts them. Said, never loaded as an empty table."""
    assert _report("budgets/xian/xian_15.pdf").tables["B02"].rows == []
    assert [m.startswith("none of the table's 8 rows of figures") for m in _issues("budgets/xian/xian_15.pdf", "B02", "error")] == [True]


def test_an_appropriation_summary_keys_the_funds_carried_in_as_parts():
    """财政拨款收支总表: the funds printed again under 上年结转 are its parts (无锡 `（一）` under `二、`, printed
    blank; 北京 `一、` under the unnumbered `上年结转结余`), the funds under 西安's `一、财政拨款` its parts too;
    under 西安 2020's `1、财政拨款` printed blank, the `(1)` lines are the lines themselves."""
    wuxi = {r.row_key for r in _report("budgets/wuxi/wuxi_05.pdf").tables["B04"].rows}
    assert {"general_budget_appropriation", "opening_balance_general_budget", "opening_balance_state_capital"} <= wuxi
    assert _cells("budgets/wuxi/wuxi_05.pdf", "B04")[("general_budget_appropriation", "amount")] == Decimal("152585.76")
    beijing = _cells(BEIJING, "B04")
    assert (beijing[("general_budget_appropriation", "amount")], beijing[("opening_balance_general_budget", "amount")],
            beijing[("income_total", "amount")]) == (Decimal("50665.496773"), Decimal("152.679076"), Decimal("50818.175849"))
    xian = _cells("budgets/xian/xian_05.pdf", "B04")
    assert xian[("appropriation_income_general_budget", "amount")] == Decimal("40052896.08")
    assert ("general_budget_appropriation", "amount") not in xian
    assert _cells("budgets/xian/xian_09.pdf", "B04")[("general_budget_appropriation", "amount")] == Decimal("181716.56")


def test_a_basic_expenditure_table_by_economic_code():
    """一般公共预算基本支出表: 无锡's tree of economic codes with 合计 | 人员经费 | 公用经费."""
    cells = _cells("budgets/wuxi/wuxi_05.pdf", "B06")
    assert [cells[("total", c)] for c in ("total", "personnel", "public")] == [
        Decimal("26790.33"), Decimal("25530.51"), Decimal("1259.82")]
    assert (cells[("30101", "personnel")], cells[("302", "public")]) == (Decimal("3720.78"), Decimal("1259.82"))


def test_a_total_printed_under_another_classification():
    """合计 printed under the second classification (北京's 预算06表, a cross list of 政府 × 部门 economic
    codes: its 合计 alone is read) and under 政府经济科目名称 (西安 2020) is the table's 合计."""
    beijing = _cells(BEIJING, "B06")
    assert beijing == {("total", "total"): Decimal("32757.015217"), ("total", "personnel"): Decimal("29860.171136"),
                       ("total", "public"): Decimal("2896.844081")}
    assert _cells("budgets/xian/xian_09.pdf", "B06")[("total", "total")] == Decimal("8563.95")


def test_another_classification_beside_each_row_is_no_figure():
    """西安's 基本支出明细表（按支出经济分类科目） prints each 部门 code's 政府 code and name after its name:
    a warning, not an unread column of figures; the 部门 rows are read."""
    cells = _cells("budgets/xian/xian_05.pdf", "B06")
    assert cells[("30101", "total")] == Decimal("7059565.80") and cells[("total", "public")] == Decimal("1985851.68")
    assert _issues("budgets/xian/xian_05.pdf", "B06", "error") == []
    assert sum("names another classification" in m for m in _issues("budgets/xian/xian_05.pdf", "B06", "warning")) == 2


def test_a_table_of_contents_entry_is_no_table():
    """西安's 报表目录 lists `表8 <title>` rows with cells after them: the entry is no table, the table is
    where its title is followed by its rows (line 437, not the 目录's 246)."""
    assert _report("budgets/xian/xian_05.pdf").tables["B06"].title_line == 437


def test_the_fund_tables_have_the_general_budget_tables_columns():
    """政府性基金预算支出表 (B07) and 国有资本经营预算支出表 (B08): B05's columns and tree. 无锡市交通运输局
    (本级) spends its 143,999.00 of 国有土地使用权出让收入 and 32,640.00 of 国有资本经营预算 on projects;
    most departments print both tables empty."""
    fund = _cells("budgets/wuxi/wuxi_01.pdf", "B07")
    assert [fund[(r, "project")] for r in ("total", "212", "21208", "2120803")] == [Decimal("143999.00")] * 4
    capital = _cells("budgets/wuxi/wuxi_01.pdf", "B08")
    assert [capital[(r, "total")] for r in ("total", "223", "22399", "2239999")] == [Decimal("32640.00")] * 4
    assert _report("budgets/wuxi/wuxi_05.pdf").tables["B07"].no_data


def test_a_procurement_table_keeps_its_categories():
    """政府采购支出表 (无锡, 苏州): the 合计, 货物, 工程 and 服务 rows by source of funds, each unit's purchases
    under its category counted in a warning; 北京's 预算10表 names its categories by catalogue letter
    (`A-货物`, `C-服务`) with one 金额."""
    wuxi = _cells("budgets/wuxi/wuxi_05.pdf", "B12")
    assert [wuxi[(r, "general_budget")] for r in ("total", "goods", "works", "services")] == [
        Decimal("1933.61"), Decimal("38.38"), Decimal("700.00"), Decimal("1195.23")]
    assert [m.startswith("48 rows list the units and purchases") for m in _issues("budgets/wuxi/wuxi_05.pdf", "B12", "warning")] == [True]
    assert _cells(BEIJING, "B12") == {("goods", "total"): Decimal("3887.172900"), ("services", "total"): Decimal("5177.883268"),
                                      ("total", "total"): Decimal("9065.056168")}


def test_the_three_public_costs_by_year_group():
    """西安's 三公 table prints 上年 | 当年 | 增减变化情况 (2020: `2019年` | `2020年` | …) over a row per unit:
    the 合计 row's groups are the rows prior_budget, budget and change, each group's own 合计 (with 会议费
    and 培训费) `total_with_meeting_training`; `公务用车购置` (no 费) is the vehicle purchase."""
    cells = _cells("budgets/xian/xian_05.pdf", "B09")
    assert [cells[(r, "total")] for r in ("prior_budget", "budget", "change")] == [
        Decimal("120000.00"), Decimal("102000.00"), Decimal("-18000.00")]
    assert (cells[("budget", "total_with_meeting_training")], cells[("budget", "training")]) == (
        Decimal("332000.00"), Decimal("210000.00"))
    old = _cells("budgets/xian/xian_09.pdf", "B09")
    assert [old[(r, "total")] for r in ("prior_budget", "budget", "change")] == [
        Decimal("66.57"), Decimal("29.30"), Decimal("-37.27")]
    assert old[("budget", "vehicle_purchase")] == Decimal("0.00") and _issues("budgets/xian/xian_09.pdf", "B09", "error") == []


def test_the_three_public_costs_after_a_serial_number_column():
    """西安 2022 prints a 序号 and a unit code before each row's name (`1 | | 合计`, `2 | 263 | 西安市商务局`):
    the 合计 row is found by its name, the first cell that is not a number, with figures after it (the
    header's 合计 has labels after it)."""
    commerce = _cells("budgets/xian/xian_12.pdf", "B09")  # 西安市商务局 2022, 元
    assert [commerce[(r, "total")] for r in ("prior_budget", "budget", "change")] == [
        Decimal("68300.00"), Decimal("343000.00"), Decimal("274700.00")]
    assert commerce[("budget", "total_with_meeting_training")] == Decimal("582902.00")
    transport = _cells("budgets/xian/xian_08.pdf", "B09")  # 西安市交通运输局 2022, 万元
    assert (transport[("budget", "vehicle_operation")], transport[("change", "meeting")]) == (Decimal("210.00"), Decimal("-40.58"))
    assert _issues("budgets/xian/xian_12.pdf", "B09", "error") == []


def test_a_negative_whole_number_in_a_ruled_cell_is_an_amount():
    """西安市医疗保障局 2022 prints its decrease in whole 元 (`-20400`): an amount in a money cell."""
    cells = _cells("budgets/xian/xian_11.pdf", "B09")
    assert (cells[("change", "reception")], cells[("budget", "reception")]) == (Decimal("-20400"), Decimal("10000"))
    assert _issues("budgets/xian/xian_11.pdf", "B09", "error") == []


def test_two_columns_read_as_one_item_of_the_budget_row_place_neither():
    """北京市统计局's 预算09表 (one row of figures under its items) with its 公务接待费 header printed as
    因公出国 again: the two columns read as one item place neither, and the others are placed (as in
    西安's groups below; the second was loaded beside the first)."""
    from dataclasses import replace

    from juesuan.parse.layout import find_tables
    from juesuan.parse.source import read_source
    from juesuan.parse.tables import TITLES
    from juesuan.parse.tables.b09_budget_three_public_costs import parse
    from juesuan.read.lines import content_lines

    lines = content_lines(read_source(REPORTS / BEIJING).text)
    region = next(r for r in find_tables(lines, TITLES["budget"]) if r.table_key == "B09")
    misprinted = [ln._replace(text=ln.text.replace("\t公务接待费\t", "\t因公出国（境）费用\t")) for ln in region.lines]
    table = parse(replace(region, lines=misprinted), "万元")
    cells = {c.column_key: c.value for c in table.cells}
    assert "overseas" not in cells and cells["total"] == Decimal("73.790000") and cells["vehicle_subtotal"] == Decimal("27.420000")
    assert [i.message for i in table.issues if i.severity == "error"] == [
        "columns '预算09表财政拨款“三公”经费支出表/因公出国（境）费用, 预算09表财政拨款“三公”经费支出表/因公出国（境）费用' "
        "are each read as overseas of 预算数; none is loaded"]


def test_two_columns_read_as_one_item_place_neither():
    """西安市工业和信息化局 2022 prints its 三公 header in vertical text, one character a line: its 2022
    group's 三公 小计 and 公务用车 小计 both read as the 小计 of the 三公, so neither is placed; the columns
    its header names whole (each group's 合计, 培训费) are."""
    cells = _cells("budgets/xian/xian_15.pdf", "B09")
    assert ("budget", "total") not in cells and cells[("budget", "training")] == Decimal("316600")
    assert cells[("prior_budget", "total")] == Decimal("18500")
    assert sum("are each read as total of 预算数" in m for m in _issues("budgets/xian/xian_15.pdf", "B09", "error")) == 1


def test_the_regional_running_costs_and_appropriation_basic_tables():
    """无锡 and 苏州 print 一般公共预算机关运行经费支出预算表 (B15: economic codes, one column) and 财政拨款基本支出表
    （经济科目） (B16: B06's shape over every appropriation fund)."""
    running = _cells("budgets/wuxi/wuxi_05.pdf", "B15")
    assert (running[("total", "amount")], running[("302", "amount")], running[("30201", "amount")]) == (
        Decimal("625.43"), Decimal("625.43"), Decimal("198.77"))
    basic = _cells("budgets/wuxi/wuxi_05.pdf", "B16")
    assert [basic[("total", c)] for c in ("total", "personnel", "public")] == [
        Decimal("26790.33"), Decimal("25530.51"), Decimal("1259.82")]


def test_xians_basic_expenditure_by_function_code():
    """西安's 表7 一般公共预算基本支出明细表（按支出功能分类科目） (B17): function codes with 合计 | 人员经费支出 |
    公用经费支出, the 基本支出 its 一般公共预算支出表 (B05) prints code by code."""
    cells = _cells("budgets/xian/xian_05.pdf", "B17")
    general = _cells("budgets/xian/xian_05.pdf", "B05")
    assert [cells[("total", c)] for c in ("total", "personnel", "public")] == [
        Decimal("33544216.08"), Decimal("31558364.40"), Decimal("1985851.68")]
    assert cells[("2010801", "personnel")] == general[("2010801", "personnel")] == Decimal("21523949.82")


def test_a_subject_repeated_beside_another_classification_keeps_the_total_only():
    """西安市司法局's 基本支出 by economic code prints a 部门 code once per 政府 code beside it (30111 under
    50102 and 50501): no 部门 row is the department's whole, so only its 合计 is loaded, and the warning
    names both causes of a repeated subject."""
    report = _report("budgets/xian/xian_04.pdf")
    assert [r.row_key for r in report.tables["B06"].rows] == ["total"]
    warning = [m for m in _issues("budgets/xian/xian_04.pdf", "B06", "warning") if "more than once" in m]
    assert len(warning) == 1 and "another classification printed beside them" in warning[0]


def test_xians_general_budget_expenditure_by_economic_code():
    """西安's 表6 一般公共预算支出明细表（按支出经济分类科目） (B18), a table kind added as its module alone:
    B06's economic rows with 专项业务经费支出 beside 人员经费 and 公用经费. Its 合计 is B05's 合计 and its
    人员经费 and 公用经费 are B06's (xb05_18_total, xb06_18_*); 差旅费 is mostly project money."""
    cells = _cells("budgets/xian/xian_05.pdf", "B18")
    assert [cells[("total", c)] for c in ("total", "personnel", "public", "project")] == [
        Decimal("40052896.08"), Decimal("31558364.40"), Decimal("1985851.68"), Decimal("6508680.00")]
    assert [cells[("30211", c)] for c in ("total", "public", "project")] == [
        Decimal("2800000.00"), Decimal("350000.00"), Decimal("2450000.00")]
    assert cells[("total", "total")] == _cells("budgets/xian/xian_05.pdf", "B05")[("total", "total")]
    assert cells[("total", "personnel")] == _cells("budgets/xian/xian_05.pdf", "B06")[("total", "personnel")]
    # 2022's title says the year's money without what is carried over (西安市医疗保障局).
    assert _cells("budgets/xian/xian_11.pdf", "B18")[("total", "project")] == Decimal("457432345")


def test_a_title_qualified_by_the_money_it_leaves_out_is_the_same_table():
    """西安 2021–2022 qualify a title by what it leaves out, `（不含上年结转）` or `（按支出功能分类科目-不含上年
    结转）`: the same table of the year's money alone (西安市住房和城乡建设局's 三公 and 基本支出 by function)."""
    report = _report("budgets/xian/xian_10.pdf")
    assert {"B09", "B17"} <= set(report.tables)
    assert report.tables["B09"].title.endswith("培训费支出预算表（不含上年结转）")
    assert _cells("budgets/xian/xian_10.pdf", "B17")[("total", "total")] > 0


def test_a_title_wrapped_onto_the_next_line():
    """A title whose bracket is left open (`…（按支出功能分类科` over `目-不含上年结转）`), whose bracket is the
    next line (`…支出明细表` over `（按经济分类科目分）`) or whose list of items goes on (`…“三公”经费、` over
    `会议费、培训费表（不含上年结转）`) is one title; its table's second page, under the wrapped title again,
    is read on (the `表5` above it is no other table's number)."""
    propaganda = _report("budgets/xian/xian_14.pdf")  # 中共西安市委宣传部 2021
    assert {"B05", "B06", "B17", "B18", "B09"} <= set(propaganda.tables)
    assert _cells("budgets/xian/xian_14.pdf", "B05")[("2210203", "total")] == Decimal("994470.60")  # page 2
    transport = _report("budgets/xian/xian_08.pdf")  # 西安市交通运输局 2022, in 万元
    # Its 三公 title is found (`…“三公”经费、` over `会议费、培训费表…`), though its grid is not read yet.
    assert {"B18", "B06", "B09"} <= set(transport.tables)
    assert _cells("budgets/xian/xian_08.pdf", "B06")[("total", "personnel")] == Decimal("17739.85")


def test_a_code_split_by_the_classification_printed_beside_it_loads_no_row_of_it():
    """西安市国资委 2022 prints 30103 奖金 twice in its 基本支出表, beside 政府 codes 50101 and 50905, with other
    figures: neither row is 30103's whole, so neither is loaded (an error naming both lines); the codes
    printed once stay. Before, the first was kept as if it were 30103's whole."""
    cells = _cells("budgets/xian/xian_13.pdf", "B06")
    assert not any(row == "30103" for row, _ in cells)
    assert cells[("30101", "total")] == Decimal("3431345.40")
    errors = _issues("budgets/xian/xian_13.pdf", "B06", "error")
    assert len(errors) == 1 and "lines 503, 504" in errors[0] and "政府经济科目编码" in errors[0]
