from tests.conftest import D, cells_of


def test_general_budget_expenditure(sample):
    cells = cells_of(sample, "T05")
    assert cells[("total", "total")].value == D("12290.04")
    assert cells[("total", "basic")].value == D("6667.32")
    assert cells[("2040299", "project")].value == D("716.82")
    assert cells[("2040299", "basic")].state == "blank"
    assert cells[("2101102", "total")].value == D("11.03")
    assert len(sample.tables["T05"].rows) == 27
