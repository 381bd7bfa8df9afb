"""Web pages, workbooks and Word files: the sample's ten tables re-printed as the national form's
grids (see forms/printing.py) load to exactly the sample's rows and cells, through the same grid
readers as a ruled PDF, and every figure keeps where it was printed in the form's own terms."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from juesuan.cli.main import main
from juesuan.errors import LoadError
from juesuan.read.formats.excel import display_number
from juesuan.load.batch import load_paths, prune
from juesuan.parse.report import parse_file, parse_files

from tests.conftest import SAMPLE, Workspace, built_workspace
from tests.loaders.forms import writers
from tests.loaders.forms.printing import sample_grids, text_around_tables
from tests.loaders.forms.self_evaluation import sample_forms
from tests.loaders.projects.test_standard_form import PROVINCE_FORM

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


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


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


def _report_set(folder: Path, sample, parts=("tables", "narrative", "forms"), projects=None) -> Path:
    """The sample published as several files in `folder`, as county bureaus do: its ten tables as
    a workbook, its narrative as a Word file, its projects as standard 自评表 forms in a workbook."""
    folder.mkdir(parents=True, exist_ok=True)
    dept, year = sample.department_name, sample.fiscal_year
    before, after = text_around_tables(SAMPLE)
    narrative = after[: next(i for i, line in enumerate(after) if line.startswith("第五部分"))]
    if "tables" in parts:
        writers.write_xls(folder / "决算公开表.xls", sample_grids(sample), dept, year)
    if "narrative" in parts:
        # Published alone, the narrative carries the report's title (the sample prints it on no page).
        writers.write_docx(folder / "情况说明.docx", [], [f"{dept}{year}年度部门决算情况说明", *before], narrative, dept, year)
    if "forms" in parts:
        grids = sample_forms(sample) if projects is None else sample_forms(sample)[:projects]
        writers.write_xlsx(folder / "项目支出绩效自评表.xlsx", grids, dept, year)
    return folder


@pytest.fixture(scope="session")
def report_set(tmp_path_factory, sample) -> Path:
    return _report_set(tmp_path_factory.mktemp("sets") / "高平市公安局2024", sample)


def _only_report(parsed: Path):
    (report,) = [d for d in parsed.iterdir() if not d.name.startswith(".")]
    return report


def test_a_report_of_several_files_loads_as_one_report(tmp_path, report_set, sample):
    parsed = tmp_path / "parsed"
    outcome = load_paths([report_set], parsed)
    assert not outcome.failed and len(outcome.loaded) == 1
    (loaded,) = outcome.loaded
    assert [Path(f).name for f in outcome.merged[0][1]] == ["决算公开表.xls", "情况说明.docx", "项目支出绩效自评表.xlsx"]
    assert (loaded.department_name, loaded.fiscal_year, loaded.source_file) == ("高平市公安局", 2024, "高平市公安局2024")
    report = parse_files([report_set / "决算公开表.xls", report_set / "情况说明.docx", report_set / "项目支出绩效自评表.xlsx"],
                         report_set)
    assert report.report_id == loaded.report_id == _only_report(parsed).name
    assert (_rows(report), _cells(report)) == (_rows(sample), _cells(sample))
    assert [(f.section, f.metric, f.value) for f in report.narrative] == [(f.section, f.metric, f.value) for f in sample.narrative]
    assert [(p.form, p.name) for p in report.projects] == [("standard", p.name) for p in sample.projects]
    assert report.missing_tables == [] and [i for i in report.issues if i.severity == "error"] == []
    # Every figure says which file it was printed in.
    cell = next(c for c in report.tables["T03"].cells if (c.row_key, c.column_key) == ("total", "total"))
    assert report.locations[cell.source_line].of_cell(cell.source_column) == "决算公开表.xls: 公开03表!C6"
    figure = report.narrative[0]
    assert report.locations[figure.source_line].place.startswith("情况说明.docx: paragraph ")
    files = read_csv(_only_report(parsed) / "report_files.csv")
    assert [(f["file_seq"], f["source_file"], f["source_encoding"]) for f in files] == [
        ("1", "决算公开表.xls", "xls"), ("2", "情况说明.docx", "docx"), ("3", "项目支出绩效自评表.xlsx", "xlsx")]
    assert int(files[1]["first_line"]) == int(files[0]["last_line"]) + 1
    # Loaded again: every file is known as part of the report, and nothing is parsed.
    again = load_paths([report_set], parsed)
    assert (again.loaded, len(again.unchanged)) == ([], 3)


def test_a_part_added_later_joins_its_report_and_a_changed_part_rereads_it(tmp_path, sample):
    folder = _report_set(tmp_path / "set", sample, parts=("tables", "narrative"))
    parsed = tmp_path / "parsed"
    first = load_paths([folder], parsed).loaded[0]
    assert first.parts["tables"] and first.parts["narrative"] and not first.parts["projects"]
    _report_set(folder, sample, parts=("forms",), projects=3)
    second = load_paths([folder], parsed)
    assert second.replaced == [first.report_id] and len(second.loaded) == 1
    assert len(second.loaded[0].parts["projects"]) == 3 and len(second.loaded[0].parts["files"]) == 3
    # The forms file printed again with five projects: the report is read again from its files.
    _report_set(folder, sample, parts=("forms",), projects=5)
    third = load_paths([folder / "项目支出绩效自评表.xlsx"], parsed)
    assert third.replaced == [second.loaded[0].report_id]
    assert len(third.loaded[0].parts["projects"]) == 5 and len(third.loaded[0].parts["files"]) == 3
    assert _only_report(parsed).name == third.loaded[0].report_id
    # A file of it gone: prune removes the report.
    (folder / "情况说明.docx").unlink()
    assert prune(parsed) == [third.loaded[0].report_id]


def test_copies_and_other_departments_in_one_folder_stay_apart(tmp_path, sample, forms):
    """The same tables twice (a workbook and its web page) are two editions, not parts; a 自评表
    of another department is its own report; each says what it lacks."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(forms["xlsx"], folder / "tables.xlsx")
    shutil.copy(forms["html"], folder / "tables.html")
    (folder / "四川.txt").write_text(PROVINCE_FORM, encoding="utf-8")
    outcome = load_paths([folder], tmp_path / "parsed")
    assert outcome.merged == [] and not outcome.failed
    assert sorted((r.source_file, r.department_name) for r in outcome.loaded) == [
        ("tables.html", "高平市公安局"), ("tables.xlsx", "高平市公安局"), ("四川.txt", "四川省食品检验研究院")]


@pytest.fixture(scope="session")
def forms_built(tmp_path_factory, forms, report_set) -> Workspace:
    return built_workspace(tmp_path_factory, "forms_built", SAMPLE, forms["html"], forms["xlsx"], report_set)


def test_the_warehouse_holds_a_report_of_several_files_as_the_sample(forms_built):
    ws = forms_built
    assert ws.one("select file_count, tables_missing from marts.dim_report where source_file = '高平市公安局2024'") == (3, "")
    assert ws.sql("""
        select f.file_seq, f.source_file from staging.stg_parsed__report_files f
        join marts.dim_report r using (report_id) where r.source_file = '高平市公安局2024' order by 1""") == [
        (1, "决算公开表.xls"), (2, "情况说明.docx"), (3, "项目支出绩效自评表.xlsx")]
    assert ws.one("""
        select c.source_location from marts.fct_table_cell c join marts.dim_report r using (report_id)
        where r.source_file = '高平市公安局2024' and table_key = 'T05' and row_key = 'total' and column_key = 'basic'""") \
        == "决算公开表.xls: 公开05表!D6"
    # The narrative's restatements check against the workbook's tables, the 自评表 count against the
    # narrative: both of the sample's known errors are found across the files.
    findings = set(ws.sql("""
        select f.check_id, regexp_replace(f.object, ' line [0-9]+', ''), f.actual, f.expected
        from audit.findings f join marts.dim_report r using (report_id) where r.source_file = '高平市公安局2024'"""))
    assert ("nr_restates_table", "basic_expenditure_amount @ 六", 66673100, 66673200) in findings
    assert ("nr_self_evaluations", "projects_count", 31, 30) in findings


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


@pytest.mark.parametrize("form", ("html", "docx", "xlsx"))
def test_the_basic_table_closing_row_as_the_national_form_merges_it(tmp_path, sample, form):
    """公开06表 closes with 人员经费合计 under its group and 公用经费合计 merged across the 公用经费
    groups, its amount in the last 决算数 column: that amount is 公用经费合计's (it was an error, a
    group with no economic code, and the web-page and Word prints lost the total)."""
    from tests.loaders.forms.printing import C, Grid

    t06 = next(g for g in sample_grids(sample) if g.key == "T06")
    amounts = {c.row_key: c.value_text for c in sample.tables["T06"].cells}
    body = []
    for line in t06.rows[2:]:  # the re-print packs the totals into the last line's groups: blanked
        out, cells = [], iter(line)
        for c in cells:
            if c.text in ("人员经费合计", "公用经费合计"):
                next(cells)
                out += [C(""), C(""), C("")]
            else:
                out.append(c)
        body.append(out)
    closing = [C("人员经费合计", colspan=2), C(amounts["personnel_total"], number=True),
               C("公用经费合计", colspan=8), C(amounts["public_total"], number=True)]
    grids = [Grid(t06.key, t06.title, t06.number_line, t06.rows[:2] + body + [closing])]
    dept, year = sample.department_name, sample.fiscal_year
    path = (writers.write_xlsx(tmp_path / "t06.xlsx", grids, dept, year) if form == "xlsx" else
            getattr(writers, f"write_{form}")(tmp_path / f"t06.{form}", grids, [], [], dept, year))
    report = parse_file(path)
    assert [i.message for i in report.issues if i.severity == "error"] == []
    assert _cells(report)["T06"] == _cells(sample)["T06"]


def _split_codes(rows, numeric: bool):
    """A coded table's rows with the code as 类 | 款 | 项 cells (`204` `2` `20` where the workbook
    stores them as numbers, the 款's leading zero being the cell's display format)."""
    from tests.loaders.forms.printing import C

    part = (lambda t: C(str(int(t)), number=True)) if numeric else C
    out = [[C("项目", colspan=4)] + rows[0][1:], [C("类"), C("款"), C("项"), C("科目名称")] + rows[1][2:],
           [C("栏次", colspan=4)] + rows[2][1:]]
    for row in rows[3:]:
        code = row[0].text
        if row[0].colspan == 2:
            out.append([C(code, colspan=4)] + row[1:])
        else:
            out.append([part(p) if p else C("") for p in (code[:3], code[3:5], code[5:7])] + row[1:])
    return out


@pytest.mark.parametrize("numeric", [False, True])
def test_a_workbook_prints_the_code_in_three_cells_stored_as_numbers(tmp_path, sample, numeric):
    """公开03表 with 类 | 款 | 项 in cells of their own, as numbers: 款 `02` is stored as 2 and shown
    as `02` by the cell's format; the form's 款 and 项 are two digits (every row was refused: no
    subject code)."""
    from tests.loaders.forms.printing import Grid

    t03 = _t03(sample)
    grid = Grid(t03.key, t03.title, t03.number_line, _split_codes(t03.rows, numeric))
    report = parse_file(writers.write_xlsx(tmp_path / "t03.xlsx", [grid], sample.department_name, sample.fiscal_year))
    assert [i.message for i in report.issues if i.severity == "error"] == []
    assert _cells(report)["T03"] == _cells(sample)["T03"]
    assert [r.row_code for r in report.tables["T03"].rows] == [r.row_code for r in sample.tables["T03"].rows]


def test_a_workbook_prints_the_economic_code_in_two_cells_stored_as_numbers(tmp_path, sample):
    """公开06表 with 类 | 款 cells (`301` `1` for 30101) in each column group: the 款 is two digits."""
    from tests.loaders.forms.printing import C, Grid

    t06 = next(g for g in sample_grids(sample) if g.key == "T06")
    rows = [[C("人员经费", colspan=4), C("公用经费", colspan=12)], [C("类"), C("款"), C("科目名称"), C("决算数")] * 4]
    for line in t06.rows[2:]:
        out = []
        for c in line:
            if c.text.isdigit() and len(c.text) in (3, 5) and not c.number:
                out += [C(c.text[:3], number=True), C(str(int(c.text[3:])), number=True) if c.text[3:] else C("")]
            elif c.colspan == 2:
                out.append(C(c.text, colspan=3))  # a total's label over the code and name cells
            else:
                out.append(c)
        rows.append(out)
    grid = Grid(t06.key, t06.title, t06.number_line, rows)
    report = parse_file(writers.write_xlsx(tmp_path / "t06.xlsx", [grid], sample.department_name, sample.fiscal_year))
    assert [i.message for i in report.issues if i.severity == "error"] == []
    assert _cells(report)["T06"] == _cells(sample)["T06"]


def test_a_whole_number_under_the_basic_tables_amount_heading_is_an_amount(tmp_path, sample):
    """公开06表 printing an amount without decimals (30399's 4.00 as `4`, as a 元 table may): the header
    heads its column 决算数, so the whole number there is that row's figure, not a code to place."""
    from tests.loaders.forms.printing import C, Grid

    t06 = next(g for g in sample_grids(sample) if g.key == "T06")
    rows = [[C("4", number=True) if c.text == "4.00" and c.number else c for c in line] for line in t06.rows]
    assert sum(c.text == "4" for line in rows for c in line) == 1
    grid = Grid(t06.key, t06.title, t06.number_line, rows)
    report = parse_file(writers.write_html(tmp_path / "t06.html", [grid], [], [], sample.department_name, sample.fiscal_year))
    assert [i.message for i in report.issues if i.severity == "error"] == []
    figure = next(c for c in report.tables["T06"].cells if c.row_key == "30399")
    assert (figure.value, figure.value_text) == (4, "4")


@pytest.mark.parametrize("form", ("html", "xlsx"))
def test_the_three_public_costs_with_the_items_as_rows(tmp_path, sample, form):
    """公开09表 printed `项目 | 行次 | 预算数 | 决算数`, one row per item (`2、公务用车购置及运行维护费` is the
    vehicles' 小计, `其中：（1）公务用车购置费` its part): each cell is its column's phase and its row's
    item (every cell was refused: no item's 预算数 in the header)."""
    from tests.loaders.forms.printing import C, Grid, _amount

    t09 = next(g for g in sample_grids(sample) if g.key == "T09")
    value = {(c.row_key, c.column_key): c.value_text for c in sample.tables["T09"].cells}
    items = [("合计", "total"), ("1、因公出国（境）费", "overseas"), ("2、公务用车购置及运行维护费", "vehicle_subtotal"),
             ("其中：（1）公务用车购置费", "vehicle_purchase"), ("（2）公务用车运行维护费", "vehicle_operation"),
             ("3、公务接待费", "reception")]
    rows = [[C("项目"), C("行次"), C("预算数"), C("决算数")]] + [
        [C(name), C(str(n), number=True), _amount(value[("budget", key)]), _amount(value[("final", key)])]
        for n, (name, key) in enumerate(items, 1)]
    grids = [Grid("T09", t09.title, t09.number_line, rows)]
    dept, year = sample.department_name, sample.fiscal_year
    path = (writers.write_xlsx(tmp_path / "t09.xlsx", grids, dept, year) if form == "xlsx"
            else writers.write_html(tmp_path / "t09.html", grids, [], [], dept, year))
    report = parse_file(path)
    assert [i.message for i in report.issues if i.severity == "error"] == []
    assert _cells(report)["T09"] == _cells(sample)["T09"]
