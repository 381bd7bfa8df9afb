"""Write the re-printed sample (see `printing`) as a web page, .xlsx, .xls and .docx, the way
publishers lay these files out: in a workbook one sheet per table with its title and unit rows
inside the sheet (merged across it) and a note below; on a web page and in a Word file the title,
number and department lines as paragraphs above each table."""

from __future__ import annotations

import html
from pathlib import Path

from .printing import C, Grid


def _placed(rows: list[list[C]]):
    """(row, column, cell) of every printed cell, spans laid out as a grid does."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            yield r, c, cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan


def _width(rows: list[list[C]]) -> int:
    return max(c + cell.colspan for _, c, cell in _placed(rows))


def _dept_line(department: str, year: int) -> str:
    return f"部门名称：{department} {year}年度"


def write_html(path: Path, grids: list[Grid], before: list[str], after: list[str], department: str, year: int) -> Path:
    out = ['<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
           "<title>部门决算公开</title><style>td{border:1px solid}</style><script>var x = '<table>';</script>",
           "</head><body><div class=\"article\">"]
    out += [f"<p>{html.escape(t)}</p>" for t in before]
    for g in grids:
        out.append(f'<p align="right">{g.number_line}</p><h3>{html.escape(g.title)}</h3>')
        out.append(f"<p>{_dept_line(department, year)}<span style='float:right'>金额单位：万元</span></p>")
        out.append('<table cellspacing="0"><tbody>')
        for row in g.rows:
            tds = "".join(
                f"<td{f' colspan={c.colspan}' if c.colspan > 1 else ''}"
                f"{f' rowspan={c.rowspan}' if c.rowspan > 1 else ''}>{html.escape(c.text)}</td>" for c in row)
            out.append(f"<tr>{tds}</tr>")
        out.append("</tbody></table>")
    out += [f"<p>{html.escape(t)}</p>" for t in after]
    out.append("</div></body></html>")
    # Declared gb2312, written in its superset GB18030: what county sites serve.
    path.write_bytes("\n".join(out).encode("gb18030"))
    return path


def write_xlsx(path: Path, grids: list[Grid], department: str, year: int) -> Path:
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    for g in grids:
        sheet = book.create_sheet(g.sheet or g.number_line)
        width = _width(g.rows)
        sheet.cell(1, 1, g.title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        sheet.cell(2, 1, _dept_line(department, year))
        sheet.cell(2, width, "金额单位：万元")
        top = 3
        for r, c, cell in _placed(g.rows):
            target = sheet.cell(top + r, 1 + c)
            if cell.number:
                target.value = float(cell.text) if "." in cell.text else int(cell.text)
                target.number_format = "0.00" if "." in cell.text else "General"
            else:
                target.value = cell.text or None
            if cell.colspan > 1 or cell.rowspan > 1:
                sheet.merge_cells(start_row=top + r, start_column=1 + c,
                                  end_row=top + r + cell.rowspan - 1, end_column=c + cell.colspan)
        last = top + len(g.rows) + 1
        sheet.cell(last, 1, "注：本表反映部门本年度的决算情况。")
        sheet.merge_cells(start_row=last, start_column=1, end_row=last, end_column=width)
        sheet.column_dimensions[get_column_letter(1)].width = 30
    book.save(path)
    return path


def write_xls(path: Path, grids: list[Grid], department: str, year: int) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    amount = xlwt.easyxf(num_format_str="#,##0.00")
    for g in grids:
        sheet = book.add_sheet(g.sheet or g.number_line)
        width = _width(g.rows)
        sheet.write_merge(0, 0, 0, width - 1, g.title)
        sheet.write(1, 0, _dept_line(department, year))
        sheet.write(1, width - 1, "金额单位：万元")
        top = 2
        for r, c, cell in _placed(g.rows):
            value = (float(cell.text) if "." in cell.text else int(cell.text)) if cell.number else cell.text
            style = amount if cell.number and "." in cell.text else xlwt.Style.default_style
            if cell.colspan > 1 or cell.rowspan > 1:
                sheet.write_merge(top + r, top + r + cell.rowspan - 1, c, c + cell.colspan - 1, value, style)
            else:
                sheet.write(top + r, c, value, style)
    book.save(str(path))
    return path


def write_docx(path: Path, grids: list[Grid], before: list[str], after: list[str], department: str, year: int) -> Path:
    import docx

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    for g in grids:
        document.add_paragraph(g.number_line)
        document.add_paragraph(g.title)
        document.add_paragraph(f"{_dept_line(department, year)}    金额单位：万元")
        table = document.add_table(rows=len(g.rows), cols=_width(g.rows))
        for r, c, cell in _placed(g.rows):
            target = table.cell(r, c)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
    for text in after:
        document.add_paragraph(text)
    document.save(str(path))
    return path


# A PDF page is landscape A4; the font is one every PDF reader has (no file to embed), set small
# enough that the widest table fits the page.
_PAGE = (842.0, 595.0)
_MARGIN = 36.0
_FONT = "STSong-Light"
_PAD = 6.0


def _pdf_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    return pdfmetrics


def _column_widths(rows: list[list[C]], size: float) -> list[float]:
    """Each column as wide as its widest single cell, a spanning cell widening its last column."""
    metrics = _pdf_font()
    width = _width(rows)
    widths = [0.0] * width
    spans = []
    for _, c, cell in _placed(rows):
        need = metrics.stringWidth(cell.text, _FONT, size) + 2 * _PAD
        if cell.colspan == 1:
            widths[c] = max(widths[c], need)
        else:
            spans.append((c, cell.colspan, need))
    for c, span, need in spans:
        short = need - sum(widths[c : c + span])
        if short > 0:
            widths[c + span - 1] += short
    return widths


def _header_rows(rows: list[list[C]]) -> int:
    """The header ends with the 栏次 row (`栏次 1 2 3`, or `1 2 … 12`), else above the first figure."""
    for r, row in enumerate(rows):
        texts = [c.text for c in row if c.text and c.text != "栏次"]
        if texts and texts == [str(n) for n in range(1, len(texts) + 1)] and not any(c.number for c in row):
            return r + 1
    return next(r for r, row in enumerate(rows) if any(c.number for c in row))


def write_pdf(path: Path, grids: list[Grid], before: list[str], after: list[str], department: str, year: int,
              ruled: bool = True, blank_zeros: bool = False, header_rows: dict[str, int] | None = None) -> Path:
    """The tables as a word processor prints them: one table per page (continued on the next with
    its header repeated), text cells left-aligned, amounts right-aligned, header cells centred
    over the columns they span. `ruled=False` draws no rules at all, so only the words' x
    positions say which column a figure is in; `blank_zeros` leaves each 0.00 cell empty."""
    from reportlab.pdfgen import canvas

    _pdf_font()
    pdf = canvas.Canvas(str(path), pagesize=_PAGE)
    width, height = _PAGE

    def paragraph_pages(texts: list[str]) -> None:
        y = height - _MARGIN
        pdf.setFont(_FONT, 10)
        for text in texts:
            if y < _MARGIN:
                pdf.showPage()
                pdf.setFont(_FONT, 10)
                y = height - _MARGIN
            pdf.drawString(_MARGIN, y, text[:80])
            y -= 14
        pdf.showPage()

    if before:
        paragraph_pages(before)
    for g in grids:
        size = 8.0
        widths = _column_widths(g.rows, size)
        while sum(widths) > width - 2 * _MARGIN and size > 4:
            size -= 0.5
            widths = _column_widths(g.rows, size)
        lefts = [_MARGIN + sum(widths[:c]) for c in range(len(widths))]
        row_h = size * 1.8
        n_header = (header_rows or {}).get(g.key) or _header_rows(g.rows)
        placed = list(_placed(g.rows))
        header = [p for p in placed if p[0] < n_header]
        body_rows = sorted({r for r, _, _ in placed if r >= n_header})

        def draw(r_top: int, r: int, c: int, cell: C, y0: float) -> None:
            x0, x1 = lefts[c], lefts[c] + sum(widths[c : c + cell.colspan])
            y_top = y0 - (r - r_top) * row_h
            y_bottom = y_top - cell.rowspan * row_h
            text = "" if blank_zeros and cell.number and cell.text in ("0.00", "0") else cell.text
            if ruled:
                pdf.rect(x0, y_bottom, x1 - x0, y_top - y_bottom)
            if not text:
                return
            baseline = (y_top + y_bottom) / 2 - size / 3
            if cell.number:
                pdf.drawRightString(x1 - _PAD, baseline, text)
            elif r < n_header:
                pdf.drawCentredString((x0 + x1) / 2, baseline, text)
            else:
                pdf.drawString(x0 + _PAD, baseline, text)

        def page_top(first: bool) -> float:
            pdf.setFont(_FONT, 10)
            y = height - _MARGIN
            if first:
                pdf.drawRightString(width - _MARGIN, y, g.number_line)
                pdf.drawCentredString(width / 2, y - 18, g.title)
                pdf.drawString(_MARGIN, y - 36, _dept_line(department, year))
                pdf.drawRightString(width - _MARGIN, y - 36, "金额单位：万元")
                y -= 48
            pdf.setFont(_FONT, size)
            for r, c, cell in header:
                draw(0, r, c, cell, y)
            return y - n_header * row_h

        y = page_top(True)
        by_row: dict[int, list] = {}
        for r, c, cell in placed:
            if r >= n_header:
                by_row.setdefault(r, []).append((c, cell))
        for r in body_rows:
            if y - row_h < _MARGIN:
                pdf.showPage()
                y = page_top(False)
            for c, cell in by_row[r]:
                draw(r, r, c, cell, y)
            y -= row_h
        pdf.setFont(_FONT, 9)
        pdf.drawString(_MARGIN, y - 14, "注：本表反映部门本年度的决算情况。")
        pdf.showPage()
    if after:
        paragraph_pages(after)
    pdf.save()
    return path


def write_copied_text(path: Path, grids: list[Grid], before: list[str], department: str, year: int, style: str) -> Path:
    """The tables as a web page's text reaches users when copied or converted: `pipe` rows
    (`a|b||c`), `markdown` rows (`| a | b | | c |` with a `|---|` rule under the header's first
    line), or `cells`, one cell per line with the empty cells left out."""
    out = list(before)
    for g in grids:
        out += [g.number_line, g.title, f"{_dept_line(department, year)} 金额单位：万元"]
        width = _width(g.rows)
        table: dict[int, list[str]] = {}
        for r, c, cell in _placed(g.rows):
            table.setdefault(r, [""] * width)[c] = cell.text
        for r in sorted(table):
            cells = table[r]
            if style == "cells":
                out += [c for c in cells if c]
            elif style == "pipe":
                out.append("|".join(cells))
            else:
                out.append("| " + " | ".join(cells) + " |")
                if r == 0:
                    out.append("|" + "---|" * width)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path
