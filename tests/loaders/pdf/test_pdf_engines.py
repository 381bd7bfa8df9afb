"""The PDFium path (pdf_objects) gives pdfplumber the objects pdfminer would, so a PDF's text
is the same whichever engine read it; pages it does not cover are left to pdfminer."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

from juesuan.read.pdf_objects import page_objects
from juesuan.read.pdf_text import pdf_to_text

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


def test_the_compiled_loops_are_built_where_a_compiler_is_at_hand():
    """pip builds `_pdfium_native` (setup.py) where a C compiler is on the PATH; it is optional, so a
    failed build would pass unnoticed but for this test (and PDFs would read at two thirds of the speed)."""
    import shutil
    import sysconfig

    from juesuan.read.pdf_objects import native_reader_available

    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}) here: juesuan reads PDFs with its Python loops")
    assert native_reader_available()


@pytest.mark.parametrize("name", sorted(p.name for p in PDF.glob("*.pdf")))
def test_the_compiled_and_python_loops_read_the_same_objects(name):
    """Every character and every subpath of every page, field for field and bit for bit: the C
    loops and the Python loops make the same calls and the same arithmetic."""
    doc = pypdfium2.PdfDocument((PDF / name).read_bytes())
    chars = paths = 0
    for index in range(len(doc)):
        page_chars, page_paths = _read_both_ways(doc, index)
        chars, paths = chars + len(page_chars), paths + len(page_paths)
    assert chars > 1000 and paths > 100


def _read_both_ways(doc, index: int) -> tuple[list[dict], list]:
    """Page `index`'s characters and classed subpaths, asserted equal from the C and the Python loops."""
    import pypdfium2.raw as pdfium_c

    from juesuan.read import pdf_objects

    native, python = pdf_objects._reader(pdfium_c, True), pdf_objects._reader(pdfium_c, False)
    page = doc[index]
    textpage = page.get_textpage()
    try:
        handle, text_handle = pdf_objects._address(page.raw), pdf_objects._address(textpage.raw)
        paths = python.paths(handle, 842.0)
        assert native.paths(handle, 842.0) == paths, index
        chars = python.chars(text_handle, 842.0, 1000.0, index + 1)
        assert native.chars(text_handle, 842.0, 1000.0, index + 1) == chars, index
        return chars, paths
    finally:
        textpage.close()
        page.close()


def _shapes_pdf(path: Path) -> bytes:
    """A page of what the three PDFs above do not print: curves, a closed triangle, a rectangle
    closed by its own four lines, a path of two subpaths, rotated and scaled text objects, Latin
    and Chinese fonts."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(60, 780, "一般公共预算财政拨款支出 1,234.56 万元")
    pdf.setFont("Helvetica", 9)
    pdf.drawString(60, 760, "2010101 office 0.00")
    pdf.saveState()
    pdf.translate(300, 700)
    pdf.scale(0.05, 0.05)
    pdf.setFont("STSong-Light", 300)
    pdf.drawString(0, 0, "标题 15 pt")
    pdf.restoreState()
    for angle in (30, 90):  # upright but not axis-aligned; not upright
        pdf.saveState()
        pdf.translate(100, 400 + angle)
        pdf.rotate(angle)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(0, 0, "rotated 12.5")
        pdf.restoreState()
    pdf.line(50, 650, 545, 650)
    pdf.rect(50, 600, 100, 20)
    pdf.roundRect(200, 600, 100, 20, 5)
    pdf.bezier(50, 550, 80, 580, 120, 520, 150, 550)
    triangle = pdf.beginPath()
    triangle.moveTo(300, 500)
    triangle.lineTo(350, 500)
    triangle.lineTo(325, 540)
    triangle.close()
    pdf.drawPath(triangle)
    box = pdf.beginPath()  # four lines back to the start, no close
    box.moveTo(400, 500)
    for x, y in ((450, 500), (450, 530), (400, 530), (400, 500)):
        box.lineTo(x, y)
    box.moveTo(400, 450)  # a second subpath in the same path object
    box.lineTo(500, 450)
    pdf.drawPath(box)
    pdf.showPage()
    pdf.save()
    return path.read_bytes()


def test_shapes_and_text_objects_the_pdfs_lack_read_the_same_either_way(tmp_path):
    pytest.importorskip("reportlab")
    data = _shapes_pdf(tmp_path / "shapes.pdf")
    chars, paths = _read_both_ways(pypdfium2.PdfDocument(data), 0)
    assert {kind for kind, *_ in paths} == {"line", "rect", "curve"}
    assert not all(c["upright"] for c in chars) and {round(c["size"]) for c in chars} >= {9, 12, 15}
    # And as pdfminer classes and places them (pdfplumber's own objects).
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        theirs = pdf.pages[0]
        ours = page_objects(pypdfium2.PdfDocument(data), 0, float(theirs.height), 0.0)
        for kind in ("line", "rect", "curve"):
            boxes = sorted((round(o["x0"], 1), round(o["top"], 1), round(o["x1"], 1), round(o["bottom"], 1)) for o in ours[kind])
            assert boxes == sorted((round(float(o["x0"]), 1), round(float(o["top"]), 1), round(float(o["x1"]), 1),
                                    round(float(o["bottom"]), 1)) for o in theirs.objects.get(kind, [])), kind
        assert [c["text"] for c in ours["char"]] == [c["text"] for c in theirs.chars]
