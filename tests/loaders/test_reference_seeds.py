"""The committed reference seeds agree with the parsers and the layout they describe."""

import csv

from juesuan.reference import project_root
from juesuan.tables import column_reference, table_reference


def read(name):
    with (project_root() / "seeds" / "reference" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_column_reference_matches_the_parsers():
    """ref_table_column is what the tables declare (`python -m juesuan.tables` writes it)."""
    assert read("ref_table_column.csv") == column_reference()
    parts = {(r["table_key"], r["column_key"]): r["part_of"] for r in read("ref_table_column.csv") if r["part_of"]}
    assert parts == {("T02", "business_tuition"): "business", ("T11", "project_capital_construction"): "project",
                     ("B05", "personnel"): "basic", ("B05", "public"): "basic",
                     ("B05", "project_excluding_construction"): "project",
                     ("B14", "personnel"): "basic", ("B14", "public"): "basic",
                     ("B14", "project_excluding_construction"): "project",
                     ("B02", "general_budget_special_funds"): "general_budget", ("B02", "business_tuition"): "business",
                     **{(k, c): p for k in ("B07", "B08") for c, p in (("personnel", "basic"), ("public", "basic"),
                                                                        ("project_excluding_construction", "project"))}}


def test_table_reference_is_what_the_tables_declare():
    """ref_standard_table is generated from the table modules (`python -m juesuan.tables`): a table
    kind's title, English name, layouts and final twin are written once, in its module."""
    assert read("ref_standard_table.csv") == table_reference()
    assert {r["table_key"]: r["final_twin"] for r in read("ref_standard_table.csv") if r["final_twin"]} == {
        "B01": "T01", "B02": "T02", "B03": "T03", "B04": "T04", "B05": "T05", "B06": "T06", "B07": "T07", "B08": "T08",
        "B09": "T09", "B14": "T11"}
    # A budget column is beside the twin's column of its own key unless its table declares another.
    beside = {(r["table_key"], r["column_key"]): r["final_column"] for r in read("ref_table_column.csv") if r["final_column"]}
    assert beside[("B06", "total")] == "amount" and beside[("B05", "basic")] == "basic"
    assert not any(t.startswith("T") for t, _ in beside)


def test_function_classes_cover_the_sample(sample):
    codes = {r["class_code"] for r in read("ref_function_class.csv")}
    printed = {r.row_code[:3] for t in ("T02", "T03", "T05") for r in sample.tables[t].rows if r.row_code}
    assert printed <= codes


def test_a_tables_own_identities_read_that_table_alone():
    """audit.table_coverage attributes an identity to its table by the catalog's reads_tables (not
    by how its check_id is spelled): a `within` identity reads exactly one standard table."""
    tables = {r["table_key"] for r in read("ref_standard_table.csv")}
    within = [(r["check_id"], r["reads_tables"]) for r in read("ref_identity.csv") if r["scope"] == "within"]
    assert len(within) >= 30 and all(t in tables for _, t in within), within
