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

The time left is Python's: ~10 µs a character (five ctypes calls of ~1 µs, the dict) and ~28 µs
a path. So what PDFium keeps per text object (its matrix and font size: a page without form
XObjects gives every character of an object the object's) is read once per object.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from functools import lru_cache

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
        # The raw calls, not pypdfium2's object wrappers: a page of a ruled table has hundreds
        # of path objects, and a wrapper each cost more than reading them.
        raw = page.raw
        objects = [pdfium_c.FPDFPage_GetObject(raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(raw))]
        types = [pdfium_c.FPDFPageObj_GetType(o) for o in objects]
        if _FORM in types:
            return None
        number = index + 1
        chars = _chars(page, pdfium_c, height, doctop, number)
        lines, rects, curves = [], [], []
        by_kind = {"line": lines, "rect": rects, "curve": curves}
        for obj, kind in zip(objects, types):
            if kind == _PATH:
                for shape, item in _paths(obj, pdfium_c, height, doctop, number):
                    by_kind[shape].append(item)
        return {"char": chars, "line": lines, "rect": rects, "curve": curves}
    finally:
        page.close()


def _chars(page, c, height: float, doctop: float, number: int) -> list[dict]:
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        by_address = _by_address(c)
        handle = ctypes.cast(raw, ctypes.c_void_p).value
        out = []
        rect = c.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        # Output arguments by address too: a typed pointer argument is checked on every call.
        rect_at, ox_at, oy_at = ctypes.addressof(rect), ctypes.addressof(ox), ctypes.addressof(oy)
        # What a character takes from its text object (matrix, font size, descent) is the same
        # for every character of the object: read once per object, not once per character.
        styles: dict[int | None, tuple] = {}
        descents: dict[tuple[int | None, float], float] = {}
        get_box, get_origin, get_unicode = by_address.loose_box, by_address.origin, by_address.unicode
        is_generated, text_object = by_address.is_generated, by_address.text_object
        for i in range(c.FPDFText_CountChars(raw)):
            if is_generated(handle, i):  # spaces and line breaks PDFium adds; pdfminer has none
                continue
            code = get_unicode(handle, i)
            if code in (0, 0xFFFE, 0xFFFF):
                continue
            obj = text_object(handle, i)
            style = styles.get(obj) if obj else None
            if style is None:
                style = _style(c, by_address, raw, i, obj, descents)
                if obj:
                    styles[obj] = style
            matrix, upright, size, descent = style
            get_box(handle, i, rect_at)
            x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
            if descent is not None:
                # pdfminer's box: from the baseline's descent (the font's Descent) up one font
                # size, both through the text matrix (`300 Tf` under a 0.05 matrix is 15 pt);
                # PDFium's loose box takes the font's own ascent, which moves a Latin figure off
                # the line of the Chinese text around it.
                get_origin(handle, i, ox_at, oy_at)
                y0 = oy.value + descent
                y1 = y0 + size
            out.append({
                "text": chr(code), "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                "top": height - y1, "bottom": height - y0, "doctop": doctop + height - y1,
                "width": x1 - x0, "height": y1 - y0, "size": size,
                "upright": upright, "object_type": "char", "page_number": number,
                "matrix": matrix,
            })
        return out
    finally:
        textpage.close()


@dataclass(frozen=True)
class _ByAddress:
    """PDFium functions typed with plain addresses (ints) for handles: a text object or font comes
    back as a dict key, where pypdfium2's typed pointer needs a cast (as costly as the call) first."""
    text_object: object
    font: object
    descent: object
    is_generated: object
    unicode: object
    loose_box: object
    origin: object


@lru_cache(maxsize=1)
def _by_address(c) -> _ByAddress:
    def typed(name: str, restype, *argtypes):
        return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(getattr(c, name), ctypes.c_void_p).value)

    address = ctypes.c_void_p
    return _ByAddress(
        text_object=typed("FPDFText_GetTextObject", address, address, ctypes.c_int),
        font=typed("FPDFTextObj_GetFont", address, address),
        descent=typed("FPDFFont_GetDescent", ctypes.c_int, address, ctypes.c_float, ctypes.POINTER(ctypes.c_float)),
        is_generated=typed("FPDFText_IsGenerated", ctypes.c_int, address, ctypes.c_int),
        unicode=typed("FPDFText_GetUnicode", ctypes.c_uint, address, ctypes.c_int),
        loose_box=typed("FPDFText_GetLooseCharBox", ctypes.c_int, address, ctypes.c_int, address),
        origin=typed("FPDFText_GetCharOrigin", ctypes.c_int, address, ctypes.c_int, address, address),
    )


def _style(c, by_address: _ByAddress, raw, i: int, obj: int | None, descents: dict) -> tuple:
    """(matrix, upright, size, descent) of character i's text object; descent None where the
    matrix is not axis-aligned upright (the loose box is kept whole)."""
    matrix = c.FS_MATRIX()
    c.FPDFText_GetMatrix(raw, i, matrix)
    a, b, cc, d = matrix.a, matrix.b, matrix.c, matrix.d
    upright = 0 < a * d and b * cc <= 0
    size = c.FPDFText_GetFontSize(raw, i)
    descent = None
    if upright and b == 0 and cc == 0:
        size *= d
        font = by_address.font(obj)
        if (font, size) not in descents:
            value = ctypes.c_float()
            by_address.descent(font, size, ctypes.byref(value))
            descents[font, size] = value.value
        descent = descents[font, size]
    return (a, b, cc, d, matrix.e, matrix.f), upright, size, descent


def _paths(obj, c, height: float, doctop: float, number: int):
    """(kind, pdfplumber object) of each subpath of a path object, in page coordinates."""
    m = c.FS_MATRIX()
    c.FPDFPageObj_GetMatrix(obj, m)
    a, b, cc, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    x, y = ctypes.c_float(), ctypes.c_float()
    get_segment, get_point, get_type, get_close = (c.FPDFPath_GetPathSegment, c.FPDFPathSegment_GetPoint,
                                                   c.FPDFPathSegment_GetType, c.FPDFPathSegment_GetClose)
    subpaths: list[list[tuple[str, float, float]]] = []
    for k in range(c.FPDFPath_CountSegments(obj)):
        segment = get_segment(obj, k)
        get_point(segment, x, y)
        px, py = a * x.value + cc * y.value + e, b * x.value + d * y.value + f
        kind = get_type(segment)
        op = "m" if kind == _MOVETO else "l" if kind == _LINETO else "c"
        if op == "m" or not subpaths:
            subpaths.append([])
        subpaths[-1].append((op, px, py))
        if get_close(segment):
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
