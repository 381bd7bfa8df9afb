"""A saved web page: its `<table>`s cell by cell (rowspan/colspan honoured), its other text as
paragraphs, in document order.

County sites lay pages out with tables too: a table that holds another table is layout, and its
cells are read as text around the inner tables, which are the grids.
"""

from __future__ import annotations

import re

from juesuan.errors import LoadError
from juesuan.read.formats.document import MAX_SPAN, Block, Paragraph, Table, check_grid

_SKIP = {"script", "style", "head", "title", "noscript", "template", "iframe", "object"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
          "header", "footer", "center", "blockquote", "pre", "dt", "dd", "caption", "hr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """The page as text: the charset its <meta> declares (gb2312 is common), else UTF-8, else GB18030."""
    declared = _CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii").lower()] if declared else []
    candidates += ["utf-8-sig", "gb18030"]
    for enc in candidates:
        if enc in ("gb2312", "gbk", "x-gbk"):
            enc = "gb18030"  # a superset: pages labelled gb2312 use GBK characters all the time
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()


def read_html(data: bytes, name: str) -> list[list[Block]]:
    import lxml.html  # imported here: text and PDF reports never pay for it

    text = decode_html(data)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception as exc:  # lxml raises ParserError on a page with no elements at all
        raise LoadError(name, f"the web page cannot be read ({type(exc).__name__}: {exc})",
                        hint="save the page again from the browser (Save as: web page, complete or HTML only)") from exc
    reader = _Reader()
    reader.walk(root)
    reader.flush()
    if not reader.tables:
        raise LoadError(name, "the web page holds no <table>: its tables may be images or drawn by a script",
                        hint="save the page after it has loaded, or load the PDF or workbook the page links to")
    return [reader.blocks]


class _Reader:
    def __init__(self):
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.tables = 0
        self.paragraphs = 0

    def flush(self) -> None:
        text = "".join(self.buffer).strip()
        self.buffer = []
        if text:
            self.paragraphs += 1
            self.blocks.append(Paragraph(text, f"text block {self.paragraphs}"))

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            self.buffer.append(el.tail or "")
            return
        if tag == "table" and not el.xpath(".//table"):
            self.flush()
            self.tables += 1
            self.blocks.append(_table(el, self.tables))
            self.buffer.append(el.tail or "")
            return
        if tag in _BLOCK or tag in ("td", "th"):
            self.flush()
        self.buffer.append(el.text or "")
        for child in el:
            self.walk(child)
        if tag in _BLOCK or tag in ("td", "th"):
            self.flush()
        self.buffer.append(el.tail or "")


def _cell_text(td) -> str:
    parts: list[str] = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "br":
            parts.append("\n")
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        if tag in ("p", "div"):
            parts.append("\n")

    walk(td)
    return "".join(parts)


def _span(td, attr: str, most: int) -> int:
    try:
        return max(1, min(int(str(td.get(attr, "1")).strip() or 1), most))
    except ValueError:
        return 1


def _table(table, number: int) -> Table:
    """Rows of the table with every span expanded: the text at the spanning cell's first row and
    column, the positions it covers empty."""
    grid: dict[tuple[int, int], str] = {}
    rows = [tr for tr in table.iter("tr") if tr.getparent() is not None and _owner(tr) is table]
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            # As a browser lays it out: colspan at most 1000, rowspan no further than the table's last row.
            rowspan, colspan = _span(td, "rowspan", len(rows) - r), _span(td, "colspan", MAX_SPAN)
            check_grid(len(grid) + rowspan * colspan, f"table {number}")
            text = _cell_text(td)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text if (dr, dc) == (0, 0) else ""
            c += colspan
    height = len(rows)
    width = max((c for _, c in grid), default=-1) + 1
    check_grid(height * width, f"table {number}")
    cells = [[grid.get((r, c), "") for c in range(width)] for r in range(height)]
    places = [[f"table {number}, row {r + 1}, column {c + 1}" for c in range(width)] for r in range(height)]
    return Table(cells, places)


def _owner(tr):
    el = tr.getparent()
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el
