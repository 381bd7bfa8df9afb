"""Across years (`xy_opening_balance`): a final report's 年初结转和结余 is its department's 年末结转和结余 of
the year before. No department of ../shared/reports has two years, so the sample department's reports
of 2022–2024 are written from the sample, with balances (the sample prints its 公开01表 balances blank):
2024 opens with 120.00 and 2023 closed with 120.00 (held); 2023 opens with 90.00 and 2022 closed with
100.00 (a balance restated between the two years' accounts). And two budgets (`xy_budget_opening_estimate`):
2025's 上年结转 estimates 75.00 where the 2024 final accounts closed with 80.00 (an estimate, shown), 2023's
100.00, what 2022 closed with (held)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.conftest import SAMPLE, built_workspace

# As `juesuan extract-text` writes a ruled PDF: its cells TAB-separated.
BUDGET = """高平市公安局{year}年度部门预算

收支总表
部门名称：高平市公安局                单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算拨款\t12,000.00\t一、公共安全支出\t{total}
本年收入合计\t12,000.00\t本年支出合计\t{total}
上年结转\t{opening}\t年终结转\t
收入总计\t{total}\t支出总计\t{total}
"""

BLANK = re.compile(r"年初结转和结余 29\s+年末结转和结余 60[^\n]*")


def _year(text: str, year: int, opening: str, closing: str) -> str:
    assert len(BLANK.findall(text)) == 1
    out = BLANK.sub(f"年初结转和结余 29 {opening}    年末结转和结余 60 {closing}", text)
    return out if year == 2024 else out.replace("2024年度", f"{year}年度").replace("2024年", f"{year}年")


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    text = SAMPLE.read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("years")
    for year, opening, closing in ((2024, "120.00", "80.00"), (2023, "90.00", "120.00"), (2022, "50.00", "100.00")):
        (folder / f"gaoping_{year}.txt").write_text(_year(text, year, opening, closing), encoding="utf-8")
    for year, opening, total in ((2025, "75.00", "12,075.00"), (2023, "100.00", "12,100.00")):
        (folder / f"gaoping_{year}_budget.txt").write_text(
            BUDGET.format(year=year, opening=opening, total=total), encoding="utf-8")
    return built_workspace(tmp_path_factory, "years", folder)


def test_an_opening_balance_against_last_years_closing_one(years):
    rows = years.sql("""select r.fiscal_year, c.object, c.status, c.expected, c.actual, c.source_lines
                        from audit.identity_checks c join marts.dim_report r using (report_id)
                        where c.check_id = 'xy_opening_balance' order by 1""")
    prior = dict(years.sql("select fiscal_year, report_id from marts.dim_report where document_kind = 'final'"))
    assert [row[:5] for row in rows] == [
        (2023, "T01 opening_balance amount 2022", "discrepancy", Decimal("1000000.0000"), Decimal("900000.0000")),
        (2024, "T01 opening_balance amount 2023", "held", Decimal("1200000.0000"), Decimal("1200000.0000"))]
    assert rows[1][5] == f"T01:180, {prior[2023]} T01:180"
    # The 2022 report's year before is not loaded: no instance, and no family counted as skipped.
    assert "xy_opening_balance" not in years.one(
        "select skipped_checks from audit.report_summary s join marts.dim_report r using (report_id) where r.fiscal_year = 2022")


def test_a_budgets_balance_brought_forward_is_an_estimate(years):
    """A budget is made before the year it carries over from has closed: its 上年结转 against what the
    final accounts of that year printed is shown as an `estimate` where it differs, a finding of its
    own kind (not a discrepancy: no error of either document, and the exit code does not count it)."""
    rows = years.sql("""select r.fiscal_year, c.object, c.status, c.expected, c.actual, c.comparison
                        from audit.identity_checks c join marts.dim_report r using (report_id)
                        where c.check_id = 'xy_budget_opening_estimate' order by 1""")
    assert rows == [
        (2023, "B01 opening_balance amount 2022", "held", Decimal("1000000.0000"), Decimal("1000000.0000"), "estimate"),
        (2025, "B01 opening_balance amount 2024", "estimate", Decimal("800000.0000"), Decimal("750000.0000"), "estimate")]
    assert years.sql("""select r.fiscal_year, f.severity, f.difference from audit.findings f join marts.dim_report r
                        using (report_id) where f.check_id = 'xy_budget_opening_estimate'""") == [
        (2025, "estimate", Decimal("-50000.0000"))]
    assert years.one("""select estimate_findings, discrepancy_findings from audit.report_summary s
                        join marts.dim_report r using (report_id)
                        where r.fiscal_year = 2025 and r.document_kind = 'budget'""") == (1, 0)
