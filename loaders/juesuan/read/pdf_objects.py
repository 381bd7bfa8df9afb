"""A PDF page's characters and path objects from PDFium (pypdfium2), in the form pdfplumber gives
them, so that pdfplumber's table finder and text lines run on them unchanged.

pdfplumber's own objects come from pdfminer, which interprets each content stream in Python:
~90% of reading a PDF (measured on samples/pdf: ~8 pages/s per core). PDFium does the same in C.
Each character keeps pdfminer's box (PDFium's "loose" box: the advance width by the font size),
each path is classed as pdfminer's `paint_path` classes it (a straight segment is a line, a closed
axis-aligned four-corner path a rect, anything else a curve, whose Bézier control points pdfminer
does not keep; one object per subpath), so the grid and the lines read from them are
pdfplumber's. `extract-text` gives the same text either way on every PDF in the repository
(tests/test_pdf_reports.py). A page this does not cover (rotated, a media box not at the origin,
form XObjects, whose objects carry their own matrix) is left to pdfminer.

Reading them takes a PDFium call per field of each character (five) and of each path segment
(four). Through ctypes (~1 µs a call, ~10 µs a character with its dict, ~28 µs a path) that was
most of reading a page once PDFium had loaded it, so the loops are in C (`_pdfium_native.c`, built
by pip where a C compiler is at hand: setup.py), ~2× the pages a second. Where it was not built
the same loops run in Python (`_python_chars`, `_python_paths`): the same calls and arithmetic, and
tests compare the two on every page. What PDFium keeps per text object (its matrix and font size:
a page without form XObjects gives every character of an object the object's) is read again only
where the object changes.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

_PATH, _FORM = 2, 5
_MOVETO, _LINETO, _BEZIERTO = 2, 0, 1


def page_objects(doc, index: int, height: float, doctop: float) -> dict[str, list[dict]] | None:
    """pdfplumber's `page.objects` for page `index` of a pypdfium2 document; None where the page
    is one this module leaves to pdfminer."""
    import pypdfium2.raw as pdfium_c

    page = doc[index]
    try:
        box = page.get_mediabox()
        if page.get_rotation() or box[0] or box[1]:
            return None
        reader = _reader(pdfium_c, native_reader_available())
        # The raw calls, not pypdfium2's object wrappers: a page of a ruled table has hundreds
        # of path objects, and a wrapper each cost more than reading them.
        paths = reader.paths(_address(page.raw), height)
        if paths is None:
            return None
        number = index + 1
        chars = _chars(page, reader, height, doctop, number)
        lines, rects, curves = [], [], []
        by_kind = {"line": lines, "rect": rects, "curve": curves}
        for kind, x0, x1, y0, y1, pts in paths:
            by_kind[kind].append({
                "x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": height - y1, "bottom": height - y0,
                "doctop": doctop + height - y1, "width": x1 - x0, "height": y1 - y0,
                "pts": pts, "object_type": kind, "page_number": number,
            })
        return {"char": chars, "line": lines, "rect": rects, "curve": curves}
    finally:
        page.close()


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value


def _chars(page, reader: _Reader, height: float, doctop: float, number: int) -> list[dict]:
    textpage = page.get_textpage()
    try:
        return reader.chars(_address(textpage.raw), height, doctop, number)
    finally:
        textpage.close()


@dataclass(frozen=True)
class _ByAddress:
    """PDFium functions typed with plain addresses (ints) for handles: a text object or font comes
    back as a dict key, where pypdfium2's typed pointer needs a cast (as costly as the call) first."""
    count_chars: object
    char_matrix: object
    font_size: object
    text_object: object
    font: object
    descent: object
    is_generated: object
    unicode: object
    loose_box: object
    origin: object
    count_objects: object
    get_object: object
    object_type: object
    object_matrix: object
    count_segments: object
    get_segment: object
    segment_point: object
    segment_type: object
    segment_close: object


def _typed(c, name: str, restype, *argtypes):
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(getattr(c, name)))


def _by_address(c) -> _ByAddress:
    address, integer = ctypes.c_void_p, ctypes.c_int
    return _ByAddress(
        count_chars=_typed(c, "FPDFText_CountChars", integer, address),
        char_matrix=_typed(c, "FPDFText_GetMatrix", integer, address, integer, address),
        font_size=_typed(c, "FPDFText_GetFontSize", ctypes.c_double, address, integer),
        text_object=_typed(c, "FPDFText_GetTextObject", address, address, integer),
        font=_typed(c, "FPDFTextObj_GetFont", address, address),
        descent=_typed(c, "FPDFFont_GetDescent", integer, address, ctypes.c_float, address),
        is_generated=_typed(c, "FPDFText_IsGenerated", integer, address, integer),
        unicode=_typed(c, "FPDFText_GetUnicode", ctypes.c_uint, address, integer),
        loose_box=_typed(c, "FPDFText_GetLooseCharBox", integer, address, integer, address),
        origin=_typed(c, "FPDFText_GetCharOrigin", integer, address, integer, address, address),
        count_objects=_typed(c, "FPDFPage_CountObjects", integer, address),
        get_object=_typed(c, "FPDFPage_GetObject", address, address, integer),
        object_type=_typed(c, "FPDFPageObj_GetType", integer, address),
        object_matrix=_typed(c, "FPDFPageObj_GetMatrix", integer, address, address),
        count_segments=_typed(c, "FPDFPath_CountSegments", integer, address),
        get_segment=_typed(c, "FPDFPath_GetPathSegment", address, address, integer),
        segment_point=_typed(c, "FPDFPathSegment_GetPoint", integer, address, address, address),
        segment_type=_typed(c, "FPDFPathSegment_GetType", integer, address),
        segment_close=_typed(c, "FPDFPathSegment_GetClose", integer, address),
    )


@dataclass(frozen=True)
class _Reader:
    """A page's characters (`chars(textpage, height, doctop, page number)`: pdfplumber's dicts) and
    its path objects' subpaths classed (`paths(page, height)`: tuples, None where the page has a
    form XObject): from the compiled loops of `_pdfium_native` where it was built, else from the
    same loops in Python."""
    chars: Callable[[int, float, float, int], list[dict]]
    paths: Callable[[int, float], list | None]
    native: bool


def native_reader_available() -> bool:
    """Whether the compiled loops are used: built by pip where a C compiler is at hand, and not
    turned off (JUESUAN_PDF_NATIVE=0, to compare). A PDF reads to the same objects either way."""
    return os.environ.get("JUESUAN_PDF_NATIVE", "1") != "0" and _native() is not None


@lru_cache(maxsize=1)
def _native():
    # Once: where it was not built, a failed import on every page is a search of the import path.
    try:
        from juesuan.read import _pdfium_native
    except ImportError:
        return None
    return _pdfium_native


@lru_cache(maxsize=2)
def _reader(c, native: bool) -> _Reader:
    f = _by_address(c)
    module = _native() if native else None
    if native and module is None:
        raise RuntimeError("juesuan.read._pdfium_native was not built: reinstall juesuan where a C compiler is at hand")
    if module is None:
        return _Reader(partial(_python_chars, f), partial(_python_paths, f), native=False)
    chars_args = tuple(_address(fn) for fn in (f.count_chars, f.is_generated, f.unicode, f.text_object, f.loose_box, f.origin,
                                                f.char_matrix, f.font_size, f.font, f.descent))
    paths_args = tuple(_address(fn) for fn in (f.count_objects, f.get_object, f.object_type, f.object_matrix, f.count_segments,
                                                f.get_segment, f.segment_point, f.segment_type, f.segment_close))
    return _Reader(partial(module.chars, *chars_args), partial(module.paths, *paths_args), native=True)


def _python_chars(f: _ByAddress, textpage: int, height: float, doctop: float, number: int) -> list[dict]:
    """`_pdfium_native.chars` in Python: pdfplumber's char dicts of a text page."""
    rect, text_matrix = (ctypes.c_float * 4)(), (ctypes.c_float * 6)()  # FS_RECTF (left, top, right, bottom), FS_MATRIX
    ox, oy, value = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
    # Output arguments by address too: a typed pointer argument is checked on every call.
    rect_at, matrix_at = ctypes.addressof(rect), ctypes.addressof(text_matrix)
    ox_at, oy_at, value_at = ctypes.addressof(ox), ctypes.addressof(oy), ctypes.addressof(value)
    get_box, get_origin, get_unicode = f.loose_box, f.origin, f.unicode
    is_generated, text_object = f.is_generated, f.text_object
    descents: dict[tuple[int | None, float], float] = {}
    out = []
    # What a character takes from its text object (matrix, font size, descent) is the same for
    # every character of the object: read again only where the object changes.
    matrix, style_object = None, None
    for i in range(f.count_chars(textpage)):
        if is_generated(textpage, i):  # spaces and line breaks PDFium adds; pdfminer has none
            continue
        code = get_unicode(textpage, i)
        if code in (0, 0xFFFE, 0xFFFF):
            continue
        obj = text_object(textpage, i)
        get_box(textpage, i, rect_at)
        get_origin(textpage, i, ox_at, oy_at)
        if matrix is None or obj is None or obj != style_object:
            f.char_matrix(textpage, i, matrix_at)
            a, b, c, d, e, ff = text_matrix
            size = f.font_size(textpage, i)
            upright = 0 < a * d and b * c <= 0
            # The descent where the matrix is axis-aligned upright; elsewhere the loose box is kept whole.
            has_descent = upright and b == 0 and c == 0
            if has_descent:
                size *= d
                font = f.font(obj)
                if (font, size) not in descents:
                    f.descent(font, size, value_at)
                    descents[font, size] = value.value
                descent = descents[font, size]
            matrix, style_object = (a, b, c, d, e, ff), obj
        left, top, right, bottom = rect
        x0, x1, y0, y1 = left, right, bottom, top
        if has_descent:
            # pdfminer's box: from the baseline's descent (the font's Descent) up one font size,
            # both through the text matrix (`300 Tf` under a 0.05 matrix is 15 pt); PDFium's loose
            # box takes the font's own ascent, which moves a Latin figure off the line of the
            # Chinese text around it.
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


def _python_paths(f: _ByAddress, page: int, height: float) -> list | None:
    """`_pdfium_native.paths` in Python."""
    objects = [f.get_object(page, k) for k in range(f.count_objects(page))]
    types = [f.object_type(o) for o in objects]
    if _FORM in types:
        return None
    m = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
    x, y = ctypes.c_float(), ctypes.c_float()
    m_at, x_at, y_at = ctypes.addressof(m), ctypes.addressof(x), ctypes.addressof(y)
    out = []
    for obj, kind in zip(objects, types):
        if kind != _PATH:
            continue
        f.object_matrix(obj, m_at)
        a, b, cc, d, e, ff = m
        subpaths: list[list[tuple[str, float, float]]] = []
        curve_run = 0
        for k in range(f.count_segments(obj)):
            segment = f.get_segment(obj, k)
            kind = f.segment_type(segment)
            if k == 0 and kind != _MOVETO:
                break  # pdfminer draws nothing of a path that does not start with a move
            # PDFium gives a Bézier curve (`c`, `v`, `y`) as three segments, its two control points
            # and its end; pdfminer keeps the end alone.
            curve_run = curve_run + 1 if kind == _BEZIERTO else 0
            if curve_run % 3:
                continue
            f.segment_point(segment, x_at, y_at)
            px, py = a * x.value + cc * y.value + e, b * x.value + d * y.value + ff
            op = "m" if kind == _MOVETO else "l" if kind == _LINETO else "c"
            if op == "m":
                subpaths.append([])
            subpaths[-1].append((op, px, py))
            if f.segment_close(segment):
                subpaths[-1].append(("h", subpaths[-1][0][1], subpaths[-1][0][2]))
        out.extend(item for item in (_classify(sub, height) for sub in subpaths) if item is not None)
    return out


def _classify(sub: list[tuple[str, float, float]], height: float) -> tuple | None:
    """A subpath as pdfminer's `paint_path` classes it: (kind, x0, x1, y0, y1, pts), kind a line
    (one straight segment), a rect (a closed axis-aligned four-corner path) or a curve, pts its
    points (a rect's from two opposite corners, as LTRect makes them) with y from the top of the
    page; None for a move alone, which draws nothing."""
    if len(sub) < 2:
        return None
    shape = "".join(op for op, _, _ in sub)
    pts = [(px, py) for op, px, py in sub]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"  # a line back to the start before the close adds nothing
        pts.pop()
    kind = "curve"
    if shape in ("ml", "mlh"):
        kind, pts = "line", pts[:2]
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            kind, pts = "rect", [(x0, y0), (x2, y0), (x2, y2), (x0, y2)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return kind, min(xs), max(xs), min(ys), max(ys), [(px, height - py) for px, py in pts]
