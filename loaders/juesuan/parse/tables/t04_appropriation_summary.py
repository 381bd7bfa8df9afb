"""公开04表 财政拨款收入支出决算总表 (appropriation income and expenditure summary).

Left: appropriation income by fund, 本年收入合计, 年初财政拨款结转和结余 with one line per fund,
总计 (one amount each). Right: expenditure by 类 and the matching summary lines, each split
into 合计 and the three funds. The per-fund carry-over lines print the fund name on the left
only; the right-hand line beside them is the same fund's year-end balance.

Printed as plain text with its blank cells left out (上海, without 行次; a web page's table copied
one cell per line, with them), an expenditure line prints 合计 and the funds it uses only (`一、一般公共服务支出 306.90 306.90`): which fund is for the identities to say. Each line's
合计 is the sum of its funds, each fund's column adds up to 本年支出合计, and where both carry-over
lines are printed blank (nothing carried over) a fund's 本年支出合计 and 总计 are its 本年收入.
Cells those force are loaded as inferred; the others are ambiguous.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from juesuan.parse.grammar import make_cells, missing_cells_issue
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable, Row
from juesuan.parse.tokens import Kind
from juesuan.parse.tables.coded import place_and_add
from juesuan.parse.tables.identities import Linear, Rollup, RowSum, SameFigure, placement_identities
from juesuan.parse.tables.t01_income_expenditure_summary import key_side_row, side_of_line, starts_unnumbered_name
from juesuan.parse.tables.two_sided import SideRow, numbered, parse_sides, parse_sides_grid, parse_sides_unnumbered

TABLE_KEY = "T04"
TITLE = "财政拨款收入支出决算总表"
TITLE_EN = "Appropriation income and expenditure summary"
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


_FUND_KEYS = [fund for _, fund in FUNDS]
_FUND_NAMES = {"general_budget": "一般公共预算", "government_fund": "政府性基金", "state_capital": "国有资本经营"}
_FUND_MONEY = {"general_budget": "general-budget funds carried in plus received equal",
               "government_fund": "government-fund money carried in plus received equals",
               "state_capital": "state-capital money carried in plus received equals"}
IDENTITIES = [
    RowSum(check_id="t04_row_sum", rule="合计 = 一般公共预算 + 政府性基金 + 国有资本经营",
           description="T04: each expenditure line's total equals the sum of its funds", total="total", terms=tuple(_FUND_KEYS)),
    Linear(check_id="t04_income_subtotal", rule="本年收入合计 = Σ 三类财政拨款",
           description="T04: appropriation income subtotal equals the sum of the three funds",
           actual=("income_subtotal", "amount"), addends=tuple((f"{f}_appropriation", "amount") for f in _FUND_KEYS)),
    Rollup(check_id="t04_expenditure_subtotal", rule="本年支出合计 = Σ 类 (each fund)",
           description="T04: expenditure subtotal equals the sum of the classes (each column)",
           columns=("total", *_FUND_KEYS), total_row="expenditure_subtotal"),
    Linear(check_id="t04_opening_balance", rule="年初财政拨款结转和结余 = Σ funds",
           description="T04: opening carry-over equals the sum of its funds",
           actual=("opening_balance", "amount"), addends=tuple((f"opening_balance_{f}", "amount") for f in _FUND_KEYS)),
    Linear(check_id="t04_income_total", rule="总计 = 本年收入合计 + 年初结转和结余",
           description="T04: total income equals the subtotal plus opening carry-over",
           actual=("income_total", "amount"), addends=(("income_subtotal", "amount"), ("opening_balance", "amount"))),
    Linear(check_id="t04_expenditure_total", rule="总计 = 本年支出合计 + 年末结转和结余",
           description="T04: total expenditure equals the subtotal plus closing carry-over",
           actual=("expenditure_total", "total"), addends=(("expenditure_subtotal", "total"), ("closing_balance", "total"))),
    Linear(check_id="t04_balance", rule="收入总计 = 支出总计", description="T04: the two sides balance",
           actual=("income_total", "amount"), addends=(("expenditure_total", "total"),), adds_rows=False),
    # 年末 = 年初 + 本年收入 − 本年支出, per fund.
    *(Linear(check_id=f"t04_fund_balance_{f}", rule=f"年初 + 本年收入 = 本年支出 + 年末 ({_FUND_NAMES[f]})",
             description=f"T04: {_FUND_MONEY[f]} spent plus carried out",
             actual=("closing_balance", f), addends=((f"opening_balance_{f}", "amount"), (f"{f}_appropriation", "amount"),
                                                     ("expenditure_subtotal", f, -1)))
      for f in _FUND_KEYS),
]
# 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算, on every expenditure line.
ROW_IDENTITY, = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="x02_04_appropriation", rule="02 财政拨款收入合计 = 04 本年收入合计",
               description="Appropriation income in the income table equals the appropriation summary's income",
               actual=("T02", "total", "fiscal_appropriation"), addends=(("T04", "income_subtotal", "amount"),)),
]


def _side_of(name: str) -> str | None:
    if any(name.startswith(line) for line, _ in INCOME_LINES):
        return "income"
    if any(name.startswith(line) for line, _ in EXPENDITURE_LINES):
        return "expenditure"
    return side_of_line(name)


def _starts_name(text: str) -> bool:
    """The lines printed without an ordinal (本年支出合计, 年初财政拨款结转和结余, …) start a name."""
    return starts_unnumbered_name(text) or any(text.startswith(line) for line, _ in INCOME_LINES + EXPENDITURE_LINES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    if region.is_grid:
        sides, issues = parse_sides_grid(region, {c: (name,) for c, name in COLUMNS})
    elif numbered(region):
        sides, issues = parse_sides(region, right_columns=len(COLUMNS), keep_partial=True)
    else:
        sides, issues = parse_sides_unnumbered(region, _side_of, _starts_name, right_columns=len(COLUMNS))
    table.issues.extend(issues)
    expenditure: list[tuple[Row, object, object]] = []
    order: dict[str, int] = {}
    for n, (key, row) in enumerate(_keyed(sides, table)):
        code = key if key.isdigit() else None
        out = Row(TABLE_KEY, key, code, row.name, row.line_number, 0, row.source_line)
        order[key] = n
        if row.side == "income":
            table.rows.append(out)
            table.cells.extend(make_cells(TABLE_KEY, key, [c for c, _ in LEFT_COLUMNS], row.values, unit, row.source_line))
            continue
        figures = [t for t in row.values.tokens if t.kind is not Kind.BLANK]
        issue = missing_cells_issue(TABLE_KEY, row.name or key, row.values, row.source_line) \
            if row.values.missing and figures else None
        expenditure.append((out, row.values, issue))
    placed = ParsedTable(TABLE_KEY, region.title, region.title_line)
    brought_in = _brought_in(table, expenditure)
    place_and_add(placed, expenditure, [c for c, _ in COLUMNS], [ROW_IDENTITY], unit,
                  total_key="expenditure_subtotal",
                  fixed={"expenditure_subtotal": brought_in, "expenditure_total": brought_in} if brought_in else None)
    table.cells.extend(placed.cells)
    table.issues.extend(placed.issues)
    rows = sorted([*table.rows, *placed.rows], key=lambda r: order[r.row_key])  # as printed
    table.rows[:] = [replace(r, row_order=n) for n, r in enumerate(rows, 1)]
    return table


def _brought_in(table: ParsedTable, expenditure) -> dict[str, Decimal] | None:
    """What each fund brought in this year (its 本年收入), which its 本年支出合计 and its 总计 must
    equal when nothing was carried over; None unless both carry-over lines are printed, and blank."""
    cells = {(c.row_key, c.column_key): c for c in table.cells}
    opening = [c for (k, _), c in cells.items() if k.startswith("opening_balance")]
    closing = [values for row, values, _ in expenditure if row.row_key.startswith("closing_balance")]
    if not opening or not closing:
        return None
    if any(c.value for c in opening) or any(t.kind is not Kind.BLANK for values in closing for t in values.tokens):
        return None
    out = {}
    for _, fund in FUNDS:
        cell = cells.get((f"{fund}_appropriation", "amount"))
        if cell is None:
            return None
        out[fund] = cell.value or Decimal(0)
    return out


def _keyed(sides: list[SideRow], table: ParsedTable):
    """(row key, side row) of each printed line; the per-fund carry-over lines keyed by fund."""
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
        if key is not None:
            yield key, row
