"""The standard 自评表 without cell separators (projects/flat_rows.py): each placement rule on a
row it decides, and the rows it must refuse to place."""

from __future__ import annotations

import pytest

from juesuan.read.lines import Line
from juesuan.parse.projects.flat_rows import FlatRow, flat_rows, fund_values, indicator_values, tokens_of

FUNDS = ["budget_start", "budget_annual", "executed", "weight", "rate", "score"]
INDICATORS = ["name", "target", "actual", "weight", "score", "reason"]


def ind(level1, level2, name, target, actual, weight, score, reason=""):
    return {"level1": level1, "level2": level2, "name": name, "target": target, "actual": actual,
            "weight": weight, "score": score, "reason": reason}


def row(text: str) -> FlatRow:
    return FlatRow(tokens_of(text), 1)


@pytest.mark.parametrize("text, expected", [
    ("年度资金总额 120.00 118.50 110.20 10 93.00% 9.30",
     ("年度资金总额", dict(zip(FUNDS, ["120.00", "118.50", "110.20", "10", "93.00%", "9.30"])))),
    # Below the total the form greys out 分值: five figures are the other five columns.
    ("其中：财政资金 120.00 118.50 110.20 93.00% 9.30",
     ("其中：财政资金", dict(zip(["budget_start", "budget_annual", "executed", "rate", "score"],
                              ["120.00", "118.50", "110.20", "93.00%", "9.30"])))),
    # Only the three amounts, as the form prints its sources.
    ("其中： 上年结转资金 5.00 5.00 4.00", ("其中：上年结转资金", {"budget_start": "5.00", "budget_annual": "5.00",
                                                     "executed": "4.00"})),
    # A rate with no score after it: the score is blank, not shifted.
    ("年度资金总额 40.00 40.00 42.00 10 105.00%", ("年度资金总额", dict(zip(FUNDS[:5], ["40.00", "40.00", "42.00", "10", "105.00%"])))),
    ("上年结转资金", ("上年结转资金", {})),
])
def test_a_funds_row_is_placed_by_what_the_form_prints(text, expected):
    assert fund_values(row(text), FUNDS) == expected


@pytest.mark.parametrize("text", [
    "其中：财政资金 120.00 118.50",  # two figures: 年初 and 全年? 全年 and 执行?
    "年度资金总额 120.00 118.50 110.20 10 9.30",  # five figures, no rate, on the total row
    "年度资金总额 120.00 118.50 93.00% 9.30",  # before the rate, two figures for four columns
])
def test_a_funds_row_whose_figures_fit_no_layout_is_refused(text):
    assert isinstance(fund_values(row(text), FUNDS), str)


@pytest.mark.parametrize("text, levels, expected", [
    ("产出指标 数量指标 委托业务项目数量 ≥50个 50 8 8", ("", ""),
     ind("产出指标", "数量指标", "委托业务项目数量", "≥50个", "50", "8", "8")),
    # The operator printed apart, the unit printed apart, a compound unit; levels from above.
    ("建设面积 ≥ 500 平方米 500 20 20", ("产出指标", "数量指标"),
     ind("产出指标", "数量指标", "建设面积", "≥500平方米", "500", "20", "20")),
    ("人均发放工资数 ≥2000 元/月 3000 10 10", ("产出指标", "成本指标"),
     ind("产出指标", "成本指标", "人均发放工资数", "≥2000元/月", "3000", "10", "10")),
    # 成本指标 under 产出指标 is its 二级指标 (the 2020 form), not a new 一级指标.
    ("成本指标 合同价款 ＝ 4402000元 4402000 10 10", ("产出指标", "时效指标"),
     ind("产出指标", "成本指标", "合同价款", "＝4402000元", "4402000", "10", "10")),
    ("满意度指标 服务对象满意度 群众满意度 ≥90% 95% 10 9 个别反映等待时间长", ("效益指标", "社会效益"),
     ind("满意度指标", "服务对象满意度", "群众满意度", "≥90%", "95%", "10", "9", "个别反映等待时间长")),
])
def test_an_indicator_row_is_read_by_the_forms_grammar(text, levels, expected):
    assert indicator_values(row(text), INDICATORS, levels) == (expected, None)


@pytest.mark.parametrize("text", [
    "抽检批次 ≥500 512 20",  # 512 and 20: 实际完成值 and 分值, or 分值 and 得分?
    "禁毒活动举办时间 6月 26日 达成预期指标 10 10",  # target `6月` or `6月26日`?
    "食品安全知晓率 提高",  # no 分值
])
def test_an_indicator_row_that_does_not_say_its_columns_is_refused(text):
    values, problem = indicator_values(row(text), INDICATORS, ("效益指标", "社会效益"))
    assert problem


def _cells(*texts: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(texts, 1)]


def test_one_cell_per_line_is_rebuilt_into_the_forms_rows():
    rows = flat_rows(_cells(
        "项目名称", "食品快检设备购置", "主管部门", "四川省市场监督管理局", "实施单位", "四川省食品检验研究院",
        "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "40.00", "40.00", "42.00", "10", "105.00%", "10",
        "其中：财政资金", "40.00", "40.00", "42.00",
        "年度总体目标", "预期目标", "实际完成情况", "购置快检设备10台", "已完成",
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "购置设备数量", "≥10台", "10", "30", "30",
        "时效指标", "到货时间", "≤90天", "85", "30", "30", "供货商提前到货",
        "验收时间", "≤30天", "20", "30", "30",
        "总分", "100", "100"))
    assert [r.tokens for r in rows] == [
        ["项目名称", "食品快检设备购置"], ["主管部门", "四川省市场监督管理局"], ["实施单位", "四川省食品检验研究院"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "40.00", "40.00", "42.00", "10", "105.00%", "10"],
        ["其中：财政资金", "40.00", "40.00", "42.00"],
        ["年度总体目标", "预期目标", "实际完成情况"], ["", "购置快检设备10台", "已完成"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "购置设备数量", "≥10台", "10", "30", "30"],
        # Its reason, then the next name and target, told apart by the next row's three figures.
        ["时效指标", "到货时间", "≤90天", "85", "30", "30", "供货商提前到货"],
        ["验收时间", "≤30天", "20", "30", "30"],
        ["总分", "100", "100"],
    ]
    assert not any(r.issues for r in rows)
