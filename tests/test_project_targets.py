"""A project's budget targets (绩效目标表) beside its self-evaluation: marts.fct_project_target_vs_result.

No real department of ../shared/reports has both (西南大学's final accounts hold no 自评表), so the
budget here is the sample department's, written as its 绩效目标表 would print the sample's first
project: the sample (高平市公安局 2024) self-evaluates it against 年初指标 `≥500 平方米`; the budget set
`≥600 平方米`.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import ROOT, built_workspace

SAMPLE = ROOT / "samples" / "reports" / "000_76716e9dec051514.txt"
PROJECT = "河西中心派出所新址综合指挥室等功能用房建设项目"

# As `juesuan extract-text` writes a ruled PDF: its cells TAB-separated.
BUDGET = f"""高平市公安局2024年度部门预算

项目支出绩效目标表（2024年度）
项目名称\t{PROJECT}
主管部门\t054-高平市公安局\t实施单位\t054001-高平市公安局
项目资金（万元）\t年度资金总额：\t440.20\t执行率分值（10）
\t其中：财政拨款\t440.20
年度总体目标\t完成综合指挥室等功能用房建设。
绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t分值（90）
\t产出指标\t数量指标\t建设面积\t≥600 平方米\t20
\t\t质量指标\t工程验收合格率\t＝100%\t20
\t效益指标\t社会效益指标\t改善办公办事环境\t改善\t30
\t满意度指标\t服务对象满意度指标\t群众满意度\t≥95%\t20
"""


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("budget")
    (folder / "gaoping_2024_budget.txt").write_text(BUDGET, encoding="utf-8")
    return built_workspace(tmp_path_factory, "targets", SAMPLE, folder)


def test_the_budget_targets_load_as_a_budget_stage(pair):
    assert pair.one("""select r.document_kind, r.department_key, p.stage, p.project_form, p.annual_budget_yuan,
                              p.indicator_count, p.weight_sum
                       from marts.dim_project p join marts.dim_report r using (report_id)
                       where p.stage = 'budget'""") == (
        "budget", "高平市公安局", "budget", "target", Decimal("4402000.00"), 4, Decimal("90.00"))


def test_each_target_beside_what_the_self_evaluation_reports(pair):
    rows = {name: rest for name, *rest in pair.sql(
        """select indicator_name, budget_target_text, final_target_text, actual_text, met_budget_target,
                  met_final_target
           from marts.fct_project_target_vs_result where project_name = ?""", PROJECT)}
    # 500 平方米 built: the self-evaluation's 年初指标 (≥500) is met, the budget's (≥600) is not.
    assert rows["建设面积"] == ["≥600 平方米", "≥500 平方米", "500", False, True]
    assert rows["工程验收合格率"] == ["＝100%", "＝100%", "100", True, True]
    assert rows["群众满意度"] == ["≥95%", "≥90%", "92", False, True]
    # A qualitative target is set beside its actual, judged by neither.
    assert rows["改善办公办事环境"] == ["改善", "改善", "达成预期指标", None, None]
    assert len(rows) == 4
