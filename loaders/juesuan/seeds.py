"""Write parsed reports as seed CSVs, one directory per report, swapped in atomically.

`seeds/parsed/<report_id>/` holds `reports.csv`, `table_rows.csv`, `table_cells.csv` and
`load_issues.csv`. A report is written into a temporary directory and renamed into place, so a
failure leaves what was loaded before untouched, and loading the same content twice rewrites
the same directory instead of adding a copy.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .model import ParsedReport
from .projects.layout import SECTION_KEYS
from .projects.targets import parse_actual, parse_target

# Column order of each CSV; the dbt sources declare the same names with their types.
REPORT_COLUMNS = [
    "report_id", "source_file", "source_path", "source_sha256", "source_encoding",
    "department_name", "fiscal_year", "amount_unit", "tables_found", "tables_missing",
    "parser_version", "loaded_at", "page_starts",
]
ROW_COLUMNS = [
    "report_id", "table_key", "row_key", "row_code", "row_label", "line_number", "row_order", "source_line",
    "source_location",
]
CELL_COLUMNS = [
    "report_id", "table_key", "row_key", "column_key", "cell_state", "value_text", "value", "unit", "source_line",
    "source_location", "placement",
]
ISSUE_COLUMNS = ["report_id", "severity", "table_key", "source_line", "message", "printed_text", "kind", "source_location"]
PROJECT_COLUMNS = [
    "project_id", "report_id", "project_seq", "project_name", "project_unit_code", "project_unit_name",
    "supervisor_code", "supervisor_name", "stated_execution_score", "stated_indicator_score",
    "stated_total_score", "stated_grade", "parse_error_count", "title_line",
    *(f"section_{key}" for key in SECTION_KEYS), "project_form", "project_code",
]
PROJECT_BUDGET_COLUMNS = [
    "project_id", "row_order", "funding_source", "target_declared", "budget_compiled", "annual_budget",
    "executed", "balance", "execution_rate_text", "score_text", "deviation_reason", "source_line",
    "weight_text", "amount_unit",
]
PROJECT_INDICATOR_COLUMNS = [
    "project_id", "row_order", "level1", "level2", "indicator_name", "target_text", "target_op",
    "target_value", "target_unit", "actual_text", "actual_value", "weight", "score",
    "deviation_reason", "source_line", "indicator_nature", "measure_unit",
]


NARRATIVE_COLUMNS = [
    "report_id", "figure_order", "section", "subsection", "subject", "subject_code", "attribute", "metric",
    "value", "unit", "denominator", "value_text", "source_line", "source_location",
]


# The columns of every file above, as one fingerprint, written beside each report's CSVs: a
# report written by a juesuan with other columns is parsed again when its file is loaded, and
# refused by name at build time until then (DuckDB reads the CSVs by position).
CONTRACT = hashlib.sha256(json.dumps([
    REPORT_COLUMNS, ROW_COLUMNS, CELL_COLUMNS, ISSUE_COLUMNS, PROJECT_COLUMNS, PROJECT_BUDGET_COLUMNS,
    PROJECT_INDICATOR_COLUMNS, NARRATIVE_COLUMNS]).encode()).hexdigest()[:16]
CONTRACT_FILE = "contract"


def has_current_contract(report_dir: Path) -> bool:
    try:
        return (report_dir / CONTRACT_FILE).read_text(encoding="utf-8").strip() == CONTRACT
    except OSError:
        return False


def stale_reports(out_dir: Path, report_ids: list[str]) -> list[LoadedReport]:
    """Of `report_ids`, the reports whose CSVs were written with other columns than this juesuan
    writes. Only their reports.csv is read (a build checks every report: 10,000 small files)."""
    stale = [rid for rid in report_ids if not has_current_contract(out_dir / rid)]
    return [r for rid in stale for r in _read_reports_csv(out_dir / rid / "reports.csv")]


def project_id(report_id: str, seq: int) -> str:
    return f"{report_id}-p{seq:02d}"


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
        _write_csv(tmp / "reports.csv", REPORT_COLUMNS, [[
            rid, report.source_file, str(source_path.resolve()), report.source_sha256, report.source_encoding,
            report.department_name, report.fiscal_year, report.amount_unit, ",".join(found),
            ",".join(report.missing_tables), __version__,
            datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), ",".join(map(str, report.page_starts)),
        ]])
        where = _locator(report)
        _write_csv(tmp / "table_rows.csv", ROW_COLUMNS, (
            [rid, r.table_key, r.row_key, _blank_none(r.row_code), r.row_label, _blank_none(r.line_number), r.row_order, r.source_line,
             where(r.source_line)]
            for t in report.tables.values() for r in t.rows
        ))
        _write_csv(tmp / "table_cells.csv", CELL_COLUMNS, (
            [rid, c.table_key, c.row_key, c.column_key, c.state, c.value_text, _blank_none(c.value), c.unit, c.source_line,
             where(c.source_line, c.source_column), c.placement]
            for t in report.tables.values() for c in t.cells
        ))
        _write_csv(tmp / "load_issues.csv", ISSUE_COLUMNS, (
            [rid, i.severity, _blank_none(i.table_key), _blank_none(i.source_line), i.message, _blank_none(i.printed_text),
             _blank_none(i.kind), where(i.source_line)]
            for i in report.issues
        ))
        _write_projects(report, tmp)
        _write_csv(tmp / "narrative_figures.csv", NARRATIVE_COLUMNS, (
            [rid, n, f.section, _blank_none(f.subsection), f.subject, _blank_none(f.subject_code), f.attribute,
             f.metric, f.value, f.unit, _blank_none(f.denominator), f.text, f.source_line, where(f.source_line)]
            for n, f in enumerate(report.narrative, 1)
        ))
        (tmp / CONTRACT_FILE).write_text(CONTRACT + "\n", encoding="utf-8")
        _swap_in(tmp, out_dir / rid)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir / rid


def _locator(report: ParsedReport):
    """Where a line (and a grid column of it) was printed, in the form's own terms: `Sheet1!C7`,
    `table 3, row 7, column 2`, `paragraph 12`; '' for text and PDF, whose line is the place."""
    locations = report.locations

    def where(line: int | None, column: int | None = None) -> str:
        found = locations.get(line) if line is not None else None
        return found.of_cell(column) if found is not None else ""

    return where


def _write_projects(report: ParsedReport, folder: Path) -> None:
    rid = report.report_id
    projects, budgets, indicators = [], [], []
    for p in report.projects:
        pid = project_id(rid, p.seq)
        errors = sum(1 for i in p.issues if i.severity == "error")
        projects.append([
            pid, rid, p.seq, p.name, _blank_none(p.unit_code), _blank_none(p.unit_name),
            _blank_none(p.supervisor_code), _blank_none(p.supervisor_name),
            _blank_none(p.stated_execution_score), _blank_none(p.stated_indicator_score),
            _blank_none(p.stated_total_score), _blank_none(p.stated_grade), errors, p.title_line,
            *(p.sections.get(key, "") for key in SECTION_KEYS), p.form, _blank_none(p.code),
        ])
        for b in p.budget:
            budgets.append([
                pid, b.row_order, b.funding_source, *(_blank_none(v) for v in (
                    b.target_declared, b.budget_compiled, b.annual_budget, b.executed, b.balance,
                    b.execution_rate_text, b.score_text, b.deviation_reason)), b.source_line,
                _blank_none(b.weight_text), b.amount_unit,
            ])
        for i in p.indicators:
            target = parse_target(i.target_text)
            indicators.append([
                pid, i.row_order, i.level1, i.level2, i.name, i.target_text, _blank_none(target.op),
                _blank_none(target.value), _blank_none(target.unit), i.actual_text,
                _blank_none(parse_actual(i.actual_text)), i.weight_text, i.score_text,
                _blank_none(i.deviation_reason), i.source_line, _blank_none(i.nature), _blank_none(i.measure_unit),
            ])
    _write_csv(folder / "projects.csv", PROJECT_COLUMNS, projects)
    _write_csv(folder / "project_budget.csv", PROJECT_BUDGET_COLUMNS, budgets)
    _write_csv(folder / "project_indicators.csv", PROJECT_INDICATOR_COLUMNS, indicators)


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
        f = d / "reports.csv"
        if d.name.startswith(".") or not f.exists():
            continue
        out.extend(_read_reports_csv(f))
    return out


def _read_reports_csv(f: Path) -> list[LoadedReport]:
    with f.open(encoding="utf-8", newline="") as fh:
        return [LoadedReport(row["report_id"], row["source_path"], row["department_name"], row["fiscal_year"])
                for row in csv.DictReader(fh)]


def remove_report(out_dir: Path, report_id: str) -> None:
    target = out_dir / report_id
    if target.exists():
        old = target.with_name(f".old-{report_id}-{uuid.uuid4().hex[:8]}")
        os.replace(target, old)
        shutil.rmtree(old, ignore_errors=True)
