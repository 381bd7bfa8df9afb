import pytest

from juesuan.parse.layout import find_tables, read_header
from juesuan.parse.tables import TITLES
from juesuan.read.lines import content_lines
from juesuan.parse.model import NATIONAL_TABLES


def regions(text):
    return {r.table_key: r for r in find_tables(content_lines(text), TITLES["final"])}


def test_all_ten_tables_found_at_their_titles(sample_text):
    found = regions(sample_text)
    assert tuple(found) == NATIONAL_TABLES
    assert found["T01"].title_line == 48
    assert found["T02"].title_line == 193  # its number is printed broken: `公开02` / `表`
    assert found["T06"].title == "一般公共预算财政拨款基本支出决算明细表"
    assert found["T09"].title_line == 1052


def test_tables_end_before_the_narrative(sample_text):
    t10 = regions(sample_text)["T10"]
    assert all("情况说明" not in ln.text for ln in t10.lines)


def test_empty_fund_tables_say_no_data(sample_text):
    found = regions(sample_text)
    assert found["T07"].no_data and found["T08"].no_data
    assert not found["T03"].no_data


def test_header_department_year_unit(sample_text):
    found = regions(sample_text)
    for key in ("T01", "T05", "T09", "T10"):  # year on the same line, on its own line, or beside the unit
        h = read_header(found[key])
        assert (h.department_name, h.fiscal_year, h.amount_unit) == ("高平市公安局", 2024, "万元"), key


@pytest.mark.parametrize("printed, department, year", [
    ("部门:南漳县招商服务中心", "南漳县招商服务中心", 2024),
    ("部门：南漳县招商服务中心 2023年度", "南漳县招商服务中心", 2023),
    ("编制单位：上海市普陀区财政局 2024年度 单位：万元", "上海市普陀区财政局", 2024),
    ("填报单位：高平市公安局\t金额单位：万元", "高平市公安局", 2024),
])
def test_department_from_every_common_header_form(printed, department, year):
    from juesuan.read.lines import Line

    lines = [Line(1, "收入支出决算总表"), Line(2, printed), Line(3, "2024年度"), Line(4, "单位：万元"),
             Line(5, "项目\t行次\t金额")]
    header = read_header(find_tables(lines, TITLES["final"])[0])
    assert (header.department_name, header.fiscal_year) == (department, year)


def test_a_unit_line_or_a_sentence_about_the_department_is_not_its_name():
    from juesuan.read.lines import Line

    lines = [Line(1, "收入支出决算总表"), Line(2, "金额单位：万元"), Line(3, "本部门：无"), Line(4, "项目\t金额")]
    assert read_header(find_tables(lines, TITLES["final"])[0]).department_name is None
