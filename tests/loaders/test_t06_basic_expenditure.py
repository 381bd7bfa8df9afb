from decimal import Decimal

from tests.conftest import D, cells_of


def test_printed_totals(sample):
    cells = cells_of(sample, "T06")
    assert cells[("personnel_total", "amount")].value == D("5567.98")
    assert cells[("public_total", "amount")].value == D("1099.33")
    assert cells[("301", "amount")].value == D("5557.70")
    assert cells[("302", "amount")].value == D("1069.29")


def test_items_from_all_four_column_groups(sample):
    cells = cells_of(sample, "T06")
    assert cells[("30102", "amount")].value == D("1946.45")  # group 1
    assert cells[("30239", "amount")].value == D("222.07")  # group 2
    assert cells[("31002", "amount")].value == D("30.04")  # group 3, after the page break
    assert cells[("30108", "amount")].value == D("436.20")  # name wrapped over two lines
    rows = {r.row_key: r for r in sample.tables["T06"].rows}
    assert rows["30108"].row_label == "机关事业单位基本养老保险缴费"
    assert rows["39908"].row_label == "对民间非营利组织和群众性自治组织补贴"  # wrapped over three lines


def test_not_applicable_blank_and_zero_told_apart(sample):
    cells = cells_of(sample, "T06")
    assert cells[("30901", "amount")].state == "na"
    assert cells[("30901", "amount")].value_text == "────"
    assert cells[("31001", "amount")].state == "blank"
    assert cells[("30106", "amount")].state == "blank"


def test_items_sum_as_the_report_prints_them(sample):
    # The report's own rounding: items sum to 5567.99 and 1099.36 against printed 5567.98 and 1099.33.
    cells = cells_of(sample, "T06")
    items = [(k, c.value) for (k, _), c in cells.items() if len(k) == 5 and c.value is not None]
    personnel = sum((v for k, v in items if k[:3] in ("301", "303")), Decimal(0))
    public = sum((v for k, v in items if k[:3] not in ("301", "303")), Decimal(0))
    assert (personnel, public) == (D("5567.99"), D("1099.36"))


def test_every_code_once(sample):
    keys = [r.row_key for r in sample.tables["T06"].rows]
    assert len(keys) == len(set(keys)) == 112
