from tests.conftest import D, cells_of


def test_procurement(sample):
    cells = cells_of(sample, "T10")
    assert cells[("procurement_total", "amount")].value == D("2544.45")
    assert cells[("procurement_goods", "amount")].value == D("668.26")
    assert cells[("procurement_works", "amount")].value == D("314.80")
    assert cells[("procurement_services", "amount")].value == D("1561.38")


def test_running_cost(sample):
    cells = cells_of(sample, "T10")
    assert cells[("running_cost_admin_units", "amount")].value == D("1099.33")
    assert cells[("running_cost_civil_service_institutions", "amount")].state == "blank"


def test_vehicles_are_counts(sample):
    cells = cells_of(sample, "T10")
    total = cells[("vehicles_total", "count")]
    assert (total.value, total.unit, total.source_line) == (D("93"), "辆", 1138)
    assert cells[("vehicles_law_enforcement", "count")].value == D("93")
    assert cells[("equipment_over_1m", "count")].unit == "台套"
    rows = {r.row_key: r for r in sample.tables["T10"].rows}
    assert rows["equipment_over_1m"].line_number == 17  # the report skips 行次 16
    assert sample.tables["T10"].issues == []
