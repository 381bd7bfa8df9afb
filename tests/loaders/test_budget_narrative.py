"""A budget's 情况说明 (部门预算): its figures in its own words (narrative/budget.py), each rule asserted
on the real print it was met in (../shared/reports/budgets), failing without it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan.parse.report import parse_file

from tests.conftest import ROOT

REPORTS = ROOT.parent / "shared" / "reports"
BUDGETS = REPORTS / "budgets"

pytestmark = pytest.mark.skipif(not BUDGETS.is_dir(), reason="../shared/reports/budgets is not beside this checkout")


def _read(path):
    return parse_file(path)


def _at(report, line: int) -> list[tuple]:
    return [(f.subject, f.subject_code, f.attribute, f.value) for f in report.narrative if f.source_line == line]


def _metric(report, metric: str, code=None) -> list[Decimal]:
    return [f.value for f in report.narrative if f.metric == metric and f.subject_code == code]


@pytest.fixture(scope="module")
def beijing():
    return _read(BUDGETS / "beijing" / "beijing_tongjiju_2026_shuoming.pdf")


def test_the_beijing_narrative_states_its_budget(beijing):
    """budgets/EXPECTED.md, 北京市统计局's 说明 p.4–7: the totals rounded to 万元 with two decimals, 基本
    64.37%, 机关运行经费 1211.43, 39 vehicles."""
    assert beijing.document_kind == "budget"
    assert _metric(beijing, "income_total_amount") == [Decimal("51036.22")]
    assert _metric(beijing, "expenditure_total_amount") == [Decimal("51036.22")]
    assert (_metric(beijing, "general_budget_appropriation_amount"), _metric(beijing, "other_income_amount"),
            _metric(beijing, "opening_balance_amount")) == ([Decimal("50665.50")], [Decimal("0.96")], [Decimal("369.77")])
    # `占本年支出预算 64.37%`: of 本年支出合计 (50927.95), not of 支出预算 (51036.22, 结转 included).
    share = [f for f in beijing.narrative if f.metric == "basic_expenditure_share"]
    assert [(f.value, f.denominator) for f in share] == [(Decimal("64.37"), "expenditure_subtotal")]
    assert _metric(beijing, "basic_expenditure_amount") == [Decimal("32780.46")]
    assert _metric(beijing, "running_cost_amount") == [Decimal("1211.43")]
    # `共有车辆 39 台`: 北京 counts its vehicles in 台.
    vehicles = [f for f in beijing.narrative if f.subject == "vehicles_total"]
    assert [(f.attribute, f.value, f.unit) for f in vehicles] == [("vehicles", Decimal("39"), "台")]
    assert _metric(beijing, "procurement_total_amount") == [Decimal("9065.06")]


def test_a_budgets_yearinyear_words(beijing):
    """`比 2025 年年初预算数 45557.68 万元增加 5478.54 万元，增长 12.03%`: a budget's 年初预算 is last year's,
    the base of its change; `比2025年财政拨款“三公”经费年初预算减少 38.97 万元` is a change, not a budget."""
    assert _at(beijing, 83) == [("income_total", None, "prior_budget", Decimal("45557.68")),
                                ("income_total", None, "change", Decimal("5478.54")),
                                ("income_total", None, "change_rate", Decimal("12.03"))]
    assert _metric(beijing, "three_public_change") == [Decimal("-38.97")]
    assert _metric(beijing, "three_public_initial_budget") == []


def test_an_enumerated_name_run_into_its_paragraph_names_its_subject(beijing):
    """`（一）因公出国（境）费用。2026 年预算数 45.19 万元`: the 45.19 is the overseas budget, not the
    三公's (73.79) carried from the sentence before."""
    assert _at(beijing, 119) == [("overseas", None, "amount", Decimal("45.19"))]
    assert _at(beijing, 125) == [("reception", None, "amount", Decimal("1.18"))]
    assert _metric(beijing, "three_public_amount") == [Decimal("73.79")]


def test_a_threshold_named_unit_value_is_no_figure(beijing):
    """`单位价值 100 万元以上的设备 12 台（套）`: 12 pieces of equipment, not 100 万元 of vehicles."""
    assert _at(beijing, 141) == [("equipment_over_1m", None, "count", Decimal("12"))]
    assert _at(beijing, 142) == [("equipment_over_1m_purchased", None, "count", Decimal("0"))]


def test_the_narrative_of_a_report_whose_part_heading_is_only_in_its_contents():
    """北京市发展和改革委员会 (beijing_03) prints `第一部分 2026 年度部门预算情况说明` in its 目录 alone: the
    narrative starts where the 目录's first section (`一、部门情况说明`) is printed again."""
    report = _read(BUDGETS / "beijing" / "beijing_03.pdf")
    assert _metric(report, "income_total_amount") == [Decimal("14894.79")]
    assert _metric(report, "three_public_amount") == [Decimal("44.00")]


@pytest.fixture(scope="module")
def wuxi_04():
    return _read(BUDGETS / "wuxi" / "wuxi_04.pdf")


def test_items_named_under_a_heading_of_their_class(wuxi_04):
    """`（一）一般公共服务支出（类）` / `1.统计信息事务（款）行政运行（项）支出 1,429.11 万元`: the 项 2010501
    of every appropriation fund (section 五 财政拨款支出预算, 表 B14); the 类 of section 一 (收支预算总体)
    are of the whole year's expenditure (B03)."""
    assert _metric(wuxi_04, "appropriation_item_amount", "2010501") == [Decimal("1429.11")]
    assert _metric(wuxi_04, "appropriation_item_change_rate", "2010501") == [Decimal("3.67")]
    assert _metric(wuxi_04, "expenditure_class_amount", "201") == [Decimal("2404.17")]
    assert _metric(wuxi_04, "general_budget_appropriation_amount")[0] == Decimal("3210.1")


def test_shares_of_other_subjects_are_not_the_projects(wuxi_04):
    """`事业单位经营支出 0 万元，占 0%` (a subject we do not know: its share is its own) and `占财政性资金(人员类
    和运转类中的公用经费项目支出除外)总额的比例为 100%` (项目支出 named in brackets): neither is a share of
    项目支出, whose only share is 30.37% (975.06 / 3210.1)."""
    assert _metric(wuxi_04, "project_expenditure_share") == [Decimal("30.37")]


def test_a_running_title_inside_a_sentence_is_not_read():
    """苏州市数据局 (suzhou_04): `其中，因` / `苏州市数据局2026年度部门预算公开` / `公出国（境）费支出 0 万元`: the page's
    running title is furniture, so 因公出国 is named and its 0 is not the 三公's (18.3)."""
    report = _read(BUDGETS / "suzhou" / "suzhou_04.pdf")
    assert _at(report, 710)[:1] == [("overseas", None, "amount", Decimal("0"))]
    assert _metric(report, "three_public_amount") == [Decimal("18.3")]
    # `其他政府办公厅（室）及相关机构事务支出（项）`: a bracketed word inside a 项's name.
    assert _metric(report, "appropriation_item_amount", "2010399") == [Decimal("330.72")]


def test_a_reasons_figures_are_not_its_subjects():
    """苏州市水务局 (suzhou_05): `…主要原因是…吴淞江（江苏段）整治工程在农林水支出（类）支出列支 13800 万元`:
    a part the reason names, not 农林水支出's budget (47,731.51)."""
    report = _read(BUDGETS / "suzhou" / "suzhou_05.pdf")
    assert _metric(report, "expenditure_class_amount", "213") == [Decimal("47731.51")]


def test_last_years_budget_in_brackets_is_no_change():
    """无锡市住房和城乡建设局 (wuxi_02): `与上年相比增加 629.7 万元（去年预算数为 0 万元，无法计算增减比率）`."""
    report = _read(BUDGETS / "wuxi" / "wuxi_02.pdf")
    assert _at(report, 597) == [("appropriation_item", "2120199", "amount", Decimal("629.7")),
                                ("appropriation_item", "2120199", "change", Decimal("629.7")),
                                ("appropriation_item", "2120199", "prior_budget", Decimal("0"))]


def test_the_xian_words_for_the_totals_and_their_parts():
    """西安市公安局 (xian_03): `当年预算收入344,447.70万元，其中：一般公共预算拨款…、上年结转…、上年实户资金余额
    3,262.49万元、其他收入3,444.00万元，较上年减少129,422.00万元，下降27.31%`: the 收入总计 of its 收支总表,
    its parts, and a change of the total (129,422 / 473,869.70 = 27.31%), not of 其他收入."""
    report = _read(BUDGETS / "xian" / "xian_03.pdf")
    assert [(s, a, v) for s, _, a, v in _at(report, 106) + _at(report, 107)] == [
        ("income_total", "amount", Decimal("344447.70")), ("general_budget_part", "amount", Decimal("324638.50")),
        ("opening_balance", "amount", Decimal("13102.70")),
        ("prior_year_account_balance", "amount", Decimal("3262.49")), ("other_income", "amount", Decimal("3444.00")),
        ("income_total", "change", Decimal("-129422.00"))]


def test_the_government_economic_classes_are_not_the_departments():
    """西安市人民政府办公厅 (xian_01) states its 一般公共预算支出 by both economic classifications:
    `机关资本性支出（503）714.30万元` and `机关资本性支出（基本建设）（504）710.00万元` are not 资本性支出（310）."""
    report = _read(BUDGETS / "xian" / "xian_01.pdf")
    assert (_metric(report, "gov_econ_503_amount"), _metric(report, "gov_econ_504_amount")) == (
        [Decimal("714.30")], [Decimal("710.00")])
    # The 项 by their codes: `行政运行（2010301）` of the general budget (B05).
    assert [f.subject for f in report.narrative if f.subject_code == "2010301" and f.attribute == "amount"] == ["function_item"]


def test_a_bracketed_word_in_a_final_reports_item_name():
    """陕西 (provinces/xian_wjw_2022, a final): `15.卫生健康支出（类）公立医院（款）中医（民族）医院（项）。年初预算
    4379.61万元，支出决算19,028.68万元`: the 项's figures, not the 类's (the class total is 191,xxx)."""
    report = _read(REPORTS / "provinces" / "xian_wjw_2022.pdf")
    assert _at(report, 237) == [("function_item", "2100202", "initial_budget", Decimal("4379.61")),
                                ("function_item", "2100202", "final", Decimal("19028.68"))]
    # `15.` numbers the paragraph, not the 类: the path resolves to its code in 公开05表, so its 决算
    # is checked against the table (42 项 of this report, every one held: tests/test_real_reports.py).


def test_the_part_of_other_important_matters_goes_on_with_the_narrative():
    """西安市审计局 (xian_05) explains its 三公, 机关运行经费 and assets under `第三部分：其他重要事项说明`, after
    its 收支情况说明: that part is the narrative's, not its end. `因公出国（境）经费` is the overseas item,
    not the 三公 total it follows (0.00 would have restated 10.20)."""
    report = _read(BUDGETS / "xian" / "xian_05.pdf")
    assert _at(report, 190) == [("three_public", None, "amount", Decimal("10.20")),
                                ("three_public", None, "change", Decimal("-1.80"))]
    assert _at(report, 192) == [("overseas", None, "amount", Decimal("0.00"))]
    assert _at(report, 221)[0] == ("running_cost", None, "amount", Decimal("198.59"))
