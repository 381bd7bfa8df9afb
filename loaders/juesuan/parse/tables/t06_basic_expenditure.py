"""公开06表 一般公共预算财政拨款基本支出决算明细表 (basic expenditure by economic code).

Printed as four side-by-side column groups (人员经费 on the left, 公用经费 on the right), each
a (科目代码, 科目名称, 决算数) triple; names wrap and groups run on across lines. Read as one token
stream, the table is a sequence of triples, so the column groups need not be tracked: the
economic class of the code says whether an amount is 人员经费 or 公用经费. The two totals
(人员经费合计, 公用经费合计) close the table.
"""

from __future__ import annotations

import re

from juesuan.parse import grid
from juesuan.parse.grammar import Stream, body_lines, cell_from_token, skip_unplaced, take_name, unreadable_row_issue
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Cell, Issue, ParsedTable, Row
from juesuan.parse.tokens import Kind, tokenize
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


def _is_group_start(tok) -> bool:
    return (tok.kind is Kind.INT and bool(_ECON_CODE.match(tok.text))) or (tok.kind is Kind.TEXT and tok.text in TOTALS)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    if region.is_grid:
        return parse_grid(region, unit)
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    stream = Stream(tokenize(_names_around_codes(body_lines(region.lines, _FIRST_ROW))))
    while not stream.done():
        tok = stream.peek()
        if tok.kind is Kind.BLANK:
            stream.next()  # an empty column group (code, name and amount all blank)
            continue
        if tok.kind is Kind.INT and _ECON_CODE.match(tok.text):
            stream.next()
            code = tok.text
            after = stream.peek()
            # `301 01 基本工资`: the 款 printed in a cell of its own after its 类, as the grid
            # reader joins them (30101). A class's own row goes on with its name, never two digits.
            if len(code) == 3 and after is not None and after.kind is Kind.INT and _KUAN.match(after.text) \
                    and after.line == tok.line:
                code += stream.next().text
            row_key = code
            # `31099 其他资本性支出` / `人员经费合计 12,010.40`: the total starts a group of its own.
            label, _ = take_name(stream, starts_row=lambda t: t.text in TOTALS)
        elif tok.kind is Kind.TEXT and tok.text in TOTALS:
            stream.next()
            row_key, code, label = TOTALS[tok.text], None, tok.text
        else:
            table.issues.append(skip_unplaced(stream, TABLE_KEY, "an economic code", _is_group_start))
            continue
        value = stream.peek()
        if value is not None and value.kind is Kind.GARBLED:
            stream.next()
            table.issues.append(unreadable_row_issue(TABLE_KEY, label or row_key, [value], value.line))
            continue
        if value is not None and value.is_value:
            cell = cell_from_token(TABLE_KEY, row_key, "amount", stream.next(), unit)
        else:
            # Next group's code follows at once: this amount cell was not printed at all.
            cell = Cell(TABLE_KEY, row_key, "amount", "blank", "", None, unit, tok.line)
        table.rows.append(Row(TABLE_KEY, row_key, code, label, None, len(table.rows) + 1, tok.line))
        table.cells.append(cell)
    return table


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


def parse_grid(region: TableRegion, unit: str) -> ParsedTable:
    """The table read from a ruled grid: column groups of (code cells, 科目名称, 决算数), found by
    their header; an economic code printed in 类 and 款 cells (`301` `01`) is joined (30101)."""
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    g = grid.read_grid(TABLE_KEY, region.lines)
    table.issues.extend(g.issues)
    rows, width = g.rows, g.width
    first = next((i for i, r in enumerate(rows) if r.cells and (_ECON_CODE.match(r.cells[0]) or r.cells[0] in TOTALS)), len(rows))
    labels = grid.column_labels(rows[:first], width)
    amount_cols = [c for c, lab in enumerate(labels) if lab and lab[-1] in ("决算数", "金额")]
    name_cols = [c for c, lab in enumerate(labels) if any("名称" in p for p in lab)]
    if not amount_cols or len(name_cols) != len(amount_cols):
        table.issues.append(Issue("error", TABLE_KEY, region.title_line, "the header does not show (code, 科目名称, 决算数) column groups; table not read"))
        return table
    groups, start = [], 0
    for name_col, amount_col in zip(name_cols, amount_cols):
        code_cols = list(range(start, name_col))
        groups.append((code_cols, [labels[c][-1] if labels[c] else "" for c in code_cols], name_col, amount_col))
        start = amount_col + 1
    for row in rows[first:]:
        cells = (row.cells + [""] * width)[:width]
        issue = grid.misfit(TABLE_KEY, row, width)
        if issue:
            table.issues.append(issue)
            continue
        # The national form's closing row merges `公用经费合计` across the 公用经费 groups, its amount
        # in the last group's 决算数: a total whose own amount cell is empty takes the amount of the
        # groups it spans, those with neither code nor name, up to the next label.
        spanning = None
        for code_cols, code_labels, name_col, amount_col in groups:
            code_text = "".join(grid.two_digit_parts([cells[c] for c in code_cols], code_labels))
            first_text = next((cells[c] for c in code_cols + [name_col] if cells[c]), "")
            if spanning and not first_text:
                if cells[amount_col]:
                    grid.add_value_cell(table, spanning, "amount", cells[amount_col], unit, row.line, amount_col)
                    spanning = None
                continue
            if spanning:
                grid.add_value_cell(table, spanning, "amount", "", unit, row.line)
                spanning = None
            if first_text in TOTALS:
                row_key, code, label = TOTALS[first_text], None, first_text
                if not cells[amount_col]:
                    table.rows.append(Row(TABLE_KEY, row_key, code, label, None, len(table.rows) + 1, row.line))
                    spanning = row_key
                    continue
            elif _ECON_CODE.match(code_text):
                row_key, code, label = code_text, code_text, cells[name_col]
            elif not code_text and not cells[name_col] and not cells[amount_col]:
                continue  # an empty column group
            elif all(not cells[c] or not grid.is_amount_or_blank(cells[c]) for c in code_cols + [name_col, amount_col]):
                continue  # the header printed again on a continued page
            else:
                table.issues.append(Issue("error", TABLE_KEY, row.line, f"column group {code_text or '-'} {cells[name_col]!r} {cells[amount_col]!r} has no economic code; not placed"))
                continue
            table.rows.append(Row(TABLE_KEY, row_key, code, label, None, len(table.rows) + 1, row.line))
            grid.add_value_cell(table, row_key, "amount", cells[amount_col], unit, row.line, amount_col)
        if spanning:
            grid.add_value_cell(table, spanning, "amount", "", unit, row.line)
    return table
