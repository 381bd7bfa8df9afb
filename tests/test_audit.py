"""Accounting identities: the exact findings of the sample, and a broken fixture that proves
each kind of check can fail."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan.cli.main import EXIT_FINDINGS, main

from tests.broken_fixture import broken_text
from tests.conftest import Workspace

FINDINGS_SQL = """
select check_id, object, severity, expected, actual
from audit.findings where report_id = ? order by check_id, object, severity, coalesce(expected, 0), coalesce(actual, 0)
"""

# Two self-evaluations print `预算执行情况得分分`, leaving the execution score out, and their
# stated totals leave it out too: 武警中队建设经费 states 80 (its table scores the budget 10),
# 禁毒经费 states 90 (its table: 9.87).
PROJECT_FINDINGS = [
    ("pj_execution_score_stated", "武警中队建设经费（年初预算原2023年项目）", "discrepancy", "10", None),
    ("pj_execution_score_stated", "禁毒经费", "discrepancy", "9.87", None),
    ("pj_total_score", "武警中队建设经费（年初预算原2023年项目）", "discrepancy", "90", "80"),
    ("pj_total_score", "禁毒经费", "discrepancy", "99.87", "90"),
]

# The narrative against the tables and the attached self-evaluations (values as the warehouse
# holds them: 元 for amounts, 万元 for a figure stated twice, counts of projects).
NARRATIVE_FINDINGS = [
    # Section 六 states 基本支出 6,667.31 万元; section 三 and the tables say 6,667.32.
    ("nr_restates_table", "basic_expenditure_amount @ 六 line 1256", "discrepancy", "66673200", "66673100"),
    ("nr_stated_twice", "basic_expenditure_amount @ 六 line 1256", "discrepancy", "6667.32", "6667.31"),
    # 31 projects (20 优) claimed, 30 attached (19 优); their 年初预算 sums to 4,938.96 万元, not 4,898.19.
    ("nr_self_evaluation_amount", "projects_amount line 1355", "discrepancy", "49389600", "48981900"),
    ("nr_self_evaluations", "projects_count line 1355", "discrepancy", "30", "31"),
    ("nr_self_evaluations", "projects_graded_count 优 line 1357", "discrepancy", "19", "20"),
]

# Every finding on the sample report, as printed: the tables' are all within the printed rounding.
SAMPLE_FINDINGS = PROJECT_FINDINGS + NARRATIVE_FINDINGS + [
    ("t03_rollup", "T03 20402 basic", "rounding", "5153.89", "5153.88"),
    ("t03_rollup", "T03 20402 project", "rounding", "5608.72", "5608.73"),
    ("t05_rollup", "T05 20402 basic", "rounding", "5153.89", "5153.88"),
    ("t05_rollup", "T05 20402 project", "rounding", "5608.72", "5608.73"),
    # 表06 301 printed 5,557.70 against its items' 5,557.71 (11 items: tolerance 0.06).
    ("t06_rollup", "T06 301 amount", "rounding", "5557.71", "5557.70"),
    # 302 printed 1,069.29 against 1,069.32: within the 21-item tolerance of 0.11.
    ("t06_rollup", "T06 302 amount", "rounding", "1069.32", "1069.29"),
    ("t10_procurement_total", "T10 procurement_total amount", "rounding", "2544.44", "2544.45"),
    ("x05_06_basic", "T05 total basic", "rounding", "6667.31", "6667.32"),
]

# The broken fixture (tests/broken_fixture.py): each edited figure surfaces where it should, and
# every kind of check fails at least once: columns sum (row_sum), children sum (rollup), linear
# (t01/t07/t10 totals), rows agree (x01_03_class, x04_05_class), part within whole (p06_09).
BROKEN_FINDINGS = PROJECT_FINDINGS + NARRATIVE_FINDINGS + [
    # The narrative restates the broken goods figure and the broken reception budget.
    ("nr_completion_rate", "reception_completion_rate @ 九 line 1298", "discrepancy", "52.38", "100.00"),
    ("nr_restates_table", "procurement_goods_amount @ 十 line 1333", "discrepancy", "6782600", "6682600"),
    ("p06_09_reception", "T06 30217 amount", "discrepancy", "0.11", "0.51"),
    ("t01_expenditure_subtotal", "T01 expenditure_subtotal amount", "discrepancy", "12300.04", "12290.04"),
    ("t02_rollup", "T02 20402 fiscal_appropriation", "discrepancy", "10763.61", "10762.61"),
    ("t02_row_sum", "T02 2040201 total", "discrepancy", "4336.69", "4335.69"),
    ("t03_rollup", "T03 20402 basic", "discrepancy", "5153.99", "5153.88"),
    ("t03_rollup", "T03 20402 project", "rounding", "5608.72", "5608.73"),
    ("t03_row_sum", "T03 2040250 total", "discrepancy", "166.69", "166.59"),
    ("t04_expenditure_subtotal", "T04 expenditure_subtotal general_budget", "discrepancy", "12289.04", "12290.04"),
    ("t04_row_sum", "T04 205 total", "discrepancy", "8.99", "9.99"),
    ("t05_rollup", "T05 20402 basic", "rounding", "5153.89", "5153.88"),
    ("t05_rollup", "T05 20402 project", "rounding", "5608.72", "5608.73"),
    ("t05_rollup", "T05 21011 total", "discrepancy", "259.28", "259.18"),
    ("t05_row_sum", "T05 2101101 total", "discrepancy", "191.86", "191.96"),
    ("t06_rollup", "T06 301 amount", "rounding", "5557.71", "5557.70"),
    ("t06_rollup", "T06 302 amount", "discrepancy", "1069.72", "1069.29"),
    ("t06_rollup", "T06 303 amount", "discrepancy", "11.28", "10.28"),
    ("t07_carry_over", "T07 total closing_balance", "discrepancy", "12.00", "10.00"),
    ("t07_row_sum", "T07 total total", "discrepancy", "4.00", "3.00"),
    ("t08_row_sum", "T08 total total", "discrepancy", "4.00", "5.00"),
    ("t09_total", "T09 budget total", "discrepancy", "227.29", "227.19"),
    ("t10_procurement_total", "T10 procurement_total amount", "discrepancy", "2554.44", "2544.45"),
    ("x01_03_class", "T01 204 amount = T03 total", "discrepancy", "10766.61", "10776.61"),
    ("x04_05_class", "T04 205 general_budget = T05 total", "discrepancy", "9.99", "8.99"),
    ("x05_06_basic", "T05 total basic", "rounding", "6667.31", "6667.32"),
]


def as_rows(findings):
    """Table findings above are in 万元 as printed (the warehouse holds 元); the others as held."""
    def value(check, text):
        if text is None:
            return None
        return Decimal(text) if check.startswith(("pj_", "nr_")) else Decimal(text) * 10000
    rows = [(c, o, s, value(c, e), value(c, a)) for c, o, s, e, a in findings]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2], r[3] or 0, r[4] or 0))


def test_sample_findings_exactly(built):
    assert built.sql(FINDINGS_SQL, "174714146e070084") == as_rows(SAMPLE_FINDINGS)


def test_findings_point_at_their_printed_lines(built):
    row = built.one(
        "select actual_source, source_lines, tolerance, addends from audit.findings where object = 'T06 302 amount'"
    )
    actual_source, lines, tolerance, addends = row
    assert actual_source == "T06:757"
    assert lines.startswith("T06:757, T06:767") and lines.count("T06:") == 22
    assert (tolerance, addends) == (Decimal("1100.00"), 21)


def test_sample_summary(built):
    assert built.one(
        "select identities_checked, identities_held, rounding_findings, discrepancy_findings, skipped_checks "
        "from audit.report_summary"
    ) == (
        811, 794, 8, 9,
        # nr_prior_year: last year's report is not loaded; nr_department_score: its narrative states
        # no 部门整体 score.
        "nr_department_score, nr_prior_year, p06_09_overseas, t04_fund_balance_government_fund, t04_fund_balance_state_capital, t04_opening_balance, "
        "t07_carry_over, t07_rollup, t07_row_sum, t08_rollup, t08_row_sum",
    )
    # No parse error hides behind the findings.
    assert built.one("select load_error_count from marts.dim_report") == 0


@pytest.fixture(scope="module")
def broken(tmp_path_factory, sample_text):
    """The broken fixture, a report missing tables 07–10 (and so every self-evaluation), and one cut
    inside a self-evaluation, built together. Reports with and without self-evaluations side by
    side also exercise reading the per-report CSVs as one glob (a dialect sniffed from a file
    without quoted fields once split the quoted ones of the others)."""
    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("broken")
    ws = Workspace(base, mp)
    (base / "in").mkdir()
    (base / "in" / "broken.txt").write_text(broken_text(sample_text).replace("高平市公安局", "高平市测试局"), encoding="utf-8")
    cut = sample_text.index(" 政府性基金预算财政拨款收入支出决算表")
    (base / "in" / "truncated.txt").write_text(sample_text[:cut].replace("高平市公安局", "高平市截断局"), encoding="utf-8")
    # Cut inside an indicator row of the 24th self-evaluation (警犬繁育及训养).
    cut = sample_text.index("警犬中队基地面", sample_text.index("项目名称：警犬繁育及训养")) + len("警犬中队基地面")
    (base / "in" / "project_cut.txt").write_text(sample_text[:cut].replace("高平市公安局", "高平市项目截断局"), encoding="utf-8")
    try:
        ws.exit_code = main(["run", str(base / "in")])
    finally:
        mp.undo()
    return ws


def test_broken_fixture_yields_exactly_the_planted_discrepancies(broken):
    assert broken.exit_code == EXIT_FINDINGS  # built, with findings: discrepancies never fail the build
    rid = broken.one("select report_id from marts.dim_report where department_name = '高平市测试局'")
    assert broken.sql(FINDINGS_SQL, rid) == as_rows(BROKEN_FINDINGS)


def test_identities_over_missing_tables_are_skipped_and_visible(broken):
    checked, skipped = broken.one(
        "select identities_checked, skipped_checks from audit.report_summary where department_name = '高平市截断局'"
    )
    for check in ("t09_total", "t10_procurement_total", "x06_10_running_cost", "p06_09_reception"):
        assert check in skipped
    assert broken.one("select tables_missing from marts.dim_report where department_name = '高平市截断局'") == "T07,T08,T09,T10"
    rid = broken.one("select report_id from marts.dim_report where department_name = '高平市截断局'")
    # Tables 01–06 are intact, so their findings are the sample's, less those that need table 10;
    # the narrative and the self-evaluations came after the tables and were cut off with them.
    assert broken.sql(FINDINGS_SQL, rid) == [f for f in as_rows(SAMPLE_FINDINGS) if f[0][:3] not in ("t10", "pj_", "nr_")]
    assert checked < 215


def test_a_self_evaluation_cut_short_loads_what_was_printed_and_says_so(broken):
    """A malformed self-evaluation does not fail the build: it loads partially, with findings."""
    rid = broken.one("select report_id from marts.dim_report where department_name = '高平市项目截断局'")
    assert broken.one("select count(*) from marts.dim_project where report_id = ?", rid) == 24
    assert broken.one(
        "select indicator_count, weight_sum, parse_error_count from marts.dim_project where project_id = ?", rid + "-p24"
    ) == (2, Decimal("10.00"), 1)
    assert broken.sql(
        "select check_id, severity from audit.findings where report_id = ? and object = '警犬繁育及训养' order by 1", rid
    ) == [
        ("pj_execution_score_stated", "discrepancy"),
        ("pj_indicator_score_sum", "discrepancy"),
        ("pj_parse_complete", "discrepancy"),
        ("pj_total_score", "discrepancy"),
        ("pj_weight_sum", "discrepancy"),
    ]
    assert broken.one(
        "select message from staging.stg_parsed__load_issues where report_id = ? and severity = 'error'", rid
    ) == "indicator '警犬中队基地面' has no target, weight or score"


def test_table_coverage_of_a_whole_report(built):
    rows = built.sql(
        "select table_key, found, printed_rows, value_cells, blank_cells, na_cells, identities_held, rounding_findings "
        "from audit.table_coverage order by table_key"
    )
    assert rows[5] == ("T06", True, 112, 40, 56, 16, 4, 2)  # `────` cells counted apart from blanks
    assert [r[3] for r in rows] == [10, 54, 58, 17, 58, 40, 0, 0, 10, 7]
    assert all(r[1] for r in rows)


def test_table_coverage_shows_what_a_report_lacks(broken):
    rid = broken.one("select report_id from marts.dim_report where department_name = '高平市截断局'")
    assert broken.sql(
        "select table_key from audit.table_coverage where report_id = ? and not found order by 1", rid
    ) == [("T07",), ("T08",), ("T09",), ("T10",)]
    assert broken.one(
        "select printed_rows, value_cells from audit.table_coverage where report_id = ? and table_key = 'T09'", rid
    ) == (0, 0)
