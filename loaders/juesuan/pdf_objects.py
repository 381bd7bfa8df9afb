"""A PDF page's characters and path objects from PDFium (pypdfium2), in the form pdfplumber gives
them, so that pdfplumber's table finder and text lines run on them unchanged.

pdfplumber's own objects come from pdfminer, which interprets each content stream in Python:
~90% of reading a PDF (measured on samples/pdf: ~8 pages/s per core). PDFium does the same in C.
Each character keeps pdfminer's box (PDFium's "loose" box: the advance width by the font size),
each path is classed as pdfminer classes it (a straight segment is a line, a closed axis-aligned
four-corner path a rect, anything else a curve; one object per subpath), so the grid and the
lines read from them are pdfplumber's. `extract-text` gives the same text either way on every
PDF in the repository (tests/test_pdf_reports.py). A page this does not cover (rotated, a media
box not at the origin, form XObjects, whose objects carry their own matrix) is left to pdfminer.
"""

from __future__ import annotations

import ctypes

_PATH, _TEXT, _FORM = 2, 1, 5
_MOVETO, _LINETO = 2, 0


def page_objects(doc, index: int, height: float, doctop: float) -> dict[str, list[dict]] | None:
    """pdfplumber's `page.objects` for page `index` of a pypdfium2 document; None where the page
    is one this module leaves to pdfminer."""
    import pypdfium2.raw as pdfium_c

    page = doc[index]
    try:
        box = page.get_mediabox()
        if page.get_rotation() or box[0] or box[1]:
            return None
        objects = list(page.get_objects(max_depth=0))
        if any(o.type == _FORM for o in objects):
            return None
        number = index + 1
        chars = _chars(page, pdfium_c, height, doctop, number)
        lines, rects, curves = [], [], []
        for obj in objects:
            if obj.type == _PATH:
                for kind, item in _paths(obj, pdfium_c, height, doctop, number):
                    {"line": lines, "rect": rects, "curve": curves}[kind].append(item)
        return {"char": chars, "line": lines, "rect": rects, "curve": curves}
    finally:
        page.close()


def _chars(page, c, height: float, doctop: float, number: int) -> list[dict]:
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        out = []
        rect, matrix = c.FS_RECTF(), c.FS_MATRIX()
        ox, oy, descent = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
        descents: dict[tuple[int, float], float] = {}
        for i in range(c.FPDFText_CountChars(raw)):
            if c.FPDFText_IsGenerated(raw, i):  # spaces and line breaks PDFium adds; pdfminer has none
                continue
            code = c.FPDFText_GetUnicode(raw, i)
            if code in (0, 0xFFFE, 0xFFFF):
                continue
            size = c.FPDFText_GetFontSize(raw, i)
            c.FPDFText_GetLooseCharBox(raw, i, rect)
            c.FPDFText_GetMatrix(raw, i, matrix)
            a, b, cc, d = matrix.a, matrix.b, matrix.c, matrix.d
            upright = 0 < a * d and b * cc <= 0
            x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
            if upright and b == 0 and cc == 0:
                # pdfminer's box: from the baseline's descent (the font's Descent) up one font
                # size, both through the text matrix (`300 Tf` under a 0.05 matrix is 15 pt);
                # PDFium's loose box takes the font's own ascent, which moves a Latin figure off
                # the line of the Chinese text around it.
                size *= d
                font = c.FPDFTextObj_GetFont(c.FPDFText_GetTextObject(raw, i))
                key = (ctypes.cast(font, ctypes.c_void_p).value, size)
                if key not in descents:
                    c.FPDFFont_GetDescent(font, ctypes.c_float(size), descent)
                    descents[key] = descent.value
                c.FPDFText_GetCharOrigin(raw, i, ox, oy)
                y0 = oy.value + descents[key]
                y1 = y0 + size
            out.append({
                "text": chr(code), "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                "top": height - y1, "bottom": height - y0, "doctop": doctop + height - y1,
                "width": x1 - x0, "height": y1 - y0, "size": size,
                "upright": upright, "object_type": "char", "page_number": number,
                "matrix": (a, b, cc, d, matrix.e, matrix.f),
            })
        return out
    finally:
        textpage.close()


def _paths(obj, c, height: float, doctop: float, number: int):
    """(kind, pdfplumber object) of each subpath of a path object, in page coordinates."""
    m = c.FS_MATRIX()
    c.FPDFPageObj_GetMatrix(obj.raw, m)
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[str, float, float]]] = []
    for k in range(c.FPDFPath_CountSegments(obj.raw)):
        segment = c.FPDFPath_GetPathSegment(obj.raw, k)
        c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
        kind = c.FPDFPathSegment_GetType(segment)
        op = "m" if kind == _MOVETO else "l" if kind == _LINETO else "c"
        if op == "m" or not subpaths:
            subpaths.append([])
        subpaths[-1].append((op, px, py))
        if c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(("h", subpaths[-1][0][1], subpaths[-1][0][2]))
    for sub in subpaths:
        yield _classify(sub, height, doctop, number)


def _classify(sub: list[tuple[str, float, float]], height: float, doctop: float, number: int):
    shape = "".join(op for op, _, _ in sub)
    pts = [(px, py) for op, px, py in sub]
    if shape in ("ml", "mlh"):
        kind, pts = "line", pts[:2]
    elif shape in ("mllll", "mlllh", "mllllh") and len(pts) >= 5:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), (x4, y4) = pts[:5]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        kind = "rect" if (x4, y4) == (x0, y0) and square else "curve"
        pts = pts[:4] if kind == "rect" else pts
    else:
        kind = "curve"
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    return kind, {
        "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": height - y1, "bottom": height - y0,
        "doctop": doctop + height - y1, "width": x1 - x0, "height": y1 - y0,
        "pts": [(px, height - py) for px, py in pts], "object_type": kind, "page_number": number,
    }
