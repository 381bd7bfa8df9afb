"""PDF tables without rules: the sample's ten tables printed by a PDF library (reportlab) as a
word processor prints a borderless table — text left-aligned, amounts right-aligned, header cells
centred over the columns they span, a long table continued on the next page under its repeated
header — with every 0.00 left blank, so that only the words' x positions say which column a
figure is in. Read by `pdf_unruled`, they load to exactly the sample's rows and cells; read as
lines of text (the reading before it), several rows were placed in the wrong column."""

from __future__ import annotations

from pathlib import Path

import pytest

from juesuan.read.pdf_text import pdf_to_text
from juesuan.read.pdf_unruled import Line, Word, read_unruled
from juesuan.parse.report import parse_file

from tests.conftest import SAMPLE
from tests.loaders.forms import writers
from tests.loaders.forms.printing import sample_grids, text_around_tables

pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def printed(tmp_path_factory, sample) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("unruled")
    grids = sample_grids(sample)
    before, _ = text_around_tables(SAMPLE)
    dept, year = sample.department_name, sample.fiscal_year
    # 公开10表's section rows (`一、政府采购情况`) print no figure but are body rows, not header.
    return {
        "unruled": writers.write_pdf(out / "unruled.pdf", grids, before[:20], [], dept, year,
                                     ruled=False, blank_zeros=True, header_rows={"T10": 1}),
        "ruled": writers.write_pdf(out / "ruled.pdf", grids, before[:20], [], dept, year,
                                   ruled=True, blank_zeros=True, header_rows={"T10": 1}),
    }


def _tables(report) -> dict:
    return {key: ([(r.row_key, r.row_label) for r in t.rows],
                  sorted((c.row_key, c.column_key, c.value_text) for c in t.cells),
                  [i.message for i in t.issues if i.severity == "error"])
            for key, t in report.tables.items()}


@pytest.mark.parametrize("form", ["unruled", "ruled"])
def test_each_table_loads_to_the_samples_rows_and_cells(printed, sample, form):
    report = parse_file(printed[form])
    assert report.department_name == sample.department_name and report.fiscal_year == sample.fiscal_year
    got, want = _tables(report), _tables(sample)
    assert sorted(got) == sorted(want)
    for key in want:
        assert got[key] == want[key], key


def _cell(report, table, row, column):
    return next(c.value_text for c in report.tables[table].cells if (c.row_key, c.column_key) == (row, column))


def test_figures_keep_the_column_they_are_printed_under(printed):
    report = parse_file(printed["unruled"])
    # 2040220 执法办案 prints one figure under 小计 and one under 项目支出, 基本支出 blank: as text,
    # `2040220 执法办案 26.44 26.44` does not say which.
    assert [_cell(report, "T05", "2040220", c) for c in ("total", "basic", "project")] == ["26.44", "", "26.44"]
    # 公开09表: 因公出国（境）费 blank in both halves; read in order, 40.00 became 购置费's neighbour.
    assert [_cell(report, "T09", "budget", c) for c in ("total", "overseas", "vehicle_purchase", "vehicle_operation", "reception")] \
        == ["227.19", "", "187.08", "40.00", "0.11"]
    # 公开10表: counts printed in 统计数 only where the form has one (93 vehicles, all 执法执勤用车).
    assert _cell(report, "T10", "vehicles_law_enforcement", "count") == "93"
    assert _cell(report, "T10", "vehicles_senior_leader", "count") == ""


def test_the_text_writes_each_table_row_as_a_grid_row(printed):
    text = pdf_to_text(printed["unruled"].read_bytes(), "unruled.pdf")
    lines = text.splitlines()
    assert "2040220\t执法办案\t26.44\t\t26.44" in lines
    # The header: 项目 over code and name, 本年支出 over its three columns, each in its first column.
    assert "项目\t\t本年支出\t\t" in lines
    # 公开01表 continued on a page of its own under its header printed again.
    assert "总计\t31\t12290.04\t总计\t62\t12290.04" in lines


# --- the reader on its own: words at given x positions ------------------------------------------

def _line(top: float, *words: tuple[str, float, float]) -> Line:
    return Line(top, [Word(x0, x1, top, text) for text, x0, x1 in words])


UNIT = _line(0, ("金额单位：万元", 400, 470))
HEADER = _line(10, ("科目编码", 40, 80), ("科目名称", 100, 150), ("合计", 210, 230), ("基本支出", 250, 290),
               ("项目支出", 320, 360))


def _rows(lines):
    return [text for _, _, text in sorted(read_unruled(lines))]


def test_a_word_over_two_columns_is_a_merged_cell_in_the_first():
    lines = [UNIT, HEADER,
             _line(20, ("合计", 60, 110), ("30.00", 206, 230), ("10.00", 266, 290), ("20.00", 336, 360)),
             _line(30, ("201", 40, 55), ("一般公共服务支出", 100, 180), ("30.00", 206, 230), ("20.00", 336, 360)),
             _line(40, ("20101", 40, 65), ("人大事务", 100, 140), ("10.00", 206, 230), ("10.00", 266, 290))]
    assert _rows(lines)[2:] == ["合计\t\t30.00\t10.00\t20.00", "201\t一般公共服务支出\t30.00\t\t20.00",
                                "20101\t人大事务\t10.00\t10.00\t"]


def test_a_header_word_over_no_figures_is_a_blank_column_of_its_own():
    header = _line(10, ("科目编码", 40, 80), ("科目名称", 100, 150), ("合计", 210, 230), ("经营支出", 250, 290),
                   ("项目支出", 320, 360))
    lines = [UNIT, header, _line(20, ("201", 40, 55), ("一般公共服务支出", 100, 180), ("30.00", 206, 230), ("30.00", 336, 360))]
    assert _rows(lines)[2] == "201\t一般公共服务支出\t30.00\t\t30.00"


def test_two_figures_of_a_row_under_one_column_leave_the_text_as_it_was():
    lines = [UNIT, HEADER,
             _line(20, ("201", 40, 55), ("一般公共服务支出", 100, 180), ("30.00", 206, 230), ("20.00", 225, 250)),
             _line(30, ("202", 40, 55), ("外交支出", 100, 140), ("130.00", 200, 230))]
    assert read_unruled(lines) is None


def test_figures_in_prose_are_no_table():
    lines = [_line(0, ("一般公共预算财政拨款支出", 40, 200), ("12,290.04", 202, 240), ("万元，比上年增加", 242, 330)),
             _line(10, ("其中基本支出", 40, 100), ("6,667.32", 102, 140), ("万元。", 142, 170))]
    assert read_unruled(lines) is None
