"""Tables read from grid rows (PDF input), each case cut from the text `juesuan extract-text`
writes for the three 上海市普陀区 reports in samples/pdf (line breaks and TABs as extracted)."""

from decimal import Decimal

from juesuan.parse.grid import GridRow, column_labels
from juesuan.parse.layout import find_tables, read_report_title
from juesuan.parse.tables import TITLES
from juesuan.read.lines import content_lines
from juesuan.parse.source import line_breaks
from juesuan.parse.tables import PARSERS

T = "\t"


def tables_of(text: str) -> dict:
    regions = find_tables(content_lines(line_breaks(text)), TITLES["final"])
    return {r.table_key: PARSERS[r.table_key].parse(r, "万元") for r in regions}


def cells(table) -> dict:
    return {(c.row_key, c.column_key): c for c in table.cells}


# putuo_czj_2024.pdf page 8: 类/款/项 printed in three cells, the header's last line (类 款 项)
# in the 合计 row, zero cells left blank, names that wrap inside their cell joined.
CZJ_INCOME = "\n".join([
    "收入决算表",
    "单位：万元",
    T.join(["项目", "", "", "", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]),
    T.join(["支出功能分类", "", "", "科目名称", "", "", "", "", "", "", ""]),
    T.join(["科目编码", "", "", "", "", "", "", "", "", "", ""]),
    T.join(["类", "款", "项", "合计", "2,946.25", "2,940.05", "", "", "", "", "6.20"]),
    T.join(["201", "", "", "一般公共服务支出", "2,112.86", "2,106.66", "", "", "", "", "6.20"]),
    T.join(["201", "06", "", "财政事务", "2,112.86", "2,106.66", "", "", "", "", "6.20"]),
    T.join(["201", "06", "01", "行政运行", "1,511.90", "1,511.89", "", "", "", "", "0.01"]),
    T.join(["208", "05", "05", "机关事业单位基本养老保险缴费支出", "160.75", "160.75", "", "", "", "", ""]),
    T.join(["210", "11", "", "行政事业单位医疗", "60.99", "60.99", "", "", "", "", ""]),
]) + "\f" + "\n".join([  # page 9: the table runs on, its header not printed again
    T.join(["210", "11", "01", "行政单位医疗", "60.99", "60.99", "", "", "", "", ""]),
    T.join(["221", "02", "03", "购房补贴", "258.50", "258.50", "", "", "", "", ""]),
    "支出决算表",
])


def test_split_codes_are_joined_and_blank_cells_stay_in_their_column():
    t02 = tables_of(CZJ_INCOME)["T02"]
    assert t02.issues == []
    assert [r.row_key for r in t02.rows] == ["total", "201", "20106", "2010601", "2080505", "21011", "2101101", "2210203"]
    c = cells(t02)
    assert c[("total", "total")].value == Decimal("2946.25")
    assert c[("total", "other")].value == Decimal("6.20")
    assert c[("2010601", "fiscal_appropriation")].value == Decimal("1511.89")
    assert c[("2010601", "other")].value == Decimal("0.01")
    assert c[("2010601", "superior_subsidy")].state == "blank"
    assert c[("2080505", "other")].state == "blank"


def test_a_table_continued_on_the_next_page_is_joined():
    t02 = tables_of(CZJ_INCOME)["T02"]
    rows = {r.row_key: r for r in t02.rows}
    assert cells(t02)[("2101101", "total")].value == Decimal("60.99")
    assert rows["2101101"].source_line == 12  # the line of the extracted text, after the form feed
    assert rows["2210203"].row_order == 8


# putuo_ghzy_2024.pdf page 18: 本年支出's sub-columns printed in the 合计 row; an empty table.
GHZY_FUND = "\n".join([
    "政府性基金预算财政拨款收入支出决算表",
    "单位：万元",
    T.join(["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"]),
    T.join(["功能分类科目编码", "科目名称", "", "", "", "", "", ""]),
    T.join(["合计", "", "", "", "合计", "基本支出", "项目支出", ""]),
    "注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
    "说明：上海市普陀区规划和自然资源局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。",
])


def test_header_text_printed_in_the_total_row_is_read_as_header():
    t07 = tables_of(GHZY_FUND)["T07"]
    assert t07.issues == [] and t07.no_data
    assert {k for k, _ in cells(t07)} == {"total"}
    assert {c.state for c in t07.cells} == {"blank"}
    assert {col for _, col in cells(t07)} == {"opening_balance", "income", "total", "basic", "project", "closing_balance"}


def test_merged_header_cells_lend_their_text_to_the_columns_they_span():
    header = [
        GridRow(["项目", "", "", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"], 1),
        GridRow(["支出功能分类科目编码", "", "", "科目名称", "", "", "小计", "基本支出", "项目支出", ""], 2),
        GridRow(["类", "款", "项", "", "", "", "", "", "", ""], 3),
    ]
    labels = column_labels(header, 10)
    assert labels[1] == ("项目", "支出功能分类科目编码", "款")
    assert labels[7] == ("本年支出", "基本支出")
    assert labels[9] == ("年末结转和结余",)  # merged downwards: no children, nothing lent


# putuo_ghzy_2024.pdf page 17: item-major order (预算数, 决算数 for each item).
GHZY_THREE_PUBLIC = "\n".join([
    "财政拨款“三公”经费支出决算表",
    "单位：万元",
    T.join(["财政拨款“三公”经费"] + [""] * 11),
    T.join(["合计", "", "因公出国（境）费", "", "公务用车购置及运行维护费", "", "", "", "", "", "公务接待费", ""]),
    T.join(["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行维护费", "", "", ""]),
    T.join(["预算数", "决算数"] * 6),
    T.join(["2.85", "0.39", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2.85", "0.39"]),
])


def test_three_public_costs_in_item_major_order():
    t09 = tables_of(GHZY_THREE_PUBLIC)["T09"]
    assert t09.issues == []
    c = cells(t09)
    assert c[("budget", "total")].value == Decimal("2.85")
    assert c[("final", "total")].value == Decimal("0.39")
    assert c[("final", "reception")].value == Decimal("0.39")
    assert c[("budget", "vehicle_operation")].value == Decimal("0.00")
    assert len(c) == 12


# putuo_czj_2024.pdf page 16: economic codes in 类 and 款 cells, two column groups.
CZJ_BASIC = "\n".join([
    "一般公共预算财政拨款基本支出决算表",
    "单位：万元",
    T.join(["经济分类", "", "科目名称", "决算数", "经济分类", "", "科目名称", "决算数"]),
    T.join(["科目编码", "", "", "", "科目编码", "", "", ""]),
    T.join(["类", "款", "", "", "类", "款", "", ""]),
    T.join(["301", "", "工资福利支出", "2,082.85", "302", "", "商品和服务支出", "171.07"]),
    T.join(["301", "01", "基本工资", "262.33", "302", "01", "办公费", "21.21"]),
    T.join(["301", "03", "奖金", "", "302", "03", "咨询费", ""]),
    T.join(["", "", "", "", "310", "02", "办公设备购置", "13.58"]),
    T.join(["人员经费合计", "", "", "2,152.26", "公用经费合计", "", "", "184.65"]),
])


def test_basic_expenditure_groups_and_split_economic_codes():
    t06 = tables_of(CZJ_BASIC)["T06"]
    assert t06.issues == []
    c = cells(t06)
    assert c[("301", "amount")].value == Decimal("2082.85")
    assert c[("30201", "amount")].value == Decimal("21.21")
    assert c[("30103", "amount")].state == "blank"
    assert c[("31002", "amount")].value == Decimal("13.58")
    assert c[("personnel_total", "amount")].value == Decimal("2152.26")
    assert c[("public_total", "amount")].value == Decimal("184.65")


# putuo_czj_2024.pdf pages 12-13: two-sided, no 行次; the per-fund carry-over lines.
CZJ_APPROPRIATION = "\n".join([
    "财政拨款收入支出决算总表",
    "单位：万元",
    T.join(["收入", "", "支出", "", "", "", ""]),
    T.join(["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]),
    T.join(["一、一般公共预算财政拨款", "2,940.05", "一、一般公共服务支出", "2,106.66", "2,106.66", "", ""]),
    T.join(["", "", "八、社会保障和就业支出", "326.71", "326.71", "", ""]),
    T.join(["本年收入合计", "2,940.05", "本年支出合计", "2,940.05", "2,940.05", "", ""]),
    T.join(["年初财政拨款结转和结余", "21.63", "年末财政拨款结转和结余", "21.63", "21.63", "", ""]),
    T.join(["一、一般公共预算财政拨款", "21.63", "", "", "", "", ""]),
    T.join(["总计", "2,961.68", "总计", "2,961.68", "2,961.68", "", ""]),
])


def test_two_sided_table_without_line_numbers():
    t04 = tables_of(CZJ_APPROPRIATION)["T04"]
    assert t04.issues == []
    c = cells(t04)
    assert c[("general_budget_appropriation", "amount")].value == Decimal("2940.05")
    assert c[("208", "general_budget")].value == Decimal("326.71")
    assert c[("208", "government_fund")].state == "blank"
    assert c[("opening_balance", "amount")].value == Decimal("21.63")
    assert c[("opening_balance_general_budget", "amount")].value == Decimal("21.63")
    assert c[("expenditure_total", "total")].value == Decimal("2961.68")
    assert all(r.line_number is None for r in t04.rows)


def test_rows_that_cannot_be_placed_are_reported_not_guessed():
    broken = CZJ_INCOME.replace(
        T.join(["201", "06", "01", "行政运行", "1,511.90", "1,511.89", "", "", "", "", "0.01"]),
        T.join(["201", "06", "01", "行政运行", "1,511.90", "1,511.89", "", "", "", "0.01"]),  # one cell short
    ).replace(
        T.join(["221", "02", "03", "购房补贴", "258.50", "258.50", "", "", "", "", ""]),
        T.join(["221", "02", "03", "购房补贴", "258.50", "二五八", "", "", "", "", ""]),
    ).replace("支出决算表", "其中 行政运行 1,511.90 1,511.89\n支出决算表")  # numbers outside the grid
    t02 = tables_of(broken)["T02"]
    messages = sorted(i.message for i in t02.issues)
    assert len(messages) == 3 and all(i.severity == "error" for i in t02.issues)
    assert "amounts outside the table's ruled grid" in messages[0]
    assert "'二五八', not an amount" in messages[1]
    assert "has 10 cells, the table 11; not placed" in messages[2]
    assert ("2010601", "total") not in cells(t02)


def test_titles_are_found_by_exact_title_not_by_a_table_of_contents_entry():
    text = "\n".join([
        "目 录",
        "一、收入支出决算总表",  # a 目录 entry: an ordinal, no grid after it
        "财政拨款 三公 经费支出决算表",  # the title printed with its quotes on their own line
        "“ ”",
        "单位：万元",
        T.join(["财政拨款“三公”经费"] + [""] * 11),
        T.join(["预算数", "决算数"] * 6),
    ])
    regions = find_tables(content_lines(text), TITLES["final"])
    assert [(r.table_key, r.title_line) for r in regions] == [("T09", 3)]


def test_title_variants_numbering_department_and_year():
    grid = T.join(["项目", "决算数"])
    for title, key in [
        ("表一 收入支出决算总表", "T01"),
        ("上海市普陀区财政局2024年度收入决算表", "T02"),
        ("三、支出决算表（公开03表）", "T03"),
        ("附表9 财政拨款“三公”经费支出决算表", "T09"),
    ]:
        regions = find_tables(content_lines(title + "\n" + grid), TITLES["final"])
        assert [r.table_key for r in regions] == [key], title
    # A sentence that names a table is not its title.
    assert find_tables(content_lines("详见收入决算表。\n" + grid), TITLES["final"]) == []


def test_department_and_detached_year_from_the_part_titles():
    text = "\n".join([
        "第一部分 上海市普陀区规划和自然资源局概况",
        "第二部分 上海市规划和自然资源局 2024 年度部门决算",  # the report's own slip: 普陀区 left out
        "第三部分 上海市普陀区规划和自然资源局 年度部门决算情况",
        "2024",
        "说明",
    ])
    title = read_report_title(content_lines(text))
    assert title.department_name == "上海市普陀区规划和自然资源局"
    assert title.fiscal_year == 2024
    assert title.variants == {"上海市普陀区规划和自然资源局": 2, "上海市规划和自然资源局": 1}


# The national form drawn as a grid (a 公开NN表 PDF): 行次 columns, a 栏次 numbering row, and the
# 三公 cells 预算数 first. Rows and figures of the bundled 高平市公安局 sample, laid out as grid rows.
NATIONAL_SUMMARY = "\n".join([
    "收入支出决算总表",
    "公开01表",
    T.join(["收入", "", "", "支出", "", ""]),
    T.join(["项目", "行次", "金额", "项目", "行次", "金额"]),
    T.join(["栏次", "", "1", "栏次", "", "2"]),
    T.join(["一、一般公共预算财政拨款收入", "1", "12290.04", "一、一般公共服务支出", "32", ""]),
    T.join(["二、政府性基金预算财政拨款收入", "2", "", "二、外交支出", "33", ""]),
])
NATIONAL_THREE_PUBLIC = "\n".join([
    "财政拨款“三公”经费支出决算表",
    "公开09表",
    T.join(["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""]),
    T.join(["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"] * 2),
    T.join(["", "", "小计", "公务用车购置费", "公务用车运行费", ""] * 2),
    T.join([str(n) for n in range(1, 13)]),
    T.join(["227.19", "", "227.08", "187.08", "40.00", "0.11"] * 2),
])


def test_national_two_sided_grid_keeps_its_line_numbers():
    t01 = tables_of(NATIONAL_SUMMARY)["T01"]
    assert t01.issues == []
    rows = {r.row_key: r for r in t01.rows}
    assert rows["general_budget_appropriation"].line_number == 1 and rows["202"].line_number == 33
    assert cells(t01)[("general_budget_appropriation", "amount")].value == Decimal("12290.04")


def test_national_three_public_costs_grid_in_phase_major_order():
    t09 = tables_of(NATIONAL_THREE_PUBLIC)["T09"]
    assert t09.issues == []
    c = cells(t09)
    assert c[("budget", "vehicle_purchase")].value == Decimal("187.08")
    assert c[("final", "reception")].value == Decimal("0.11")
    assert c[("final", "overseas")].state == "blank"
