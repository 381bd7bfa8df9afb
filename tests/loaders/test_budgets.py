"""Budget reports (部门预算; ../shared/reports/budgets and pairs, MANIFEST.md and EXPECTED.md there).
A budget is recognised by its titles, named by its cover or page titles, and its 收支总表 (B01) and
支出总表 (B03) are read by the final tables' grammars under their own keys. Each rule below is
asserted on a real print it was met in, and fails without it.
"""

from __future__ import annotations

import dataclasses

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.parse.layout import document_kind, find_tables
from juesuan.read.lines import content_lines
from juesuan.parse.report import parse_file
from juesuan.parse.source import read_source
from juesuan.parse.tables import PARSERS, TITLES

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
    assert [r.table_key for r in find_tables(budget, TITLES["budget"])] == [
        "B01", "B02", "B03", "B04", "B14", "B16", "B05", "B06", "B09", "B07", "B08", "B15", "B12"]
    assert [r.table_key for r in find_tables(budget, TITLES["final"])][:1] == ["T01"]


def test_a_budget_is_named_by_its_page_titles(wuxi):
    assert (wuxi.document_kind, wuxi.layout, wuxi.department_name, wuxi.fiscal_year) == (
        "budget", "budget", "无锡市交通运输局（本级）", 2026)
    assert sorted(wuxi.tables) == ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B12", "B14",
                                  "B15", "B16"]
    assert wuxi.missing_tables == []
    assert [i for i in wuxi.issues if i.severity == "error"] == []
    # 苏州 prints the year first on its cover (`2026年度苏州市审计局部门预算公开`).
    suzhou = parse_file(BUDGETS / "suzhou" / "suzhou_02.pdf")
    assert (suzhou.department_name, suzhou.fiscal_year) == ("苏州市审计局", 2026)
    summary = {row: v for (row, _), v in _cells(suzhou, "B01").items()}
    assert (summary["general_budget_appropriation"], summary["201"], summary["income_total"],
            summary["expenditure_total"]) == (Decimal("4651.67"), Decimal("2906.63"), Decimal("4651.67"), Decimal("4651.67"))
    general = _cells(suzhou, "B05")
    assert [general[("total", c)] for c in ("total", "basic", "personnel", "public", "project")] == [
        Decimal("4651.67"), Decimal("4312.17"), Decimal("3916.57"), Decimal("395.60"), Decimal("339.50")]


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
    assert report.tables == {} and report.missing_tables == ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B12"]


def test_a_xian_budget_is_named_by_its_cover():
    """西安's cover: `西安市人民政府办公厅（汇总）` / `2026年部门预算公开说明`; its part headings
    `第一部分：部门概况` name no department."""
    report = parse_file(BUDGETS / "xian" / "xian_01.pdf")
    assert (report.document_kind, report.department_name, report.fiscal_year) == ("budget", "西安市人民政府办公厅（汇总）", 2026)


def test_a_budget_and_the_final_accounts_of_one_year_stay_two_reports(tmp_path):
    """西南大学's 2023 budget and final sit in one folder, name one department and year, and share
    no table key: they were joined as the parts of one report. A document's kind keeps them apart."""
    from juesuan.load.batch import load_paths

    out = load_paths(sorted((REPORTS / "pairs").glob("*.pdf")), tmp_path / "parsed", workers=2)
    assert sorted((r.department_name, r.fiscal_year, r.parts["kind"], Path(r.source_path).name) for r in out.loaded) == [
        ("西南大学", 2023, "budget", "swu_2023_budget.pdf"), ("西南大学", 2023, "final", "swu_2023_final.pdf")]


def _xian(n):
    return parse_file(BUDGETS / "xian" / f"xian_{n:02d}.pdf")


def test_a_summary_printing_the_expenditure_in_several_classifications():
    """西安's 部门综合预算收支总表: a 序号 column, then income, and the expenditure by function class,
    by 部门预算 economic class and by 政府预算 economic class side by side. The function classes are
    the table's rows; the other two are reported as not read. `(1)一般公共预算拨款` under
    `1、财政拨款` is its part, so 本年收入合计 = Σ lines counts the appropriation once."""
    report = _xian(8)
    table = report.tables["B01"]
    cells = {row: v for (row, _), v in _cells(report, "B01").items()}
    assert [cells[k] for k in ("department_budget_income", "appropriation_income", "appropriation_income_general_budget",
                               "general_budget_special_funds", "income_subtotal", "income_total")] == [
        Decimal("74868.34"), Decimal("74868.34"), Decimal("74868.34"), Decimal("28921.00"), Decimal("74868.34"),
        Decimal("74868.34")]
    assert "general_budget_appropriation" not in cells
    assert [cells[k] for k in ("205", "208", "214", "221", "expenditure_subtotal", "expenditure_total")] == [
        Decimal("179.17"), Decimal("1983.46"), Decimal("70074.57"), Decimal("1838.94"), Decimal("74868.34"),
        Decimal("74868.34")]
    assert [i.severity for i in table.issues] == ["warning"] and "other classifications" in table.issues[0].message
    # The 序号 is the income line's number.
    assert next(r.line_number for r in table.rows if r.row_key == "income_subtotal") == 31


def test_the_2020_template_summary():
    """西安's 2020 budget: class names without 支出 or cut short (`1、一般公共服务`, `7、文化旅游`,
    `19、自然资源`), `下级单位上缴收入`, and `1、财政拨款` printed blank above its funds, which are then
    the lines themselves. Its `政府性基金收支总表` is no second 收支总表."""
    report = _xian(9)
    cells = {row: v for (row, _), v in _cells(report, "B01").items()}
    assert {"201", "207", "220", "223", "224", "affiliated_remittance"} <= {r.row_key for r in report.tables["B01"].rows}
    assert (cells["general_budget_appropriation"], cells["income_subtotal"], cells["opening_balance"],
            cells["income_total"]) == (Decimal("181716.56"), Decimal("182066.56"), Decimal("90.57"), Decimal("182157.13"))
    assert [i.message for i in report.issues if i.severity == "error"] == []


def test_a_title_printed_in_faked_bold_is_read():
    """西安市商务局's titles are drawn several times a hair apart (`表表表表表表111111`): one character
    each, the 收支总表 and its unit (元) are read."""
    report = _xian(12)
    assert report.amount_unit == "元"
    cells = {row: v for (row, _), v in _cells(report, "B01").items()}
    assert cells["income_total"] == cells["expenditure_total"] == Decimal("581242867.20")


def test_a_table_number_alone_ends_the_table_before_it():
    """西安 2021: `表2` above `2021年部综合预算收入总表` (a 门 short, so no title read) ends the 收支总表;
    the `表1` heading its continued pages does not."""
    report = _xian(14)
    table = report.tables["B01"]
    assert [i.severity for i in table.issues] == ["warning"]
    cells = {row: v for (row, _), v in _cells(report, "B01").items()}
    assert cells["income_total"] == cells["expenditure_total"] == Decimal("258596001.79")
    assert cells["expenditure_subtotal"] == Decimal("258596001.79")


def test_the_general_budget_expenditure_with_its_basic_split(wuxi):
    """一般公共预算支出表 (B05): 合计 | 基本支出 (小计, 人员经费, 公用经费) | 项目支出."""
    cells = _cells(wuxi, "B05")
    assert [cells[("total", c)] for c in ("total", "basic", "personnel", "public", "project")] == [
        Decimal("196278.67"), Decimal("3305.86"), Decimal("3115.12"), Decimal("190.74"), Decimal("192972.81")]


def test_the_general_budget_expenditure_by_its_basic_parts_alone():
    """西安's 表5 prints no 基本支出, only 人员经费支出 and 公用经费支出, and 专项业务经费支出 for 项目;
    its 2020 print gives a 款 by its two digits under its 类 (`201`, then `10 人力资源事务`: 20110)."""
    cells = _cells(_xian(1), "B05")
    assert [cells.get(("total", c)) for c in ("total", "basic", "personnel", "public", "project")] == [
        Decimal("92165133.99"), None, Decimal("60272768.69"), Decimal("4389765.30"), Decimal("27502600.00")]
    report = _xian(9)
    cells = _cells(report, "B05")
    assert (cells[("20110", "total")], cells[("20503", "personnel")], cells[("2050303", "total")]) == (
        Decimal("56.52"), Decimal("412.91"), Decimal("3523.12"))
    assert [i.message for i in report.tables["B05"].issues if i.severity == "error"] == []


def test_a_title_that_only_ends_as_a_declared_one_is_not_it():
    """`2020年部门综合预算政府性基金收支总表` (西安 2020) ends as 收支总表 does. A department's name may
    stand before a title (`西南大学收支预算总表`), but budget words may not: with no title of its own
    declared, it is still no second 收支总表."""
    lines = content_lines(read_source(BUDGETS / "xian" / "xian_09.pdf").text)
    titles = dataclasses.replace(TITLES["budget"], unread=tuple(t for t in TITLES["budget"].unread if "政府性基金收支" not in t))
    summary = next(r for r in find_tables(lines, titles) if r.table_key == "B01")
    assert summary.title_line == 354 and summary.repeats == ()


def test_the_appropriation_expenditure_of_every_fund(swu):
    """财政拨款支出预算表 (西南大学, pairs/EXPECTED.md): the budget's twin of T11, its total column headed
    财政拨款支出, 合计 printed last; 229 (政府性基金) included."""
    cells = _cells(swu, "B14")
    assert [cells[("total", c)] for c in ("total", "basic", "project")] == [
        Decimal("230876.38"), Decimal("199019.33"), Decimal("31857.05")]
    assert [cells[(k, "total")] for k in ("205", "2050205", "208", "221", "229")] == [
        Decimal("208613.34"), Decimal("181866.03"), Decimal("13345.79"), Decimal("7629.03"), Decimal("109.50")]


def test_the_budget_three_public_costs(wuxi):
    """一般公共预算“三公”经费、会议费、培训费支出表 (无锡): the items as columns, 会议费 and 培训费 beside
    them, over one row: the budget year's."""
    report = parse_file(BUDGETS / "wuxi" / "wuxi_05.pdf")
    cells = {c: v for (r, c), v in _cells(report, "B09").items() if r == "budget"}
    assert cells == {"total": Decimal("61.40"), "overseas": Decimal("0.00"), "vehicle_subtotal": Decimal("36.58"),
                     "vehicle_purchase": Decimal("17.98"), "vehicle_operation": Decimal("18.60"),
                     "reception": Decimal("24.82"), "meeting": Decimal("13.55"), "training": Decimal("77.72")}


@pytest.fixture(scope="module")
def beijing_load(tmp_path_factory):
    """北京市统计局's budget as published: a 情况说明 file and a 报表 file in one folder."""
    from juesuan.load.batch import load_paths

    folder = BUDGETS / "beijing"
    return load_paths([folder / "beijing_tongjiju_2026_shuoming.pdf", folder / "beijing_tongjiju_2026_biao.pdf"],
                      tmp_path_factory.mktemp("beijing") / "parsed", workers=2)


@pytest.fixture(scope="module")
def beijing():
    folder = BUDGETS / "beijing"
    from juesuan.parse.report import parse_files

    return parse_files([folder / "beijing_tongjiju_2026_biao.pdf", folder / "beijing_tongjiju_2026_shuoming.pdf"], folder)


def test_a_budget_of_two_files_loads_as_one_report(beijing_load):
    """The 报表 file names its department only in 预算13表's header cells (`部门名称 | 北京市统计局`) and
    its year only under that title (`（2026年度）`); with both read it is a report of its own, and the
    情况说明 of the same department, year and kind in its folder joins it."""
    assert beijing_load.failed == [] and len(beijing_load.loaded) == 1
    report = beijing_load.loaded[0]
    assert (report.department_name, report.fiscal_year, report.parts["kind"]) == ("北京市统计局", 2026, "budget")
    assert sorted(Path(p).name for p, _ in report.parts["files"]) == [
        "beijing_tongjiju_2026_biao.pdf", "beijing_tongjiju_2026_shuoming.pdf"]


def test_a_department_printed_in_a_header_cell():
    from juesuan.parse.layout import read_header

    lines = content_lines(read_source(BUDGETS / "beijing" / "beijing_tongjiju_2026_biao.pdf").text)
    region = next(r for r in find_tables(lines, TITLES["budget"]) if r.title.startswith("预算13表"))
    header = read_header(region)
    assert (header.department_name, header.fiscal_year) == ("北京市统计局", 2026)


def test_the_six_decimal_budget_of_beijing(beijing):
    """budgets/EXPECTED.md, 北京市统计局 2026: 预算01 to six decimals, as printed; 预算09 with 公务接待费
    before the vehicles and its total named 预算总额."""
    cells = {r: v for (r, c), v in _cells(beijing, "B01").items()}
    assert [cells[k] for k in ("general_budget_appropriation", "other_income", "income_subtotal", "opening_balance",
                               "income_total", "expenditure_subtotal", "closing_balance", "expenditure_total")] == [
        Decimal("50665.496773"), Decimal("0.957320"), Decimal("50666.454093"), Decimal("369.765076"),
        Decimal("51036.219169"), Decimal("50927.950741"), Decimal("108.268428"), Decimal("51036.219169")]
    assert [cells[k] for k in ("201", "205", "208", "210", "215", "221")] == [
        Decimal("40262.925697"), Decimal("394.472380"), Decimal("3344.190740"), Decimal("2295.884844"),
        Decimal("18.750000"), Decimal("4611.727080")]
    three = {c: v for (r, c), v in _cells(beijing, "B09").items()}
    assert (three["total"], three["overseas"], three["reception"], three["vehicle_subtotal"], three["vehicle_operation"]) == (
        Decimal("73.790000"), Decimal("45.190000"), Decimal("1.180000"), Decimal("27.420000"), Decimal("27.420000"))
    assert beijing.missing_tables == []  # 北京's form has no 财政拨款支出表 (B14): no national table


def test_a_cross_list_of_function_and_economic_subjects(beijing):
    """预算03表 prints one row per 功能 × 政府经济 × 部门经济 subject (`2010501-行政运行 | 50101-… | 30101-…`):
    no row is a subject's, so its 合计 alone is loaded (EXPECTED.md: 基本 + 项目 = 合计)."""
    assert _cells(beijing, "B03") == {("total", "total"): Decimal("50927.950741"),
                                      ("total", "basic"): Decimal("32780.463109"),
                                      ("total", "project"): Decimal("18147.487632")}
    warning = next(i.message for i in beijing.issues if i.table_key == "B03")
    assert "lists 116 rows of 支出功能分类科目 × 政府支出经济分类科目 × 部门支出经济分类科目" in warning


def test_a_table_listing_its_subjects_once_per_unit(beijing):
    """预算05表 prints its subjects again for each unit, naming none (2010501 行政运行 at lines 209, 222, …,
    with other figures) under a margin column no row prints in: its 合计 alone is the department's."""
    cells = _cells(beijing, "B05")
    assert {r for r, _ in cells} == {"total"}
    assert (cells["total", "total"], cells["total", "basic"], cells["total", "personnel"], cells["total", "public"],
            cells["total", "project"]) == (Decimal("50818.175849"), Decimal("32757.015217"), Decimal("29860.171136"),
                                           Decimal("2896.844081"), Decimal("18061.160632"))
    b05 = [i for i in beijing.issues if i.table_key == "B05"]
    assert [i.severity for i in b05] == ["warning"] and "once per unit" in b05[0].message


def _cells_of(table):
    return {(c.row_key, c.column_key): c.value for c in table.cells if c.state == "value"}


@pytest.fixture(scope="module")
def xian_15():
    return _xian(15)


def test_a_grid_whose_first_page_splits_each_column_in_three(xian_15):
    """西安市工业和信息化局 2022's 收支总表: 27 grid cells a row on its first page (figures in every third,
    header texts one cell right of them), 9 on the next, names over two header rows (`序` / `号`,
    `支出功能分科目` / `（按大类）`). Read in its 9 columns, it balances."""
    cells = {r: v for (r, c), v in _cells(xian_15, "B01").items()}
    assert (cells["income_total"], cells["expenditure_total"], cells["income_subtotal"], cells["closing_balance"],
            cells["prior_year_account_balance"], cells["215"]) == (
        Decimal("1059464715.06"), Decimal("1059464715.06"), Decimal("1056072667.43"), Decimal("165000.00"),
        Decimal("3392047.63"), Decimal("1021805239.60"))
    assert cells["opening_balance_appropriation"] == Decimal("0.00")  # `其中：财政拨款` under 上年结转
    b01 = [i for i in xian_15.issues if i.table_key == "B01"]
    assert [i.severity for i in b01] == ["warning"] and "other classifications" in b01[0].message


def test_a_column_name_run_into_its_remarks(xian_15):
    """Its 一般公共预算支出明细表 prints `专项业务经费支出备注` over one column of figures (the ruling does
    not part the 备注) and its 序号 over two header rows: the figures are the 专项 (project) column's."""
    cells = _cells(xian_15, "B05")
    assert (cells["total", "total"], cells["total", "personnel"], cells["total", "public"], cells["total", "project"],
            cells["205", "total"], cells["2150517", "project"]) == (
        Decimal("1053642667.43"), Decimal("43153893.01"), Decimal("3453876.50"), Decimal("1007034897.92"),
        Decimal("14197328.85"), Decimal("1000000000.00"))
    # The one row printed outside the ruling at a page's foot is reported, not placed.
    assert [i.source_line for i in xian_15.issues if i.table_key == "B05" and i.severity == "error"] == [470]


def test_the_project_targets_of_a_university_budget(swu):
    """西南大学's 24 项目绩效目标表: each a project of stage `budget` (form `target`) with its funds as
    printed and its indicators' targets and weights (分值, 90 a form); a continued page leaves its blank
    columns out (`设备更新数量 | 27台、件、套 | 5`) and is read from the right."""
    assert len(swu.projects) == 24 and {p.form for p in swu.projects} == {"target"}
    first = swu.projects[0]
    assert (first.name, first.unit_name, first.supervisor_name) == ("236中央高校教育教学改革专项", "西南大学本级", "教育部105")
    assert [(b.funding_source, b.annual_budget, b.amount_unit) for b in first.budget] == [
        ("年度资金总额", Decimal("2112.76"), "万元"), ("其中：财政拨款", Decimal("2112.00"), "万元"),
        ("上年结转", Decimal("0.76"), "万元"), ("其他资金", Decimal("0"), "万元")]
    assert len(first.indicators) == 19 and sum(Decimal(i.weight_text) for i in first.indicators) == 90
    row = next(i for i in first.indicators if i.name == "设备更新数量")
    assert (row.level1, row.level2, row.target_text, row.weight_text, row.source_line) == (
        "产出指标", "数量指标", "27台、件、套", "5", 351)
    assert first.sections["goal_annual"].startswith("1.持续推进“四新”建设")
    assert [i for p in swu.projects for i in p.issues] == []


def test_the_project_targets_of_xian_budgets():
    """西安's 2026 forms (`资金金额（万元）`, `年度目标`, `分值权重（90分）`): the blank 专项资金总体绩效目标表
    template is no project, and the 部门整体支出绩效目标表 after the last form ends it. Its 2022 forms
    print no 分值 and a 备注 column: a row of the header's cells is read under its columns."""
    report = _xian(1)
    projects = [p for p in report.projects if p.form == "target"]
    assert [p.name for p in projects][:2] == ["法律顾问服务", "档案整理"] and len(projects) == 9
    first = report.projects[0]
    assert [(b.funding_source, b.annual_budget) for b in first.budget] == [
        ("实施期资金总额", Decimal("5.00")), ("其中：财政拨款", Decimal("5.00"))]
    cost = first.indicators[0]
    assert (cost.level1, cost.level2, cost.name, cost.target_op, cost.target_value, cost.weight_text) == (
        "成本指标", "经济成本", "法律顾问服务成本（万元）", "<=", Decimal("5"), "10")
    assert [i for p in report.projects for i in p.issues] == []
    assert not any("部门专项业务经费绩效目标表" in i.message for i in report.issues)  # read, not "not read yet"
    # 西安市交通运输局 2022: `效益指标 | 社会效益指标 | 客运市场秩序 | 有所提升` under 一级/二级/指标内容/指标值,
    # after a row printing levels only (`成本指标 | 效益指标 | 经济效益指标`, no indicator).
    transport = next(p for p in _xian(8).projects if any(i.source_line == 1228 for i in p.indicators))
    market = next(i for i in transport.indicators if i.source_line == 1228)
    assert (market.level1, market.level2, market.name, market.target_text) == ("效益指标", "社会效益指标", "客运市场秩序", "有所提升")
    assert not any(i.source_line == 1227 for i in transport.indicators)
    # 西安市工业和信息化局 2022: the period's and the year's funds side by side, each amount with its unit
    # in its cell (`2400000万元`); its blank 专项资金总体绩效目标表 template (`指标1：`, no target) is none.
    special = _xian(15).projects[-1]
    assert [(b.funding_source, b.annual_budget, b.amount_unit) for b in special.budget][:4] == [
        ("实施期资金总额", Decimal("2400000"), "万元"), ("年度资金总额", Decimal("100000"), "万元"),
        ("其中：财政拨款", Decimal("2400000"), "万元"), ("其中：财政拨款（年度资金总额）", Decimal("100000"), "万元")]
    assert sum(p.form == "target" for p in _xian(11).projects) == 1
    older = _xian(12).projects[0]
    assert (older.name, older.indicators[0].name, older.indicators[0].target_text, older.indicators[0].weight_text) == (
        "委托咨询业务", "指标1：评审次数", "45次", "")


def test_the_departments_own_targets_of_xian_budgets(beijing):
    """西安's 部门整体支出绩效目标表 is the department's 绩效目标表 (form `department_target`): named by its
    `部门（单位）名称`, its funds its year's main tasks (each task's 总额, then 金额合计 with its 财政拨款 and
    其他资金), its indicators under 一级/二级/三级指标 as a project's. 北京's 预算13表, headed `活动 | 绩效指标
    | 指标性质`, is not read yet (it was a form of no indicators)."""
    office = next(p for p in _xian(1).projects if p.form == "department_target")
    assert (office.name, office.title_line, len(office.indicators), office.issues) == ("西安市人民政府办公厅", 742, 19, [])
    assert [(b.funding_source, b.annual_budget) for b in office.budget] == [
        ("机关运转", Decimal("6466.25")), ("政务工作保障", Decimal("2431.8")), ("业务活动保障", Decimal("318.46")),
        ("金额合计", Decimal("9216.51")), ("其中：财政拨款", Decimal("9216.51"))]
    first = office.indicators[0]
    assert (first.level1, first.level2, first.name, first.target_text, first.weight_text) == (
        "成本指标", "经济成本", "文件、刊物、公报印制成本（万元）", "≤198", "3")
    commerce = next(p for p in _xian(12).projects if p.form == "department_target")  # 2022: no 分值
    assert [(b.funding_source, b.annual_budget) for b in commerce.budget][-3:] == [
        ("金额合计", Decimal("58124.29")), ("其中：财政拨款", Decimal("57398.06")), ("其他资金", Decimal("726.23"))]
    assert not any("部门整体" in i.message for i in _xian(1).issues)  # read, not "not read yet"
    # Printed last, it is no self-evaluation cut short before its 总得分: a budget's targets have no score.
    assert not any("总得分" in i.message for i in _xian(1).issues)
    assert not any(p.form == "department_target" for p in beijing.projects)
    assert any("预算13表部门整体支出绩效目标表" in i.message and "not read yet" in i.message for i in beijing.issues)


def test_two_units_projects_of_one_name_are_two_projects():
    """西安市司法局's 汇总 budget (2026) prints a 绩效目标表 for each unit's projects, naming the 主管部门
    only: 司法行政业务培训 five times with other funds and targets. Each is a project (they were taken for
    repeats of the first and not loaded); one printed again with the same figures is still a copy."""
    report = _xian(4)
    training = [p for p in report.projects if p.name == "司法行政业务培训"]
    assert [(p.title_line, p.budget[0].annual_budget) for p in training] == [
        (897, Decimal("58.97")), (1159, Decimal("20.14")), (1344, Decimal("12.00")), (1447, Decimal("6.80")),
        (1551, Decimal("9.00"))]
    assert sum(p.form == "target" for p in report.projects) == 39
    assert not [i for i in report.issues if "绩效目标表" in i.message and "printed again" in i.message]
    assert sum(f"at line 897, and no unit or code: loaded as another project" in i.message for i in report.issues) == 4


def test_a_list_of_every_projects_targets_is_no_form(beijing):
    """北京's 预算12表 lists every project's targets in one table (`项目名称 | 项目总额 | … | 一级指标`):
    not a 绩效目标表 form, so no project is made of it; it is reported as not read yet."""
    assert beijing.projects == []
    assert any("预算表12项目支出绩效目标表' is printed here and not read yet" in i.message for i in beijing.issues)


def test_a_units_budget_is_of_its_own_scope():
    """苏州市自然资源和规划局 publishes its 部门预算 (suzhou_07) and its 单位预算 (suzhou_09) of one year: the
    单位预算's titles call it a unit's and never a department's, so its scope is `own` (it is not set
    beside a department's final accounts, nor called a second copy of the 部门预算)."""
    unit, department = parse_file(BUDGETS / "suzhou" / "suzhou_09.pdf"), parse_file(BUDGETS / "suzhou" / "suzhou_07.pdf")
    assert (unit.department_name, department.department_name) == ("苏州市自然资源和规划局", "苏州市自然资源和规划局")
    assert (unit.scope, department.scope) == ("own", None)
    # A table header cell naming a 部门预算 classification (`部门预算支出经济分类科目`) is no title.
    assert parse_file(BUDGETS / "suzhou" / "suzhou_05.pdf").scope == "own"
