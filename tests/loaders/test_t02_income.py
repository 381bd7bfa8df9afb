from tests.conftest import D, cells_of


def test_income_rows(sample):
    cells = cells_of(sample, "T02")
    assert cells[("total", "total")].value == D("12290.04")
    assert cells[("total", "fiscal_appropriation")].value == D("12290.04")
    assert cells[("2040201", "fiscal_appropriation")].value == D("4335.69")
    assert cells[("2101103", "total")].value == D("56.29")
    assert cells[("total", "other")].state == "blank"


def test_wrapped_names_and_codes_on_their_own_line(sample):
    rows = {r.row_key: r for r in sample.tables["T02"].rows}
    assert rows["2040202"].row_label == "一般行政管理事务"
    assert rows["2080505"].row_label == "机关事业单位基本养老保险缴费支出"
    assert rows["2080505"].source_line == 276
    cells = cells_of(sample, "T02")
    assert cells[("2080505", "total")].value == D("436.20")
    assert cells[("2080505", "total")].source_line == 281


def test_tree_rows(sample):
    codes = [r.row_code for r in sample.tables["T02"].rows if r.row_code]
    assert codes[:3] == ["204", "20402", "2040201"]
    assert len(sample.tables["T02"].rows) == 27
    assert len(sample.tables["T02"].cells) == 27 * 7
