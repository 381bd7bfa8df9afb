"""`pdf_grid` finds pdfplumber's tables and gives pdfplumber's cell texts, on every page of every
PDF in the repository: its indexed searches change the time, never the grid."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from juesuan.pdf_grid import PageChars, cell_texts, find_tables

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
