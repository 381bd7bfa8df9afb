from juesuan.layout import TABLE_KEYS, find_tables, read_header
from juesuan.lines import content_lines


def regions(text):
    return {r.table_key: r for r in find_tables(content_lines(text))}


def test_all_ten_tables_found_at_their_titles(sample_text):
    found = regions(sample_text)
    assert tuple(found) == TABLE_KEYS
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
