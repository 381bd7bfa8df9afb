"""Word documents (`.docx`, python-docx): paragraphs and tables in the order of the document.

A cell merged across columns (`gridSpan`) or down rows (`vMerge`) gives its text to its first
position only, as a PDF's ruling does. The old binary `.doc` is refused with a way to convert it.
"""

from __future__ import annotations

import io

from juesuan.errors import LoadError
from juesuan.read.formats.document import MAX_SPAN, Block, Paragraph, Table, check_grid


def read_docx(data: bytes, name: str) -> list[list[Block]]:
    import docx  # imported here: text and PDF reports never pay for it
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, KeyError (no main part), XML errors: a damaged file
        raise LoadError(name, f"the Word document is damaged and cannot be read ({type(exc).__name__}: {exc})",
                        hint="download the file again, or open it in Word/LibreOffice and save it again as .docx") from exc
    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs += 1
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            blocks.append(Paragraph(text, f"paragraph {paragraphs}"))
        elif child.tag == qn("w:tbl"):
            tables += 1
            blocks.append(_table(child, tables, qn))
    return [blocks]


def _tc_text(tc, qn) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def _table(tbl, number: int, qn) -> Table:
    cells: list[list[str]] = []
    places: list[list[str]] = []
    size = 0
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr"))):
        texts: list[str] = []
        trpr = tr.find(qn("w:trPr"))
        before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
        if before is not None:
            texts.extend([""] * _count(before.get(qn("w:val"), "0"), 0))
        for tc in tr.iterchildren(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span, continued = 1, False
            if tcpr is not None:
                grid_span = tcpr.find(qn("w:gridSpan"))
                if grid_span is not None:
                    span = _count(grid_span.get(qn("w:val"), "1"), 1)
                v_merge = tcpr.find(qn("w:vMerge"))
                # `<w:vMerge/>` without a value continues the cell above; `restart` begins one.
                continued = v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue"
            texts.append("" if continued else _tc_text(tc, qn))
            texts.extend([""] * (span - 1))
            check_grid(size + len(texts), f"table {number}")
        size += len(texts)
        cells.append(texts)
        places.append([f"table {number}, row {r + 1}, column {c + 1}" for c in range(len(texts))])
    return Table(cells, places)


def _count(value: str | None, least: int) -> int:
    """A span or skip count as Word writes it, within MAX_SPAN (a damaged value reads as `least`)."""
    try:
        return min(max(least, int(value or least)), MAX_SPAN)
    except ValueError:
        return least


def refuse_doc(name: str) -> LoadError:
    return LoadError(name, "the old binary Word format (.doc) is not read",
                     hint="convert it to .docx first, e.g. `soffice --headless --convert-to docx FILE.doc`, and load that")
