"""A small token-stream grammar shared by the table parsers.

A table row, however it wraps across lines, is a run of name text followed by exactly as many
value cells as the table has columns. Wrapped names are joined without spaces (Chinese text
breaks anywhere), so `一般公共预算财政` + `拨款收入` reads back as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import is_part_heading
from .model import Cell, Issue
from .tokens import Kind, Token, parse_amount


@dataclass
class Stream:
    tokens: list[Token]
    pos: int = 0

    def peek(self, ahead: int = 0) -> Token | None:
        i = self.pos + ahead
        return self.tokens[i] if i < len(self.tokens) else None

    def next(self) -> Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def done(self) -> bool:
        return self.pos >= len(self.tokens)


def skip_unplaced(stream: Stream, table_key: str, expected: str, is_start) -> Issue:
    """Skip tokens up to the next plausible row start; one error names the line and what was skipped."""
    first = stream.next()
    skipped = [first]
    while not stream.done() and not is_start(stream.peek()):
        skipped.append(stream.next())
    text = " ".join(t.text or "(blank)" for t in skipped)
    return Issue("error", table_key, first.line, f"cannot place {text!r}: expected {expected}; skipped")


def take_name(stream: Stream) -> tuple[str, int | None]:
    """Join TEXT tokens into a name. Leading blank cells are an empty name cell, skipped."""
    parts: list[str] = []
    first_line = None
    while not stream.done():
        tok = stream.peek()
        if tok.kind is Kind.TEXT:
            parts.append(tok.text)
            first_line = first_line or tok.line
            stream.next()
        elif tok.kind is Kind.BLANK and not parts:
            stream.next()
        else:
            break
    return "".join(parts), first_line


@dataclass
class Values:
    tokens: list[Token] = field(default_factory=list)
    missing: int = 0  # trailing cells not printed at all, taken as blank and reported

    @property
    def garbled(self) -> list[Token]:
        """Cells printed where an amount belongs that are no number (`16G.59`)."""
        return [t for t in self.tokens if t.kind is Kind.GARBLED]


def take_values(stream: Stream, n: int, accept_int: bool = False) -> Values:
    """Up to `n` value cells. A damaged amount counts as a cell, so the row keeps its width and
    the rows after it stay in place; the caller refuses the row (`unreadable_row_issue`)."""
    out = Values()
    while len(out.tokens) < n and not stream.done():
        tok = stream.peek()
        if tok.is_value or tok.kind is Kind.GARBLED or (accept_int and tok.kind is Kind.INT):
            out.tokens.append(stream.next())
        else:
            break
    out.missing = n - len(out.tokens)
    return out


def make_cells(
    table_key: str,
    row_key: str,
    columns: list[str],
    values: Values,
    unit: str,
    fallback_line: int,
) -> list[Cell]:
    cells = []
    for col, tok in zip(columns, values.tokens):
        cells.append(cell_from_token(table_key, row_key, col, tok, unit))
    for col in columns[len(values.tokens) :]:
        cells.append(Cell(table_key, row_key, col, "blank", "", None, unit, fallback_line))
    return cells


def cell_from_token(table_key: str, row_key: str, column_key: str, tok: Token, unit: str) -> Cell:
    if tok.kind is Kind.BLANK:
        return Cell(table_key, row_key, column_key, "blank", "", None, unit, tok.line)
    if tok.kind is Kind.NA:
        return Cell(table_key, row_key, column_key, "na", tok.text, None, unit, tok.line)
    return Cell(table_key, row_key, column_key, "value", tok.text, parse_amount(tok.text), unit, tok.line)


def missing_cells_issue(table_key: str, label: str, values: Values, line: int) -> Issue:
    return Issue(
        "warning",
        table_key,
        line,
        f"row {label!r} prints {len(values.tokens)} of {len(values.tokens) + values.missing} cells; "
        "the missing trailing cells were taken as blank",
    )


def unreadable_row_issue(table_key: str, label: str, values: Values, line: int) -> Issue:
    damaged = ", ".join(repr(t.text) for t in values.garbled)
    return Issue(
        "error", table_key, line,
        f"row {label!r} prints {damaged} where an amount belongs: not a number, so the row is not loaded "
        "(its other cells are not placed either)",
    )


_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[)）]|^\d+[.．、]")


def strip_ordinal(name: str) -> str:
    """`四、公共安全支出` → `公共安全支出`; `（一）行政单位` → `行政单位`; `5.执法执勤用车` → `执法执勤用车`."""
    return _ORDINAL.sub("", name.replace(" ", "").replace("\xa0", "")).strip()


def body_lines(lines, start: re.Pattern, stop: re.Pattern = re.compile(r"^\s*(注[:：]|说明[:：])")):
    """Lines from the first that matches `start` up to (not including) the table's note."""
    out, started = [], False
    for ln in lines:
        text = ln.text.replace("\xa0", " ").strip()
        if not started:
            if start.search(text):
                started = True
            else:
                continue
        if stop.search(text):
            break
        if not is_part_heading(text):  # `第二部分 2024年部门决算表` at the top of a continued page
            out.append(ln)
    return out
