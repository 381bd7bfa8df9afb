"""公开06表 一般公共预算财政拨款基本支出决算明细表 (basic expenditure by economic code).

Printed as four side-by-side column groups (人员经费 on the left, 公用经费 on the right), each
a (科目代码, 科目名称, 决算数) triple; names wrap and groups run on across lines. Read as one token
stream, the table is a sequence of triples, so the column groups need not be tracked: the
economic class of the code says whether an amount is 人员经费 or 公用经费. The two totals
(人员经费合计, 公用经费合计) close the table.
"""

from __future__ import annotations

import re

from ..grammar import Stream, body_lines, cell_from_token, skip_unplaced, take_name
from ..layout import TableRegion
from ..model import Cell, ParsedTable, Row
from ..tokens import Kind, tokenize

TABLE_KEY = "T06"
COLUMNS = [("amount", "决算数")]
TOTALS = {"人员经费合计": "personnel_total", "公用经费合计": "public_total"}

_FIRST_ROW = re.compile(r"^3\d\d(\s|$)")
_ECON_CODE = re.compile(r"^3\d\d(\d\d)?$")


def _is_group_start(tok) -> bool:
    return (tok.kind is Kind.INT and bool(_ECON_CODE.match(tok.text))) or (tok.kind is Kind.TEXT and tok.text in TOTALS)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    stream = Stream(tokenize(body_lines(region.lines, _FIRST_ROW)))
    while not stream.done():
        tok = stream.peek()
        if tok.kind is Kind.BLANK:
            stream.next()  # an empty column group (code, name and amount all blank)
            continue
        if tok.kind is Kind.INT and _ECON_CODE.match(tok.text):
            stream.next()
            row_key, code = tok.text, tok.text
            label, _ = take_name(stream)
        elif tok.kind is Kind.TEXT and tok.text in TOTALS:
            stream.next()
            row_key, code, label = TOTALS[tok.text], None, tok.text
        else:
            table.issues.append(skip_unplaced(stream, TABLE_KEY, "an economic code", _is_group_start))
            continue
        value = stream.peek()
        if value is not None and value.is_value:
            cell = cell_from_token(TABLE_KEY, row_key, "amount", stream.next(), unit)
        else:
            # Next group's code follows at once: this amount cell was not printed at all.
            cell = Cell(TABLE_KEY, row_key, "amount", "blank", "", None, unit, tok.line)
        table.rows.append(Row(TABLE_KEY, row_key, code, label, None, len(table.rows) + 1, tok.line))
        table.cells.append(cell)
    return table
