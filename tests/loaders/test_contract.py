"""The one declaration of the parsed CSVs (juesuan.load.contract): the writer, the dbt sources and
DuckDB's reading of the files all follow it, by column name."""

from __future__ import annotations

import csv
import re

import pytest
import yaml

from juesuan.load import contract, seeds
from juesuan.load.seeds import write_report
from tests.conftest import ROOT

SOURCES = ROOT / "models" / "staging" / "_sources.yml"


def test_dbt_sources_are_generated_from_the_declaration():
    assert SOURCES.read_text(encoding="utf-8") == contract.sources_yaml(), (
        "models/staging/_sources.yml differs from loaders/juesuan/load/contract.py: "
        "run `python -m juesuan.load.contract > models/staging/_sources.yml`")


def test_each_source_reads_its_declared_columns_with_their_types():
    spec = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    tables = {t["name"]: t for t in spec["sources"][0]["tables"]}
    assert list(tables) == [f.name for f in contract.FILES]
    for f in contract.FILES:
        location = tables[f.name]["meta"]["external_location"]
        columns = dict(re.findall(r"'(\w+)': '([^']+)'", location.split("columns = ", 1)[1]))
        assert list(columns.items()) == [(c.name, c.type) for c in f.columns], f.name
        assert "auto_detect = false" in location and f"/*/{f.name}.csv'" in location
        assert [c["name"] for c in tables[f.name]["columns"]] == f.column_names


def test_the_writer_writes_every_declared_file_in_the_declared_order(tmp_path, sample, sample_path):
    out = write_report(sample, sample_path, tmp_path)
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(f"{f.name}.csv" for f in contract.FILES)
    for f in contract.FILES:
        with (out / f"{f.name}.csv").open(encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == f.column_names, f.name


def test_a_row_with_a_column_the_declaration_lacks_is_refused(tmp_path):
    with pytest.raises(ValueError, match="report_files.csv: row columns \\['extra'\\]"):
        seeds._write_csv(tmp_path, "report_files", [dict(
            report_id="r", file_seq=1, source_file="a", source_path="/a", source_sha256="x", source_encoding="pdf",
            first_line=1, last_line=2, extra=1)])


def test_a_csv_edited_with_its_columns_in_another_order_is_refused_and_parsed_again(tmp_path, sample, sample_path):
    """DuckDB reads the declared columns by position (by name cost 1.5× the build and twice its
    memory at 10,000 reports): a file changed after juesuan wrote it must keep the declared
    header, or its report is refused by name at build time and parsed again when loaded."""
    import os

    from juesuan.load.batch import load_paths
    from juesuan.load.seeds import edited_off_contract, stale_reports

    parsed = tmp_path / "parsed"
    out = write_report(sample, sample_path, parsed)
    assert edited_off_contract(out) == [] and stale_reports(parsed, [out.name]) == []
    cells = out / "table_cells.csv"
    with cells.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    reordered = list(reversed(list(rows[0])))  # row_key and column_key, both text, swap places too
    with cells.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, reordered, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    later = (out / seeds.CONTRACT_FILE).stat().st_mtime_ns + 1_000_000_000
    os.utime(cells, ns=(later, later))
    assert edited_off_contract(out) == ["table_cells.csv"]
    assert [r.report_id for r in stale_reports(parsed, [out.name])] == [out.name]
    outcome = load_paths([sample_path], parsed)
    assert [r.report_id for r in outcome.loaded] == [out.name] and not outcome.unchanged
    assert edited_off_contract(out) == []


def test_the_values_a_code_column_may_take_are_the_ones_staging_accepts():
    """A code column's values are declared once, in the contract, where the writer holds every
    value to them; staging's accepted_values tests of the same columns list the same values."""
    staging = yaml.safe_load((ROOT / "models" / "staging" / "_staging.yml").read_text(encoding="utf-8"))
    accepted = {}
    for model in staging["models"]:
        for column in model.get("columns", []):
            for test in column.get("data_tests", []):
                if isinstance(test, dict) and "accepted_values" in test:
                    accepted[(model["name"], column["name"])] = test["accepted_values"]["arguments"]["values"]
    declared = {(f"stg_parsed__{f.name}", c.name): list(c.values) for f in contract.FILES for c in f.columns if c.values}
    both = declared.keys() & accepted.keys()
    assert {("stg_parsed__table_cells", "cell_state"), ("stg_parsed__load_issues", "kind"),
            ("stg_parsed__reports", "amount_unit")} <= both
    assert {key: declared[key] for key in both} == {key: accepted[key] for key in both}
    cell_state = next(c for c in contract.BY_NAME["table_cells"].columns if c.name == "cell_state")
    with pytest.raises(contract.NotOfType, match="none of value, blank, na"):
        contract.type_check(cell_state)("dash")
