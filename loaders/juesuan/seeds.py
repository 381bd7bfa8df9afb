"""Write parsed reports as seed CSVs, one directory per report, swapped in atomically.

`seeds/parsed/<report_id>/` holds `report.csv`, `table_rows.csv`, `table_cells.csv` and
`load_issues.csv`. A report is written into a temporary directory and renamed into place, so a
failure leaves what was loaded before untouched, and loading the same content twice rewrites
the same directory instead of adding a copy.
"""

from __future__ import annotations

import csv
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .model import ParsedReport

# Column order of each CSV; the dbt sources declare the same names with their types.
REPORT_COLUMNS = [
    "report_id", "source_file", "source_path", "source_sha256", "source_encoding",
    "department_name", "fiscal_year", "amount_unit", "tables_found", "tables_missing",
    "parser_version", "loaded_at",
]
ROW_COLUMNS = [
    "report_id", "table_key", "row_key", "row_code", "row_label", "line_number", "row_order", "source_line",
]
CELL_COLUMNS = [
    "report_id", "table_key", "row_key", "column_key", "cell_state", "value_text", "value", "unit", "source_line",
]
ISSUE_COLUMNS = ["report_id", "severity", "table_key", "source_line", "message"]


def parsed_dir(root: Path) -> Path:
    env = os.environ.get("JUESUAN_PARSED_DIR")
    return Path(env) if env else root / "seeds" / "parsed"


def _write_csv(path: Path, columns: list[str], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)


def _blank_none(v):
    return "" if v is None else v


def write_report(report: ParsedReport, source_path: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    rid = report.report_id
    tmp = out_dir / f".tmp-{rid}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        found = [k for k in report.tables]
        _write_csv(tmp / "report.csv", REPORT_COLUMNS, [[
            rid, report.source_file, str(source_path.resolve()), report.source_sha256, report.source_encoding,
            report.department_name, report.fiscal_year, report.amount_unit, ",".join(found),
            ",".join(report.missing_tables), __version__,
            datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        ]])
        _write_csv(tmp / "table_rows.csv", ROW_COLUMNS, (
            [rid, r.table_key, r.row_key, _blank_none(r.row_code), r.row_label, _blank_none(r.line_number), r.row_order, r.source_line]
            for t in report.tables.values() for r in t.rows
        ))
        _write_csv(tmp / "table_cells.csv", CELL_COLUMNS, (
            [rid, c.table_key, c.row_key, c.column_key, c.state, c.value_text, _blank_none(c.value), c.unit, c.source_line]
            for t in report.tables.values() for c in t.cells
        ))
        _write_csv(tmp / "load_issues.csv", ISSUE_COLUMNS, (
            [rid, i.severity, _blank_none(i.table_key), _blank_none(i.source_line), i.message] for i in report.issues
        ))
        _swap_in(tmp, out_dir / rid)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir / rid


def _swap_in(tmp: Path, target: Path) -> None:
    if target.exists():
        old = target.with_name(f".old-{target.name}-{uuid.uuid4().hex[:8]}")
        os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, target)


@dataclass(frozen=True)
class LoadedReport:
    report_id: str
    source_path: str
    department_name: str
    fiscal_year: str


def loaded_reports(out_dir: Path) -> list[LoadedReport]:
    out = []
    if not out_dir.exists():
        return out
    for d in sorted(out_dir.iterdir()):
        f = d / "report.csv"
        if d.name.startswith(".") or not f.exists():
            continue
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out.append(LoadedReport(row["report_id"], row["source_path"], row["department_name"], row["fiscal_year"]))
    return out


def remove_report(out_dir: Path, report_id: str) -> None:
    target = out_dir / report_id
    if target.exists():
        old = target.with_name(f".old-{report_id}-{uuid.uuid4().hex[:8]}")
        os.replace(target, old)
        shutil.rmtree(old, ignore_errors=True)
