"""The grammar of the tree tables keyed by 支出功能分类 code (公开02, 03, 05, 07, 08).

A row is a code (类 3 digits, 款 5, 项 7; sometimes printed split as `201 06 01`) or `合计`,
then the subject name, then one cell per column.
"""

from __future__ import annotations

import re

from ..grammar import Stream, body_lines, make_cells, missing_cells_issue, skip_unplaced, take_name, take_values
from ..layout import TableRegion
from ..model import ParsedTable, Row
from ..tokens import Kind, tokenize

_FIRST_ROW = re.compile(r"^(合计|总计)(\s|$)|^\d{3}(\s|$)")
_CODE_LENGTHS = (3, 5, 7)


def _is_row_start(tok) -> bool:
    return (tok.kind is Kind.INT and len(tok.text) in _CODE_LENGTHS) or (tok.kind is Kind.TEXT and tok.text in ("合计", "总计"))


def _take_code(stream: Stream) -> str | None:
    tok = stream.peek()
    if tok is None or tok.kind is not Kind.INT or len(tok.text) not in _CODE_LENGTHS:
        return None
    stream.next()
    code = tok.text
    # A split code: `201 06 01` → 2010601.
    while len(code) < 7:
        nxt = stream.peek()
        if nxt is not None and nxt.kind is Kind.INT and len(nxt.text) == 2:
            code += stream.next().text
        else:
            break
    return code


def parse_coded_table(region: TableRegion, columns: list[str], unit: str) -> ParsedTable:
    key = region.table_key
    table = ParsedTable(key, region.title, region.title_line, no_data=region.no_data)
    stream = Stream(tokenize(body_lines(region.lines, _FIRST_ROW)))
    order = 0
    while not stream.done():
        tok = stream.peek()
        if tok.kind is Kind.BLANK:
            stream.next()  # an empty row of the layout (a table with no data prints one)
            continue
        start_line = tok.line
        code = _take_code(stream)
        if code is None and tok.kind is Kind.TEXT and tok.text in ("合计", "总计"):
            stream.next()
            row_key, label = "total", tok.text
        elif code is not None:
            row_key = code
            label, _ = take_name(stream)
        else:
            table.issues.append(skip_unplaced(stream, key, "a subject code", _is_row_start))
            continue
        values = take_values(stream, len(columns))
        if values.missing:
            table.issues.append(missing_cells_issue(key, label or row_key, values, start_line))
        order += 1
        table.rows.append(Row(key, row_key, code, label, None, order, start_line))
        table.cells.extend(make_cells(key, row_key, columns, values, unit, start_line))
    return table
