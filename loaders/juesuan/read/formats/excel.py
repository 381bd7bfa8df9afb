"""Workbooks (`.xlsx` with openpyxl, `.xls` with xlrd): every sheet a page, its used range a grid.

A number is read as the sheet displays it, through the cell's number format (`#,##0.00` → two
decimals, with separators), since that is what the report printed; the stored binary float is
never the figure. A formula cell gives the value the workbook saved with it; a formula the
workbook holds no saved value for is an empty cell and is reported by the table reader if a
figure belonged there.
"""

from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable

from juesuan.errors import LoadError
from juesuan.read.formats.document import Block, Paragraph, Table, check_grid, column_letter

_DECIMALS = re.compile(r"0\.(0+)")


def display_number(value: float | int | Decimal, number_format: str | None) -> str:
    """A numeric cell as Excel shows it: the format's decimals and thousands separator; General
    shows the number with at most 15 significant digits (Excel's own precision)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    fmt = (number_format or "General").split(";")[0]
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if "%" in fmt:
        exact *= 100
    m = _DECIMALS.search(fmt)
    if fmt == "General" or not re.search(r"[0#]", fmt):
        text = f"{float(exact):.15g}" if isinstance(value, float) else str(exact)
        if "e" in text:
            text = format(exact.normalize(), "f")
    else:
        places = len(m.group(1)) if m else 0
        try:
            rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        except InvalidOperation:
            rounded = exact
        text = f"{rounded:,.{places}f}" if "," in fmt else f"{rounded:.{places}f}"
    return text + ("%" if "%" in fmt else "")


def _cell_text(value, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return display_number(value, number_format)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def check_merges(archive, infos) -> None:
    """TooLarge where a sheet's merged ranges cover more than MAX_GRID_CELLS positions: openpyxl
    makes an object for every position a merge covers as it loads the sheet (one merge over a
    whole sheet, in a 1.6 KB file, is 17 billion). Read from the sheet's XML, before openpyxl."""
    for info in infos:
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        covered, tail = 0, b""
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 20):
                text = tail + chunk
                last = 0
                for m in _MERGE.finditer(text):
                    c1, r1, c2, r2 = m.group(1), int(m.group(2)), m.group(3) or m.group(1), int(m.group(4) or m.group(2))
                    covered += (abs(r2 - r1) + 1) * (abs(_column_number(c2) - _column_number(c1)) + 1)
                    last = m.end()
                    check_grid(covered, f"{info.filename}'s merged cells")
                tail = text[max(last, len(text) - 200):]


def read_xlsx(data: bytes, name: str, names_a_table: Callable[[str], bool]) -> list[list[Block]]:
    import openpyxl  # imported here: text and PDF reports never pay for it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, XML errors: a damaged file
        raise LoadError(name, f"the workbook is damaged and cannot be read ({type(exc).__name__}: {exc})",
                        hint="download the file again, or open it in Excel/LibreOffice and save it again as .xlsx") from exc
    pages = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        check_grid(sheet.max_row * sheet.max_column, f"sheet {sheet.title}'s used range")
        merged_away = {(r, c) for rng in sheet.merged_cells.ranges
                       for r in range(rng.min_row, rng.max_row + 1) for c in range(rng.min_col, rng.max_col + 1)
                       if (r, c) != (rng.min_row, rng.min_col)}
        cells, places = [], []
        for row in sheet.iter_rows():
            texts, refs = [], []
            for cell in row:
                at = (cell.row, cell.column)
                texts.append("" if at in merged_away else _cell_text(cell.value, cell.number_format))
                refs.append(f"{sheet.title}!{column_letter(cell.column - 1)}{cell.row}")
            cells.append(texts)
            places.append(refs)
        pages.append(_sheet_blocks(sheet.title, cells, places, names_a_table))
    return pages


def _sheet_blocks(title: str, cells: list[list[str]], places: list[list[str]],
                  names_a_table: Callable[[str], bool]) -> list[Block]:
    # Finance bureaus name a sheet after its table (`公开01表`, `收入支出决算总表`) and often print no
    # title row in it: then the name goes first, as the page's heading. A sheet that prints its own
    # title or number does not get it twice (twice would read as the table printed again). What
    # names a table is the layout's to say (`names_a_table`, given by the caller).
    top = [text for row in cells[:8] for text in row if text]
    if names_a_table(title) and not any(names_a_table(text) for text in top):
        return [Paragraph(title, title), Table(cells, places)]
    return [Table(cells, places)]


def read_xls(data: bytes, name: str, names_a_table: Callable[[str], bool]) -> list[list[Block]]:
    import xlrd  # imported here: text and PDF reports never pay for it

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except Exception as exc:  # xlrd.XLRDError and struct errors on damaged files
        raise LoadError(name, f"the .xls workbook cannot be read ({type(exc).__name__}: {exc})",
                        hint="open it in Excel/LibreOffice and save it as .xlsx, then load that") from exc
    pages = []
    for sheet in book.sheets():
        if getattr(sheet, "visibility", 0):
            continue
        check_grid(sheet.nrows * sheet.ncols, f"sheet {sheet.name}'s used range")
        check_grid(sum((rhi - rlo) * (chi - clo) for rlo, rhi, clo, chi in sheet.merged_cells),
                   f"sheet {sheet.name}'s merged cells")
        merged_away = {(r, c) for rlo, rhi, clo, chi in sheet.merged_cells
                       for r in range(rlo, rhi) for c in range(clo, chi) if (r, c) != (rlo, clo)}
        cells, places = [], []
        for r in range(sheet.nrows):
            texts, refs = [], []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                text = ""
                if (r, c) not in merged_away and cell.ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    if cell.ctype == xlrd.XL_CELL_NUMBER:
                        xf = book.xf_list[cell.xf_index]
                        fmt = book.format_map.get(xf.format_key)
                        text = display_number(cell.value, fmt.format_str if fmt else None)
                    elif cell.ctype == xlrd.XL_CELL_ERROR:
                        text = xlrd.error_text_from_code.get(cell.value, "#ERROR")
                    else:
                        text = str(cell.value)
                texts.append(text)
                refs.append(f"{sheet.name}!{column_letter(c)}{r + 1}")
            cells.append(texts)
            places.append(refs)
        pages.append(_sheet_blocks(sheet.name, cells, places, names_a_table))
    return pages
