"""The one declaration of the parsed CSVs (juesuan.contract): the writer, the dbt sources and
DuckDB's reading of the files all follow it, by column name."""

from __future__ import annotations

import csv
import re

import duckdb
import pytest
import yaml

from juesuan import contract, seeds
from juesuan.seeds import write_report
from tests.conftest import ROOT

SOURCES = ROOT / "models" / "staging" / "_sources.yml"


def test_dbt_sources_are_generated_from_the_declaration():
    assert SOURCES.read_text(encoding="utf-8") == contract.sources_yaml(), (
        "models/staging/_sources.yml differs from loaders/juesuan/contract.py: "
        "run `python -m juesuan.contract > models/staging/_sources.yml`")


def test_each_source_reads_its_declared_columns_with_their_types():
    spec = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    tables = {t["name"]: t for t in spec["sources"][0]["tables"]}
    assert list(tables) == [f.name for f in contract.FILES]
    for f in contract.FILES:
        location = tables[f.name]["meta"]["external_location"]
        types = dict(re.findall(r"'(\w+)': '([^']+)'", location.split("types = ", 1)[1]))
        assert types == {c.name: c.type for c in f.columns}, f.name
        assert "union_by_name = true" in location and f"/*/{f.name}.csv'" in location
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


def _read(parsed, name: str):
    """A source as dbt reads it: its external_location with the parsed folder filled in."""
    spec = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    location = next(t for t in spec["sources"][0]["tables"] if t["name"] == name)["meta"]["external_location"]
    location = re.sub(r"\{\{ env_var\('JUESUAN_PARSED_DIR', 'seeds/parsed'\) \}\}", str(parsed), location)
    return duckdb.connect().execute(f"select * from {location}")


def test_a_csv_with_its_columns_in_another_order_is_read_by_name(tmp_path, sample, sample_path):
    """A file written by another tool, or by hand, with the columns reordered: each value still
    lands in its own column (DuckDB matched declared columns by position before)."""
    parsed = tmp_path / "parsed"
    out = write_report(sample, sample_path, parsed)
    with (out / "table_cells.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    reordered = list(reversed(list(rows[0])))  # row_key and column_key, both text, swap places too
    with (out / "table_cells.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, reordered, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    cur = _read(parsed, "table_cells")
    names = [d[0] for d in cur.description]
    got = [dict(zip(names, r)) for r in cur.fetchall()]
    cell = next(c for c in got if c["table_key"] == "T06" and c["row_key"] == "30102")
    assert (cell["column_key"], str(cell["value"]), cell["unit"], cell["source_line"]) == ("amount", "1946.45", "万元", 773)
    assert sorted(names) == sorted(contract.BY_NAME["table_cells"].column_names)  # staging selects by name
