"""A PDF page's ruled tables and their cells' text: pdfplumber's table finder and `Table.extract`,
with the same results, indexed where pdfplumber searches.

pdfplumber looks for each grid point's cell by comparing edge sets it builds again for every pair
of points, and fills each row of a table by testing every character of the page. After PDFium
made the characters cheap, those two searches were half of reading a ruled page. Here each point's
edge sets are built once and a row's characters are found by bisection; the cells, the tables and
each cell's text are pdfplumber's (tests/loaders/pdf/test_pdf_grid.py compares them on every page
of every PDF in the repository). pdfplumber is pinned (pyproject), because this follows its code.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from operator import itemgetter

from pdfplumber import utils
from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections


def find_tables(page) -> list[Table]:
    """`page.find_tables()` with default settings."""
    finder = TableFinder.__new__(TableFinder)  # its __init__ runs the slow cell search
    finder.page, finder.settings = page, TableSettings.resolve(None)
    edges = finder.get_edges()
    intersections = edges_to_intersections(edges, finder.settings.intersection_x_tolerance,
                                           finder.settings.intersection_y_tolerance)
    return [Table(page, group) for group in cells_to_tables(_cells(intersections))]


def _cells(intersections: dict) -> list[tuple]:
    """pdfplumber's `intersections_to_cells`: for each grid point in (x, top) order, the smallest
    cell whose four corners it and three later points make, joined along shared edges."""
    vertical = {p: set(map(utils.obj_to_bbox, e["v"])) for p, e in intersections.items()}
    horizontal = {p: set(map(utils.obj_to_bbox, e["h"])) for p, e in intersections.items()}

    def connects(p1, p2) -> bool:
        return ((p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]))
                or (p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])))

    points = sorted(intersections)
    same_x: dict[float, list[int]] = defaultdict(list)
    same_top: dict[float, list[int]] = defaultdict(list)
    for i, (x, top) in enumerate(points):
        same_x[x].append(i)
        same_top[top].append(i)
    cells = []
    for i, pt in enumerate(points):
        below = [points[k] for k in same_x[pt[0]] if k > i]
        right = [points[k] for k in same_top[pt[1]] if k > i]
        cell = _smallest_cell(pt, below, right, intersections, connects)
        if cell:
            cells.append(cell)
    return cells


def _smallest_cell(pt, below, right, intersections, connects):
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


class PageChars:
    """A page's characters ordered by the height of their middles, for finding a row's."""

    def __init__(self, chars: list[dict]):
        mids = sorted(((c["top"] + c["bottom"]) / 2, k) for k, c in enumerate(chars))
        self._mids = [m for m, _ in mids]
        self._order = [k for _, k in mids]
        self._chars = chars

    def within(self, top: float, bottom: float) -> list[dict]:
        """The characters whose middle is in [top, bottom), in the page's order."""
        start, end = bisect_left(self._mids, top), bisect_left(self._mids, bottom)
        return [self._chars[k] for k in sorted(self._order[start:end])]


def cell_texts(table: Table, chars: PageChars) -> list[list[str | None]]:
    """`table.extract()`: each row's cells' text, None for a cell a merged cell covers."""
    out = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        row_chars = [c for c in chars.within(top, bottom) if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [c for c in row_chars
                      if cx0 <= (c["x0"] + c["x1"]) / 2 < cx1 and ctop <= (c["top"] + c["bottom"]) / 2 < cbottom]
            cells.append(chars_text(inside) if inside else "")
        out.append(cells)
    return out


# pdfplumber's defaults for a cell's text (`utils.extract_text`): a word breaks where the next
# character starts more than X right of the last one's end or sits more than Y above or below it;
# words whose tops are within Y are on one line.
_X_TOLERANCE, _Y_TOLERANCE = utils.text.DEFAULT_X_TOLERANCE, utils.text.DEFAULT_Y_TOLERANCE
_LIGATURES = utils.text.LIGATURES


def chars_text(chars: list[dict]) -> str:
    """A cell's text from its characters: `utils.extract_text(chars)` with pdfplumber's defaults
    (`formats.document.cell_text` then makes it one field). Nearly every cell prints one upright
    line (a code, a name, a figure): its text is then its characters left to right, words split
    at spaces and at gaps, which is what pdfplumber's word and line clustering comes to, without
    building them. Any other cell is pdfplumber's."""
    tops = [c["top"] for c in chars]
    # As pdfplumber compares (`x <= last + tolerance`): equal floats, equal clusters.
    if max(tops) > min(tops) + _Y_TOLERANCE or not all(c["upright"] for c in chars):
        return utils.extract_text(chars)
    words: list[list[dict]] = []
    word: list[dict] = []
    for char in sorted(chars, key=itemgetter("x0")):
        if char["text"].isspace():
            if word:
                words.append(word)
            word = []
        elif word and (char["x0"] < word[-1]["x0"] or char["x0"] > word[-1]["x1"] + _X_TOLERANCE
                       or abs(char["top"] - word[-1]["top"]) > _Y_TOLERANCE):
            words.append(word)
            word = [char]
        else:
            word.append(char)
    if word:
        words.append(word)
    return " ".join("".join(_LIGATURES.get(c["text"], c["text"] or "") for c in w) for w in words)

