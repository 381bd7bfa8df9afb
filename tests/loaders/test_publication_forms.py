"""Web pages, workbooks and Word files: the sample's ten tables re-printed as the national form's
grids (see forms/printing.py) load to exactly the sample's rows and cells, through the same grid
readers as a ruled PDF, and every figure keeps where it was printed in the form's own terms."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from juesuan.cli import main
from juesuan.errors import LoadError
from juesuan.formats.excel import display_number
from juesuan.report import parse_file

from tests.conftest import SAMPLE, Workspace, built_workspace
from tests.loaders.forms import writers
from tests.loaders.forms.printing import sample_grids, text_around_tables

FORMS = ("html", "docx", "xlsx", "xls")


@pytest.fixture(scope="session")
def forms(tmp_path_factory, sample) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("forms")
    grids = sample_grids(sample)
    before, after = text_around_tables(SAMPLE)
    dept, year = sample.department_name, sample.fiscal_year
    return {
        "html": writers.write_html(out / "sample.html", grids, before, after, dept, year),
        "docx": writers.write_docx(out / "sample.docx", grids, before, after, dept, year),
        "xlsx": writers.write_xlsx(out / "sample.xlsx", grids, dept, year),
        "xls": writers.write_xls(out / "sample.xls", grids, dept, year),
    }


@pytest.fixture(scope="session")
def parsed_forms(forms):
    return {form: parse_file(path) for form, path in forms.items()}


def _rows(report):
    return {k: [(r.row_key, r.row_code, r.row_label, r.line_number, r.row_order) for r in t.rows]
            for k, t in report.tables.items()}


def _cells(report):
    # The printed text modulo thousands separators: the .xls writes amounts as `#,##0.00`.
    return {k: sorted((c.row_key, c.column_key, c.state, c.value, c.value_text.replace(",", "")) for c in t.cells)
            for k, t in report.tables.items()}


@pytest.mark.parametrize("form", FORMS)
def test_each_form_loads_to_the_samples_rows_and_cells(parsed_forms, sample, form):
    report = parsed_forms[form]
    assert (report.department_name, report.fiscal_year) == ("高平市公安局", 2024)
    assert report.source_encoding == form
    assert _rows(report) == _rows(sample)
    assert _cells(report) == _cells(sample)
    assert [i for i in report.issues if i.severity == "error"] == []


@pytest.mark.parametrize("form", ["html", "docx"])
def test_narrative_and_self_evaluations_as_paragraphs_read_as_in_the_text(parsed_forms, sample, form):
    report = parsed_forms[form]

    def figures(r):
        return [(f.section, f.subject, f.attribute, f.metric, f.value) for f in r.narrative]

    assert figures(report) == figures(sample)
    assert len(report.narrative) == 127
    assert [(p.name, p.stated_total_score, len(p.budget), len(p.indicators)) for p in report.projects] == \
        [(p.name, p.stated_total_score, len(p.budget), len(p.indicators)) for p in sample.projects]


def test_a_figure_keeps_its_place_in_the_forms_own_terms(parsed_forms):
    def place(form, table_key, row_key, column_key):
        report = parsed_forms[form]
        cell = next(c for c in report.tables[table_key].cells if (c.row_key, c.column_key) == (row_key, column_key))
        return cell.value_text, report.locations[cell.source_line].of_cell(cell.source_column)

    # T03's 合计 is the sheet's sixth row (title, department, three header rows), column C.
    assert place("xlsx", "T03", "total", "total") == ("12290.04", "公开03表!C6")
    assert place("xls", "T03", "total", "basic") == ("6,667.32", "公开03表!D6")
    assert place("html", "T03", "total", "total") == ("12290.04", "table 3, row 4, column 3")
    # Two-sided T01: the expenditure side's 204 is in the sixth column of its row.
    assert place("docx", "T01", "204", "amount") == ("10766.61", "table 1, row 7, column 6")
    assert place("xlsx", "T10", "procurement_total", "amount") == ("2544.45", "公开10表!C5")


@pytest.fixture(scope="session")
def forms_built(tmp_path_factory, forms) -> Workspace:
    return built_workspace(tmp_path_factory, "forms_built", SAMPLE, forms["html"], forms["xlsx"])


def test_warehouse_holds_the_same_figures_from_each_form(forms_built):
    per_file = forms_built.sql("""
        select r.source_file, count(*), sum(c.amount_yuan), count(c.source_location)
        from marts.fct_table_cell c join marts.dim_report r using (report_id)
        group by 1 order by 1""")
    text = next(row for row in per_file if row[0].endswith(".txt"))
    assert text[3] == 0  # a text report has lines, not cells
    for name, count, total, located in per_file:
        assert (count, total) == (text[1], text[2]), name
        if not name.endswith(".txt"):
            assert located == count, name
    assert forms_built.one("""
        select source_location from marts.fct_table_cell c join marts.dim_report r using (report_id)
        where r.source_file = 'sample.xlsx' and table_key = 'T05' and row_key = 'total' and column_key = 'basic'""") \
        == "公开05表!D6"


def test_findings_of_the_web_page_are_the_texts(forms_built):
    """Same checks, same figures, same verdicts; only the line numbers in the names differ."""
    findings = forms_built.sql("""
        select r.source_file, f.check_id, regexp_replace(f.object, ' line [0-9]+', ''), f.actual, f.expected,
               f.severity
        from audit.findings f join marts.dim_report r using (report_id)
        where r.source_file in ('sample.html', '000_76716e9dec051514.txt')
        order by all""")
    by_file: dict[str, list] = {}
    for name, *rest in findings:
        by_file.setdefault(name, []).append(tuple(rest))
    assert by_file["sample.html"] == by_file["000_76716e9dec051514.txt"]
    # Both known errors of the sample: 基本支出 restated as 6,667.31, and 31 projects claimed for 30.
    assert ("nr_restates_table", "basic_expenditure_amount @ 六", 66673100, 66673200, "discrepancy") in by_file["sample.html"]
    assert ("nr_self_evaluations", "projects_count", 31, 30, "discrepancy") in by_file["sample.html"]


@pytest.mark.parametrize("fmt, value, shown", [
    ("0.00", 12290.040000000001, "12290.04"),
    ("#,##0.00", 12290.04, "12,290.04"),
    ("#,##0.00_);(#,##0.00)", 0.005, "0.01"),
    ("General", 93.0, "93"),
    ("General", 2040201, "2040201"),
    ("0.00%", 0.9876, "98.76%"),
    ("0", 2.5, "3"),
])
def test_a_number_reads_as_the_sheet_shows_it(fmt, value, shown):
    assert display_number(value, fmt) == shown


# --- bad files of the new kinds -------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole(stream_name: str) -> bytes:
    """The first bytes of a compound file whose directory names `stream_name` (what an encrypted
    .xlsx or a .doc is), padded to a sector."""
    return _OLE + b"\x00" * 504 + stream_name.encode("utf-16-le") + b"\x00" * 446


@pytest.mark.parametrize("name, content, reason", [
    ("page.html", "<html><body><p>部门决算</p><p>收入支出决算总表</p></body></html>".encode(), "holds no <table>"),
    ("locked.xlsx", _ole("EncryptedPackage"), "protected by a password"),
    ("old.doc", _ole("WordDocument"), r"\.doc\) is not read.*soffice --headless --convert-to docx"),
    ("fake.xlsx", "收入支出决算总表\n".encode(), r"named \.xlsx but is not one"),
    ("archive.docx", None, "neither a Word document nor an Excel workbook"),
])
def test_a_bad_file_of_a_new_kind_gets_one_clear_line(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("readme.txt", "hello")
        content = buffer.getvalue()
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason) as err:
        parse_file(path)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)


def test_a_damaged_workbook_and_a_damaged_word_file_are_refused_by_name(tmp_path, forms):
    for form in ("xlsx", "docx"):
        cut = tmp_path / f"cut.{form}"
        cut.write_bytes(forms[form].read_bytes()[:3000])
        with pytest.raises(LoadError, match="damaged"):
            parse_file(cut)


def test_bad_files_do_not_stop_the_batch(tmp_path, forms, monkeypatch, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.doc").write_bytes(_ole("WordDocument"))
    (folder / "locked.xlsx").write_bytes(_ole("EncryptedPackage"))
    (folder / "~$sample.xlsx").write_bytes(b"lock file of an open workbook")
    (folder / "sample.xlsx").write_bytes(forms["xlsx"].read_bytes())
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(tmp_path / "parsed"))
    assert main(["load", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "old.doc: the old binary Word format" in err and "locked.xlsx: the file is protected" in err
    assert "~$" not in err
    assert len(list((tmp_path / "parsed").glob("*/table_cells.csv"))) == 1


# --- one rule each: what a publisher's file does that the sample's re-print does not ----------

def _t03(sample):
    return next(g for g in sample_grids(sample) if g.key == "T03")


def test_a_sheet_named_after_its_table_with_margins_and_a_hidden_copy(tmp_path, sample):
    """No title row (the sheet's name is the title), an empty margin column and rows above the
    table, and a hidden sheet holding an old copy: the visible table is read, by its sheet name."""
    import openpyxl

    from tests.loaders.forms.writers import _placed

    grid = _t03(sample)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公开03表"
    sheet["B2"] = "部门名称：高平市公安局 2024年度"
    for r, c, cell in _placed(grid.rows):
        sheet.cell(4 + r, 2 + c, cell.text or None)
    hidden = book.create_sheet("旧")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "公开03表"
    for r, c, cell in _placed(grid.rows):
        hidden.cell(2 + r, 1 + c, "1.00" if cell.number else cell.text or None)
    path = tmp_path / "t03.xlsx"
    book.save(path)
    report = parse_file(path)
    assert list(report.tables) == ["T03"]
    assert [i.message for i in report.issues if i.severity == "error"] == []
    assert _rows(report)["T03"] == _rows(sample)["T03"]
    assert _cells(report)["T03"] == _cells(sample)["T03"]
    total = next(c for c in report.tables["T03"].cells if (c.row_key, c.column_key) == ("total", "total"))
    assert report.locations[total.source_line].of_cell(total.source_column) == "公开03表!D7"


def test_a_web_page_laid_out_with_tables_and_served_as_xls(tmp_path, sample):
    """County sites nest the data table in a layout table and offer it as `.xls`: the inner table
    is the grid, the outer one's text is text, and the bytes say it is a web page."""
    grid = _t03(sample)
    rows = "".join(
        "<tr>" + "".join(f"<th colspan={c.colspan} rowspan={c.rowspan}>{c.text}</th>" if r < 3 else
                         f"<td colspan={c.colspan}>{c.text}</td>" for c in row) + "</tr>"
        for r, row in enumerate(grid.rows))
    page = (f"<html><head><meta charset='utf-8'></head><body><table class='layout'><tr><td>"
            f"<div>{grid.title}</div><div>部门名称：高平市公安局 2024年度</div><div>单位：万元</div>"
            f"<table><thead>{rows[:rows.index('<tr><td')]}</thead><tbody>{rows[rows.index('<tr><td'):]}</tbody></table>"
            f"</td></tr></table></body></html>")
    path = tmp_path / "zcjsb.xls"
    path.write_text(page, encoding="utf-8")
    report = parse_file(path)
    assert report.source_encoding == "html"
    assert _cells(report)["T03"] == _cells(sample)["T03"]
