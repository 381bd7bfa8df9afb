"""预算12表 政府采购预算明细表 (the budget's government procurement): its categories 货物, 工程 and
服务 and their 合计, by source of funds where the table prints them (无锡, 苏州: 一般公共预算资金, 政府性基金,
其他资金, 上年结转和结余资金, 总计) or as one 金额 (北京: `A-货物`, `C-服务`). 无锡 and 苏州 list each
unit's purchases under its category: those rows are the detail of a category, counted, not loaded.
西安's 政府采购（资产配置、购买服务）预算表 lists purchases by code and unit: another shape, not this table.
The shape is a list of named rows over a ruled grid; this module is its only table so far."""

from __future__ import annotations

import re

from juesuan.parse import grid
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Issue, ParsedTable, Row
from juesuan.parse.tables.identities import Linear, RowSum

TABLE_KEY = "B12"
DOCUMENT = "budget"
TITLE = "政府采购预算明细表"
TITLE_EN = "Budget government procurement by category (货物, 工程, 服务) and source of funds"
TITLE_ALIASES = ("政府采购支出表", "政府采购预算表")
COLUMNS = [
    ("total", "总计"),
    ("general_budget", "一般公共预算资金"),
    ("government_fund", "政府性基金"),
    ("other_funds", "其他资金"),
    ("opening_balance", "上年结转和结余资金"),
]
PRINTED_AS = {"total": ("金额",)}
# The form's rows, by the name printed first on the row (with or without its catalogue letter, `A-货物`).
ROWS = {"合计": "total", "货物": "goods", "工程": "works", "服务": "services"}
# 合计 = 货物 + 工程 + 服务 in each column printed, and each row's 总计 = its sources of funds where they
# are printed (北京 prints one 金额).
IDENTITIES = [
    *(Linear(check_id="b12_categories", rule="合计 = 货物 + 工程 + 服务",
             description="B12: the procurement budget's total equals its goods plus works plus services (each column)",
             actual=("total", column), addends=tuple((category, column) for category in ("goods", "works", "services")))
      for column, _ in COLUMNS),
    RowSum(check_id="b12_row_sum", rule="总计 = Σ 资金来源",
           description="B12: each category's total equals its sources of funds where they are printed",
           total="total", terms=tuple(column for column, _ in COLUMNS[1:]), skip_if_terms_blank=True),
]
_CATALOGUE_LETTER = re.compile(r"^[A-C][-－—]")


def _first_word(cells: list[str]) -> str | None:
    return next((c for c in cells if c and not grid.is_amount_or_blank(c)), None)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    if not region.is_grid:
        table.issues.append(Issue("error", TABLE_KEY, region.title_line, "政府采购 read from a ruled grid only; not read"))
        return table
    g = grid.read_grid(TABLE_KEY, region.lines)
    table.issues.extend(g.issues)
    rows, width = list(g.rows), g.width

    def category(row: grid.GridRow) -> str | None:
        word = _first_word(row.cells)
        return ROWS.get(_CATALOGUE_LETTER.sub("", word)) if word and any(map(grid.is_figure, row.cells)) else None

    first = next((i for i, r in enumerate(rows) if category(r)), None)
    if first is None:
        if not table.no_data:
            table.issues.append(Issue("error", TABLE_KEY, region.title_line, "no 合计, 货物, 工程 or 服务 row; not read"))
        return table
    body = rows[first:]
    figures = [c for c in range(width) if any(c < len(r.cells) and grid.is_figure(r.cells[c]) for r in body)]
    labels = grid.column_labels(rows[:first], width)
    names = {key: (name, *PRINTED_AS.get(key, ())) for key, name in COLUMNS}
    found, unmatched = grid.match_columns(labels, names, list(range(width)))
    for c in (c for c in unmatched if c in figures):
        table.issues.append(Issue("error", TABLE_KEY, region.title_line, f"column {'/'.join(labels[c]) or c + 1!r} "
                                  "of figures is not a column of the form; not loaded"))
    detail = 0
    for row in body:
        key = category(row)
        if key is None:
            # A unit or a purchase listed under its category (a page's running title has no figure).
            detail += any(map(grid.is_figure, row.cells))
            continue
        # A category printed twice is kept once by report._drop_repeated_rows, as every table's row.
        cells = (row.cells + [""] * width)[:width]
        table.rows.append(Row(TABLE_KEY, key, None, _first_word(cells), None, len(table.rows) + 1, row.line))
        for column_key, c in found.items():
            grid.add_value_cell(table, key, column_key, cells[c], unit, row.line, c)
    if detail:
        table.issues.append(Issue("warning", TABLE_KEY, body[0].line, f"{detail} rows list the units and purchases "
                                  "under the categories; the form's rows are its categories, and only those are loaded"))
    return table
