"""公开06表 一般公共预算财政拨款基本支出决算明细表 (basic expenditure by economic code).

Printed as four side-by-side column groups (人员经费 on the left, 公用经费 on the right), each
a (科目代码, 科目名称, 决算数) triple; names wrap and groups run on across lines. Read as one token
stream, the table is a sequence of triples, so the column groups need not be tracked: the
economic class of the code says whether an amount is 人员经费 or 公用经费. The two totals
(人员经费合计, 公用经费合计) close the table.

One grammar reads it from plain text and from a ruled grid: a grid's cells are tokens that keep
their column, and its header says which columns are 决算数 (where a whole number is an amount,
never a code) and 款 (where a workbook's `2` is the 款 `02`).
"""

from __future__ import annotations

import re

from juesuan.parse import grid
from juesuan.parse.grammar import Stream, body_lines, cell_from_token, skip_unplaced, take_name, unreadable_row_issue
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Cell, Issue, ParsedTable, Row
from juesuan.parse.tokens import Kind, Token, tokenize
from juesuan.parse.tables.identities import Linear, Rollup, SameFigure

TABLE_KEY = "T06"
TITLE = "一般公共预算财政拨款基本支出决算明细表"
TITLE_EN = "General-budget basic expenditure by economic code"
# 上海 prints no 明细.
TITLE_ALIASES = ("一般公共预算财政拨款基本支出决算表",)
COLUMNS = [("amount", "决算数")]
TOTALS = {"人员经费合计": "personnel_total", "公用经费合计": "public_total"}
IDENTITIES = [
    Rollup(check_id="t06_rollup", rule="类 = Σ 款", description="T06: each economic class equals the sum of its items",
           columns=("amount",), total_row="(none)"),
    Linear(check_id="t06_personnel_total", rule="人员经费合计 = 301 + 303",
           description="T06: the personnel total equals wages and benefits plus grants to individuals",
           actual=("personnel_total", "amount"), addends=(("301", "amount"), ("303", "amount"))),
    Linear(check_id="t06_public_total", rule="公用经费合计 = 302 + 307 + 309 + 310 + 311 + 312 + 313 + 399",
           description="T06: the public-cost total equals the other classes", actual=("public_total", "amount"),
           addends=tuple((code, "amount") for code in ("302", "307", "309", "310", "311", "312", "313", "399"))),
]

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="x05_06_basic", rule="05 基本支出合计 = 06 人员经费合计 + 公用经费合计",
               description="Basic expenditure in table 05 equals personnel plus public costs in table 06",
               actual=("T05", "total", "basic"), addends=(("T06", "personnel_total", "amount"), ("T06", "public_total", "amount")),
               adds_rows=True),
]

_FIRST_ROW = re.compile(r"^3\d\d(\s|$)")
_ECON_CODE = re.compile(r"^3\d\d(\d\d)?$")
_KUAN = re.compile(r"^\d\d$")


def parse(region: TableRegion, unit: str) -> ParsedTable:
    """The triples and the two totals, from the region's text lines or its grid rows."""
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    if region.is_grid:
        tokens, amount_columns = _grid_tokens(table, region)
    else:
        tokens, amount_columns = tokenize(_names_around_codes(body_lines(region.lines, _FIRST_ROW))), frozenset()
    if tokens is not None:
        _read_triples(table, Stream(tokens), amount_columns, unit)
    return table


def _read_triples(table: ParsedTable, stream: Stream, amount_columns: frozenset[int], unit: str) -> None:
    """Rows from a token stream of (code, name, amount) triples and totals. A token in one of
    `amount_columns` (a grid's 决算数) is a figure, a whole number too; text tokens carry no column."""
    def is_value(tok) -> bool:
        return tok.is_value or (tok.kind is Kind.INT and tok.column in amount_columns)

    def is_code(tok) -> bool:
        return tok.kind is Kind.INT and tok.column not in amount_columns and bool(_ECON_CODE.match(tok.text))

    def starts_group(tok) -> bool:
        return is_code(tok) or (tok.kind is Kind.TEXT and tok.text in TOTALS)

    while not stream.done():
        tok = stream.peek()
        if tok.kind is Kind.BLANK:
            stream.next()  # an empty column group (code, name and amount all blank)
            continue
        if is_code(tok):
            stream.next()
            code = tok.text
            after = stream.peek()
            # `301 01 基本工资`: the 款 printed in a cell of its own after its 类, as the grid
            # reader joins them (30101). A class's own row goes on with its name, never two digits.
            if len(code) == 3 and after is not None and after.kind is Kind.INT and _KUAN.match(after.text) \
                    and after.line == tok.line and after.column not in amount_columns:
                code += stream.next().text
            row_key = code
            # `31099 其他资本性支出` / `人员经费合计 12,010.40`: the total starts a group of its own.
            label, _ = take_name(stream, starts_row=lambda t: t.text in TOTALS)
        elif tok.kind is Kind.TEXT and tok.text in TOTALS:
            stream.next()
            row_key, code, label = TOTALS[tok.text], None, tok.text
            _to_spanned_figure(stream, tok.line, is_value)
        else:
            table.issues.append(skip_unplaced(stream, TABLE_KEY, "an economic code", starts_group))
            continue
        value = stream.peek()
        if value is not None and value.kind is Kind.GARBLED:
            stream.next()
            table.issues.append(unreadable_row_issue(TABLE_KEY, label or row_key, [value], value.line))
            continue
        if value is not None and is_value(value):
            cell = cell_from_token(TABLE_KEY, row_key, "amount", stream.next(), unit)
        else:
            # Next group's code follows at once: this amount cell was not printed at all.
            cell = Cell(TABLE_KEY, row_key, "amount", "blank", "", None, unit, tok.line)
        table.rows.append(Row(TABLE_KEY, row_key, code, label, None, len(table.rows) + 1, tok.line))
        table.cells.append(cell)


def _to_spanned_figure(stream: Stream, line: int, is_value) -> None:
    """A total's figure printed further along its line, only empty cells between: the national form
    merges 公用经费合计 across the 公用经费 groups, its amount in the last group's 决算数 (and a total's
    label may fill the code cell, its name cell empty). The empty cells are passed over; where
    anything else comes first, the total's own cell is the one read."""
    ahead = 0
    while (tok := stream.peek(ahead)) is not None and tok.kind is Kind.BLANK and tok.line == line:
        ahead += 1
    if ahead and tok is not None and tok.line == line and is_value(tok):
        for _ in range(ahead):
            stream.next()


# A line that is only words (a name's part), and a line whose first group prints its code and
# no name: `30108 504.38 30206 电费 72.56`, `31007`.
_WORDS_ONLY = re.compile(r"^[^\d\s]+$")
_CODE_AT_END = re.compile(r"(?:^|\s)3\d\d(?:\s?\d\d)?$")
_NAMELESS_CODE = re.compile(r"^(3\d\d(?:\s?\d\d)?)(?=\s+[\d,]+\.\d+|\s*$)")


def _names_around_codes(lines: list) -> list:
    """A name wrapped in its cell prints around its code line in plain text (`机关事业单位基本养老保`
    / `30108 504.38 30206 电费 72.56` / `险缴费`): the words above and below a code line whose first
    group has no name are that name, put back after its code."""
    out = list(lines)
    i = 0
    while i + 1 < len(out):
        above, code_line = out[i], out[i + 1]
        words = above.text.strip()
        m = _NAMELESS_CODE.match(code_line.text.strip())
        before = out[i - 1].text.strip() if i else ""
        # Not a name already under way: the national form prints a code at a line's end and its
        # name on the lines below it (`… 31006 大型修缮 39908` / `对民间非营利组织` / `和群众性自治组织补`
        # / `贴` / `30310`); those words are 39908's.
        under_way = bool(_WORDS_ONLY.match(before)) or bool(_CODE_AT_END.search(before))
        if not (_WORDS_ONLY.match(words) and words not in TOTALS and m) or under_way:
            i += 1
            continue
        name = words
        below = out[i + 2] if i + 2 < len(out) else None
        if below is not None and _WORDS_ONLY.match(below.text.strip()) and below.text.strip() not in TOTALS:
            name += below.text.strip()
            del out[i + 2]
        text = code_line.text.strip()
        out[i + 1] = code_line._replace(text=f"{m.group(1)} {name}{text[m.end():]}")
        del out[i]
        i += 1
    return out


def _grid_tokens(table: ParsedTable, region: TableRegion) -> tuple[list[Token] | None, frozenset[int]]:
    """A ruled grid's cells from its first code or total on, as tokens that keep their column, and
    the columns its header heads 决算数. A row of another width than the grid's is reported and
    left out; one of labels alone, the header printed again on a continued page, is passed over."""
    g = grid.read_grid(TABLE_KEY, region.lines)
    table.issues.extend(g.issues)
    rows, width = g.rows, g.width
    first = next((i for i, r in enumerate(rows) if r.cells and (_ECON_CODE.match(r.cells[0]) or r.cells[0] in TOTALS)), len(rows))
    labels = grid.column_labels(rows[:first], width)
    amount_columns = frozenset(c for c, lab in enumerate(labels) if lab and lab[-1] in ("决算数", "金额"))
    names = [c for c, lab in enumerate(labels) if any("名称" in p for p in lab)]
    if not amount_columns or len(names) != len(amount_columns):
        table.issues.append(Issue("error", TABLE_KEY, region.title_line, "the header does not show (code, 科目名称, 决算数) column groups; table not read"))
        return None, amount_columns
    last_labels = [lab[-1] if lab else "" for lab in labels]
    tokens: list[Token] = []
    for row in rows[first:]:
        issue = grid.misfit(TABLE_KEY, row, width)
        if issue:
            table.issues.append(issue)
        elif any(c and grid.is_amount_or_blank(c) for c in row.cells):
            cells = grid.two_digit_parts(row.cells, last_labels)
            tokens += [grid.cell_token(text, row.line, c) for c, text in enumerate(cells)]
    return tokens, amount_columns
