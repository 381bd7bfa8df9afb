"""PDF to page text: ruled tables as tab-separated grid rows, everything else as lines.

A PDF's plain text loses a table's empty cells and scatters one row's code, name and amount over
several lines (a name that wraps inside its cell sits above and below the code). Reading numbers
back from such text means guessing their columns. The standard tables are ruled, so each one is
read here as the grid its rules draw (pdfplumber's table finder, in `pdf_grid`), and written one grid row per
line with its cells joined by TAB: an empty cell is an empty field, so every number keeps its
column. A page without rules whose lines print a table (a borderless table a word processor
exported) is written the same way, its columns taken from where its words are printed
(`pdf_unruled`). Text outside the tables is written as lines in reading order. Pages are separated by
form feeds (`\\f`).

This text is what `juesuan extract-text` writes, and it is also how a PDF is loaded: a PDF and
its extracted text give the same rows by construction.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from pdfplumber import utils

from juesuan.errors import LoadError
from juesuan.read.formats.document import GRID_SEPARATOR, PAGE_SEPARATOR, cell_text
from juesuan.read.pdf_grid import PageChars, cell_texts, find_tables
from juesuan.read.pdf_unruled import lines_of, read_unruled

# Words of one printed line may sit at slightly different heights: a Latin-font number inside a
# Chinese sentence is set ~5 pt lower in some producers (ONLYOFFICE), which at pdfplumber's
# default tolerance (3 pt) puts every number of the narrative on a line of its own.
_LINE_TOLERANCE = 6
# Below this many characters in the whole file there is no text layer worth the name.
_MIN_CHARS = 200


@dataclass(frozen=True)
class _Item:
    top: float
    x0: float
    text: str


def _outside(chars: list[dict], boxes: list[tuple[float, float, float, float]]) -> list[dict]:
    """The characters whose middle is in none of the boxes: one loop, where a test function and a
    generator per character cost ~0.5 ms a page."""
    out = []
    for char in chars:
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        for x0, top, x1, bottom in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                break
        else:
            out.append(char)
    return out


def _without_overprint(chars: list[dict]) -> list[dict]:
    """The characters less those drawn again on top of themselves: a bold face faked by printing
    each glyph several times, a hair apart (西安市商务局's titles: `表表表表表表111111`), is one
    character. A first pass finds whether any character shares its text and rounded place with
    another (none does on most pages, and the pass costs little); only then is each compared with
    the ones kept near it, within a point."""
    seen = set()
    for c in chars:
        k = (c["text"], round(c["x0"]), round(c["top"]))
        if k in seen:
            break
        seen.add(k)
    else:
        return chars
    kept: dict[tuple, list[dict]] = {}
    out = []
    for c in chars:
        x, y = round(c["x0"]), round(c["top"])
        near = [k for dx in (-1, 0, 1) for dy in (-1, 0, 1) for k in kept.get((c["text"], x + dx, y + dy), ())]
        if any(abs(k["x0"] - c["x0"]) <= 1 and abs(k["top"] - c["top"]) <= 1 for k in near):
            continue
        kept.setdefault((c["text"], x, y), []).append(c)
        out.append(c)
    return out


def page_text(page) -> str:
    """One page: grid rows of its ruled tables and its other text lines, top to bottom."""
    chars = _without_overprint(page.chars)
    if len(chars) != len(page.chars):
        page._objects = {**page.objects, "char": chars}  # what every step below reads
    tables = [t for t in find_tables(page) if t.rows and len(t.rows[0].cells) >= 2]
    if not tables:
        unruled = read_unruled(lines_of(page.extract_words(), _LINE_TOLERANCE))
        if unruled is not None:
            return "\n".join(text for _, _, text in sorted(unruled, key=lambda it: (round(it[0], 1), it[1])))
    boxes = [t.bbox for t in tables]
    items: list[_Item] = []
    chars = PageChars(page.chars) if tables else None
    for table in tables:
        for row, cells in zip(table.rows, cell_texts(table, chars)):
            fields = [cell_text(c) for c in cells]
            if any(fields):  # an all-empty row is layout padding
                items.append(_Item(row.bbox[1], row.bbox[0], GRID_SEPARATOR.join(fields)))
    # `page.filter(...).extract_text_lines(...)` but for the characters alone: a filtered page
    # tests every rule and rectangle too, and a ruled page has hundreds.
    outside = _outside(page.chars, boxes) if boxes else page.chars
    textmap = utils.chars_to_textmap(outside, layout_bbox=page.bbox, layout_width=page.width,
                                     layout_height=page.height, y_tolerance=_LINE_TOLERANCE)
    for line in textmap.extract_text_lines(strip=True, return_chars=False):
        text = line["text"].strip()
        if text:
            items.append(_Item(line["top"], line["x0"], text))
    items.sort(key=lambda it: (round(it.top, 1), it.x0))
    return "\n".join(it.text for it in items)


# Where a page's characters and rules come from: PDFium (pdf_objects, ~10× faster) or pdfminer,
# pdfplumber's own. The grid and the lines are read from them by pdfplumber either way.
ENGINES = ("pdfium", "pdfminer")


def default_engine() -> str:
    return os.environ.get("JUESUAN_PDF_ENGINE", "pdfium")


def _pages_text(pdf, data: bytes, engine: str) -> tuple[list[str], int]:
    """Each page's text, and the characters read, a page at a time: a page's objects are dropped
    once its text is read (holding every page's characters until the end made Python's collector
    walk them all, again and again: ~10% of reading a PDF). With PDFium, a page this module's
    pdf_objects covers gets its objects from it; the others keep pdfminer's, read when first
    asked for."""
    import pypdfium2

    from juesuan.read.pdf_objects import page_objects

    doc = pypdfium2.PdfDocument(data) if engine == "pdfium" else None
    texts, chars = [], 0
    try:
        for index, page in enumerate(pdf.pages):
            if doc is not None:
                objects = page_objects(doc, index, float(page.height), float(page.initial_doctop))
                if objects is not None:
                    page._objects = objects  # pdfplumber's cache of page.objects: pdfminer never runs
            texts.append(page_text(page))
            chars += len(page.chars)
            page.close()
    finally:
        if doc is not None:
            doc.close()
    return texts, chars


def pdf_to_text(data: bytes, name: str, engine: str | None = None) -> str:
    """The page text of a PDF, pages separated by form feeds. Raises LoadError for a PDF that
    cannot be read (encrypted, damaged) or that has no text layer (a scan)."""
    engine = engine or default_engine()
    import pdfplumber  # imported here: text reports never pay for it
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages, chars = _pages_text(pdf, data, engine)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if "password" in type(cause).__name__.lower() or "encrypt" in type(cause).__name__.lower():
            raise LoadError(name, "the PDF is encrypted and needs a password to open",
                            hint="ask the publisher for an unprotected copy, or open and re-save it without protection") from exc
        raise LoadError(name, f"the PDF is damaged and cannot be read ({type(cause).__name__}: {cause})",
                        hint="download the file again; a partial download gives exactly this") from exc
    except Exception as exc:  # pdfminer raises plain errors (KeyError, TypeError…) on broken structures
        raise LoadError(name, f"the PDF is damaged and cannot be read ({type(exc).__name__}: {exc})",
                        hint="download the file again; a partial download gives exactly this") from exc
    if not pages:
        raise LoadError(name, "the PDF has no pages", hint="download the file again")
    if chars < _MIN_CHARS:
        raise LoadError(name, f"the PDF has no text layer ({chars} characters on {len(pages)} pages): it is a scan",
                        hint="run OCR on it first (e.g. ocrmypdf) and load the result; juesuan does not guess numbers from images")
    return PAGE_SEPARATOR.join(pages) + "\n"
