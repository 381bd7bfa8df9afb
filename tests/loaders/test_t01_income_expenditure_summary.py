from tests.conftest import D, cells_of, value


def test_income_lines_and_totals(sample):
    assert value(sample, "T01", "general_budget_appropriation", "amount") == D("12290.04")
    assert value(sample, "T01", "income_subtotal", "amount") == D("12290.04")
    assert value(sample, "T01", "income_total", "amount") == D("12290.04")
    assert value(sample, "T01", "expenditure_total", "amount") == D("12290.04")


def test_wrapped_income_line_name_is_joined(sample):
    rows = {r.row_key: r for r in sample.tables["T01"].rows}
    assert rows["general_budget_appropriation"].row_label == "一、一般公共预算财政拨款收入"
    assert rows["general_budget_appropriation"].line_number == 1
    assert rows["general_budget_appropriation"].source_line == 69


def test_expenditure_classes_mapped_to_codes(sample):
    cells = cells_of(sample, "T01")
    assert cells[("204", "amount")].value == D("10766.61")
    assert cells[("208", "amount")].value == D("807.71")  # name printed wrapped: 八、社会保障和就业支 / 出
    assert cells[("221", "amount")].value == D("446.47")
    assert cells[("201", "amount")].state == "blank"
    rows = {r.row_key: r for r in sample.tables["T01"].rows}
    assert rows["229"].row_label == "二十三、其他支出"
    assert rows["234"].line_number == 57  # continues after a page break


def test_blank_lines_are_blank_not_zero(sample):
    cells = cells_of(sample, "T01")
    assert cells[("opening_balance", "amount")].state == "blank"
    assert cells[("opening_balance", "amount")].value is None
    # Layout padding lines (行次 9–26 on the income side) carry no row.
    assert not any(k.startswith("income_line_") for k, _ in cells)


def test_every_printed_number_is_kept(sample):
    values = [c for c in sample.tables["T01"].cells if c.state == "value"]
    assert len(values) == 10
