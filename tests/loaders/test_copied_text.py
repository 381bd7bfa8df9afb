"""A web page's tables copied as text: the sample's ten tables as `|`-separated rows (plainly
joined, or Markdown with its border and rule line), and one cell per line with the empty cells
left out (what a browser's copy of some county pages gives). The `|` rows are grids: they load to
exactly the sample's rows and cells. One cell per line says no column: rows are read in printed
order and placed by the tables' identities; no figure may land in a wrong column."""

from __future__ import annotations

import pytest

from juesuan.parse.report import parse_file

from tests.conftest import SAMPLE
from tests.loaders.forms import writers
from tests.loaders.forms.printing import sample_grids, text_around_tables


@pytest.fixture(scope="module")
def copies(tmp_path_factory, sample):
    out = tmp_path_factory.mktemp("copied")
    grids = sample_grids(sample)
    before, _ = text_around_tables(SAMPLE)
    return {style: parse_file(writers.write_copied_text(out / f"{style}.txt", grids, before, sample.department_name,
                                                        sample.fiscal_year, style))
            for style in ("pipe", "markdown", "cells")}


def _cells(report, key):
    return {(c.row_key, c.column_key): c.value_text for c in report.tables[key].cells}


def _rows(report, key):
    return [(r.row_key, r.row_label) for r in report.tables[key].rows]


@pytest.mark.parametrize("style", ["pipe", "markdown"])
def test_pipe_separated_rows_are_grid_rows(copies, sample, style):
    report = copies[style]
    for key in sample.tables:
        assert (_rows(report, key), _cells(report, key)) == (_rows(sample, key), _cells(sample, key)), key
        assert [i.message for i in report.tables[key].issues if i.severity == "error"] == [], key


def test_one_cell_per_line_places_what_the_identities_force_and_nothing_wrong(copies, sample):
    report = copies["cells"]
    for key in sample.tables:
        want, got = _cells(sample, key), _cells(report, key)
        assert {k: v for k, v in got.items() if k in want and want[k] != v} == {}, key  # no wrong figure
    # Whole: the tables whose rows say their columns (one figure a side, code name amount triples,
    # 统计表's name 行次 value), and those whose identities force every figure: 表四's funds by the
    # fund columns' sums, 表五's 基本/项目 by the roll-ups, 表七/八 empty.
    for key in ("T01", "T04", "T05", "T06", "T07", "T08", "T10"):
        assert (_rows(report, key), _cells(report, key)) == (_rows(sample, key), _cells(sample, key)), key
    # 表四 公共安全支出 prints 10,766.61 twice: 合计 and 一般公共预算, forced by the columns' sums.
    assert _cells(report, "T04")[("204", "general_budget")] == "10766.61"
    assert {c.placement for c in report.tables["T04"].cells if c.row_key == "204"} == {"inferred"}
    # Seven columns, blank ones left out: each row's 合计 is forced, the rest reported ambiguous.
    ambiguous = [i for i in report.tables["T02"].issues if i.kind == "ambiguous"]
    assert len(ambiguous) == len(_rows(report, "T02")) == 27 and all(_cells(report, "T02")[(r, "total")] for r, _ in _rows(report, "T02"))
    # The header's cells, each on its line (合计 of 公开08表 among them), are not a 合计 row.
    assert [i.message for i in report.tables["T08"].issues if i.severity == "error"] == []
