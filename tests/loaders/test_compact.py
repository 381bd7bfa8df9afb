"""seeds.compact: the per-report CSVs as one CSV of each kind per batch of reports, as a full
build reads them and a cluster's file system wants them. The batches hold exactly the reports'
rows, one header each."""

from __future__ import annotations

import csv
from pathlib import Path

from juesuan.load.contract import FILES
from juesuan.load.batch import load_paths
from juesuan.load.seeds import compact

from tests.conftest import ROOT


def _rows(paths: list[Path]) -> list[dict]:
    out = []
    for p in paths:
        with p.open(encoding="utf-8", newline="") as f:
            out += list(csv.DictReader(f))
    return sorted(out, key=lambda r: tuple(r.values()))


def test_batches_hold_every_reports_rows_once(tmp_path):
    parsed = tmp_path / "parsed"
    assert len(load_paths([ROOT / "samples" / "text", ROOT / "samples" / "reports"], parsed).loaded) == 3
    assert compact(parsed, tmp_path / "two", reports_per_batch=2) == 2
    assert compact(parsed, tmp_path / "one", reports_per_batch=1000) == 1
    for kind in FILES:
        per_report = _rows(sorted(parsed.glob(f"*/{kind.name}.csv")))
        for layout in ("two", "one"):
            batched = sorted((tmp_path / layout).glob(f"*/{kind.name}.csv"))
            header = batched[0].read_text(encoding="utf-8").splitlines()[0]
            assert header.split(",") == kind.column_names
            assert _rows(batched) == per_report, (layout, kind.name)
    cells = _rows(sorted((tmp_path / "one").glob("*/table_cells.csv")))
    assert len({r["report_id"] for r in cells}) == 3


def test_a_file_edited_without_its_last_line_break_keeps_its_rows_apart(tmp_path):
    parsed = tmp_path / "parsed"
    assert len(load_paths([ROOT / "samples" / "text", ROOT / "samples" / "reports"], parsed).loaded) == 3
    first = sorted(d for d in parsed.iterdir() if d.is_dir())[0] / "table_rows.csv"
    first.write_bytes(first.read_bytes().rstrip(b"\n"))
    compact(parsed, tmp_path / "one")
    assert _rows([tmp_path / "one" / "batch-00000" / "table_rows.csv"]) == _rows(sorted(parsed.glob("*/table_rows.csv")))
