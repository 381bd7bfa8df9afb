"""Real reports of other provinces (../shared/reports/provinces, EXPECTED.md there): the rules their
prints need, each from the form's structure, each asserted on the real PDF it was met in.

西安市卫生健康委员会（汇总） 2022 (陕西): the department is named on a `编制部门：` line and on a cover
printed on two lines; every table page repeats its `栏次 1 2 3 …` line; its 三公 table adds 会议费
and 培训费 and prints 预算数 and 决算数 as rows, under a title that ends as 公开03表's does.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan.parse.layout import find_tables, read_header, read_report_title
from juesuan.parse.tables import TITLES
from juesuan.read.lines import content_lines
from juesuan.parse.report import parse_file
from juesuan.parse.source import read_source

from tests.conftest import ROOT

PROVINCES = ROOT.parent / "shared" / "reports" / "provinces"
XIAN = PROVINCES / "xian_wjw_2022.pdf"

pytestmark = pytest.mark.skipif(not XIAN.exists(), reason="../shared/reports/provinces is not beside this checkout")


@pytest.fixture(scope="module")
def xian():
    return parse_file(XIAN)


def test_the_department_is_the_one_its_header_and_cover_name(xian):
    # `编制部门：西安市卫生健康委员会（汇总）` above each table (was: `部门`, from `第一部分 部门概况`).
    assert (xian.department_name, xian.fiscal_year) == ("西安市卫生健康委员会（汇总）", 2022)
    assert not [i for i in xian.issues if "names its department" in i.message]
    headers = [read_header(region) for region in find_tables(content_lines(read_source(XIAN).text), TITLES["final"])]
    assert len(headers) == 9 and {h.department_name for h in headers} == {"西安市卫生健康委员会（汇总）"}


def test_a_part_heading_is_no_name_and_a_two_line_cover_is_one():
    """Without its tables' headers, the report's title: the cover's two lines (name, then
    `2022年度部门决算`), never `部门` (`第一部分 部门概况`) or `第二部分` (`第二部分 2022年度部门决算情况说明`)."""
    lines = content_lines(read_source(XIAN).text)
    title = read_report_title(lines[:60])
    assert (title.department_name, title.fiscal_year) == ("西安市卫生健康委员会（汇总）", 2022)
    assert set(title.variants) == {"西安市卫生健康委员会（汇总）"}


def test_column_number_lines_on_every_page_are_header(xian):
    """`栏次 1 2 3 …` printed again on each page of 公开02, 03 and 05表 was four unreadable rows."""
    assert [i for i in xian.issues if i.severity == "error" and (i.table_key or "").startswith("T")] == []
    # EXPECTED.md 4 and 6: the totals of 公开03表 and 公开05表, whole.
    cells = {(t, c.row_key, c.column_key): c.value for t in ("T03", "T05") for c in xian.tables[t].cells}
    assert [cells[(t, "total", col)] for t in ("T03", "T05") for col in ("total", "basic", "project")] == [
        Decimal("2074962.01"), Decimal("1168039.29"), Decimal("906922.72"),
        Decimal("296047.75"), Decimal("98606.29"), Decimal("197441.45")]


def test_the_three_public_costs_with_meetings_and_training_as_phase_rows(xian):
    """EXPECTED.md 9: 预算 / 决算 of each item, 因公出国 blank; the 小计 under 三公 is their total."""
    t09 = xian.tables["T09"]
    assert t09.title.startswith("财政拨款“三公”经费及会议费、培训费")
    got = {(c.row_key, c.column_key): c.value for c in t09.cells}
    want = {"total": ("593.46", "587.55"), "overseas": (None, None), "vehicle_subtotal": ("591.60", "587.44"),
            "vehicle_purchase": ("136.48", "136.48"), "vehicle_operation": ("455.12", "450.96"),
            "reception": ("1.86", "0.11"), "meeting": ("86.81", "86.81"), "training": ("2,795.78", "2,795.78")}
    assert got == {(phase, item): (Decimal(v.replace(",", "")) if v else None)
                   for item, pair in want.items() for phase, v in zip(("budget", "final"), pair)}
    assert "T03" in xian.tables and xian.tables["T03"].title_line < t09.title_line


FOSHAN = PROVINCES / "foshan_guidaojiaotong_2019.pdf"


@pytest.fixture(scope="module")
def foshan():
    return parse_file(FOSHAN)


def _figures(report, line: int) -> list[tuple]:
    return [(f.subject, f.attribute, f.value) for f in report.narrative if f.source_line == line]


def test_a_clause_naming_a_subject_we_do_not_know_is_not_read_as_the_one_before(foshan):
    """`2.项目支出 921.75万元` then `3.上缴上级支出 0万元` … `5.对附属单位补助支出0万元`: those 0s are of
    their own subjects, never 项目支出 (they were three false discrepancies each)."""
    assert _figures(foshan, 399) == _figures(foshan, 401) == _figures(foshan, 403) == []


def test_figures_of_another_budget_are_not_the_general_budgets(foshan):
    """`组织对 0 个政府性基金预算项目开展绩效自评，共涉及资金 0 万元，占政府性基金预算项目支出总额的 0%` and
    `重点绩效评价 … 涉及一般公共预算支出 0 万元，政府性基金预算支出 0 万元`: none is the department's
    项目支出 or its 7 self-evaluated projects (940.15 万元)."""
    for line in (470, 471, 472, 474, 477):
        assert [f for f in _figures(foshan, line) if f[0] in ("projects", "project_expenditure") and not f[2]] == [], line
    # The general budget's own sentence before them is read: 940.15 万元, 100% of its 项目支出.
    assert ("projects", "amount", Decimal("940.15")) in _figures(foshan, 469)
    assert ("projects", "share", Decimal("100")) in _figures(foshan, 470)


def test_the_vocabulary_of_guangdong(foshan):
    # `公务用车运行及维护支出 0万元` is the 运行 of the cars, not their 购置 carried from the clause before.
    assert _figures(foshan, 442)[0] == ("vehicle_operation", "amount", Decimal("0"))
    # `公务接待费支出决算为 0.16万元，完成预算 0万元的 0%`: 0 is the budget, 0.16 the final.
    assert _figures(foshan, 428) == [("reception", "final", Decimal("0.16")), ("reception", "budget", Decimal("0")),
                                     ("reception", "completion_rate", Decimal("0"))]


def test_the_2019_template_tables_by_their_titles(foshan):
    """表1…表8 of 2019: 表7 `一般公共预算财政拨款“三公”经费支出决算表` is the 三公 (it was read into 表6, whose
    two-sided rows then did not fit its width), 表8 the 政府性基金; no 国有资本 table or column."""
    assert sorted(foshan.tables) == ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T09"]
    assert [i for i in foshan.issues if i.severity == "error"] == []
    t09 = {(c.row_key, c.column_key): c.value for c in foshan.tables["T09"].cells}
    assert (t09[("budget", "total")], t09[("final", "total")], t09[("final", "reception")]) == \
        (Decimal("0.00"), Decimal("0.16"), Decimal("0.16"))
    t06 = {c.row_key: c.value for c in foshan.tables["T06"].cells}
    assert (t06["personnel_total"], t06["public_total"], t06["302"], t06["310"]) == \
        (Decimal("649.20"), Decimal("97.19"), Decimal("94.65"), Decimal("2.54"))
    # 表4 prints no 国有资本经营 column: said, and the table is whole.
    assert any(i.severity == "warning" and "国有资本经营预算财政拨款" in i.message for i in foshan.issues)


def test_the_narrative_before_the_tables_is_read(xian):
    """陕西 prints the 情况说明 before the tables, its 目录 listing a heading wrapped over two lines
    (the narrative ended there, in the 目录: 0 figures), and a paragraph opening `（一）2022年度政府采购
    支出总额共…` (read as a heading)."""
    figures = {(f.subject, f.attribute): f.value for f in xian.narrative}
    assert figures[("running_cost", "final")] == Decimal("627.62")  # EXPECTED.md 11
    assert figures[("procurement_total", "amount")] == Decimal("272067.69")
    assert [figures[("procurement_" + k, "amount")] for k in ("goods", "works", "services")] == \
        [Decimal("189972.86"), Decimal("8619.1"), Decimal("73475.73")]
    assert figures[("vehicles_total", "vehicles")] == 517
    assert figures[("general_budget_expenditure", "final")] == Decimal("296047.75")  # EXPECTED.md 10
    # It ends where the 部门整体支出绩效自评表 begins: no figure of the 87 forms is a narrative figure.
    assert max(f.source_line for f in xian.narrative) < 606


def test_a_paragraphs_subject_is_its_own(xian):
    """Scope, read from the print: `（二）培训费支出情况说明。` names the paragraph's subject; `预算1.86万元` is a
    budget; `一般公共预算财政拨款基本支出` is the general budget's (公开05表), not every fund's (公开03表); a
    numbered paragraph (`（1）坚守初心…`) counts clinics and cases, not the projects of the one before."""
    by_line = {}
    for f in xian.narrative:
        by_line.setdefault(f.source_line, []).append((f.subject, f.attribute, f.value))
    assert ("training", "budget", Decimal("2795.78")) in by_line[423]
    assert ("reception", "budget", Decimal("1.86")) in by_line[414]
    assert by_line[370][0] == ("general_budget_basic_expenditure", "amount", Decimal("98606.29"))
    assert not [f for f in xian.narrative if f.subject == "project_expenditure" and f.attribute == "count"]
    # `82个一级项目…涉及预算资金597650.29万元，占部门预算项目支出总额的65.9%`: the 一级 projects' amount and
    # share of 项目支出 (EXPECTED.md, source anomalies); `1个专项资金项目…涉及预算金额52110万元` is not theirs.
    assert ("projects_level1", "amount", Decimal("597650.29")) in by_line[462]
    assert ("projects_level1", "share", Decimal("65.9")) in by_line[463]
    assert by_line.get(465, []) == []


def test_the_self_evaluation_forms_named_by_their_project(xian):
    """陕西 titles each form with its project's or department's name (`西安市级2022年病媒生物防制项目绩效自评表`,
    `西安市卫生健康委员会部门整体支出绩效自评表`): the 87 project forms (EXPECTED.md: 87 P tables) and the
    部门整体 one, none read before. Two units' projects share a name (`公共卫生事业发展资金`): two projects."""
    forms = [p.form for p in xian.projects]
    assert (len(forms), forms.count("department")) == (88, 1)
    same_name = [(p.unit_name, p.budget[0].annual_budget) for p in xian.projects if p.name == "公共卫生事业发展资金"]
    assert same_name == [("西安市儿童医院", Decimal("400")), ("西安市第一医院", Decimal("7614.74"))]
    assert not [i for i in xian.issues if "self-evaluation of" in i.message and "printed again" in i.message]
    department = next(p for p in xian.projects if p.form == "department")
    assert (department.name, department.stated_total_score) == ("西安市卫生健康委员会", "99.5")  # EXPECTED.md 12
    vector = next(p for p in xian.projects if p.name == "2022年病媒生物防制")
    assert (vector.unit_name, vector.stated_total_score, len(vector.indicators)) == ("西安市卫生健康委员会", "100", 7)
    total = vector.budget[0]
    assert (total.funding_source, total.budget_compiled, total.annual_budget, total.executed, total.execution_rate_text,
            total.score_text) == ("年度资金总额", Decimal("240"), Decimal("229.19"), Decimal("229.19"), "100.00", "10.00")
    # The ten forms that print 执行率 1000% where 执行数/全年预算数 is 100% (EXPECTED.md: "Ten of 西安's
    # forms"): read as printed, for the checks to say.
    assert sum(1 for p in xian.projects if p.budget and p.budget[0].execution_rate_text == "1000") == 10


def test_the_departments_own_score_without_its_unit(xian):
    """`部门整体支出自评得分99.5，全年预算数…`: the 部门整体 form's score, printed with no 分 after it
    (the figure pattern takes only numbers with a unit; it was not read)."""
    assert [(f.subject, f.attribute, f.value, f.unit) for f in xian.narrative if f.subject == "department_score"] == [
        ("department_score", "amount", Decimal("99.5"), "分")]
    department = [p for p in xian.projects if p.form == "department"]
    assert [p.stated_total_score for p in department] == ["99.5"]
