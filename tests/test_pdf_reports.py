"""The three 上海市普陀区 PDF reports (samples/pdf) end to end: every key figure of their
EXPECTED.md out of SQL, their printed discrepancies as findings, and their coverage."""

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.cli.main import EXIT_PARTIAL, main
from juesuan.parse.report import parse_file
from juesuan.load.seeds import write_report
from tests.conftest import ROOT, Workspace, built_workspace

PDF = ROOT / "samples" / "pdf"
CZJ, GHZY, SHGZB = "上海市普陀区财政局", "上海市普陀区规划和自然资源局", "中共上海市普陀区委社会工作部"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    return built_workspace(tmp_path_factory, "pdfs", PDF)


def amounts(ws, department):
    """{(table, row, column): amount in 万元 as printed, or None for a blank cell} of one report."""
    rows = ws.sql(
        """select c.table_key, c.row_key, c.column_key, cast(c.amount_yuan / 10000 as decimal(18, 2))
           from marts.fct_table_cell c join marts.dim_report r using (report_id)
           where r.department_name = ?""",
        department,
    )
    return {(t, r, c): v for t, r, c, v in rows}


def cell_states(ws, department, table_key, row_key):
    return {s for (s,) in ws.sql(
        """select c.cell_state from staging.stg_parsed__table_cells c join marts.dim_report r using (report_id)
           where r.department_name = ? and c.table_key = ? and c.row_key = ?""", department, table_key, row_key)}


def D(text):
    return Decimal(text)


def test_czj_key_figures(pdfs):
    a = amounts(pdfs, CZJ)
    t01 = {r: a[("T01", r, "amount")] for r in ("general_budget_appropriation", "other_income", "income_subtotal",
                                                  "expenditure_subtotal", "opening_balance", "closing_balance",
                                                  "income_total", "expenditure_total", "201", "208", "210", "221")}
    assert t01 == {
        "general_budget_appropriation": D("2940.05"), "other_income": D("6.20"), "income_subtotal": D("2946.25"),
        "expenditure_subtotal": D("2940.05"), "opening_balance": D("49.14"), "closing_balance": D("55.34"),
        "income_total": D("2995.39"), "expenditure_total": D("2995.39"),
        "201": D("2106.66"), "208": D("326.71"), "210": D("60.99"), "221": D("445.69"),
    }
    assert (a[("T02", "total", "total")], a[("T02", "total", "fiscal_appropriation")], a[("T02", "total", "other")]) == (
        D("2946.25"), D("2940.05"), D("6.20"))
    assert a[("T02", "201", "total")] == D("2112.86")
    assert (a[("T03", "total", "total")], a[("T03", "total", "basic")], a[("T03", "total", "project")]) == (
        D("2940.05"), D("2336.91"), D("603.14"))
    assert (a[("T03", "2010601", "total")], a[("T03", "2010601", "basic")], a[("T03", "2010601", "project")]) == (
        D("1511.89"), D("1503.52"), D("8.37"))
    assert a[("T04", "opening_balance", "amount")] == D("21.63")
    assert a[("T04", "closing_balance", "total")] == D("21.63")
    assert a[("T04", "income_total", "amount")] == a[("T04", "expenditure_total", "total")] == D("2961.68")
    assert {r: a[("T06", r, "amount")] for r in ("301", "302", "303", "310", "personnel_total", "public_total")} == {
        "301": D("2082.85"), "302": D("171.07"), "303": D("69.41"), "310": D("13.58"),
        "personnel_total": D("2152.26"), "public_total": D("184.65")}
    assert a[("T09", "budget", "total")] == D("0.95")
    assert ("T09", "final", "total") not in a  # printed blank: not a printed number
    assert cell_states(pdfs, CZJ, "T09", "final") == {"blank"}
    # As printed: 208 is 326.71 in the 总表, 326.72 in the income, expenditure and appropriation tables.
    assert a[("T02", "208", "total")] == a[("T03", "208", "total")] == a[("T05", "208", "total")] == D("326.72")


def test_ghzy_key_figures(pdfs):
    a = amounts(pdfs, GHZY)
    assert {r: a[("T01", r, "amount")] for r in ("general_budget_appropriation", "income_subtotal", "expenditure_subtotal",
                                                  "opening_balance", "closing_balance", "income_total",
                                                  "208", "210", "212", "220", "221")} == {
        "general_budget_appropriation": D("9746.50"), "income_subtotal": D("9746.50"),
        "expenditure_subtotal": D("9759.38"), "opening_balance": D("112.88"), "closing_balance": D("100.00"),
        "income_total": D("9859.38"), "208": D("754.75"), "210": D("236.63"), "212": D("3845.25"),
        "220": D("4461.67"), "221": D("461.08")}
    assert (a[("T03", "total", "total")], a[("T03", "total", "basic")], a[("T03", "total", "project")]) == (
        D("9759.38"), D("5377.64"), D("4381.74"))
    assert (a[("T05", "total", "total")], a[("T05", "total", "basic")], a[("T05", "total", "project")]) == (
        D("9746.50"), D("5364.75"), D("4381.74"))
    assert {r: a[("T06", r, "amount")] for r in ("301", "302", "303", "310", "personnel_total", "public_total")} == {
        "301": D("4816.14"), "302": D("440.90"), "303": D("67.96"), "310": D("39.76"),
        "personnel_total": D("4884.09"), "public_total": D("480.66")}
    assert (a[("T09", "budget", "total")], a[("T09", "final", "total")]) == (D("2.85"), D("0.39"))
    assert (a[("T09", "budget", "reception")], a[("T09", "final", "reception")]) == (D("2.85"), D("0.39"))
    # As printed: 210 is 236.64 in the income and expenditure tables; 212 is 3832.36 in three other
    # tables and 3845.24 in the expenditure table.
    assert a[("T02", "210", "total")] == a[("T03", "210", "total")] == D("236.64")
    assert a[("T02", "212", "total")] == a[("T04", "212", "total")] == a[("T05", "212", "total")] == D("3832.36")
    assert a[("T03", "212", "total")] == D("3845.24")


def test_shgzb_key_figures(pdfs):
    a = amounts(pdfs, SHGZB)
    assert {r: a[("T01", r, "amount")] for r in ("general_budget_appropriation", "income_subtotal", "expenditure_subtotal",
                                                  "income_total", "expenditure_total", "201", "208", "210", "221")} == {
        "general_budget_appropriation": D("307.82"), "income_subtotal": D("307.82"), "expenditure_subtotal": D("307.82"),
        "income_total": D("307.82"), "expenditure_total": D("307.82"),
        "201": D("264.87"), "208": D("10.82"), "210": D("2.71"), "221": D("29.42")}
    assert (a[("T03", "total", "total")], a[("T03", "total", "basic")], a[("T03", "total", "project")]) == (
        D("307.82"), D("105.58"), D("202.24"))
    assert (a[("T03", "2013999", "total")], a[("T03", "2013999", "project")]) == (D("202.24"), D("202.24"))
    assert {r: a[("T06", r, "amount")] for r in ("301", "30101", "30102", "30107", "30113", "302",
                                                  "personnel_total", "public_total")} == {
        "301": D("95.36"), "30101": D("14.12"), "30102": D("39.72"), "30107": D("10.16"), "30113": D("17.70"),
        "302": D("10.23"), "personnel_total": D("95.36"), "public_total": D("10.23")}
    assert not any(t == "T09" for t, _, _ in a)  # an empty 三公 table: twelve blank cells
    assert cell_states(pdfs, SHGZB, "T09", "budget") == cell_states(pdfs, SHGZB, "T09", "final") == {"blank"}


def test_printed_discrepancies_are_findings(pdfs):
    rows = pdfs.sql(
        """select r.department_name, f.check_id, f.object,
                  cast(f.expected / 10000 as decimal(18, 2)), cast(f.actual / 10000 as decimal(18, 2))
           from audit.findings f join marts.dim_report r using (report_id)
           where f.check_id in ('x01_03_class', 'x04_05_class') order by 1, 2, 3"""
    )
    assert rows == [
        (GHZY, "x01_03_class", "T01 210 amount = T03 total", D("236.64"), D("236.63")),
        (GHZY, "x01_03_class", "T01 212 amount = T03 total", D("3845.24"), D("3845.25")),
        (GHZY, "x04_05_class", "T04 210 general_budget = T05 total", D("236.64"), D("236.63")),
        (CZJ, "x01_03_class", "T01 208 amount = T03 total", D("326.72"), D("326.71")),
        (CZJ, "x04_05_class", "T04 208 general_budget = T05 total", D("326.72"), D("326.71")),
    ]
    # The narratives' own slips: 财政拨款收入支出总计 printed as 0.3万元; 一般公共服务支出 71.73% of
    # 2,940.05 where the tables give 71.65%; 人员经费 4,896.98 against the table's 4,884.09.
    narrative = pdfs.sql(
        """select r.department_name, f.object, f.actual from audit.findings f join marts.dim_report r using (report_id)
           where f.check_id like 'nr_%' and f.severity = 'discrepancy' order by 1, 2"""
    )
    # And 规划和自然资源局's 一般公共预算财政拨款基本支出 5,377.64: 公开05表 prints the general budget's 基本
    # as 5,364.75; 5,377.64 is 公开03表's, of every fund (read as that, it had held).
    assert narrative == [
        (GHZY, "class_amount 210 @ 五 line 347", D("2366300")),
        (GHZY, "general_budget_basic_expenditure_amount @ 六 line 417", D("53776400")),
        (GHZY, "personnel_cost_amount @ 六 line 418", D("48969800")),
        (CZJ, "appropriation_expenditure_total_amount @ 四 line 312", D("3000")),
        (CZJ, "class_share 201 @ 五 line 323", D("71.73")),
    ]


def test_coverage_shows_the_nine_tables_of_the_shanghai_form(pdfs):
    rows = pdfs.sql(
        """select r.department_name, count(*) filter (where c.found), string_agg(c.table_key, ',') filter (where not c.found)
           from audit.table_coverage c join marts.dim_report r using (report_id) group by 1 order by 1"""
    )
    assert sorted(rows) == sorted([(GHZY, 9, "T10"), (SHGZB, 9, "T10"), (CZJ, 9, "T10")])
    errors = pdfs.one("select count(*) from staging.stg_parsed__load_issues where severity = 'error'")
    assert errors == 0


def seed_files(report, source: Path, folder: Path) -> dict[str, list[str]]:
    """The seed CSVs of one parsed report, without the columns that say which file it came from."""
    write_report(report, source, folder)
    out = {}
    for csv in sorted((folder / report.report_id).glob("*.csv")):
        lines = csv.read_text(encoding="utf-8").splitlines()
        out[csv.name] = [line.replace(report.report_id, "<id>") for line in lines]
    return out


def test_extracted_text_loads_exactly_as_the_pdf(tmp_path):
    pdf = PDF / "putuo_czj_2024.pdf"
    txt = tmp_path / "putuo_czj_2024.txt"
    assert main(["extract-text", str(pdf), "-o", str(txt)]) == 0
    from_pdf, from_text = parse_file(pdf), parse_file(txt)
    a = seed_files(from_pdf, pdf, tmp_path / "a")
    b = seed_files(from_text, txt, tmp_path / "b")
    # The report and file rows name the source file, hash and encoding; every other row is the same.
    assert a.pop("report_files.csv")[1].split(",")[-2:] == b.pop("report_files.csv")[1].split(",")[-2:] == ["1", "442"]
    del a["reports.csv"], b["reports.csv"]
    assert a == b
    assert sum(len(v) for v in a.values()) > 400


def test_a_bad_pdf_is_skipped_and_the_rest_of_the_batch_loads(tmp_path, monkeypatch, capsys):
    Workspace(tmp_path, monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    data = (PDF / "putuo_shgzb_2024.pdf").read_bytes()
    (folder / "a_partial.pdf").write_bytes(data[: len(data) // 3])
    (folder / "b_good.pdf").write_bytes(data)
    assert main(["load", str(folder)]) == EXIT_PARTIAL
    out, err = capsys.readouterr()
    assert f"{SHGZB} 2024" in out
    assert "a_partial.pdf: the PDF is damaged" in err


def test_pages_and_lines_within_them(pdfs, capsys):
    """A PDF's figures and findings carry the page and the line on it (the extracted text counts
    each page break as a line, so its line numbers alone disagree with `grep -n`)."""
    czj = "上海市普陀区财政局"
    assert pdfs.one(
        "select source_line, source_page, page_line from marts.fct_table_cell c join marts.dim_report d using (report_id) "
        "where d.department_name = ? and table_key = 'T05' and row_key = '208' and column_key = 'total'", czj) == (218, 15, 13)
    # The narrative's 财政拨款收入支出总计 0.3万元 (for 2,961.68): page 21, line 15 of the PDF's text.
    assert pdfs.one(
        "select actual_source, source_page, page_line from audit.findings where department_name = ? "
        "and check_id = 'nr_restates_table' and object like 'appropriation_expenditure_total_amount%'", czj) == (
        "narrative:312", 21, 15)
    assert pdfs.one(
        "select source_page, page_line from marts.fct_narrative_figure n join marts.dim_report d using (report_id) "
        "where d.department_name = ? and n.source_line = 312 limit 1", czj) == (21, 15)
    text = (pdfs.base / "czj.txt")
    assert main(["extract-text", str(PDF / "putuo_czj_2024.pdf"), "-o", str(text)]) == 0
    page = text.read_text(encoding="utf-8").split("\f")[20].split("\n")
    assert page[14].startswith("上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元")
