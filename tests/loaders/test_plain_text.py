"""Reports as plain page text (pdfplumber's `extract_text`, blank cells left out): the tables are
found by their titles, what the text places is read, and a row whose figures' columns the text
does not say is placed only where the table's identities force it (marked inferred); what they do
not force is ambiguous: listed with its line, never filled from the left."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.parse.report import parse_file, parse_source
from juesuan.parse.source import read_source

from tests.conftest import ROOT, SAMPLE

TEXT = ROOT / "samples" / "text"


@pytest.fixture(scope="module")
def shiquan():
    return parse_file(TEXT / "putuo_shiquan_2025.txt")


@pytest.fixture(scope="module")
def wenlv():
    return parse_file(TEXT / "putuo_wenlv_2025.txt")


def cell(report, table, row, column):
    return next(c for c in report.tables[table].cells if c.row_key == row and c.column_key == column)


def errors(report, table, kind):
    return [i for i in report.issues if i.table_key == table and i.severity == "error" and i.kind == kind]


def test_tables_found_by_title_and_the_department_from_the_part_title(shiquan, wenlv):
    # No `公开NN表` line, no TAB grid: a title followed by its unit line is a table; the 目录's
    # entries (a title followed by another title) are not.
    assert (shiquan.department_name, shiquan.fiscal_year) == ("上海市普陀区人民政府石泉路街道办事处", 2025)
    assert (wenlv.department_name, wenlv.fiscal_year) == ("上海市普陀区文化和旅游局", 2025)
    for report in (shiquan, wenlv):
        assert sorted(report.tables) == ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"]
        assert report.tables["T01"].title_line > 60  # the table, not its 目录 entry on page 2


def test_rows_the_text_places_are_read_as_printed(shiquan, wenlv):
    # Table 05 rows with all three figures: EXPECTED.md's 合计, and the report's own error in 212
    # (基本支出 1,066.51 where the row gives 10,661.51), kept as printed.
    assert [cell(shiquan, "T05", "total", c).value for c in ("total", "basic", "project")] == [
        Decimal("19044.27"), Decimal("14206.00"), Decimal("4838.27")]
    assert [cell(shiquan, "T05", "212", c).value_text for c in ("total", "basic", "project")] == [
        "13,583.48", "1,066.51", "2,921.97"]
    # Table 06, (code, name, amount) groups side by side: an item without an amount is blank.
    assert {k: cell(shiquan, "T06", k, "amount").value for k in ("301", "302", "303")} == {
        "301": Decimal("11627.59"), "302": Decimal("2195.60"), "303": Decimal("382.81")}
    assert cell(shiquan, "T06", "30203", "amount").state == "blank"
    assert {k: cell(wenlv, "T06", k, "amount").value for k in ("301", "302", "303", "310", "public_total")} == {
        "301": Decimal("7728.96"), "302": Decimal("1708.26"), "303": Decimal("326.11"), "310": Decimal("37.03"),
        "public_total": Decimal("1745.29")}


def test_a_row_with_figures_missing_is_ambiguous_never_filled_from_the_left(shiquan, wenlv):
    # `201 一般公共服务支出 306.90 306.90` under 合计 / 基本支出 / 项目支出: it is 项目支出 (EXPECTED.md),
    # but the line does not say so. Filled from the left it read 基本支出 = 306.90.
    # In table 03 (six columns) the row identity forces the first figure into 合计 (any other
    # placement leaves 合计 blank beside two figures), but the second fits any of five columns.
    ambiguous = {i.printed_text: i for i in errors(shiquan, "T03", "ambiguous")}
    assert "201 一般公共服务支出 306.90 306.90" in ambiguous
    assert ambiguous["201 一般公共服务支出 306.90 306.90"].message.startswith(
        "ambiguous: row '一般公共服务支出' prints 2 figures (306.90 306.90) for 6 cells; the table's identities "
        "place total = 306.90 (marked inferred), and nothing says which columns hold 306.90")
    assert [(c.column_key, c.value_text, c.placement) for c in shiquan.tables["T03"].cells if c.row_key == "201"] == [
        ("total", "306.90", "inferred")]
    # The 三公 table prints 10 figures for its 12 cells: not one is placed, none taken as blank.
    assert [i.printed_text for i in errors(shiquan, "T09", "ambiguous")] == [
        "53.93 37.35 52.40 37.35 25.00 25.00 27.40 12.35 1.53 0"]
    assert shiquan.tables["T09"].cells == []
    # The fund table prints `0 2.80 2.80 2.80 0` for six cells: `0` is a figure, the row is ambiguous.
    # 年初 0, 本年收入 2.80 and 支出 2.80 are forced; 2.80 may be 基本 or 项目 and the last 0 项目 or 年末.
    assert "2070904 0 2.80 2.80 2.80 0" in [i.printed_text for i in errors(wenlv, "T07", "ambiguous")]
    assert [(c.column_key, c.value_text) for c in wenlv.tables["T07"].cells if c.row_key == "2070904"] == [
        ("opening_balance", "0"), ("income", "2.80"), ("total", "2.80")]


def test_the_header_line_printed_in_the_table_is_not_a_row(shiquan):
    # `合计 基本支出 项目支出` (the header's last line) was read as a 合计 row of blanks, and the real
    # 合计 line at the table's end was then dropped as a repeat.
    total = cell(shiquan, "T05", "total", "total")
    assert total.source_line == 488 and total.state == "value"
    assert not [i for i in shiquan.issues if "printed again" in i.message]


def test_table_05_placed_by_its_totals(shiquan):
    """石泉路's table 05 prints blank cells as nothing: `201 一般公共服务支出 306.90 306.90`. Its rows
    roll up (类 = Σ 款 = Σ 项, 合计 = Σ 类) and 合计 prints all three figures, so only one placement
    fits each row: 201 is 项目支出 (EXPECTED.md). The 基本支出 column cannot roll up at all (the
    report's own 1,066.51 in 212), so it decides nothing; the 合计 and 项目支出 columns do."""
    assert errors(shiquan, "T05", "ambiguous") == []
    assert [(c.column_key, c.value_text, c.state, c.placement) for c in shiquan.tables["T05"].cells
            if c.row_key == "201"] == [
        ("total", "306.90", "value", "inferred"), ("basic", "", "blank", "inferred"),
        ("project", "306.90", "value", "inferred")]
    assert cell(shiquan, "T05", "207", "project").value == Decimal("82.51")
    assert cell(shiquan, "T05", "total", "project").placement == "printed"
    inferred = {c.row_key for c in shiquan.tables["T05"].cells if c.placement == "inferred"}
    assert len(inferred) == 67
    # Every placed row keeps its row identity, whichever way it was placed (212's own error aside).
    for row in shiquan.tables["T05"].rows:
        if row.row_key in ("212", "21201"):
            continue
        total, basic, project = (cell(shiquan, "T05", row.row_key, c).value or 0 for c in ("total", "basic", "project"))
        assert abs(total - basic - project) <= Decimal("0.015"), row


def test_the_sample_row_without_its_blank_cells_is_placed_by_its_family(tmp_path):
    """The national sample's own row, printed as plain text prints it (blank cells left out): its
    siblings print every cell, so 20402's column sums leave it one placement: 项目支出."""
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[351].startswith("2040220 执法办案 26.44")  # T03: total, basic blank, project
    lines[351] = "2040220 执法办案 26.44 26.44"
    path = tmp_path / "plain_row.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = parse_source(read_source(path))
    assert errors(report, "T03", "ambiguous") == []
    placed = [(c.column_key, c.value_text, c.placement) for c in report.tables["T03"].cells if c.row_key == "2040220"]
    assert placed == [("total", "26.44", "inferred"), ("basic", "", "inferred"), ("project", "26.44", "inferred"),
                      ("remit_to_superior", "", "inferred"), ("operating", "", "inferred"),
                      ("subsidy_to_affiliates", "", "inferred")]
    # The same as the sample prints it, with its NBSP blanks: the row places itself.
    original = parse_file(SAMPLE)
    assert [(c.column_key, c.value_text, c.placement) for c in original.tables["T03"].cells if c.row_key == "2040220"] == [
        (column, text, "printed") for column, text, _ in placed]


def test_names_wrapped_around_their_code_line_are_one_name(shiquan, wenlv):
    """A name wrapped in its cell prints around the code line, as many parts above as below
    (`机关事业单位基` / `2080505 本养老保险缴费 545.85 …` / `支出`); a code line without a name has
    its name around it. Read as names, not refused: 石泉路's tables 02, 03 and 05 are whole."""
    def label(report, table, code):
        return next(r.row_label for r in report.tables[table].rows if r.row_code == code)

    for table in ("T02", "T03", "T05"):
        assert label(shiquan, table, "2080505") == "机关事业单位基本养老保险缴费支出"
        assert label(shiquan, table, "207") == "文化旅游体育与传媒支出"
        assert label(shiquan, table, "2013402") == "一般行政管理事务"
        assert errors(shiquan, table, "refused") == []
    # The first row's upper part sits above the table body; the last row's lower part at its end.
    assert label(wenlv, "T05", "207") == "文化旅游体育与传媒支出"
    assert label(wenlv, "T07", "2121999") == "其他国有土地使用权出让收入对应专项债务收入安排的支出"
    assert label(wenlv, "T02", "21219") == "国有土地使用权出让收入对应专项债务收入安排的支出"


def test_the_summary_table_without_line_numbers(shiquan, wenlv):
    """表一 printed without 行次 and with blank cells left out: a name, then its amount if any; two
    names on a line are income then expenditure; a name wrapped around its amount is one name."""
    def amounts(report):
        return {c.row_key: c.value for c in report.tables["T01"].cells if c.state == "value"}

    assert amounts(shiquan) == {
        "general_budget_appropriation": Decimal("19044.27"), "income_subtotal": Decimal("19044.27"),
        "expenditure_subtotal": Decimal("19044.27"), "income_total": Decimal("19044.27"),
        "expenditure_total": Decimal("19044.27"),
        **{code: Decimal(v) for code, v in [("201", "306.90"), ("204", "350.56"), ("205", "16.24"), ("206", "5.57"),
                                            ("207", "82.51"), ("208", "3019.34"), ("210", "271.40"), ("211", "150.00"),
                                            ("212", "13583.48"), ("221", "1160.04"), ("224", "98.23")]}}
    assert next(r.row_label for r in shiquan.tables["T01"].rows if r.row_key == "224") == "二十二、灾害防治及应急管理支出"
    wenlv_amounts = amounts(wenlv)
    assert {k: wenlv_amounts[k] for k in ("general_budget_appropriation", "government_fund_appropriation",
                                          "income_subtotal", "opening_balance", "income_total", "closing_balance")} == {
        "general_budget_appropriation": Decimal("24535.67"), "government_fund_appropriation": Decimal("2002.80"),
        "income_subtotal": Decimal("26538.47"), "opening_balance": Decimal("52.61"),
        "income_total": Decimal("26591.08"), "closing_balance": Decimal("52.61")}
    assert [i for i in shiquan.issues + wenlv.issues if i.table_key == "T01" and i.severity == "error"] == []


def test_table_04_without_line_numbers_placed_by_its_fund_columns(shiquan, wenlv):
    """表四 printed without 行次: an expenditure line prints 合计 and the funds it uses. 合计 = Σ funds
    leaves the fund open; each fund's column adding up to 本年支出合计, which (nothing carried over)
    is the fund's 本年收入, decides it. EXPECTED.md: 207 = 17,127.62 + 2.80, 212 is fund only."""
    def row(report, key):
        return [(c.column_key, c.value_text, c.placement) for c in report.tables["T04"].cells if c.row_key == key]

    funds = ("total", "general_budget", "government_fund", "state_capital")
    assert row(wenlv, "207") == [(c, v, "inferred") for c, v in zip(funds, ("17,130.42", "17,127.62", "2.80", ""))]
    assert row(wenlv, "212") == [(c, v, "inferred") for c, v in zip(funds, ("2,000.00", "", "2,000.00", ""))]
    assert row(wenlv, "expenditure_subtotal") == [
        (c, v, "inferred") for c, v in zip(funds, ("26,538.47", "24,535.67", "2,002.80", ""))]
    # 石泉路: eleven classes with figures, each of three funds possible (3^11 combinations): the
    # partial sums, not the combinations, are followed.
    assert row(shiquan, "201") == [(c, v, "inferred") for c, v in zip(funds, ("306.90", "306.90", "", ""))]
    assert row(shiquan, "expenditure_total") == [
        (c, v, "inferred") for c, v in zip(funds, ("19,044.27", "19,044.27", "", ""))]
    for report in (shiquan, wenlv):
        assert [i.message for i in report.tables["T04"].issues if i.severity == "error"] == []
        assert [r.row_key for r in report.tables["T04"].rows][:3] == ["general_budget_appropriation", "201", "government_fund_appropriation"]


@pytest.fixture(scope="module")
def text_built(tmp_path_factory):
    from juesuan.cli.main import main
    from tests.conftest import Workspace

    mp = pytest.MonkeyPatch()
    ws = Workspace(tmp_path_factory.mktemp("text_built"), mp)
    try:
        assert main(["run", str(TEXT)]) == 1  # built, with tables read in part: exit 1
    finally:
        mp.undo()
    return ws


def test_expected_figures_and_errors_from_the_warehouse(text_built):
    """EXPECTED.md's key figures of 石泉路, read back with SQL, and its printed errors as findings."""
    ws = text_built
    rid = ws.one("select report_id from marts.dim_report where source_file = 'putuo_shiquan_2025.txt'")

    def figure(table, row, column):
        return ws.one("select printed_value from marts.fct_table_cell where report_id = ? and table_key = ? "
                      "and row_key = ? and column_key = ?", rid, table, row, column)

    assert [figure("T05", "total", c) for c in ("total", "basic", "project")] == [
        Decimal("19044.27"), Decimal("14206.00"), Decimal("4838.27")]
    assert figure("T05", "201", "project") == Decimal("306.90")
    assert figure("T01", "221", "amount") == Decimal("1160.04")
    assert figure("T06", "personnel_total", "amount") == Decimal("12010.40")
    assert figure("T04", "expenditure_subtotal", "general_budget") == Decimal("19044.27")
    # 表四's classes (placed by their fund columns) against 表五's 合计 of each class.
    assert ws.one("""select count(*) filter (where status = 'held'), count(*) filter (where status = 'discrepancy')
                     from audit.identity_checks where report_id = ? and check_id = 'x04_05_class'""", rid) == (11, 0)
    # Each class of 表一 equals 表三's 合计 of that class, which the identities placed (inferred).
    assert ws.one("""select count(*) filter (where status = 'held'), count(*) filter (where status = 'discrepancy')
                     from audit.identity_checks where report_id = ? and check_id = 'x01_03_class'""", rid) == (10, 0)
    # The narrative under its wrapped heading, glued to the page before it (`…本表无数据。第三部分 …
    # 2025 年度` / `部门决算情况说明`): EXPECTED.md's figures, from SQL.
    stated = dict(ws.sql("select metric, value from marts.fct_narrative_figure where report_id = ? and metric in "
                         "('general_budget_expenditure_initial_budget', 'general_budget_expenditure_completion_rate', "
                         "'running_cost_amount', 'procurement_total_amount', 'procurement_goods_amount', "
                         "'procurement_works_amount', 'procurement_services_amount', 'projects_count', "
                         "'projects_amount')", rid))
    assert stated == {
        "general_budget_expenditure_initial_budget": Decimal("21864.85"),
        "general_budget_expenditure_completion_rate": Decimal("87.10"), "running_cost_amount": Decimal("627.04"),
        "procurement_total_amount": Decimal("1062.09"), "procurement_goods_amount": Decimal("80.98"),
        "procurement_works_amount": Decimal("269.03"), "procurement_services_amount": Decimal("712.08"),
        "projects_count": Decimal("48"), "projects_amount": Decimal("4974.93")}
    assert ws.one("select value from marts.fct_narrative_figure where report_id = ? and metric = 'projects_graded_count' "
                  "and subject_code = '优'", rid) == Decimal("48")
    findings = ws.sql("""select check_id, object, severity from audit.findings
                         where report_id = ? and severity in ('discrepancy', 'rounding') order by all""", rid)
    assert findings == [
        # 2080506 stated as 245.53 with 93.57% of its budget; the table's 257.14 gives 89.34%.
        ("nr_completion_rate", "function_item_completion_rate @ 五 line 706", "discrepancy"),
        ("nr_share", "class_share 205 @ 五 line 603", "rounding"),  # 0.08% printed for 0.085%
        # 公务接待费 "决算为 1.53 万元" (the budget) against its 0 stated twice (and in the table).
        ("nr_stated_twice", "reception_final @ 七 line 850", "discrepancy"),
        ("nr_stated_twice", "reception_final @ 七 line 856", "discrepancy"),
        ("t05_rollup", "T05 208 total", "rounding"),  # 208 printed 3,019.34, its 款 sum to 3,019.33
        ("t05_rollup", "T05 21201 basic", "discrepancy"),  # 1,066.51 printed for 10,661.51
        ("t05_rollup", "T05 total basic", "discrepancy"),  # the same digit missing, seen from 合计
        ("t05_row_sum", "T05 208 total", "rounding"),
        ("t05_row_sum", "T05 212 total", "discrepancy"),
        ("t05_row_sum", "T05 21201 total", "discrepancy"),
        ("t06_rollup", "T06 302 amount", "rounding"),  # the 302 items sum to 2,195.59 (printed 2,195.60)
    ]


def test_a_total_after_a_blank_item_is_not_the_items_amount(shiquan):
    """`31099 其他资本性支出` (blank) then `人员经费合计 12,010.40` on the next line: the total was read
    as the end of the item's name and its amount as the item's."""
    assert cell(shiquan, "T06", "31099", "amount").state == "blank"
    assert cell(shiquan, "T06", "personnel_total", "amount").value == Decimal("12010.40")
    assert cell(shiquan, "T06", "public_total", "amount").value == Decimal("2195.60")


def test_basic_expenditure_names_around_their_code_and_codes_printed_split(shiquan, wenlv):
    """表六 in plain text: a name wrapped in its cell prints around its code line, whose first group
    shows no name (`机关事业单位基本养老保` / `30108 504.38 30206 电费 72.56` / `险缴费`; wenlv:
    `信息网络及软件购置` / `31007` / `更新`); and the same table with its 款 codes printed in cells of
    their own (`301 01 基本工资 768.18 302 01 办公费 649.22`) reads to the same rows."""
    import dataclasses
    import re

    for report, line in ((shiquan, 504), (wenlv, 363)):
        rows = {r.row_key: r for r in report.tables["T06"].rows}
        assert (rows["30108"].row_label, rows["30108"].source_line) == ("机关事业单位基本养老保险缴费", line)
        assert rows["31007"].row_label == "信息网络及软件购置更新"
        assert [i for i in report.issues if i.table_key == "T06"] == []
    cell = next(c for c in shiquan.tables["T06"].cells if c.row_key == "30108")
    assert cell.value == Decimal("504.38")
    src = read_source(TEXT / "putuo_shiquan_2025.txt")
    lines = src.text.split("\n")
    t06 = range(next(n for n, t in enumerate(lines) if t.startswith("301 工资福利支出")), len(lines))
    for n in t06:
        if lines[n].startswith(("人员经费合计", "注")):
            break
        lines[n] = re.sub(r"(?<![\d.,])(3\d\d)(\d\d)(?![\d.,])", r"\1 \2", lines[n])
    assert "301 01 基本工资 768.18 302 01 办公费 649.22" in lines
    split = parse_source(dataclasses.replace(src, text="\n".join(lines)))

    def table(r):
        return ([(x.row_key, x.row_label) for x in r.tables["T06"].rows],
                [(c.row_key, c.state, c.value) for c in r.tables["T06"].cells])

    assert table(split) == table(shiquan)
