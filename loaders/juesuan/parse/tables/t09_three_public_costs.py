"""公开09表 财政拨款“三公”经费支出决算表 (the "three public costs").

One data line of twelve cells: 预算数 then 决算数, each as 合计, 因公出国(境)费, 公务用车购置及
运行维护费 (小计, 购置费, 运行维护费) and 公务接待费. Rows are the phase, columns the item.
"""

from __future__ import annotations

import re

from juesuan.parse import grid
from juesuan.parse.grammar import Stream, body_lines, make_cells, missing_cells_issue, take_values, unreadable_row_issue
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Issue, ParsedTable, Row
from juesuan.parse.tokens import Kind, tokenize, tokenize_line
from juesuan.parse.tables.identities import PartWithinWhole, RowSum

TABLE_KEY = "T09"
TITLE = "财政拨款“三公”经费支出决算表"
TITLE_EN = "Three public costs (overseas travel, vehicles, reception)"
# The 2019 template's 表7 (广东) names the 三公 of the general budget; 陕西 adds 会议费 and 培训费.
TITLE_ALIASES = ("一般公共预算财政拨款“三公”经费支出决算表", "财政拨款“三公”经费及会议费、培训费支出决算表")
PHASES = [("budget", "预算数"), ("final", "决算数")]
COLUMNS = [
    ("total", "合计"),
    ("overseas", "因公出国（境）费"),
    ("vehicle_subtotal", "公务用车购置及运行维护费 小计"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行维护费"),
    ("reception", "公务接待费"),
]
IDENTITIES = [
    RowSum(check_id="t09_total", rule="合计 = 因公出国 + 公务用车小计 + 公务接待",
           description="T09: the three-public-costs total equals its three items (budget and final)",
           total="total", terms=("overseas", "vehicle_subtotal", "reception")),
    RowSum(check_id="t09_vehicle_subtotal", rule="公务用车小计 = 购置费 + 运行维护费",
           description="T09: the vehicle subtotal equals purchase plus operation (budget and final)",
           total="vehicle_subtotal", terms=("vehicle_purchase", "vehicle_operation")),
]

# With the tables before it (scope `across`).
ACROSS = [
    # The 三公 items among the economic codes of basic expenditure are parts of the 三公 spent in all.
    PartWithinWhole(check_id="p06_09_overseas", rule="06 30212 因公出国（境）费用 ≤ 09 因公出国 决算",
                    description="Overseas travel in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "30212", "amount"), whole=("T09", "final", "overseas")),
    PartWithinWhole(check_id="p06_09_reception", rule="06 30217 公务接待费 ≤ 09 公务接待费 决算",
                    description="Reception in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "30217", "amount"), whole=("T09", "final", "reception")),
    PartWithinWhole(check_id="p06_09_vehicle_operation", rule="06 30231 公务用车运行维护费 ≤ 09 运行维护费 决算",
                    description="Vehicle operation in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "30231", "amount"), whole=("T09", "final", "vehicle_operation")),
    PartWithinWhole(check_id="p06_09_vehicle_purchase", rule="06 31013 公务用车购置 ≤ 09 购置费 决算",
                    description="Vehicle purchase in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "31013", "amount"), whole=("T09", "final", "vehicle_purchase")),
]

# The column-number line (`1 2 3 … 12`) ends the header.
_COLUMN_NUMBERS = re.compile(r"^1\s+2\s+3(\s+\d+)*\s*$")


def parse(region: TableRegion, unit: str) -> ParsedTable:
    if region.is_grid:
        return parse_grid(region, unit)
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    lines = body_lines(region.lines, _COLUMN_NUMBERS)[1:]
    if not lines:
        _refuse_unnumbered(region, table)
        return table
    stream = Stream(tokenize(lines))
    columns = [c for c, _ in COLUMNS]
    for phase, label in PHASES:
        start = stream.peek()
        line = start.line if start else region.title_line
        values = take_values(stream, len(columns))
        if values.garbled:
            table.issues.append(unreadable_row_issue(TABLE_KEY, label, values.garbled, line))
            continue
        if values.missing and values.tokens:
            issue = missing_cells_issue(TABLE_KEY, label, values, line)
            table.issues.append(issue)
            if issue.severity == "error":
                continue
        table.rows.append(Row(TABLE_KEY, phase, None, label, None, len(table.rows) + 1, line))
        table.cells.extend(make_cells(TABLE_KEY, phase, columns, values, unit, line))
    if not stream.done():
        extra = stream.peek()
        table.issues.append(Issue("error", TABLE_KEY, extra.line, f"unexpected {extra.text!r} after the twelve cells; skipped"))
    return table


def _refuse_unnumbered(region: TableRegion, table: ParsedTable) -> None:
    """Plain text without the national column-number line: the figures stand on a line with
    their blanks left out (10 figures for 12 cells), in an order only the header's layout gives.
    Nothing places them yet, so each figure line is an ambiguous row, never blanks."""
    found = False
    for ln in region.lines[1:]:
        tokens = tokenize_line(ln)
        if len(tokens) >= 2 and all(t.kind in (Kind.AMOUNT, Kind.INT, Kind.NA) for t in tokens):
            found = True
            table.issues.append(Issue(
                "error", TABLE_KEY, ln.number,
                f"ambiguous: {len(tokens)} 三公 figures printed without the column-number line, blanks left out; "
                "which of the 12 cells each is in is not read from plain text; not loaded", kind="ambiguous"))
    if not found:
        table.issues.append(Issue("warning", TABLE_KEY, region.title_line, "no line of 三公 figures found under the header"))


# Columns some provinces print beside the 三公 (陕西: `…“三公”经费及会议费、培训费支出决算表`): read
# where the header names them, never required.
EXTRA_COLUMNS = [("meeting", "会议费"), ("training", "培训费")]

# Item of a column by the words of its deepest header label (上海 prints 公务用车运行费 for
# 公务用车运行维护费); checked in this order, since 公务用车购置及运行维护费 holds both 购置 and 运行.
_ITEM_WORDS = [
    ("meeting", ("会议费",)),
    ("training", ("培训费",)),
    ("total", ("合计",)),
    ("vehicle_subtotal", ("小计",)),
    ("overseas", ("出国",)),
    ("reception", ("接待",)),
    ("vehicle_subtotal", ("购置及运行",)),  # the two printed as one column, no parts under it
    ("vehicle_purchase", ("购置",)),  # 西安 2020: `公务用车购置`, `公务用车购置经费`
    ("vehicle_operation", ("运行",)),
]
_PHASE_WORDS = {"预算数": "budget", "决算数": "final"}


def item_of(label: tuple[str, ...]) -> str | None:
    """The item of a grid column from its label path, by its deepest label that is not a phase."""
    items = [p for p in label if p not in _PHASE_WORDS]
    if not items:
        return None
    if "小计" in items[-1] and len(items) > 1 and "公务用车" not in items[-1] + items[-2]:
        return "total"  # the 小计 of the 三公 themselves (`财政拨款安排的“三公”经费 / 小计`)
    return next((key for key, words in _ITEM_WORDS if any(w in items[-1] for w in words)), None)


def _column_of(label: tuple[str, ...]) -> tuple[str, str] | None:
    """(phase, item) of a grid column from its label path, e.g. ('…', '公务接待费', '决算数')."""
    phase = next((_PHASE_WORDS[p] for p in label if p in _PHASE_WORDS), None)
    item = item_of(label)
    return (phase, item) if phase and item else None


def _phase_row(cells: list[str]) -> str | None:
    """The phase a row prints in its first cell where the form prints 预算数 and 决算数 as rows (陕西),
    its other cells amounts or blank."""
    first = next((c for c in cells if c), "")
    if first in _PHASE_WORDS and all(grid.is_amount_or_blank(c) for c in cells[cells.index(first) + 1:]):
        return _PHASE_WORDS[first]
    return None


def _row_item(text: str) -> str | None:
    """The item a row label names where the form prints the items as rows (`2、公务用车购置及运行
    维护费`, `其中：（1）公务用车购置费`): a label naming both 购置 and 运行 is their 小计."""
    if "购置" in text and "运行" in text:
        return "vehicle_subtotal"
    return item_of((text,))


def _item_row(cells: list[str]) -> str | None:
    """The item of a row whose first printed cell names one and whose other cells are amounts or
    blank (the items printed as rows, 预算数 and 决算数 as columns)."""
    first = next((c for c in cells if c), "")
    if not first or grid.is_amount_or_blank(first):
        return None
    if not all(grid.is_amount_or_blank(c) for c in cells[cells.index(first) + 1:]):
        return None
    return _row_item(first)


def parse_grid(region: TableRegion, unit: str) -> ParsedTable:
    """The table read from a ruled grid. 上海's form orders the twelve cells by item, each as
    预算数 then 决算数; the header says which is which, so the order does not matter here."""
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    g = grid.read_grid(TABLE_KEY, region.lines)
    table.issues.extend(g.issues)
    rows, width = g.rows, g.width
    # The header runs to the first row of amounts (an empty table prints none: all header).
    first = next((i for i, r in enumerate(rows) if not grid.is_numbering_row(r.cells)
                  and (all(grid.is_amount_or_blank(c) for c in r.cells) or _phase_row(r.cells))), len(rows))
    if first < len(rows) and _phase_row(rows[first].cells):
        return _parse_phase_rows(table, rows, first, width, unit)
    item_rows = [i for i, r in enumerate(rows) if _item_row(r.cells)]
    if first == len(rows) and len(item_rows) > 1 and any(c in _PHASE_WORDS for r in rows[:item_rows[0]] for c in r.cells):
        return _parse_item_rows(table, rows, item_rows[0], width, unit)
    if not any(c in _PHASE_WORDS for r in rows[:first] for c in r.cells):
        table.issues.append(Issue("error", TABLE_KEY, region.title_line, "no 预算数/决算数 in the table's header; table not read"))
        return table
    labels = grid.column_labels(rows[:first], width)
    placed = {c: _column_of(lab) for c, lab in enumerate(labels)}
    header_line = rows[first - 1].line
    for c, where in placed.items():
        if where is None:
            table.issues.append(Issue("error", TABLE_KEY, header_line, f"column {'/'.join(labels[c])!r} is neither an item's 预算数 nor its 决算数; not loaded"))
    data = [r for r in rows[first:] if not r.is_empty() and not grid.is_numbering_row(r.cells)]
    if len(data) > 1:
        table.issues.append(Issue("error", TABLE_KEY, data[1].line, f"{len(data)} data rows where the form has one; only the first is read"))
    values = (data[0].cells + [""] * width)[:width] if data else [""] * width
    line = data[0].line if data else header_line
    for phase, label in PHASES:
        table.rows.append(Row(TABLE_KEY, phase, None, label, None, len(table.rows) + 1, line))
        for column_key, _ in COLUMNS:
            c = next((c for c, where in placed.items() if where == (phase, column_key)), None)
            if c is None:
                table.issues.append(Issue("error", TABLE_KEY, line, f"no {label} column for {column_key!r} in the header; cell not loaded"))
                continue
            grid.add_value_cell(table, phase, column_key, values[c], unit, line, c)
    return table


def _parse_phase_rows(table: ParsedTable, rows: list[grid.GridRow], first: int, width: int, unit: str) -> ParsedTable:
    """预算数 and 决算数 printed as rows, the items as columns (陕西's form, with 会议费 and 培训费)."""
    labels = grid.column_labels(rows[:first], width)
    items = {c: item_of(lab) for c, lab in enumerate(labels)}
    label_col = next(c for c, text in enumerate(rows[first].cells) if text)
    header_line = rows[first - 1].line if first else table.title_line
    for c, item in items.items():
        if item is None and c != label_col and any(c < len(r.cells) and r.cells[c] for r in rows[first:]):
            table.issues.append(Issue("error", TABLE_KEY, header_line,
                                      f"column {'/'.join(labels[c])!r} is no 三公 item; not loaded"))
    seen: set[str] = set()
    for r in rows[first:]:
        if r.is_empty() or grid.is_numbering_row(r.cells):
            continue
        phase = _phase_row(r.cells)
        if phase is None or phase in seen:
            table.issues.append(Issue("error", TABLE_KEY, r.line, f"row {' | '.join(r.cells)!r} is no 预算数/决算数 row "
                                      "of its own; not loaded", kind="refused"))
            continue
        seen.add(phase)
        cells = (r.cells + [""] * width)[:width]
        table.rows.append(Row(TABLE_KEY, phase, None, dict(PHASES)[phase], None, len(table.rows) + 1, r.line))
        for c, item in items.items():
            if item is not None:
                grid.add_value_cell(table, phase, item, cells[c], unit, r.line, c)
    return table


_LINE_NUMBER_LABELS = ("行次", "栏次")


def _parse_item_rows(table: ParsedTable, rows: list[grid.GridRow], first: int, width: int, unit: str) -> ParsedTable:
    """The items printed as rows, 预算数 and 决算数 as columns (`项目 | 预算数 | 决算数`, as many
    sites and workbooks print the table): each cell is (its column's phase, its row's item)."""
    labels = grid.column_labels(rows[:first], width)
    phases = {c: next((_PHASE_WORDS[p] for p in lab if p in _PHASE_WORDS), None) for c, lab in enumerate(labels)}
    header_line = rows[first - 1].line
    body = [r for r in rows[first:] if not r.is_empty() and not grid.is_numbering_row(r.cells)]
    for c, phase in phases.items():
        printed = any(c < len(r.cells) and grid.is_figure(r.cells[c]) for r in body)
        if phase is None and printed and not any(p in _LINE_NUMBER_LABELS for p in labels[c]):
            table.issues.append(Issue("error", TABLE_KEY, header_line,
                                      f"column {'/'.join(labels[c]) or c + 1!r} is neither 预算数 nor 决算数; not loaded"))
    placed: dict[tuple[str, str], tuple[str, int, int]] = {}
    for r in body:
        item = _item_row(r.cells)
        if item is None or any((phase, item) in placed for phase in phases.values() if phase):
            table.issues.append(Issue("error", TABLE_KEY, r.line, f"row {' | '.join(r.cells)!r} is no 三公 item of its own; "
                                      "not loaded", kind="refused"))
            continue
        cells = (r.cells + [""] * width)[:width]
        for c, phase in phases.items():
            if phase:
                placed[(phase, item)] = (cells[c], r.line, c)
    for phase, label in PHASES:
        if not any(p == phase for p, _ in placed):
            continue
        line = min(where[1] for (p, _), where in placed.items() if p == phase)
        table.rows.append(Row(TABLE_KEY, phase, None, label, None, len(table.rows) + 1, line))
        for (p, item), (text, at, c) in placed.items():
            if p == phase:
                grid.add_value_cell(table, phase, item, text, unit, at, c)
    return table
