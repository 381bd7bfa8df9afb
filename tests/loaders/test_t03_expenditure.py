from tests.conftest import D, cells_of


def test_expenditure_by_kind(sample):
    cells = cells_of(sample, "T03")
    assert cells[("total", "basic")].value == D("6667.32")
    assert cells[("total", "project")].value == D("5622.72")
    assert cells[("2040202", "basic")].value == D("651.61")
    assert cells[("2040202", "project")].value == D("4865.46")


def test_blank_basic_cell_places_project_amount(sample):
    cells = cells_of(sample, "T03")
    assert cells[("2040220", "basic")].state == "blank"
    assert cells[("2040220", "project")].value == D("26.44")
    assert cells[("2040201", "project")].state == "blank"
    assert cells[("2040201", "basic")].value == D("4335.69")


def test_no_issues(sample):
    assert sample.tables["T03"].issues == []
