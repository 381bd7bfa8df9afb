"""The PDFium path (pdf_objects) gives pdfplumber the objects pdfminer would, so a PDF's text
is the same whichever engine read it; pages it does not cover are left to pdfminer."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

from juesuan.pdf_objects import page_objects
from juesuan.pdf_text import pdf_to_text

PDF = Path(__file__).resolve().parents[3] / "samples" / "pdf"


@pytest.mark.parametrize("name", sorted(p.name for p in PDF.glob("*.pdf")))
def test_every_pdf_reads_to_the_same_text_with_either_engine(name):
    data = (PDF / name).read_bytes()
    assert pdf_to_text(data, name, engine="pdfium") == pdf_to_text(data, name, engine="pdfminer")


def test_the_characters_keep_pdfminers_boxes():
    """A 15 pt title set as `300 Tf` under a 0.05 text matrix, and Latin figures whose font's own
    ascent is far above its Descent: both boxed as pdfminer boxes them (a loose box or the
    unscaled size put the figures of a table on the wrong row)."""
    for name, index in (("putuo_shgzb_2024.pdf", 4), ("putuo_czj_2024.pdf", 0)):
        data = (PDF / name).read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = pdf.pages[index]
            ours = page_objects(pypdfium2.PdfDocument(data), index, float(page.height), float(page.initial_doctop))
            theirs = page.chars
            assert len(ours["char"]) == len(theirs)
            for a, b in zip(ours["char"], theirs):
                assert a["text"] == b["text"]
                # PDFium keeps coordinates as 32-bit floats: equal within 0.02 pt.
                assert all(abs(a[k] - float(b[k])) < 0.02 for k in ("x0", "x1", "top", "bottom", "size")), (a, b)


def test_a_rotated_page_is_left_to_pdfminer():
    source = pypdfium2.PdfDocument(PDF / "putuo_czj_2024.pdf")
    doc = pypdfium2.PdfDocument.new()
    doc.import_pages(source, [9, 15])
    doc[0].set_rotation(90)
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    rotated = pypdfium2.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        heights = [float(p.height) for p in pdf.pages]
    assert page_objects(rotated, 0, heights[0], 0.0) is None
    assert page_objects(rotated, 1, heights[1], heights[0]) is not None
    assert pdf_to_text(data, "rotated.pdf", engine="pdfium") == pdf_to_text(data, "rotated.pdf", engine="pdfminer")
