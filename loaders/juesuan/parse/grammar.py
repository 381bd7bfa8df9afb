"""A small token-stream grammar shared by the table parsers.

A table row, however it wraps across lines, is a run of name text followed by exactly as many
value cells as the table has columns. Wrapped names are joined without spaces (Chinese text
breaks anywhere), so `一般公共预算财政` + `拨款收入` reads back as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from juesuan.read.lines import is_part_heading
from juesuan.parse.model import Cell, Issue
from juesuan.parse.tokens import Kind, Token, parse_amount


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


def take_name(stream: Stream, starts_row=None) -> tuple[str, int | None]:
    """Join TEXT tokens into a name. Leading blank cells are an empty name cell, skipped. A token
    that `starts_row` (a 合计 line's name) begins the next row, never this name."""
    parts: list[str] = []
    first_line = None
    while not stream.done():
        tok = stream.peek()
        if tok.kind is Kind.TEXT and not (starts_row and starts_row(tok)):
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


def take_values(stream: Stream, n: int, accept_int=False) -> Values:
    """Up to `n` value cells. A damaged amount counts as a cell, so the row keeps its width and
    the rows after it stay in place; the caller refuses the row (`unreadable_row_issue`).
    `accept_int`: whole numbers are cells too (True), or those it accepts (a predicate)."""
    out = Values()
    while len(out.tokens) < n and not stream.done():
        tok = stream.peek()
        takes_int = accept_int(tok) if callable(accept_int) else accept_int
        if tok.is_value or tok.kind is Kind.GARBLED or (takes_int and tok.kind is Kind.INT):
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
        return Cell(table_key, row_key, column_key, "blank", "", None, unit, tok.line, tok.column)
    if tok.kind is Kind.NA:
        return Cell(table_key, row_key, column_key, "na", tok.text, None, unit, tok.line, tok.column)
    return Cell(table_key, row_key, column_key, "value", tok.text, parse_amount(tok.text), unit, tok.line, tok.column)


def missing_cells_issue(table_key: str, label: str, values: Values, line: int) -> Issue:
    """A row printing fewer cells than the table has columns. With no figure at all, its cells
    are blank (a warning). With figures, nothing in plain text says which columns they are in
    (`201 306.90 306.90` under 合计 / 基本支出 / 项目支出): the row is ambiguous, an error, and
    the caller does not load it. Filling from the left put figures in the wrong column."""
    n = len(values.tokens) + values.missing
    printed = [t.text for t in values.tokens if t.kind is not Kind.BLANK]
    if printed:
        return Issue(
            "error", table_key, line,
            f"ambiguous: row {label!r} prints {len(printed)} figures ({' '.join(printed)}) for {n} cells and "
            "nothing says which columns they are in; not loaded, never filled from the left",
            kind="ambiguous",
        )
    return Issue("warning", table_key, line, f"row {label!r} prints no figure in its {n} cells; taken as blank")


def unreadable_row_issue(table_key: str, label: str, garbled: list[Token], line: int) -> Issue:
    damaged = ", ".join(repr(t.text) for t in garbled)
    return Issue(
        "error", table_key, line,
        f"row {label!r} prints {damaged} where an amount belongs: not a number, so the row is not loaded",
    )


_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．]|^[（(](?:[一二三四五六七八九十]+|\d{1,2})[)）]|^\d+[.．、]")


def strip_ordinal(name: str) -> str:
    """`四、公共安全支出` → `公共安全支出`; `（一）行政单位` → `行政单位`; `5.执法执勤用车` → `执法执勤用车`."""
    return _ORDINAL.sub("", name.replace(" ", "").replace("\xa0", "")).strip()


# Column words of the coded tables' headers (never a row's name there). A line of two or more of
# these words alone, printed without the NBSP blanks of a row, is a header fragment (the header's
# last line, or the header repeated on a continued page): `合计 基本支出 项目支出` was read as a
# 合计 row of blanks, and the real 合计 below it then dropped as a repeat.
HEADER_WORDS = frozenset("""
项目 合计 小计 总计 基本支出 项目支出 功能分类 科目名称 科目编码 类 款 项 栏次 行次 决算数
本年收入合计 本年支出合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入 附属单位 上缴收入
上缴上级支出 经营支出 对附属单位补助支出 年初结转和结余 本年收入 本年支出 年末结转和结余
支出功能分类科目编码 功能分类科目编码 支出功能分类 金额单位：万元 单位：万元
""".split())


def is_header_fragment(raw: str) -> bool:
    words = raw.split()
    return ("\xa0" not in raw and len(words) >= 2 and all(w in HEADER_WORDS for w in words)
            and any(w not in ("合计", "总计") for w in words))


def _header_cells_one_per_line(lines) -> set[int]:
    """Indexes of a header printed one cell per line (a web page's table copied as text): a run of
    two or more lines that are each one header word, not all 合计/总计, with the `栏次 1 2 3`
    numbers after its 栏次. A `合计` line is a column's label only with another label after it;
    with figures (or nothing) after it, it is the total row."""
    out: set[int] = set()
    run: list[int] = []
    numbering = 0  # the next 栏次 number expected, 0 outside a 栏次 run

    def close():
        words = {lines[i].text.strip() for i in run}
        if len(run) >= 2 and words - {"合计", "总计"}:
            out.update(run)

    texts = [ln.text.replace("\xa0", " ").strip() for ln in lines]
    for n, text in enumerate(texts):
        is_label = text in HEADER_WORDS and (
            text not in ("合计", "总计") or (n + 1 < len(texts) and texts[n + 1] in HEADER_WORDS))
        if is_label:
            run.append(n)
            numbering = 1 if text == "栏次" else numbering
        elif numbering and text == str(numbering):
            run.append(n)
            numbering += 1
        else:
            close()
            run, numbering = [], 0
    close()
    return out


def body_lines(lines, start: re.Pattern, stop: re.Pattern = re.compile(r"^\s*(注[:：]|说明[:：])"),
               skip_header_fragments: bool = False):
    """Lines from the first that matches `start` up to (not including) the table's note; for a
    coded table, without header fragments."""
    out, started = [], False
    one_per_line = _header_cells_one_per_line(lines) if skip_header_fragments else set()
    for n, ln in enumerate(lines):
        text = ln.text.replace("\xa0", " ").strip()
        if skip_header_fragments and (is_header_fragment(ln.text) or n in one_per_line):
            continue
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
