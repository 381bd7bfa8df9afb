"""The one shape every publication form is read into: pages of text lines and cell grids.

A web page, a workbook and a Word file each hold the same ten tables as cells. Each reader here
turns its file into `Block`s (a paragraph, or a table as rows of cell texts with where each cell
sits in the file), and `render` writes them as the page text the PDF path writes: a table row is
one line of TAB-separated cells, an empty cell an empty field, so the grid readers of `tables/`
read every form the same way. A merged cell gives its text to its first (top-left) position and
leaves the positions it covers empty, as a PDF's ruling does.

`render` also returns where each line was printed in the form's own terms (`Sheet1!C7`, `table 3,
row 7, column 2`), so that every figure keeps its place beside its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GRID_SEPARATOR = "\t"
PAGE_SEPARATOR = "\f"

# Structural limits, checked before anything is allocated for them: a few KB of markup can ask
# for a grid of billions of cells (a merge over a whole sheet, a span of millions) and a zip
# member can unpack to gigabytes. A report's tables hold thousands of cells, its files a few MB.
MAX_GRID_CELLS = 1_000_000  # positions of one table or sheet, spans expanded
MAX_SPAN = 1000  # columns one cell may span: HTML's own cap for colspan, 16 times Word's 63 columns
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # a workbook's or Word file's members, unpacked


class TooLarge(Exception):
    """A file whose structure asks for more than `MAX_GRID_CELLS` or `MAX_UNPACKED_BYTES`; the
    message says what, where."""


def check_grid(cells: int, where: str) -> None:
    if cells > MAX_GRID_CELLS:
        raise TooLarge(f"{where} spans {cells:,} cells, more than the {MAX_GRID_CELLS:,} a report's table may")

_SPACE_RUN = re.compile(r"[\s\u3000\xa0]+")
_CJK = r"\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’"
_SPACE_NEXT_TO_CJK = re.compile(rf"(?<=[{_CJK}])[\s\xa0]+|[\s\xa0]+(?=[{_CJK}])")


def cell_text(raw: str | None) -> str:
    """One cell as one field: wrapped lines rejoined, spaces inside Chinese text dropped.

    `机关事业单位基本养老保险缴\\n费` reads back as one name; `因 公 出 国 （ 境 ） 费` (letter-spaced
    to fill its cell) as `因公出国（境）费`. Spaces between two non-Chinese runs are kept as one space,
    so a cell that holds two numbers stays two numbers and is reported, not read as one.
    """
    if not raw:
        return ""
    text = _SPACE_NEXT_TO_CJK.sub("", raw.strip())
    return _SPACE_RUN.sub(" ", text).strip()


# A `|---|:--:|` line under a Markdown table's header: a rule, no row.
_PIPE_RULE = re.compile(r"^[\s|:\-=+]*$")


def pipe_rows_as_grid(text: str) -> str:
    """Text whose table rows keep their cells apart with `|` (a web page's table copied as text,
    Markdown: `| 201 | 一般公共服务支出 | 306.90 | | 306.90 |`): each such line becomes the grid row
    it is, cells joined by TAB and an empty cell an empty field, so it is read as a ruled table is
    and a blank cell keeps its column. The outer `|` are borders only where every row of the run
    starts and ends with one (`|x|y` alone is an empty cell, then x and y). A rule line is left
    empty, so line numbers stay."""
    if "|" not in text:
        return text
    lines = text.split("\n")

    def is_row(line: str) -> bool:
        return line.count("|") >= 2 and GRID_SEPARATOR not in line

    out, i = [], 0
    while i < len(lines):
        if not is_row(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and is_row(lines[j]):
            j += 1
        run = [ln.strip() for ln in lines[i:j]]
        bordered = all(ln.startswith("|") and ln.endswith("|") for ln in run if not _PIPE_RULE.match(ln))
        for ln in run:
            if _PIPE_RULE.match(ln):
                out.append("")
                continue
            body = ln[1:-1] if bordered else ln
            out.append(GRID_SEPARATOR.join(cell_text(c) for c in body.split("|")))
        i = j
    return "\n".join(out)


@dataclass(frozen=True)
class Paragraph:
    text: str
    place: str  # `paragraph 12`, `Sheet1!A1`


@dataclass(frozen=True)
class Table:
    cells: list[list[str]]  # rows of cell texts, spans expanded (covered positions are "")
    places: list[list[str]]  # where each cell is printed, same shape as `cells`


Block = Paragraph | Table


@dataclass(frozen=True)
class LineLocation:
    """Where a line of the page text was printed: the row (or paragraph), and for a grid row the
    place of each of its cells, in the order of the line's TAB-separated fields."""

    place: str
    cells: tuple[str, ...] = ()

    def of_cell(self, column: int | None) -> str:
        if column is not None and 0 <= column < len(self.cells):
            return self.cells[column]
        return self.place


# Lines a table prints above its header or below its rows that are not part of the grid: its
# title, number, department, year, unit and notes. In a sheet or web table they often sit in
# cells of their own (merged across the width); read as grid rows they would become header text.
_FURNITURE = re.compile(
    r"(?:单位|部门|名称)\s*[:：]|公开\s*\d{1,2}\s*表|决算.{0,12}表\s*$|^\s*\d{4}\s*年度?\s*$"
    r"|^\s*(?:附?表\s*[一二三四五六七八九十\d]+|注|说明|备注)\s*[:：、.．]?"
)
# Rows below the table's grid that are notes, not rows.
_NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：\d一二三四五六七八九十、.．]")


def _filled(row: list[str]) -> list[int]:
    return [c for c, text in enumerate(row) if text]


def _is_furniture(row: list[str], note_only: bool = False) -> bool:
    filled = _filled(row)
    if not filled or len(filled) > 2:
        return False
    pattern = _NOTE if note_only else _FURNITURE
    return all(pattern.search(row[c]) for c in filled) or (len(filled) == 1 and note_only and len(row[filled[0]]) > 40)


def _grid_lines(table: Table) -> list[tuple[str, LineLocation]]:
    cells = [[cell_text(t) for t in row] for row in table.cells]
    places = table.places
    keep_rows = [r for r, row in enumerate(cells) if any(row)]
    width = max((len(row) for row in cells), default=0)
    keep_cols = [c for c in range(width) if any(c < len(cells[r]) and cells[r][c] for r in keep_rows)]
    rows = [([cells[r][c] if c < len(cells[r]) else "" for c in keep_cols],
             [places[r][c] if c < len(places[r]) else "" for c in keep_cols]) for r in keep_rows]
    out: list[tuple[str, LineLocation]] = []

    def as_line(row, refs):
        filled = _filled(row)
        return " ".join(row[c] for c in filled), LineLocation(refs[filled[0]] if filled else "")

    start = 0
    while start < len(rows) and _is_furniture(rows[start][0]):
        out.append(as_line(*rows[start]))
        start += 1
    end = len(rows)
    while end > start and _is_furniture(rows[end - 1][0], note_only=True):
        end -= 1
    if len(keep_cols) < 2:  # a one-column "table" is layout, not a grid
        out.extend(as_line(*row) for row in rows[start:end])
    else:
        for row, refs in rows[start:end]:
            place = refs[0].rsplit(", column", 1)[0] if ", column" in refs[0] else _row_range(refs)
            out.append((GRID_SEPARATOR.join(row), LineLocation(place, tuple(refs))))
    out.extend(as_line(*row) for row in rows[end:])
    return out


def _row_range(refs: list[str]) -> str:
    """`Sheet1!A7` … `Sheet1!H7` → `Sheet1!A7:H7`."""
    first, last = refs[0], refs[-1]
    if "!" in first and "!" in last and first != last:
        return f"{first}:{last.split('!', 1)[1]}"
    return first


def render(pages: list[list[Block]]) -> tuple[str, dict[int, LineLocation]]:
    """The page text of a document and where each of its lines was printed (by line number; a
    form feed ends a line as a line break does, see `source.line_breaks`)."""
    texts: list[str] = []
    locations: dict[int, LineLocation] = {}
    number = 0
    for blocks in pages:
        page: list[str] = []
        for block in blocks:
            items = ([(part, LineLocation(block.place)) for part in block.text.split("\n")]
                     if isinstance(block, Paragraph) else _grid_lines(block))
            for text, where in items:
                text = text if GRID_SEPARATOR in text else _SPACE_RUN.sub(" ", text).strip()
                if text:
                    page.append(text)
                    number += 1
                    locations[number] = where
        if not page:
            page, number = [""], number + 1
        texts.append("\n".join(page))
    return PAGE_SEPARATOR.join(texts) + "\n", locations


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
