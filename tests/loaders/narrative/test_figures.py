from decimal import Decimal

from juesuan.read.lines import content_lines
from juesuan.parse.narrative import parse_narrative


def figures(text):
    return [(f.metric, f.subject_code, f.value, f.unit) for f in parse_narrative(content_lines(text))]


def metric(report, name, code=None):
    found = [f for f in report.narrative if f.metric == name and f.subject_code == code]
    assert found, name
    return found


def test_totals_and_year_on_year_change(sample):
    first = metric(sample, "income_total_amount")[0]
    assert (first.value, first.unit, first.source_line, first.section) == (
        Decimal("12290.04"), "万元", 1167, "一、收入支出决算总体情况说明")
    change = metric(sample, "income_total_change")[0]
    # `减\n\n少519.14万元`: the word is split across lines and still read.
    assert (change.value, change.source_line, change.text) == (Decimal("-519.14"), 1169, "收入总计减少519.14万元")
    assert metric(sample, "income_total_change_rate")[0].value == Decimal("-4.05")


def test_shares(sample):
    assert [(f.value, f.unit) for f in metric(sample, "basic_expenditure_amount")] == [
        (Decimal("6667.32"), "万元"), (Decimal("6667.31"), "万元")]  # sections 三 and 六 disagree
    assert metric(sample, "basic_expenditure_share")[0].value == Decimal("54.25")
    assert metric(sample, "project_expenditure_amount")[0].value == Decimal("5622.72")
    assert metric(sample, "project_expenditure_share")[0].value == Decimal("45.75")
    share = metric(sample, "general_budget_expenditure_share")[0]  # 占本年支出合计的100.00%
    assert (share.value, share.denominator) == (Decimal("100.00"), "expenditure_subtotal")


def test_class_budget_final_and_completion(sample):
    assert metric(sample, "class_initial_budget", "204")[0].value == Decimal("10911.93")
    assert metric(sample, "class_final", "204")[0].value == Decimal("10766.61")
    assert metric(sample, "class_completion_rate", "204")[0].value == Decimal("98.67")
    assert metric(sample, "class_change", "204")[0].value == Decimal("-194.60")
    assert metric(sample, "class_change_rate", "208")[0].value == Decimal("83.4")  # printed with one decimal
    assert metric(sample, "class_share", "210")[0].value == Decimal("2.11")


def test_three_public_costs_and_counts(sample):
    assert metric(sample, "three_public_budget")[0].value == Decimal("227.19")
    assert metric(sample, "three_public_final")[0].value == Decimal("227.19")
    assert metric(sample, "vehicle_purchase_vehicles")[0].value == Decimal("13")
    assert metric(sample, "vehicles_held_vehicles")[0].value == Decimal("93")
    assert [(f.value, f.unit) for f in metric(sample, "reception_people")] == [(Decimal("12"), "人次")]
    assert metric(sample, "reception_domestic_batches")[0].value == Decimal("2")
    assert metric(sample, "overseas_amount")[0].value == Decimal("0")  # `0万元`


def test_procurement_and_small_firms(sample):
    assert metric(sample, "procurement_total_amount")[0].value == Decimal("2544.45")
    assert metric(sample, "procurement_sme_amount")[0].value == Decimal("1832.99")
    sme = metric(sample, "procurement_sme_share")[0]
    assert (sme.value, sme.denominator) == (Decimal("72.04"), "procurement_total")
    assert metric(sample, "procurement_small_micro_share")[0].value == Decimal("23.33")


def test_self_evaluation_summary(sample):
    assert metric(sample, "projects_count")[0].value == Decimal("31")
    assert metric(sample, "projects_amount")[0].value == Decimal("4898.19")
    graded = {f.subject_code: f.value for f in sample.narrative if f.metric == "projects_graded_count"}
    assert graded == {"优": Decimal("20"), "良": Decimal("6"), "中": Decimal("5")}


def test_equipment_price_threshold_is_not_a_figure(sample):
    # `单价100万元（含）以上设备（不含车辆）0台（套）`: 100万元 is part of the name.
    assert [f.value for f in sample.narrative if f.subject == "equipment_over_1m"] == [Decimal("0")]
    assert not any(f.value == Decimal("100") and f.unit == "万元" for f in sample.narrative)


NARRATIVE = "第三部分 情况说明\n\n{}\n\n第四部分 名词解释\n"


def test_other_wording_and_units():
    text = NARRATIVE.format(
        "一、收入支出决算总体情况说明\n\n"
        "2023年度收入总计1,234.5万元，支出总计1,200万元。较上年增加10万元，增长0.8％。\n\n"
        "十、其他重要事项情况说明\n\n"
        "（一）机关运行经费支出情况说明\n\n"
        "2023年机关运行经费支出88.00万元，比2022年减少2万元，下降2.2%。"
    )
    assert figures(text) == [
        ("income_total_amount", None, Decimal("1234.5"), "万元"),
        ("expenditure_total_amount", None, Decimal("1200"), "万元"),
        # A new sentence without a subject continues the last one named.
        ("expenditure_total_change", None, Decimal("10"), "万元"),
        ("expenditure_total_change_rate", None, Decimal("0.8"), "%"),
        ("running_cost_amount", None, Decimal("88.00"), "万元"),
        ("running_cost_change", None, Decimal("-2"), "万元"),
        ("running_cost_change_rate", None, Decimal("-2.2"), "%"),
    ]


def test_numbers_split_over_line_breaks():
    text = NARRATIVE.format("三、支出决算情况说明\n\n2024年度支出合计12,2\n\n90.04万\n\n元，其中：基本支出6,667.32万元，占比54.\n\n25%。")
    assert figures(text) == [
        ("expenditure_subtotal_amount", None, Decimal("12290.04"), "万元"),
        ("basic_expenditure_amount", None, Decimal("6667.32"), "万元"),
        ("basic_expenditure_share", None, Decimal("54.25"), "%"),
    ]


def test_sentences_that_state_no_figure():
    text = NARRATIVE.format(
        "七、政府性基金预算财政拨款收支决算情况说明\n\n本年度无此项收支。\n\n"
        "八、国有资本经营预算财政拨款支出决算情况说明\n\n本年度无此项支出。主要原因是项目支出减少。"
    )
    assert figures(text) == []


def test_no_narrative_section():
    assert figures("收入支出决算总表\n公开01表\n") == []


SHANGHAI = """\
第三部分 上海市普陀区人民政府石泉路街道办事处 2025 年度
部门决算情况说明
一、收入支出决算总体情况说明
二、收入决算情况说明
第四部分 名词解释第一部分 概况
说明：本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。第三部分 上海市普陀区人民政府石泉路街道办事处 2025 年度
部门决算情况说明
五、一般公共预算财政拨款支出决算情况说明
一般公共预算财政拨款支出 19,044.27 万元，主要用于以下方面：
1.“一般公共服务”306.90 万元，占 1.61%；
七、财政拨款“三公”经费支出决算情况说明
2、公务用车购置及运行维护费支出 37.35 万元。其中：
公务用车购置支出为 25 万元。主要用于新购一辆公车。
公务用车运行维护支出 12.35 万元。
八、政府性基金预算财政拨款收入支出决算情况说明
政府性基金预算财政拨款收入 2002.80 万元。
十一、其他重要事项的情况说明
政府采购金额（以合同签订为准）为 1062.09 万元，其中：货物采购金额 80.98 万元、工程采购金额 269.03 万元、服务采购金额 712.08
万元。面向中小企业预留政府采购项目预算金额 690.47 万元。在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 0 万元。
绩效自评的2025年度项目48个，涉及预算金额4,974.93万元（其中，绩效评级为“优”的项目48个；绩效评级为“合格”的项目0个。
绩效自评中共发现问题0个，已经完成整改的0个）。第四部分 名词解释
1.财政拨款收入：指本年度从本级财政部门取得的财政拨款 1 万元。
"""


def test_shanghai_narrative_under_a_wrapped_and_glued_heading():
    """上海's 情况说明: its heading wrapped, and glued after the last sentence of the tables (the
    目录's copy of it is passed over); each figure under the subject its words name."""
    assert figures(SHANGHAI) == [
        ("general_budget_expenditure_amount", None, Decimal("19044.27"), "万元"),
        # A class quoted without its `支出` is the class.
        ("class_amount", "201", Decimal("306.90"), "万元"),
        ("class_share", "201", Decimal("1.61"), "%"),
        # 购置及运行维护费 is the pair, not the 购置 alone; 运行维护支出 is 运行维护费.
        ("vehicle_costs_amount", None, Decimal("37.35"), "万元"),
        ("vehicle_purchase_amount", None, Decimal("25"), "万元"),
        ("vehicle_operation_amount", None, Decimal("12.35"), "万元"),
        # Section 八's fund, not the year's appropriation income.
        ("fund_appropriation_income_amount", None, Decimal("2002.80"), "万元"),
        ("procurement_total_amount", None, Decimal("1062.09"), "万元"),
        ("procurement_goods_amount", None, Decimal("80.98"), "万元"),
        ("procurement_works_amount", None, Decimal("269.03"), "万元"),
        ("procurement_services_amount", None, Decimal("712.08"), "万元"),
        ("procurement_sme_reserved_amount", None, Decimal("690.47"), "万元"),
        ("procurement_other_sme_awarded_amount", None, Decimal("0"), "万元"),
        # A sentence's grade counts come first (they are read before its other figures).
        ("projects_graded_count", "优", Decimal("48"), "个"),
        ("projects_count", None, Decimal("48"), "个"),
        ("projects_amount", None, Decimal("4974.93"), "万元"),
        ("projects_graded_count", "合格", Decimal("0"), "个"),
        ("evaluation_problems_count", None, Decimal("0"), "个"),
        ("evaluation_problems_fixed_count", None, Decimal("0"), "个"),
    ]
