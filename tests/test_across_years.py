"""Across years (`xy_opening_balance`): a final report's 年初结转和结余 is its department's 年末结转和结余 of
the year before. No department of ../shared/reports has two years, so the sample department's reports
of 2022–2024 are written from the sample, with balances (the sample prints its 公开01表 balances blank):
2024 opens with 120.00 and 2023 closed with 120.00 (held); 2023 opens with 90.00 and 2022 closed with
100.00 (a balance restated between the two years' accounts)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.conftest import SAMPLE, built_workspace

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
    return built_workspace(tmp_path_factory, "years", folder)


def test_an_opening_balance_against_last_years_closing_one(years):
    rows = years.sql("""select r.fiscal_year, c.object, c.status, c.expected, c.actual, c.source_lines
                        from audit.identity_checks c join marts.dim_report r using (report_id)
                        where c.check_id = 'xy_opening_balance' order by 1""")
    prior = dict(years.sql("select fiscal_year, report_id from marts.dim_report"))
    assert [row[:5] for row in rows] == [
        (2023, "T01 opening_balance amount 2022", "discrepancy", Decimal("1000000.0000"), Decimal("900000.0000")),
        (2024, "T01 opening_balance amount 2023", "held", Decimal("1200000.0000"), Decimal("1200000.0000"))]
    assert rows[1][5] == f"T01:180, {prior[2023]} T01:180"
    # The 2022 report's year before is not loaded: no instance, and no family counted as skipped.
    assert "xy_opening_balance" not in years.one(
        "select skipped_checks from audit.report_summary s join marts.dim_report r using (report_id) where r.fiscal_year = 2022")
