"""公开04表 财政拨款收入支出决算总表 (appropriation income and expenditure summary).

Left: appropriation income by fund, 本年收入合计, 年初财政拨款结转和结余 with one line per fund,
总计 (one amount each). Right: expenditure by 类 and the matching summary lines, each split
into 合计 and the three funds. The per-fund carry-over lines print the fund name on the left
only; the right-hand line beside them is the same fund's year-end balance.
"""

from __future__ import annotations

from ..grammar import make_cells
from ..layout import TableRegion
from ..model import ParsedTable, Row
from .t01_income_expenditure_summary import key_side_row
from .two_sided import parse_sides, parse_sides_grid

TABLE_KEY = "T04"
LEFT_COLUMNS = [("amount", "金额")]
COLUMNS = [
    ("total", "合计"),
    ("general_budget", "一般公共预算财政拨款"),
    ("government_fund", "政府性基金预算财政拨款"),
    ("state_capital", "国有资本经营预算财政拨款"),
]
FUNDS = [
    ("一般公共预算", "general_budget"),
    ("政府性基金预算", "government_fund"),
    ("国有资本经营预算", "state_capital"),
]
INCOME_LINES = [
    ("一般公共预算财政拨款", "general_budget_appropriation"),
    ("政府性基金预算财政拨款", "government_fund_appropriation"),
    ("国有资本经营预算财政拨款", "state_capital_appropriation"),
    ("本年收入合计", "income_subtotal"),
    ("年初财政拨款结转和结余", "opening_balance"),
    ("年初结转和结余", "opening_balance"),
    ("总计", "income_total"),
]
EXPENDITURE_LINES = [
    ("本年支出合计", "expenditure_subtotal"),
    ("年末财政拨款结转和结余", "closing_balance"),
    ("年末结转和结余", "closing_balance"),
    ("总计", "expenditure_total"),
]


def _fund(name: str) -> str | None:
    for prefix, fund in FUNDS:
        if name.startswith(prefix):
            return fund
    return None


def parse(region: TableRegion, unit: str) -> ParsedTable:
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    if region.is_grid:
        sides, issues = parse_sides_grid(region, {c: (name,) for c, name in COLUMNS})
    else:
        sides, issues = parse_sides(region, right_columns=len(COLUMNS))
    table.issues.extend(issues)
    after_opening = False
    pending_fund = None  # the fund of the left-hand carry-over line beside the next right line
    for row in sides:
        fund = _fund(row.bare_name)
        if row.side == "income" and after_opening and fund:
            key, issue = f"opening_balance_{fund}", None
            pending_fund = fund
        elif row.side == "expenditure" and pending_fund and not row.name:
            key, issue = f"closing_balance_{pending_fund}", None
            pending_fund = None
        else:
            key, issue = key_side_row(row, TABLE_KEY, INCOME_LINES, EXPENDITURE_LINES)
            pending_fund = None if row.side == "expenditure" else pending_fund
        if key == "opening_balance":
            after_opening = True
        if issue:
            table.issues.append(issue)
        if key is None:
            continue
        columns = LEFT_COLUMNS if row.side == "income" else COLUMNS
        code = key if key.isdigit() else None
        table.rows.append(Row(TABLE_KEY, key, code, row.name, row.line_number, len(table.rows) + 1, row.source_line))
        table.cells.extend(make_cells(TABLE_KEY, key, [c for c, _ in columns], row.values, unit, row.source_line))
    return table
