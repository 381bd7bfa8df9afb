"""The grammar of the tree tables keyed by 支出功能分类 code (公开02, 03, 05, 07, 08).

A row is a code (类 3 digits, 款 5, 项 7; sometimes printed split as `201 06 01`) or `合计`,
then the subject name, then one cell per column.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from juesuan.parse import grid
from juesuan.parse.grammar import HEADER_WORDS, Stream, Values, cell_from_token, body_lines, make_cells, missing_cells_issue, skip_unplaced, take_name, take_values, unreadable_row_issue
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Cell, Issue, ParsedTable, Row
from juesuan.parse.placement import PrintedRow, place
from juesuan.parse.tokens import Kind, parse_amount, tokenize, tokenize_line

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


def parse_coded_table(region: TableRegion, columns: list[str], unit: str,
                      identities: list[dict[str, int]] | None = None) -> ParsedTable:
    """A coded table from plain text. A row that prints fewer figures than the table has columns
    is placed where `identities` (the table's row identities, with its roll-ups) force it, and
    stays ambiguous where they do not (see placement)."""
    key = region.table_key
    table = ParsedTable(key, region.title, region.title_line, no_data=region.no_data)
    body = body_lines(region.lines, _FIRST_ROW, skip_header_fragments=True)
    stream = Stream(tokenize(body))
    printed: list[tuple[Row, Values, Issue | None]] = []  # in printed order, rows with cells left out too
    above = _name_above_first_row(region.lines, body)  # name fragments printed above the next code line
    above_of_last = 0  # how many fragments the last row had above its code line
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
        elif (fragments := _name_fragments(stream)) is not None:
            # A name wrapped in its cell is printed around its code line, as many parts above it
            # as below (the code line sits at the cell's middle): the first parts after a row that
            # had some above it end that row's name, the rest begin the next row's.
            # A row that printed no name on its code line has it around the line: at least one part below.
            wrapped = above_of_last or int(bool(printed) and not printed[-1][0].row_label)
            below, above = fragments[:wrapped], fragments[wrapped:]
            if below and printed:
                row, values, issue = printed[-1]
                row = replace(row, row_label=row.row_label + "".join(below))
                if issue is not None:
                    issue = missing_cells_issue(key, row.row_label, values, row.source_line)
                printed[-1] = (row, values, issue)
            above_of_last = 0
            above = above if printed or not below else fragments
            continue
        else:
            table.issues.append(skip_unplaced(stream, key, "a subject code", _is_row_start))
            continue
        label = "".join(above) + label
        above_of_last, above = len(above), []
        # `0` is a figure here (a whole number that cannot be a code); a code starts the next row.
        values = take_values(stream, len(columns), accept_int=_is_whole_figure)
        if values.garbled:
            table.issues.append(unreadable_row_issue(key, label or row_key, values.garbled, start_line))
            continue
        nxt = stream.peek()
        if not values.tokens and nxt is not None and nxt.line == start_line and not _is_row_start(nxt):
            continue  # figures this grammar cannot take follow on the row's line: refused next, never blanks
        issue = missing_cells_issue(key, label or row_key, values, start_line) if values.missing else None
        if issue is not None and issue.severity != "error":
            table.issues.append(issue)  # no figure at all: its cells are blank
            issue = None
        printed.append((Row(key, row_key, code, label, None, 0, start_line), values, issue))
    if above:
        table.issues.append(Issue("warning", key, None, f"name text {''.join(above)!r} after the last row belongs to no row"))
    place_and_add(table, printed, columns, identities or [], unit)
    return table


def place_and_add(table: ParsedTable, printed, columns: list[str], identities, unit: str, total_key: str = "total",
                  fixed: dict[str, dict[str, Decimal]] | None = None) -> None:
    """Rows into `table` in printed order: whole rows as printed; a row with cells left out with
    the cells the identities force (marked inferred), and its ambiguity reported if any remain.
    `printed`: (row, its values, the ambiguity issue of a row with cells left out, else None);
    `fixed`: by row key, cells the table's other rows fix (see placement.PrintedRow)."""
    key = table.table_key
    as_printed = [
        PrintedRow(row.row_key, row.row_code, figures=tuple(_figure(t) for t in values.tokens),
                   fixed=(fixed or {}).get(row.row_key)) if issue
        else PrintedRow(row.row_key, row.row_code, placed={c: _figure(t) for c, t in zip(columns, values.tokens)})
        for row, values, issue in printed
    ]
    placed = place(as_printed, columns, identities, total_key) if any(issue for _, _, issue in printed) else []
    order = 0
    for n, (row, values, issue) in enumerate(printed):
        if issue is None:
            order += 1
            table.rows.append(replace(row, row_order=order))
            table.cells.extend(make_cells(key, row.row_key, columns, values, unit, row.source_line))
            continue
        forced = placed[n] if placed else {}
        if forced:
            order += 1
            table.rows.append(replace(row, row_order=order))
            for column in columns:
                if column not in forced:
                    continue
                at = forced[column]
                cell = (cell_from_token(key, row.row_key, column, values.tokens[at], unit) if at is not None
                        else Cell(key, row.row_key, column, "blank", "", None, unit, row.source_line))
                table.cells.append(replace(cell, placement="inferred"))
        if len(forced) < len(columns):
            table.issues.append(replace(issue, message=_partly_placed(row, values, forced, columns)) if forced else issue)


def _partly_placed(row: Row, values: Values, forced: dict[str, int | None], columns: list[str]) -> str:
    figures = [t.text for t in values.tokens]
    placed = ", ".join(f"{c} = {figures[i] if i is not None else 'blank'}" for c, i in forced.items())
    left = " ".join(t for i, t in enumerate(figures) if i not in forced.values())
    return (f"ambiguous: row {row.row_label or row.row_key!r} prints {len(figures)} figures ({' '.join(figures)}) for "
            f"{len(columns)} cells; the table's identities place {placed} (marked inferred), and nothing says which "
            f"columns hold {left or 'the blanks'}: those are not loaded, never filled from the left")


def _name_above_first_row(lines, body) -> list[str]:
    """The part of the first row's name printed above its code line, which comes before the body
    starts: taken only when that code line prints no name (so its name must wrap around it) and
    the line above is text that is not a header word."""
    if not body:
        return []
    first = tokenize_line(body[0])
    if len(first) < 2 or first[0].kind is not Kind.INT or first[1].kind is Kind.TEXT:
        return []
    at = next((i for i, ln in enumerate(lines) if ln is body[0]), 0)
    if at == 0:
        return []
    tokens = tokenize_line(lines[at - 1])
    if tokens and all(t.kind is Kind.TEXT and t.text not in HEADER_WORDS for t in tokens):
        return [t.text for t in tokens]
    return []


def _name_fragments(stream: Stream) -> list[str] | None:
    """The name parts up to the next row's code, taken from the stream, when that is all there is
    (whole lines of text); None, and nothing taken, when figures or other tokens are among them."""
    tokens = []
    at = 0
    while (tok := stream.peek(at)) is not None and not _is_row_start(tok):
        tokens.append(tok)
        at += 1
    if not tokens or any(t.kind is not Kind.TEXT for t in tokens):
        return None
    for _ in tokens:
        stream.next()
    return [t.text for t in tokens]


def _figure(tok) -> Decimal | None:
    return parse_amount(tok.text) if tok.kind in (Kind.AMOUNT, Kind.INT) else None


# --- the same tables read from a ruled grid (PDF input) -------------------------------------

_TOTAL_NAMES = ("合计", "总计")
_CODE_HEADER_CELLS = ("类", "款", "项")


_UNIT_CODE = re.compile(r"\d{6}")
_UNIT_CODE_HEADERS = ("部门代码", "部门编码", "单位代码", "单位编码")
# A cell naming a subject by its code and name joined (北京's 预算03表: `2010501-行政运行`).
_CODE_DASH_NAME = re.compile(r"^\d{3,7}\s*-\s*\S")
_CODE_IN_CELL = re.compile(r"\d{3,7}\s*-")
_KUAN_ALONE = re.compile(r"\d{2}")


def _grid_code(cells: list[str]) -> str | None:
    """The code of a row from its code cells: `201` `06` `01` → 2010601; `2120101` as is."""
    code = "".join(c for c in cells if c)
    if code.isdigit() and len(code) in _CODE_LENGTHS and all(c.isdigit() for c in cells if c):
        return code
    return None


def _with_code_columns(row: grid.GridRow, name_col: int, width: int) -> grid.GridRow:
    """A row of a continued page whose grid prints the code in one column where the header's
    page printed 类 | 款 | 项 (西南大学's 财政拨款支出决算表): one cell fewer for each code column but
    the first, the code (or a blank before 合计) first and the name next. Its cells are put back
    under the header's columns; every other row is returned as it is."""
    if name_col < 2 or len(row.cells) != width - (name_col - 1):
        return row
    first, name = row.cells[0], row.cells[1]
    if not (_grid_code([first]) or (not first and name in _TOTAL_NAMES)) or grid.is_amount_or_blank(name):
        return row
    return grid.GridRow([first] + [""] * (name_col - 1) + row.cells[1:], row.line)


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
        if row.cells and _CODE_DASH_NAME.match(row.cells[0]):
            return True
        # `类 款 项 合计 2,946.25 …`: the 合计 row with the header's last line in its code cells.
        at = next((i for i, c in enumerate(row.cells[:4]) if c in _TOTAL_NAMES), None)
        return at is not None and all(grid.is_amount_or_blank(c) for c in row.cells[at + 1 :])

    if rows and _figures_only(rows[-1]) and not any(grid.is_figure(c) for r in rows[:-1] for c in r.cells):
        return _parse_one_row(table, rows[:-1], rows[-1], columns, unit, width)
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
    # The national form's column numbers (`栏次 1 2 3`, 西安 2022: `1 2 3` under the names) name no column.
    labels = grid.column_labels([r for r in header if not grid.is_numbering_row(r.cells)], width)
    name_col = next((c for c, lab in enumerate(labels) if any("名称" in part for part in lab)), None)
    classifications = _classification_columns(labels)
    if name_col is None and len(classifications) > 1:
        return _parse_cross_list(table, rows[first:], labels, classifications, columns, unit, width)
    if name_col is None:
        table.issues.append(Issue("error", key, region.title_line, "no 科目名称 column in the table's header; table not read"))
        return table
    found, unmatched = grid.match_columns(labels, columns, list(range(name_col + 1, width)))
    table.issues.extend(_unmatched_columns(table, labels, unmatched, rows[first:]))
    code_labels = [lab[-1] if lab else "" for lab in labels[:name_col]]
    # A 序号 column before the code (西安's 2022 budget) numbers the rows: no part of the code.
    # 西安市工业和信息化局 prints it over two header rows (`序` / `号`).
    code_cols = [c for c in range(name_col) if code_labels[c] not in grid.NUMBER_HEADERS
                 and "".join(labels[c]) not in grid.NUMBER_HEADERS]
    code_labels = [code_labels[c] for c in code_cols]
    order = 0
    last_class = None  # the 类 printed last, the parent of a 款 printed by its own two digits
    # A table headed 部门代码 / 单位编码 lists units, not subjects (a budget's 收入总表 by unit): each row is
    # a unit's, keyed `unit_<code>`, never a subject's (the department's 327 is no 类).
    by_unit = any(label in _UNIT_CODE_HEADERS for label in code_labels)
    for row in rows[first:]:
        row = _with_code_columns(row, name_col, width)
        cells = (row.cells + [""] * width)[:width]
        if not any(cells):
            continue  # an empty row of the layout
        code_cells, name = grid.two_digit_parts([cells[c] for c in code_cols], code_labels), cells[name_col]
        code = _grid_code(code_cells) if not by_unit else None
        unit_code = "".join(code_cells) if by_unit and "".join(code_cells).isdigit() else None
        if code is None and last_class and _KUAN_ALONE.fullmatch("".join(code_cells)):
            # 西安's 2020 budget prints a 款 as its two digits under its 类 (`201` then `10 人力资源事务`,
            # then `2011007`): the 类 fixes the code (20110).
            code = last_class + "".join(code_cells)
        if code is not None and len(code) == 3:
            last_class = code
        # 合计 is printed under the code, the name, or another classification's column before the
        # figures (西安 2020: under 政府经济科目名称).
        words = [c for c in cells[: min(found.values(), default=name_col + 1)] if c]
        if code is None and (name in _TOTAL_NAMES or any(c in _TOTAL_NAMES for c in code_cells)
                             or (len(words) == 1 and words[0] in _TOTAL_NAMES)):
            row_key, label = "total", words[0] if len(words) == 1 else next(c for c in cells[: name_col + 1] if c in _TOTAL_NAMES)
        elif code is not None:
            row_key, label = code, name
        elif unit_code is not None:
            row_key, label = f"unit_{unit_code}", name
            named = [r.row_label for r in table.rows if r.row_key == row_key or r.row_key.startswith(row_key + "_")]
            if named and name not in named:
                # Two units printed under one code (西安市公安局's 153002, 交通管理支队 and 交通警察支队): each is
                # its own row, the second keyed by its order under the code.
                row_key = f"{row_key}_{len(named) + 1}"
                table.issues.append(Issue("warning", key, row.line, f"unit code {unit_code} is printed for {name!r} "
                                          f"after {named[0]!r}; kept as {row_key}"))
        elif all(not c or not grid.is_amount_or_blank(c) for c in cells) or grid.is_numbering_row(cells):
            continue  # the header printed again on a continued page, its `栏次 1 2 3 …` line too
        elif _UNIT_CODE.fullmatch("".join(code_cells)):
            # A budget of several units prints each unit's line (单位编码, six digits; subject codes
            # have three, five or seven) among the subjects: its figures are the unit's, no subject's.
            table.issues.append(Issue("warning", key, row.line, f"row {' | '.join(c for c in cells if c)!r} is a unit's "
                                      "(单位编码), not a subject's; not loaded"))
            continue
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
    if not table.rows and first == len(rows):
        printed = [r for r in rows if any(grid.is_figure(c) and "." in c for c in r.cells)]
        if printed:
            # No row began as a code or 合计 (西安市工业和信息化局's 收入总表 numbers its rows 1, 2, … before
            # codes set in columns its vertical header does not name): say so, never an empty table.
            table.issues.append(Issue("error", key, printed[0].line, f"none of the table's {len(printed)} rows of "
                                      "figures begins where its header puts the code or 合计; not read"))
    return table


def _classification_columns(labels: list[tuple[str, ...]]) -> list[int]:
    """The leading columns each headed by a classification (`支出功能分类科目`, `政府支出经济分类科目`)."""
    out = []
    for c, label in enumerate(labels):
        if not label or not label[-1].endswith("分类科目"):
            break
        out.append(c)
    return out


def _parse_cross_list(table: ParsedTable, rows: list[grid.GridRow], labels, classifications: list[int],
                      columns: dict[str, tuple[str, ...]], unit: str, width: int) -> ParsedTable:
    """A table listing each function subject × economic subject(s) pair on a row of its own (北京's
    预算03表: `2010501-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资 | 3,702.206400 …`). No row is
    one subject's whole figure, the form's rows are not printed, so only the 合计 row is loaded; the
    pairs are counted in a warning."""
    key = table.table_key
    found, unmatched = grid.match_columns(labels, columns, list(range(len(classifications), width)))
    pairs = 0
    for row in rows:
        cells = (row.cells + [""] * width)[:width]
        # 合计 is printed under either classification (北京's 预算06表 prints it under the second).
        printed = [c for c in cells[: len(classifications)] if c]
        if len(printed) == 1 and printed[0] in _TOTAL_NAMES:
            table.rows.append(Row(key, "total", None, printed[0], None, 1, row.line))
            for column_key, c in found.items():
                grid.add_value_cell(table, "total", column_key, cells[c], unit, row.line, c)
        elif any(_CODE_IN_CELL.search(c) for c in printed):
            pairs += 1  # not a header printed again on a continued page
    names = " × ".join(labels[c][-1] for c in classifications)
    table.issues.append(Issue("warning", key, table.title_line,
                              f"{key} lists {pairs} rows of {names}, not the form's rows by subject: only its 合计 "
                              "row is loaded"))
    table.issues.extend(_unmatched_columns(table, labels, unmatched, rows))
    return table


_OTHER_CLASSIFICATION = ("科目编码", "科目名称")


def _figures_only(row: grid.GridRow) -> bool:
    """A row of figures and blanks only, no code or name."""
    return any(row.cells) and all(grid.is_amount_or_blank(c) for c in row.cells)


def _parse_one_row(table: ParsedTable, header: list[grid.GridRow], row: grid.GridRow,
                   columns: dict[str, tuple[str, ...]], unit: str, width: int) -> ParsedTable:
    """A table of one row of figures under its header, with no code or name (北京's 预算02表: the
    department's income by source, its 合计 unnamed): that row is the table's 合计."""
    key = table.table_key
    labels = grid.column_labels(header, width)
    found, unmatched = grid.match_columns(labels, columns, [c for c in range(width) if labels[c]])
    table.issues.extend(_unmatched_columns(table, labels, unmatched, [row]))
    cells = (row.cells + [""] * width)[:width]
    table.rows.append(Row(key, "total", None, "合计", None, 1, row.line))
    for column_key, c in found.items():
        grid.add_value_cell(table, "total", column_key, cells[c], unit, row.line, c)
    return table


def _unmatched_columns(table: ParsedTable, labels, unmatched: list[int], rows: list[grid.GridRow]) -> list[Issue]:
    """What the rows print under columns of no national name: a 备注's remarks (a warning: no
    figures), another classification's code or name beside each row (a warning; the table records
    it, `beside_classification`), else figures not loaded (an error: the table lacks them)."""
    key, title_line, issues = table.table_key, table.title_line, []
    for c in unmatched:
        printed = [r.cells[c] for r in rows if c < len(r.cells) and r.cells[c]]
        if printed and labels[c] and labels[c][-1] == "备注":
            # Remarks (西安's budget tables): words about a row, no figure of the form.
            issues.append(Issue("warning", key, title_line,
                                f"column 备注 (remarks) holds {len(printed)} notes; they are not figures and not loaded"))
        elif printed and labels[c] and labels[c][-1].endswith(_OTHER_CLASSIFICATION):
            # 西安's 预算 tables print each 部门 economic code's 政府 economic code and name beside it.
            table.beside_classification = table.beside_classification or labels[c][-1]
            issues.append(Issue("warning", key, title_line, f"column {labels[c][-1]!r} names another classification "
                                f"of each row ({len(printed)} printed); not figures, not loaded"))
        elif printed:
            issues.append(Issue("error", key, title_line, f"column {'/'.join(labels[c]) or c + 1!r} is not a column "
                                f"of the national form; its {len(printed)} printed values are not loaded"))
    return issues


def parse_coded(region: TableRegion, columns: list[tuple[str, str]], unit: str,
                printed_as: dict[str, tuple[str, ...]] | None = None,
                extra_columns: list[tuple[str, str]] | None = None,
                identities: list[dict[str, int]] | None = None) -> ParsedTable:
    """A coded table from either input. `columns` are the national form's, in its order;
    `printed_as` adds regional names of a column; `extra_columns` are columns some regions print
    beyond the national form (read from a grid, whose header names them)."""
    if region.is_grid:
        names = {key: (name, *(printed_as or {}).get(key, ())) for key, name in columns + (extra_columns or [])}
        return parse_coded_grid(region, names, unit)
    return parse_coded_table(region, [c for c, _ in columns], unit, identities)
