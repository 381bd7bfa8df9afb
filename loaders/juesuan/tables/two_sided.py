"""The grammar of the two-sided summary tables (公开01, 公开04).

Each printed line carries an income line on the left and an expenditure line on the right,
each as name, 行次 (line number) and value cell(s). Names wrap across lines and may be empty
(layout padding lines such as `    9    `), so the grammar alternates left and right sides and
anchors each on its 行次.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..grammar import Stream, Values, body_lines, missing_cells_issue, skip_unplaced, strip_ordinal, take_name, take_values
from ..layout import TableRegion
from ..model import Issue
from ..tokens import Kind, Token, tokenize

_FIRST_ROW = re.compile(r"^一[、.．]")


@dataclass
class SideRow:
    side: str  # `income` (left) or `expenditure` (right)
    name: str  # printed name, ordinal kept
    line_number: int  # 行次
    values: Values
    source_line: int

    @property
    def bare_name(self) -> str:
        return strip_ordinal(self.name)

    @property
    def is_empty(self) -> bool:
        return not self.name and all(t.kind is Kind.BLANK for t in self.values.tokens)


def parse_sides(region: TableRegion, right_columns: int) -> tuple[list[SideRow], list[Issue]]:
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
        if values.missing and not row.is_empty:
            issues.append(missing_cells_issue(key, name or f"行次 {tok.text}", values, row.source_line))
        rows.append(row)
        side = "expenditure" if side == "income" else "income"
    return rows, issues
