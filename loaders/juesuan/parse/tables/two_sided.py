"""The grammar of the two-sided summary tables (公开01, 公开04).

Each printed line carries an income line on the left and an expenditure line on the right,
each as name, 行次 (line number) and value cell(s). Names wrap across lines and may be empty
(layout padding lines such as `    9    `), so the grammar alternates left and right sides and
anchors each on its 行次.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from juesuan.parse import grid
from juesuan.parse.grammar import Stream, Values, body_lines, missing_cells_issue, skip_unplaced, strip_ordinal, take_name, take_values, unreadable_row_issue
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Issue
from juesuan.parse.tokens import Kind, Token, tokenize, tokenize_line

_FIRST_ROW = re.compile(r"^一[、.．]")


@dataclass
class SideRow:
    side: str  # `income` (left) or `expenditure` (right)
    name: str  # printed name, ordinal kept
    line_number: int | None  # 行次 (None where the form prints none)
    values: Values
    source_line: int

    @property
    def bare_name(self) -> str:
        return strip_ordinal(self.name)

    @property
    def is_empty(self) -> bool:
        return not self.name and all(t.kind is Kind.BLANK for t in self.values.tokens)


def parse_sides(region: TableRegion, right_columns: int, keep_partial: bool = False) -> tuple[list[SideRow], list[Issue]]:
    """Side rows of a two-sided table printed with 行次. A side printing fewer figures than its
    columns is refused as ambiguous, or with `keep_partial` returned with its figures in printed
    order (`Values.missing` counted) for the caller to place by the table's identities."""
    key = region.table_key
    stream = Stream(tokenize(body_lines(region.lines, _FIRST_ROW)))
    rows: list[SideRow] = []
    issues: list[Issue] = []
    side = "income"
    while not stream.done():
        name, name_line = take_name(stream)
        tok: Token | None = stream.peek()
        if tok is None:
            if name:
                issues.append(Issue("error", key, name_line, f"line {name!r} has no 行次 or value; skipped"))
            break
        if tok.kind is not Kind.INT:
            issues.append(skip_unplaced(stream, key, "a 行次 (line number)", lambda t: t.kind in (Kind.TEXT, Kind.INT)))
            continue
        stream.next()
        n = 1 if side == "income" else right_columns
        values = take_values(stream, n)
        row = SideRow(side, name, int(tok.text), values, name_line or tok.line)
        side = "expenditure" if side == "income" else "income"
        if values.garbled:
            issues.append(unreadable_row_issue(key, name or f"行次 {tok.text}", values.garbled, row.source_line))
            continue
        if values.missing and not row.is_empty and not (keep_partial and values.tokens):
            issue = missing_cells_issue(key, name or f"行次 {tok.text}", values, row.source_line)
            issues.append(issue)
            if issue.severity == "error":
                continue
        rows.append(row)
    return rows, issues


# --- the same tables read from a ruled grid (PDF input) -------------------------------------


# A side's name column: `项目`, or `项目(按功能分类)` (高等学校) qualifying what its names are; or
# the classification a side's names are in (西安's budget: `支出功能分类科目（按大类）`).
_NAME_HEADER = re.compile(r"^项目(?:[（(][^)）]*[)）])?$|^\S*(?:功能|经济)分?类?(?:科目)?(?:[（(]按大类[)）])?$")


_LINE_NAME_START = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[、.．]|[（(]\d+[)）])")


def _header_continues(cells: list[str]) -> bool:
    printed = [c for c in cells if c]
    return bool(printed) and not any(grid.is_amount_or_blank(c) or _LINE_NAME_START.match(c) for c in printed)


def _head(label: tuple[str, ...]) -> str:
    """A column's header name: its last header text, or its last two where the name is printed over
    two header rows (西安市工业和信息化局: `序` / `号`, `支出功能分科目` / `（按大类）`)."""
    if not label:
        return ""
    for head in (label[-1], "".join(label[-2:])):
        if _NAME_HEADER.match(head) or head in grid.NUMBER_HEADERS:
            return head
    return label[-1]


def parse_sides_grid(
    region: TableRegion, right_columns: dict[str, tuple[str, ...]]
) -> tuple[list[SideRow], list[Issue]]:
    """Side rows of a two-sided table printed as a grid: income name and amount on the left,
    expenditure name and `right_columns` on the right (placed by the header, in the order given).
    A side row's line_number is its 行次 where the form prints one, else None. Where the right side
    prints its expenditure in several classifications side by side (西安's budget: by function,
    then by two economic classifications), the function classification is the table's rows."""
    key = region.table_key
    g = grid.read_grid(key, region.lines)
    issues, rows, width = list(g.issues), g.rows, g.width
    head_end = next((i for i, r in enumerate(rows[:4]) if "项目" in r.cells[:2]), None)
    if head_end is None:
        issues.append(Issue("error", key, region.title_line, "no 项目 header row in the table; table not read"))
        return [], issues
    # Header rows below the 项目 row: names printed over two rows (西安: `（按大类）` under each
    # classification). A row of line names without figures (`一、部门预算` above its parts) is no header.
    while head_end + 1 < len(rows) and _header_continues(rows[head_end + 1].cells):
        head_end += 1
    labels = grid.column_labels(rows[: head_end + 1], width)
    heads = [_head(lab) for lab in labels]
    name_cols = [c for c, head in enumerate(heads) if head and _NAME_HEADER.match(head)]
    number_cols = [c for c, head in enumerate(heads) if head in grid.NUMBER_HEADERS]
    # The income side's first column: the first labelled one that numbers nothing (北京's grid
    # starts with an empty, unlabelled column; 西安's with a 序号).
    first = next((c for c in range(width) if c not in number_cols and labels[c]), 0)
    right_end = width  # the right side's columns end here
    if len(name_cols) > 2:
        function = [c for c in name_cols[1:] if "功能" in heads[c]]
        if len(function) == 1:
            others = [c for c in name_cols[1:] if c != function[0]]
            issues.append(Issue("warning", key, region.title_line, "the expenditure is printed in other classifications "
                                f"beside its function classes ({', '.join(heads[c] for c in others)}): those are not read"))
            right_end = next((c for c in others if c > function[0]), width)
            name_cols = [name_cols[0], function[0]]
    if len(name_cols) != 2 or name_cols[0] != first:
        issues.append(Issue("error", key, region.title_line, "the header does not show an income and an expenditure 项目 column; table not read"))
        return [], issues
    right_name = name_cols[1]
    left_amounts = [c for c in range(first + 1, right_name) if c not in number_cols]
    right_amounts = [c for c in range(right_name + 1, right_end) if c not in number_cols]
    if len(left_amounts) != 1:
        issues.append(Issue("error", key, region.title_line, f"the income side has {len(left_amounts)} amount columns, the form one; table not read"))
        return [], issues
    if len(right_columns) == 1:
        found, unmatched = {next(iter(right_columns)): right_amounts[0]}, []  # one amount column: 决算数 / 金额
    else:
        found, unmatched = grid.match_columns(labels, right_columns, right_amounts)
    left_number = next((c for c in number_cols if c < right_name), None)  # 序号 (before the 项目) or 行次
    right_number = next((c for c in number_cols if right_name < c < right_end), None)
    for c in unmatched:
        printed = [r.cells[c] for r in rows[head_end + 1 :] if c < len(r.cells) and r.cells[c] and not grid.is_numbering_row(r.cells)]
        if printed:
            issues.append(Issue("error", key, region.title_line, f"column {'/'.join(labels[c]) or c + 1!r} is not a column "
                                f"of the national form; its {len(printed)} printed values are not loaded"))
    for column_key in right_columns:
        if column_key not in found:
            # A column the template does not print (the 2019 template has no 国有资本经营 fund): its
            # cells are blank, and any printed column it could be is reported above.
            issues.append(Issue("warning", key, region.title_line, f"no column {right_columns[column_key][0]!r} in the header; its cells are left blank"))
    header_texts = {c for r in rows[: head_end + 1] for c in r.cells if c}
    sides: list[SideRow] = []
    for row in rows[head_end + 1 :]:
        cells = (row.cells + [""] * width)[:width]
        if grid.is_numbering_row(cells):
            continue
        if any(cells) and all(not c or c in header_texts for c in cells):
            continue  # the header printed again on a continued page
        issue = grid.misfit(key, row, width)
        if issue:
            issues.append(issue)
            continue
        for side, name, number, columns in (
            ("income", cells[first], left_number, [left_amounts[0]]),
            ("expenditure", cells[right_name], right_number, [found.get(k) for k in right_columns]),
        ):
            tokens = [grid.cell_token(cells[c] if c is not None else "", row.line, c) for c in columns]
            bad = [t for t in tokens if not t.is_value and t.kind is not Kind.INT]
            if bad:
                issues.append(Issue("error", key, row.line, f"{side} line {name!r}: {bad[0].text!r} is not an amount; not loaded"))
                continue
            line_number = int(cells[number]) if number is not None and cells[number].isdigit() else None
            sides.append(SideRow(side, name, line_number, Values(tokens), row.line))
    return sides, issues


# --- printed as plain text without 行次 ------------------------------------------------------

_ORDINAL_START = re.compile(r"^[一二三四五六七八九十]+[、.．]")


def numbered(region: TableRegion) -> bool:
    """Whether the text prints 行次: a whole number in a two-sided table's body is one. Line by
    line, so that a numbered table (the first row prints its 行次) is not tokenized twice."""
    return any(t.kind is Kind.INT for ln in body_lines(region.lines, _FIRST_ROW) for t in tokenize_line(ln))


def parse_sides_unnumbered(region: TableRegion, side_of, starts_name,
                            right_columns: int = 1) -> tuple[list[SideRow], list[Issue]]:
    """Side rows of a two-sided table printed as plain text without 行次, one amount a side
    (`四、上级补助收入 四、公共安全支出 350.56`): a name, then the amounts up to the next name. Names
    say where they start (an ordinal, or a line name: `starts_name`); any other text continues the
    name before it, even past its amount (`二十二、灾害防治及应急管理支` / `98.23` / `出`). Two names
    on one line are income then expenditure; a name alone on its line is placed by what it names
    (`side_of`: 'income', 'expenditure' or None). A side without an amount is blank: with one
    amount column its position is not in doubt. With `right_columns` > 1 (表四: 合计 and three
    funds) an expenditure line printing fewer figures keeps them in printed order, its missing
    cells counted (`Values.missing`): which columns they are is for the identities to say."""
    key = region.table_key
    items: list[list] = []  # [name, line, amount tokens]
    issues: list[Issue] = []
    for tok in tokenize(body_lines(region.lines, _FIRST_ROW)):
        if tok.kind is Kind.TEXT and (not items or _ORDINAL_START.match(tok.text) or starts_name(tok.text)):
            items.append([tok.text, tok.line, []])
        elif tok.kind is Kind.TEXT:
            items[-1][0] += tok.text
        elif tok.kind in (Kind.AMOUNT, Kind.INT, Kind.NA) and items:
            items[-1][2].append(tok)
        elif tok.kind is Kind.GARBLED:
            issues.append(Issue("error", key, tok.line, f"{tok.text!r} where an amount belongs is not a number; not loaded"))
            if items:
                items[-1][2].append(None)
    sides: list[SideRow] = []
    on_line = Counter(line for _, line, _ in items)
    seen: Counter = Counter()
    for name, line, amounts in items:
        seen[line] += 1
        if seen[line] > 1:
            side = "expenditure"
        else:
            side = "income" if on_line[line] == 2 else side_of(strip_ordinal(name))
        if side is None:
            issues.append(Issue("error", key, line, f"line {name!r} names neither an income nor an expenditure line; not placed"))
            continue
        width = right_columns if side == "expenditure" else 1
        if None in amounts or len(amounts) > width:
            if len(amounts) > width:
                issues.append(Issue("error", key, line, f"line {name!r} prints {len(amounts)} amounts for {width} cell(s); not loaded"))
            continue
        if not amounts:
            values = Values([Token(Kind.BLANK, "", line)] * width)
        else:
            values = Values(amounts, missing=width - len(amounts))
        sides.append(SideRow(side, name, None, values, line))
    return sides, issues
