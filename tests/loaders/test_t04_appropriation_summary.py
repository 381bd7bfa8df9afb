from tests.conftest import D, cells_of


def test_fund_columns(sample):
    cells = cells_of(sample, "T04")
    assert cells[("204", "total")].value == D("10766.61")
    assert cells[("204", "general_budget")].value == D("10766.61")
    assert cells[("204", "government_fund")].state == "blank"
    assert cells[("expenditure_total", "general_budget")].value == D("12290.04")
    assert cells[("income_total", "amount")].value == D("12290.04")


def test_carry_over_lines_per_fund(sample):
    rows = {r.row_key: r for r in sample.tables["T04"].rows}
    assert rows["opening_balance_general_budget"].line_number == 29
    # The right-hand line beside it prints no name: it is the same fund's year-end balance.
    assert rows["closing_balance_general_budget"].line_number == 61
    assert rows["closing_balance_state_capital"].line_number == 63
    assert rows["expenditure_total"].line_number == 64


def test_class_lines_across_the_page_break(sample):
    rows = {r.row_key: r for r in sample.tables["T04"].rows}
    assert rows["223"].line_number == 53  # first line after the page break (line 562)
    assert rows["224"].row_label == "二十二、灾害防治及应急管理支出"
