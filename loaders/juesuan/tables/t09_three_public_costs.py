"""公开09表 财政拨款“三公”经费支出决算表 (the "three public costs").

One data line of twelve cells: 预算数 then 决算数, each as 合计, 因公出国(境)费, 公务用车购置及
运行维护费 (小计, 购置费, 运行维护费) and 公务接待费. Rows are the phase, columns the item.
"""

from __future__ import annotations

import re

from ..grammar import Stream, body_lines, make_cells, missing_cells_issue, take_values
from ..layout import TableRegion
from ..model import Issue, ParsedTable, Row
from ..tokens import tokenize

TABLE_KEY = "T09"
PHASES = [("budget", "预算数"), ("final", "决算数")]
COLUMNS = [
    ("total", "合计"),
    ("overseas", "因公出国（境）费"),
    ("vehicle_subtotal", "公务用车购置及运行维护费 小计"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行维护费"),
    ("reception", "公务接待费"),
]

# The column-number line (`1 2 3 … 12`) ends the header.
_COLUMN_NUMBERS = re.compile(r"^1\s+2\s+3(\s+\d+)*\s*$")


def parse(region: TableRegion, unit: str) -> ParsedTable:
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    lines = body_lines(region.lines, _COLUMN_NUMBERS)[1:]
    stream = Stream(tokenize(lines))
    columns = [c for c, _ in COLUMNS]
    for phase, label in PHASES:
        start = stream.peek()
        line = start.line if start else region.title_line
        values = take_values(stream, len(columns))
        if values.missing and values.tokens:
            table.issues.append(missing_cells_issue(TABLE_KEY, label, values, line))
        table.rows.append(Row(TABLE_KEY, phase, None, label, None, len(table.rows) + 1, line))
        table.cells.extend(make_cells(TABLE_KEY, phase, columns, values, unit, line))
    if not stream.done():
        extra = stream.peek()
        table.issues.append(Issue("error", TABLE_KEY, extra.line, f"unexpected {extra.text!r} after the twelve cells; skipped"))
    return table
