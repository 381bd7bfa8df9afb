"""A budget beside the final accounts of its department and year: each project's budget targets
(绩效目标表) beside its self-evaluation (marts.fct_project_target_vs_result), and each 年初预算 the final
narrative states beside the budget's table (`xd_initial_budget`).

No real department of ../shared/reports has both with a narrative or a 自评表 (西南大学's final accounts
hold neither), so the budget here is the sample department's, written as its budget would print:
the sample's first project (the sample, 高平市公安局 2024, self-evaluates it against 年初指标 `≥500
平方米`; the budget set `≥600 平方米`), and its 一般公共预算支出表 with the 年初预算 the sample's narrative
states of each 类 (`公共安全支出年初预算10,911.93万元`), except two: 208 printed 700.00 (the narrative
states 705.06) and 221 printed 399.37 (394.31).
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from juesuan.cli.main import EXIT_FINDINGS, main
from juesuan.load.corpus import consistent_template, render
from tests.conftest import ROOT, Workspace, built_workspace

SAMPLE = ROOT / "samples" / "reports" / "000_76716e9dec051514.txt"
PROJECT = "河西中心派出所新址综合指挥室等功能用房建设项目"
# Two forms of one name, naming no 实施单位 (as 西安's 汇总 budgets print its units' projects).
TWICE = "高平市公安局指挥中心指挥大厅改造项目"

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

项目支出绩效目标表（2024年度）
项目名称	{TWICE}
主管部门	054-高平市公安局
项目资金（万元）	年度资金总额：	120.00	执行率分值（10）
	其中：财政拨款	120.00
年度总体目标	完成指挥大厅改造。
绩效指标	一级指标	二级指标	三级指标	指标值	分值（90）
	产出指标	数量指标	设备购置数量	≥10 台	45
	满意度指标	服务对象满意度指标	群众满意度	≥90%	45

项目支出绩效目标表（2024年度）
项目名称	{TWICE}
主管部门	054-高平市公安局
项目资金（万元）	年度资金总额：	30.00	执行率分值（10）
	其中：财政拨款	30.00
年度总体目标	完成指挥大厅设备更新。
绩效指标	一级指标	二级指标	三级指标	指标值	分值（90）
	产出指标	数量指标	设备购置数量	≥2 台	45
	满意度指标	服务对象满意度指标	群众满意度	≥95%	45

一般公共预算支出表
部门名称：高平市公安局                单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t12,241.80\t5,300.00\t6,941.80
204\t公共安全支出\t10,911.93\t4,500.00\t6,411.93
205\t教育支出\t9.99\t\t9.99
208\t社会保障和就业支出\t700.00\t500.00\t200.00
210\t卫生健康支出\t220.51\t100.00\t120.51
221\t住房保障支出\t399.37\t200.00\t199.37

一般公共预算基本支出表
部门名称：高平市公安局                单位：万元
科目编码\t科目名称\t合计\t人员经费\t公用经费
\t合计\t5,300.00\t4,300.00\t1,000.00
301\t工资福利支出\t4,300.00\t4,300.00\t
30101\t基本工资\t1,331.89\t1,331.89\t
30102\t津贴补贴\t2,968.11\t2,968.11\t
302\t商品和服务支出\t1,000.00\t\t1,000.00
30201\t办公费\t148.79\t\t148.79
30206\t电费\t851.21\t\t851.21
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
                       where p.stage = 'budget' and p.project_name = ?""", PROJECT) == (
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


def test_a_name_two_budget_projects_share_sets_neither_beside_the_self_evaluation(pair):
    """Two 绩效目标表 of one name and no unit, with other funds, are two projects of the budget; the
    self-evaluation of that name is set beside neither (which of them it reports on is not printed)."""
    assert pair.sql("""select annual_budget_yuan from marts.dim_project
                       where stage = 'budget' and project_name = ? order by source_line""", TWICE) == [
        (Decimal("1200000.00"),), (Decimal("300000.00"),)]
    assert pair.one("select count(*) from marts.dim_project where stage = 'final' and project_name = ?", TWICE) == 1
    assert pair.one("select count(*) from marts.fct_project_target_vs_result where project_name = ?", TWICE) == 0


def test_the_final_narratives_initial_budgets_against_the_budget(pair):
    """The sample's section 五 states the general budget's and each 类's 年初预算; the budget printed
    them in its 一般公共预算支出表 (B05): held where it printed the same, a restated budget (a
    discrepancy of the final report) where not, each pointing at both documents' lines."""
    rows = pair.sql("""select c.object, c.status, c.expected, c.actual, c.source_lines
                       from audit.identity_checks c join marts.dim_report r using (report_id)
                       where c.check_id = 'xd_initial_budget' and r.document_kind = 'final' order by c.actual_line""")
    budget_id = pair.one("select report_id from marts.dim_report where document_kind = 'budget'")
    assert [(o, s, e, a) for o, s, e, a, _ in rows] == [
        ("general_budget_expenditure_initial_budget line 1221", "held", Decimal("122418000.0000"), Decimal("122418000.0000")),
        ("class_initial_budget 204 line 1225", "held", Decimal("109119300.0000"), Decimal("109119300.0000")),
        ("class_initial_budget 205 line 1230", "held", Decimal("99900.0000"), Decimal("99900.0000")),
        ("class_initial_budget 208 line 1236", "discrepancy", Decimal("7000000.0000"), Decimal("7050600.0000")),
        ("class_initial_budget 210 line 1242", "held", Decimal("2205100.0000"), Decimal("2205100.0000")),
        ("class_initial_budget 221 line 1248", "discrepancy", Decimal("3993700.0000"), Decimal("3943100.0000"))]
    assert rows[3][4] == f"narrative:1236, {budget_id} B05:41"
    # Findings of the final report; the budget's own identities hold.
    assert pair.sql("""select r.document_kind, f.check_id, count(*) from audit.findings f join marts.dim_report r using (report_id)
                       where f.check_id like 'xd_%' or (r.document_kind = 'budget' and f.severity = 'discrepancy')
                       group by all""") == [("final", "xd_initial_budget", 2)]


def test_the_budget_beside_the_final_accounts_per_code(pair):
    """fct_budget_vs_final sets the budget's B05 beside the sample's 公开05表: 公共安全支出 10,911.93
    budgeted, 10,766.61 spent (98.67%, the completion rate the sample's narrative states)."""
    assert pair.one("""select cast(budget_yuan / 10000 as decimal(18, 2)), cast(final_yuan / 10000 as decimal(18, 2)),
                              execution_rate_pct
                       from marts.fct_budget_vs_final where budget_table_key = 'B05' and row_key = '204'
                         and column_key = 'total'""") == (Decimal("10911.93"), Decimal("10766.61"), Decimal("98.67"))


def test_the_basic_expenditure_beside_the_final_accounts_per_economic_code(pair):
    """一般公共预算基本支出表 (B06) beside 公开06表 code by code: the budget's 合计 column beside the final
    accounts' 决算数 (reference.ref_table_column.final_column), 基本工资 1,331.89 both, 301 4,300.00
    budgeted and 5,557.70 spent."""
    rows = {(r, c): (b, f) for r, c, b, f in pair.sql(
        """select row_key, column_key, cast(budget_yuan / 10000 as decimal(18, 2)), cast(final_yuan / 10000 as decimal(18, 2))
           from marts.fct_budget_vs_final where budget_table_key = 'B06' and final_table_key = 'T06'""")}
    assert rows == {
        ("301", "total"): (Decimal("4300.00"), Decimal("5557.70")), ("30101", "total"): (Decimal("1331.89"), Decimal("1331.89")),
        ("30102", "total"): (Decimal("2968.11"), Decimal("1946.45")), ("302", "total"): (Decimal("1000.00"), Decimal("1069.29")),
        ("30201", "total"): (Decimal("148.79"), Decimal("148.79")), ("30206", "total"): (Decimal("851.21"), Decimal("109.67"))}


def test_a_budget_arriving_later_is_set_beside_the_final_in_an_incremental_build(tmp_path, monkeypatch, capfd):
    """The final accounts compare themselves with the budget of their year: when the budget arrives,
    the incremental build rebuilds the final report too, as a full build would give it."""
    template = consistent_template(SAMPLE.read_text(encoding="utf-8"))
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "gaoping_2024.txt")
    for n in range(1, 5):  # four other departments: one budget is a fifth of the warehouse, not more
        (folder / f"other_{n}.txt").write_text(render(template, f"乙市第{n}局", 2024, 3), encoding="utf-8")
    ws = Workspace(tmp_path / "ws", monkeypatch)
    assert main(["run", str(folder)]) == EXIT_FINDINGS
    budget = tmp_path / "in" / "gaoping_2024_budget.txt"
    budget.parent.mkdir()
    budget.write_text(BUDGET, encoding="utf-8")
    assert main(["load", str(budget)]) == 0
    capfd.readouterr()
    assert main(["build"]) == EXIT_FINDINGS
    assert "incremental build: 1 new, 0 removed, 1 related reports rebuilt (prior-year and budget links)" in capfd.readouterr().out
    assert ws.sql("""select status, count(*) from audit.identity_checks where check_id = 'xd_initial_budget'
                     group by all order by all""") == [("discrepancy", 2), ("held", 4)]
