"""The grammar of the tree tables keyed by 支出功能分类 code (公开02, 03, 05, 07, 08).

A row is a code (类 3 digits, 款 5, 项 7; sometimes printed split as `201 06 01`) or `合计`,
then the subject name, then one cell per column.
"""

from __future__ import annotations

import re

from .. import grid
from ..grammar import (
    Stream,
    body_lines,
    make_cells,
    missing_cells_issue,
    skip_unplaced,
    take_name,
    take_values,
    unreadable_row_issue,
)
from ..layout import TableRegion
from ..model import Issue, ParsedTable, Row
from ..tokens import Kind, tokenize

_FIRST_ROW = re.compile(r"^(合计|总计)(\s|$)|^\d{3}(\s|$)")
_CODE_LENGTHS = (3, 5, 7)


def _is_whole_figure(tok) -> bool:
    return len(tok.text) not in _CODE_LENGTHS


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
    stream = Stream(tokenize(body_lines(region.lines, _FIRST_ROW, skip_header_fragments=True)))
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
        # `0` is a figure here (a whole number that cannot be a code); a code starts the next row.
        values = take_values(stream, len(columns), accept_int=_is_whole_figure)
        if values.garbled:
            table.issues.append(unreadable_row_issue(key, label or row_key, values.garbled, start_line))
            continue
        nxt = stream.peek()
        if not values.tokens and nxt is not None and nxt.line == start_line and not _is_row_start(nxt):
            continue  # figures this grammar cannot take follow on the row's line: refused next, never blanks
        if values.missing:
            issue = missing_cells_issue(key, label or row_key, values, start_line)
            table.issues.append(issue)
            if issue.severity == "error":
                continue
        order += 1
        table.rows.append(Row(key, row_key, code, label, None, order, start_line))
        table.cells.extend(make_cells(key, row_key, columns, values, unit, start_line))
    return table


# --- the same tables read from a ruled grid (PDF input) -------------------------------------

_TOTAL_NAMES = ("合计", "总计")
_CODE_HEADER_CELLS = ("类", "款", "项")


def _grid_code(cells: list[str]) -> str | None:
    """The code of a row from its code cells: `201` `06` `01` → 2010601; `2120101` as is."""
    code = "".join(c for c in cells if c)
    if code.isdigit() and len(code) in _CODE_LENGTHS and all(c.isdigit() for c in cells if c):
        return code
    return None


def parse_coded_grid(region: TableRegion, columns: dict[str, tuple[str, ...]], unit: str) -> ParsedTable:
    """A coded table from grid rows. `columns` maps each column key to the names it is printed
    under (national name first, regional variants after)."""
    key = region.table_key
    table = ParsedTable(key, region.title, region.title_line, no_data=region.no_data)
    g = grid.read_grid(key, region.lines)
    table.issues.extend(g.issues)
    rows, width = list(g.rows), g.width
    names = {grid.normalise_label(n) for ns in columns.values() for n in ns}

    def is_data(row: grid.GridRow) -> bool:
        if _grid_code(row.cells[:1]) is not None or (row.cells and row.cells[0] in _TOTAL_NAMES):
            return True
        # `类 款 项 合计 2,946.25 …`: the 合计 row with the header's last line in its code cells.
        at = next((i for i, c in enumerate(row.cells[:4]) if c in _TOTAL_NAMES), None)
        return at is not None and all(grid.is_amount_or_blank(c) for c in row.cells[at + 1 :])

    first = next((i for i, r in enumerate(rows) if is_data(r)), len(rows))
    header = rows[:first]
    if first < len(rows):
        # The ruling of some forms puts the last header line into the 合计 row: `类 款 项` in its
        # code cells, `合计 基本支出 项目支出` (本年支出's sub-columns) in its value cells. Read those
        # cells as header and leave the row's amounts where they are.
        total = rows[first]
        at = next((i for i, c in enumerate(total.cells) if c in _TOTAL_NAMES), -1)
        moved = [
            c if (i < at and c in _CODE_HEADER_CELLS)
            or (i > at and c and not grid.is_amount_or_blank(c) and any(n.endswith(grid.normalise_label(c)) for n in names))
            else ""
            for i, c in enumerate(total.cells)
        ]
        if any(moved):
            header = header + [grid.GridRow(moved, total.line)]
            rows[first] = grid.GridRow([("" if m else c) for c, m in zip(total.cells, moved)], total.line)
    labels = grid.column_labels(header, width)
    name_col = next((c for c, lab in enumerate(labels) if any("名称" in part for part in lab)), None)
    if name_col is None:
        table.issues.append(Issue("error", key, region.title_line, "no 科目名称 column in the table's header; table not read"))
        return table
    found, unmatched = grid.match_columns(labels, columns, list(range(name_col + 1, width)))
    for c in unmatched:
        printed = [r.cells[c] for r in rows[first:] if c < len(r.cells) and r.cells[c]]
        if printed:
            table.issues.append(Issue("error", key, region.title_line,
                                      f"column {'/'.join(labels[c]) or c + 1!r} is not a column of the national form; "
                                      f"its {len(printed)} printed values are not loaded"))
    order = 0
    for row in rows[first:]:
        cells = (row.cells + [""] * width)[:width]
        if not any(cells):
            continue  # an empty row of the layout
        code_cells, name = cells[:name_col], cells[name_col]
        code = _grid_code(code_cells)
        if code is None and (name in _TOTAL_NAMES or any(c in _TOTAL_NAMES for c in code_cells)):
            row_key, label = "total", next(c for c in cells[: name_col + 1] if c in _TOTAL_NAMES)
        elif code is not None:
            row_key, label = code, name
        elif all(not c or not grid.is_amount_or_blank(c) for c in cells):
            continue  # the header printed again on a continued page
        else:
            table.issues.append(Issue("error", key, row.line, f"row {' | '.join(cells)!r} has no subject code; not placed"))
            continue
        issue = grid.misfit(key, row, width, label or row_key)
        if issue:
            table.issues.append(issue)
            continue
        order += 1
        table.rows.append(Row(key, row_key, code, label, None, order, row.line))
        for column_key, c in found.items():
            grid.add_value_cell(table, row_key, column_key, cells[c], unit, row.line, c)
    return table


def parse_coded(region: TableRegion, columns: list[tuple[str, str]], unit: str,
                printed_as: dict[str, tuple[str, ...]] | None = None,
                extra_columns: list[tuple[str, str]] | None = None) -> ParsedTable:
    """A coded table from either input. `columns` are the national form's, in its order;
    `printed_as` adds regional names of a column; `extra_columns` are columns some regions print
    beyond the national form (read from a grid, whose header names them)."""
    if region.is_grid:
        names = {key: (name, *(printed_as or {}).get(key, ())) for key, name in columns + (extra_columns or [])}
        return parse_coded_grid(region, names, unit)
    return parse_coded_table(region, [c for c, _ in columns], unit)
