from tests.conftest import D, cells_of


def test_budget_and_final(sample):
    cells = cells_of(sample, "T09")
    for phase in ("budget", "final"):
        assert cells[(phase, "total")].value == D("227.19")
        assert cells[(phase, "overseas")].state == "blank"
        assert cells[(phase, "vehicle_subtotal")].value == D("227.08")
        assert cells[(phase, "vehicle_purchase")].value == D("187.08")
        assert cells[(phase, "vehicle_operation")].value == D("40.00")
        assert cells[(phase, "reception")].value == D("0.11")
        assert cells[(phase, "total")].source_line == 1103
