"""Tables a PDF prints without rules, read by the x positions of their words.

A word processor's or spreadsheet's table exported without borders leaves no ruling for the grid
finder of `pdf_text`, and its plain text loses the empty cells: `2040220 执法办案 26.44` does not
say whether 26.44 is the 基本支出 or the 项目支出. The page still says it: each figure sits under
its column. Here the columns are taken from where the words are printed, and each row is written
as a grid row (cells joined by TAB), so the grid readers place every figure by its column and
nothing by the order of the text.

A table is found by the form's structure, not by a file's quirks: the body is the run of lines
that print figures below a unit line (`金额单位：万元`), or from the top of a continued page; its
header is the figure-less lines just above the body. Columns are the groups of overlapping words
of the figure lines; a word that alone joins two such groups is a merged cell (`合计` over the
code and name columns) and is put in the first column it covers, as a ruled grid writes a merged
cell. Header words take the column under them; a header word over no column is a column of its own
(every figure of it left blank). Where the columns do not separate one row's figures (two figures
of a line in one column), the table is left as text lines and its rows are placed, or reported, by
the plain-text readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from juesuan.read.formats.document import GRID_SEPARATOR, cell_text

_UNIT_LINE = re.compile(r"单位\s*[:：]\s*(?:人民币)?\s*(?:万元|元|千元|亿元)")
_FIGURE = re.compile(r"^[-−]?\d[\d,]*\.\d+%?$")
_COUNT = re.compile(r"^\d+$")
_NUMBERING_LABELS = ("栏次", "行次")
# A national header is at most four lines (parent, child, wrapped labels, 栏次); more figure-less
# lines above a body are text (a title, a department line), not header.
_MAX_HEADER_LINES = 5
# Extents that meet within this much only touch (glyph boxes are rounded): no overlap.
_GAP = 1.0


@dataclass
class Word:
    x0: float
    x1: float
    top: float
    text: str


@dataclass
class Line:
    top: float
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def figures(self) -> list[Word]:
        return [w for w in self.words if _FIGURE.match(w.text)]

    def is_row(self) -> bool:
        """A body line: it prints an amount, or a count beside a label (公开10表's `车辆数合计（辆） 7 93`);
        a row whose only figures are its two 行次 (`30 61`) is one; a page number alone is not."""
        if self.is_numbering():
            return False
        counts = sum(1 for w in self.words if _COUNT.match(w.text))
        return bool(self.figures()) or counts >= 2 or 0 < counts < len(self.words)

    def is_numbering(self) -> bool:
        """`栏次 1 2 3 …`: the national form's column-number row, part of the header."""
        numbers = [w.text for w in self.words if w.text not in _NUMBERING_LABELS]
        return bool(numbers) and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def lines_of(words: list[dict], tolerance: float) -> list[Line]:
    """pdfplumber words grouped into printed lines, top to bottom, words left to right."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        word = Word(w["x0"], w["x1"], w["top"], w["text"])
        if lines and word.top - lines[-1].top <= tolerance:
            lines[-1].words.append(word)
        else:
            lines.append(Line(word.top, [word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


@dataclass
class Column:
    x0: float
    x1: float

    def overlaps(self, w: Word) -> bool:
        return w.x0 < self.x1 - _GAP and w.x1 > self.x0 + _GAP


def _spans_two(word: Word, others: list[Word]) -> bool:
    """True when `word` alone covers a stretch between two stretches other words also cover: a
    merged cell over two columns. Wide names overhanging into empty space do not count."""
    inside = sorted((max(o.x0, word.x0), min(o.x1, word.x1)) for o in others
                    if o is not word and o.x0 < word.x1 - _GAP and o.x1 > word.x0 + _GAP)
    if not inside:
        return False
    reach = inside[0][1]
    for x0, x1 in inside[1:]:
        if x0 > reach + _GAP:
            return True  # a stretch only `word` covers, with others' words on both sides
        reach = max(reach, x1)
    return False


def _columns(words: list[Word]) -> list[Column]:
    """Columns of a table body: its words' extents joined where they overlap, leaving out the
    words that span two columns (they are placed afterwards, as merged cells)."""
    spanning = [w for w in words if _spans_two(w, words)]
    kept = sorted((w for w in words if not any(w is s for s in spanning)), key=lambda w: w.x0)
    columns: list[Column] = []
    for w in kept:
        if columns and w.x0 < columns[-1].x1 - _GAP:
            columns[-1].x1 = max(columns[-1].x1, w.x1)
        else:
            columns.append(Column(w.x0, w.x1))
    return columns


def _centred_run(columns: list[Column], word: Word, under: list[Column]) -> list[Column]:
    """The run of columns, covering those under `word`, whose middle is nearest the word's."""
    lo, hi = columns.index(under[0]), columns.index(under[-1])
    centre = (word.x0 + word.x1) / 2
    runs = [(abs((columns[i].x0 + columns[j].x1) / 2 - centre), j - i, i, j)
            for i in range(lo + 1) for j in range(hi, len(columns))]
    _, _, i, j = min(runs)
    return columns[i : j + 1]


def _parent_run(columns: list[Column], word: Word, below: set[int]) -> list[Column] | None:
    """Two or more adjacent columns, all labelled on lower header lines, that `word` sits inside
    and is centred on (within half its width); None when no run is."""
    centre, half = (word.x0 + word.x1) / 2, (word.x1 - word.x0) / 2
    best = None
    for i in range(len(columns)):
        for j in range(i + 1, len(columns)):
            run = columns[i : j + 1]
            if any(id(col) not in below for col in run):
                break
            if run[0].x0 > word.x0 or run[-1].x1 < word.x1:
                continue
            off = abs((run[0].x0 + run[-1].x1) / 2 - centre)
            if off <= half and (best is None or off < best[0]):
                best = (off, run)
    return best[1] if best else None


def _column_of(word: Word, columns: list[Column]) -> int | None:
    return next((c for c, col in enumerate(columns) if col.overlaps(word)), None)


def read_unruled(lines: list[Line]) -> list[tuple[float, float, str]] | None:
    """(top, x0, text) of every given line, the lines of a table written as grid rows; None when
    the lines hold no table that their positions can place."""
    units = [i + 1 for i, ln in enumerate(lines) if _UNIT_LINE.search(ln.text)]
    starts = [0, *units] if not units or units[0] > 1 else units
    out: list[tuple[float, float, str]] = []
    consumed: set[int] = set()
    bounds = [*starts, len(lines)]
    for start, end in zip(bounds, bounds[1:]):
        body = [i for i in range(start, end) if lines[i].is_row()]
        if not any(lines[i].figures() for i in body):
            continue
        first, last = body[0], body[-1]
        header = [i for i in range(max(start, first - _MAX_HEADER_LINES), first) if not lines[i].figures() or lines[i].is_numbering()]
        # Above a body with no unit line (a table continued from the page before) the header must
        # be there: figures in lines of prose are no table.
        rows = _grid(lines, header, first, last, need_header=start not in units)
        if rows is None:
            continue
        out.extend(rows)
        consumed.update(header)
        consumed.update(range(first, last + 1))
    if not out:
        return None
    out.extend((ln.top, ln.words[0].x0, ln.text) for i, ln in enumerate(lines) if i not in consumed)
    return out


def _grid(lines: list[Line], header: list[int], first: int, last: int,
          need_header: bool) -> list[tuple[float, float, str]] | None:
    figure_lines = [lines[i] for i in range(first, last + 1) if lines[i].is_row()]
    words = [w for ln in figure_lines for w in ln.words]
    columns = _columns(words)
    if len(columns) < 2:
        return None
    for ln in figure_lines:
        at = [_column_of(w, columns) for w in ln.figures()]
        if len(set(at)) < len(at):
            return None  # two figures of one row under one column: positions do not separate them
    # Header words, from the line above the body up. A word over a column no lower line labels is
    # that column's label (it widens the column, so that a label wrapped onto the line above finds
    # it); a word over no column labels a column of its own, whose figures were all left blank; a
    # word over labelled columns only is a parent label (本年支出 over 小计/基本支出/项目支出), and
    # spans the run of columns it is centred on, given to the first of them as a merged cell is.
    placed: dict[int, Column] = {}
    labelled: set[int] = set()
    for i in reversed(header):
        if lines[i].is_numbering():
            continue
        words = lines[i].words
        new: set[int] = set()
        gaps: list[int] = []
        for k, w in enumerate(words):
            under = [col for col in columns if col.overlaps(w)]
            free = [col for col in under if id(col) not in labelled]
            if not under:
                gaps.append(k)
            elif free:
                col = free[0]
                if len(under) == 1:
                    col.x0, col.x1 = min(col.x0, w.x0), max(col.x1, w.x1)
                placed[id(w)] = col
                new.add(id(col))
            else:
                placed[id(w)] = _centred_run(columns, w, under)[0]
        # A label over no column's words: a label centred in a wide cell over short words (`项目`
        # over `总计`), a parent centred over its columns in blank space (`收入` over 项目/行次/金额),
        # or the label of a column whose figures were all left blank. It labels the one
        # unlabelled column between its neighbours on the line; else it is the parent of a run of
        # columns labelled on lower lines that it is centred on; else it labels a column of its
        # own (with two candidate columns, or one another such label also claims, it takes none:
        # their figures are reported, not given to either).
        claims = {}
        for k in gaps:
            # Bounded by the neighbours' columns, or by the neighbours themselves where they are
            # such labels too.
            lo = max(placed[id(words[k - 1])].x1, words[k - 1].x1) if k > 0 and id(words[k - 1]) in placed \
                else (words[k - 1].x1 if k > 0 else float("-inf"))
            hi = min(placed[id(words[k + 1])].x0, words[k + 1].x0) if k + 1 < len(words) and id(words[k + 1]) in placed \
                else (words[k + 1].x0 if k + 1 < len(words) else float("inf"))
            claims[k] = [col for col in columns if id(col) not in labelled | new and lo <= col.x0 and col.x1 <= hi]
        for k in gaps:
            w = words[k]
            mine = claims[k]
            shared = any(claims[j] == mine for j in gaps if j != k)
            if len(mine) == 1 and not shared:
                col = mine[0]
                col.x0, col.x1 = min(col.x0, w.x0), max(col.x1, w.x1)
            elif (run := _parent_run(columns, w, labelled - new)) is not None:
                placed[id(w)] = run[0]
                continue
            else:
                col = Column(w.x0, w.x1)
                columns.append(col)
                columns.sort(key=lambda col: col.x0)
            placed[id(w)] = col
            new.add(id(col))
        labelled |= new
    if need_header and len(labelled) < 2:
        return None
    index = {id(col): c for c, col in enumerate(columns)}

    rows = []
    for i in [*header, *range(first, last + 1)]:
        ln = lines[i]
        if ln.is_numbering():  # its numbers need no column: the grid readers pass it over
            rows.append((ln.top, ln.words[0].x0, ln.text))
            continue
        cells = [[] for _ in columns]
        for w in ln.words:
            if id(w) in placed:
                c = index[id(placed[id(w)])]
            else:
                c = _column_of(w, columns)
                if c is None:  # in a gap: the column whose left edge it passed
                    c = max((k for k, col in enumerate(columns) if col.x0 <= w.x0), default=0)
            cells[c].append(w.text)
        rows.append((ln.top, ln.words[0].x0, GRID_SEPARATOR.join(cell_text(" ".join(t)) for t in cells)))
    return rows
