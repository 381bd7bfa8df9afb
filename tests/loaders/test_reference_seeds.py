"""The committed reference seeds agree with the parsers and the layout they describe."""

import csv

from juesuan.layout import TABLE_TITLES
from juesuan.model import NATIONAL_TABLES, UNIVERSITY_TABLES
from juesuan.reference import project_root
from juesuan.tables import PARSERS
from juesuan.tables import t04_appropriation_summary as t04


def read(name):
    with (project_root() / "seeds" / "reference" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_column_reference_matches_the_parsers():
    expected = []
    for key, module in PARSERS.items():
        columns = (list(t04.LEFT_COLUMNS) if key == "T04" else []) + list(module.COLUMNS) + list(getattr(module, "EXTRA_COLUMNS", []))
        expected += [(key, c, label, str(i)) for i, (c, label) in enumerate(columns, 1)]
    assert [(r["table_key"], r["column_key"], r["column_label"], r["column_order"]) for r in read("ref_table_column.csv")] == expected


def test_table_reference_matches_the_layout_titles():
    assert {r["table_key"]: r["table_title"] for r in read("ref_standard_table.csv")} == TABLE_TITLES


def test_table_reference_names_the_tables_of_each_layout():
    layouts = {r["table_key"]: set(r["layouts"].split(",")) for r in read("ref_standard_table.csv")}
    assert tuple(k for k, ls in layouts.items() if "national" in ls) == NATIONAL_TABLES
    assert tuple(k for k, ls in layouts.items() if "university" in ls) == UNIVERSITY_TABLES


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
