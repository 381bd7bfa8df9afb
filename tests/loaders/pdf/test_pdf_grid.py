"""`pdf_grid` finds pdfplumber's tables and gives pdfplumber's cell texts, on every page of every
PDF in the repository: its indexed searches change the time, never the grid."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from juesuan.read.pdf_grid import PageChars, cell_texts, find_tables

PDF = Path(__file__).resolve().parents[3] / "samples" / "pdf"


@pytest.mark.parametrize("name", sorted(p.name for p in PDF.glob("*.pdf")))
def test_tables_and_cells_are_pdfplumbers(name):
    merged = wrapped = 0
    with pdfplumber.open(io.BytesIO((PDF / name).read_bytes())) as pdf:
        for page in pdf.pages:
            theirs = page.find_tables()
            ours = find_tables(page)
            assert [t.cells for t in ours] == [t.cells for t in theirs], page.page_number
            chars = PageChars(page.chars)
            for a, b in zip(ours, theirs):
                texts = cell_texts(a, chars)
                assert texts == b.extract(), page.page_number
                merged += sum(c is None for row in texts for c in row)
                wrapped += sum("\n" in (c or "") for row in texts for c in row)
    # The comparison covers cells a merged cell hides and cells printed on several lines.
    assert merged and wrapped


def test_a_cells_text_is_pdfplumbers_for_any_placement_of_its_characters():
    """`chars_text` shortcuts pdfplumber's word and line clustering for a cell of one upright line:
    on thousands of made-up cells (lines a tolerance apart or just beyond, gaps either side of
    the word break, spaces, ligatures, rotated characters, characters out of order) it gives what
    `utils.extract_text` gives, and the cells it leaves to pdfplumber are among them."""
    import random

    from pdfplumber import utils

    from juesuan.read.pdf_grid import chars_text

    rng = random.Random(20)
    shortcut = 0
    for _ in range(5000):
        chars = []
        x = rng.uniform(0, 100)
        top = rng.uniform(0, 700)
        for _ in range(rng.randint(1, 8)):
            width = rng.choice([0.0, 4.5, 9.0])
            x += rng.choice([0.0, 0.5, 2.9999, 3.0, 3.0001, 6.0, -2.0]) + width
            char_top = top + rng.choice([0.0, 0.0, 0.0, 1.5, 3.0, 3.0000001, 2.9999999, 12.0, -3.0])
            chars.append({"text": rng.choice("0123456789.,支出合计 \u3000ﬁ"), "x0": x, "x1": x + width,
                          "top": char_top, "bottom": char_top + 9, "doctop": char_top + 842, "upright": rng.random() > 0.05,
                          "height": 9, "width": width, "size": 9})
        rng.shuffle(chars) if rng.random() < 0.2 else None
        assert chars_text(chars) == utils.extract_text(chars), chars
        tops = [c["top"] for c in chars]
        shortcut += max(tops) <= min(tops) + 3 and all(c["upright"] for c in chars)
    assert 1000 < shortcut < 4900
