"""预算09表 财政拨款“三公”经费支出表 (the budget's "three public costs"): 公开09表's items as columns
(T09's column keys, 会议费 and 培训费 where printed) over one row of figures, the budget year's
(`budget`). 北京 names its total `“三公”经费财政拨款预算总额` and prints 公务接待费 before the vehicles;
the header says which column is which, so the order does not matter. 西安's (last year, this year and
the change, by unit) is another shape: not this table."""

from __future__ import annotations

from .. import grid
from ..layout import TableRegion
from ..model import Issue, ParsedTable, Row
from .t09_three_public_costs import COLUMNS, EXTRA_COLUMNS, item_of

TABLE_KEY = "B09"
LIKE = "T09"
DOCUMENT = "budget"
TITLE = "财政拨款“三公”经费支出表"
TITLE_EN = "Budget three public costs, one row for the budget year (T09's items; 会议费 and 培训费 where printed)"
TITLE_ALIASES = ("一般公共预算“三公”经费、会议费、培训费支出表", "财政拨款“三公”经费支出预算表")
__all__ = ["COLUMNS", "EXTRA_COLUMNS"]


def _item(label: tuple[str, ...]) -> str | None:
    return item_of(label) or ("total" if label and "总额" in label[-1] else None)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    """The header (items, 公务用车 over its 小计, 购置费 and 运行维护费) down to the one row of figures."""
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    g = grid.read_grid(TABLE_KEY, region.lines)
    table.issues.extend(g.issues)
    rows, width = g.rows, g.width
    first = next((i for i, r in enumerate(rows) if not r.is_empty() and not grid.is_numbering_row(r.cells)
                  and all(grid.is_amount_or_blank(c) for c in r.cells)), None)
    if not region.is_grid or first is None or first == 0:
        table.issues.append(Issue("error", TABLE_KEY, region.title_line, "no header of 三公 items over a row of figures; table not read"))
        return table
    labels = grid.column_labels(rows[:first], width)
    items = {c: _item(lab) for c, lab in enumerate(labels) if lab}
    data = [r for r in rows[first:] if not r.is_empty() and not grid.is_numbering_row(r.cells)]
    for c, item in items.items():
        if item is None and any(c < len(r.cells) and r.cells[c] for r in data):
            table.issues.append(Issue("error", TABLE_KEY, rows[first - 1].line, f"column {'/'.join(labels[c])!r} is no 三公 item; not loaded"))
    if len(data) > 1:
        table.issues.append(Issue("error", TABLE_KEY, data[1].line, f"{len(data)} rows of figures where the form has one; only the first is read"))
    cells = (data[0].cells + [""] * width)[:width]
    table.rows.append(Row(TABLE_KEY, "budget", None, "预算数", None, 1, data[0].line))
    for c, item in items.items():
        if item is not None:
            grid.add_value_cell(table, "budget", item, cells[c], unit, data[0].line, c)
    return table
