"""Tables read from a ruled grid: one row per line, cells separated by TAB (see `pdf_text`).

Here every cell is in its column already, so nothing is inferred from the order of numbers.
What a grid does not say is which national column a printed column is: the header says that.
A region's header is its rows above the first data row; each column's label is its header
texts from top to bottom, a merged header cell lending its text to the columns it spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.read.formats.document import GRID_SEPARATOR
from juesuan.read.lines import Line
from juesuan.parse.grammar import cell_from_token
from juesuan.parse.model import Issue, ParsedTable
from juesuan.parse.tokens import Kind, Token, classify


@dataclass(frozen=True)
class GridRow:
    cells: list[str]
    line: int

    def is_empty(self) -> bool:
        return not any(self.cells)


def is_grid_line(text: str) -> bool:
    return GRID_SEPARATOR in text


def grid_rows(lines: list[Line]) -> list[GridRow]:
    return [GridRow(ln.text.split(GRID_SEPARATOR), ln.number) for ln in lines if is_grid_line(ln.text)]


@dataclass(frozen=True)
class Grid:
    rows: list[GridRow]
    width: int  # cells of the widest row: the table's columns
    issues: list[Issue]  # amounts printed outside the ruling (see stray_numbers)


def read_grid(table_key: str, lines: list[Line]) -> Grid:
    """The grid rows of a table's region, its width, and what the region printed outside them."""
    rows = _without_spacers(_without_margins(grid_rows(lines)))
    return Grid(rows, max((len(r.cells) for r in rows), default=0), stray_numbers(table_key, lines))


def _without_margins(rows: list[GridRow]) -> list[GridRow]:
    """The rows without the ruling's margin: a first column that no row of its width prints in (北京's
    budget tables draw one left of 科目编码 on some pages and not on others: rows one cell wider), or
    a last column no row prints in. Kept, it would shift every header label by one."""
    widths = {len(r.cells) for r in rows}
    for w in sorted(widths, reverse=True):
        group = [r for r in rows if len(r.cells) == w]
        if w > 1 and (len(widths) == 1 or w - 1 in widths) and len(group) >= 3 and all(not r.cells[0] for r in group):
            rows = [GridRow(r.cells[1:], r.line) if len(r.cells) == w else r for r in rows]
    while rows and all(r.cells and not r.cells[-1] for r in rows) and any(len(r.cells) > 1 for r in rows):
        rows = [GridRow(r.cells[:-1], r.line) for r in rows]
    return rows


def _without_spacers(rows: list[GridRow]) -> list[GridRow]:
    """A page whose ruling splits each column into several cells (西安市工业和信息化局's 收支总表: 27 cells on
    its first page, its figures in every third, its header texts beside them; 9 on the next page) read
    in the columns its figures are printed in, when that is the width the table has on its other
    pages; a header text printed in a spacer cell belongs to the column left of it."""
    widths = {len(r.cells) for r in rows}
    for w in sorted(widths, reverse=True):
        group = [r for r in rows if len(r.cells) == w]
        data = [r for r in group if any(_AMOUNT_LIKE.search(c) for c in r.cells)]
        kept = [c for c in range(w) if any(r.cells[c] for r in data)]
        if len(data) < 2 or len(kept) == w or len(kept) not in widths:
            continue
        target = [max([0] + [k for k, col in enumerate(kept) if col <= c]) for c in range(w)]

        def narrowed(row: GridRow) -> GridRow:
            cells = [""] * len(kept)
            for c, text in enumerate(row.cells):
                if text:
                    cells[target[c]] = f"{cells[target[c]]}{text}"
            return GridRow(cells, row.line)

        rows = [narrowed(r) if len(r.cells) == w else r for r in rows]
        widths = {len(r.cells) for r in rows}
    return rows


def misfit(table_key: str, row: GridRow, width: int, label: str | None = None) -> Issue | None:
    """A row with another number of cells than the table has columns cannot be placed."""
    if len(row.cells) == width:
        return None
    what = label or " | ".join(row.cells)
    return Issue("error", table_key, row.line, f"row {what!r} has {len(row.cells)} cells, the table {width}; not placed")


_AMOUNT_LIKE = re.compile(r"\d[\d,]*\.\d")


def stray_numbers(table_key: str, lines: list[Line]) -> list[Issue]:
    """Lines inside a grid table's region that carry amounts but are not grid rows: a part of the
    table the PDF drew without rules. Their numbers cannot be placed, so each is reported."""
    return [
        Issue("error", table_key, ln.number, f"amounts outside the table's ruled grid, not placed: {ln.text.strip()!r}")
        for ln in lines
        if not is_grid_line(ln.text) and _AMOUNT_LIKE.search(ln.text) and not ln.text.lstrip().startswith(("注", "说明"))
    ]


_NUMBERING_LABELS = ("栏次", "行次", "**")  # 西安 2020 marks its code and name columns `**`


def is_numbering_row(cells: list[str]) -> bool:
    """The national form's column-number row: `栏次 1 2 3 …` (numbers 1, 2, 3 … in order)."""
    numbers = [c for c in cells if c and c not in _NUMBERING_LABELS]
    return bool(numbers) and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def column_labels(header: list[GridRow], width: int) -> list[tuple[str, ...]]:
    """The label path of each column, e.g. ('本年支出', '基本支出').

    A merged header cell prints its text in its first column and leaves the others empty. An
    empty header cell therefore takes the text on its left when both columns have the same
    labels above and the column has a label further down (it is a parent, not a blank):
    `本年支出` spans 小计 / 基本支出 / 项目支出, while `年末结转和结余` (merged downwards) stays one column.
    """
    header = [row for row in header if not is_numbering_row(row.cells)]
    filled: list[list[str]] = []
    for r, row in enumerate(header):
        cells = (row.cells + [""] * width)[:width]
        out: list[str] = []
        for c, text in enumerate(cells):
            if not text and c > 0 and out[c - 1]:
                same_parent = all(filled[k][c] == filled[k][c - 1] for k in range(r))
                has_child = any(c < len(below.cells) and below.cells[c] for below in header[r + 1 :])
                if same_parent and has_child:
                    text = out[c - 1]
            out.append(text)
        filled.append(out)
    return [tuple(filled[r][c] for r in range(len(header)) if filled[r][c]) for c in range(width)]


def normalise_label(text: str) -> str:
    return re.sub(r"[\s\u3000“”\"]", "", text)


_REMARKS = "备注"
# A column numbering the rows, no figure: the national form's 行次, 西安's 序号.
NUMBER_HEADERS = ("行次", "序号")


def match_columns(
    labels: list[tuple[str, ...]], wanted: dict[str, tuple[str, ...]], candidates: list[int]
) -> tuple[dict[str, int], list[int]]:
    """Map column keys to column indexes: a column matches a key when its joined label ends with
    one of the key's printed names. Returns (key → index, indexes that matched no key)."""
    found: dict[str, int] = {}
    unmatched = []
    for c in candidates:
        label = normalise_label("".join(labels[c]))
        if label.endswith(_REMARKS) and label != _REMARKS and not any(label.endswith(normalise_label(n)) for ns in wanted.values() for n in ns):
            # A column's name run into the 备注 beside it, where the ruling does not part them (西安市
            # 工业和信息化局: `专项业务经费支出备注` over one column of figures): the column is the first.
            label = label[: -len(_REMARKS)]
        key = next(
            (k for k, names in wanted.items() if k not in found and any(label.endswith(normalise_label(n)) for n in names)),
            None,
        )
        if key is None:
            unmatched.append(c)
        else:
            found[key] = c
    return found, unmatched


def cell_token(text: str, line: int, column: int | None) -> Token:
    """A grid cell as a token that keeps its column; an empty cell is a blank."""
    tok = classify(text, line)
    return Token(Kind.BLANK, "", line, column) if tok is None else Token(tok.kind, tok.text, line, column)


_WRAPPED_AMOUNT = re.compile(r"-?\d[\d,]*(?:\.\d*)?(?:\s+[\d,.]+)+")


def add_value_cell(table: ParsedTable, row_key: str, column_key: str, text: str, unit: str, line: int,
                   column: int | None = None) -> None:
    """A grid cell (printed in grid column `column`) into `table`; text that is not an amount is an
    error, never a zero."""
    key = table.table_key
    tok = cell_token(text, line, column)
    if tok.kind is Kind.TEXT and _WRAPPED_AMOUNT.fullmatch(text):
        # An amount wrapped inside its ruled cell (无锡: `143,999.0` over `0`): one cell's text, read whole.
        joined = cell_token(re.sub(r"\s", "", text), line, column)
        tok = joined if joined.kind is Kind.AMOUNT else tok
    if tok.kind in (Kind.BLANK, Kind.NA, Kind.AMOUNT, Kind.INT):
        table.cells.append(cell_from_token(key, row_key, column_key, tok, unit))
    else:
        table.issues.append(Issue("error", key, line, f"cell {column_key!r} of row {row_key!r} holds {text!r}, not an amount; not loaded"))


def two_digit_parts(cells: list[str], code_labels: list[str]) -> list[str]:
    """Code cells with their 款 and 项 as two digits: a workbook stores `02` under 款 as the number
    2 (the leading zero is a display format), and the form's 款 and 项 are two-digit fields."""
    return [f"0{c}" if label in ("款", "项") and len(c) == 1 and c.isdigit() else c for c, label in zip(cells, code_labels)]


def is_amount_or_blank(text: str) -> bool:
    tok = classify(text, 0)
    return tok is None or tok.kind in (Kind.BLANK, Kind.NA, Kind.AMOUNT, Kind.INT)


def is_figure(text: str) -> bool:
    """A cell that prints a figure (an amount, a number or `────`): not blank, and no word."""
    return bool(text) and is_amount_or_blank(text)
