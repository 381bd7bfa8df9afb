"""Load report files into seed CSVs: parse each, write it, report what happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import LoadError
from .model import ParsedReport
from .report import parse_file
from .seeds import loaded_reports, remove_report, write_report

REPORT_SUFFIXES = {".txt"}


def collect_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the report files under each folder (recursively, sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES and not f.name.startswith("."))
            )
        else:
            out.append(p)  # a missing or odd file is reported by the loader, by name
    return out


@dataclass
class LoadOutcome:
    loaded: list[ParsedReport] = field(default_factory=list)
    failed: list[LoadError] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # report ids superseded by a new version of the same file


def load_paths(paths: list[Path], parsed_dir: Path) -> LoadOutcome:
    outcome = LoadOutcome()
    by_path = {r.source_path: r.report_id for r in loaded_reports(parsed_dir)}
    for path in collect_paths(paths):
        try:
            report = parse_file(path)
        except LoadError as err:
            outcome.failed.append(err)
            continue
        write_report(report, path, parsed_dir)
        outcome.loaded.append(report)
        # The same file edited in place: its old content goes, the new one stays.
        previous = by_path.get(str(path.resolve()))
        if previous and previous != report.report_id:
            remove_report(parsed_dir, previous)
            outcome.replaced.append(previous)
        by_path[str(path.resolve())] = report.report_id
    return outcome


def describe(report: ParsedReport) -> str:
    cells = sum(1 for t in report.tables.values() for c in t.cells if c.state == "value")
    errors = sum(1 for i in report.issues if i.severity == "error")
    warnings = sum(1 for i in report.issues if i.severity == "warning")
    text = (
        f"loaded {report.source_file}: {report.department_name} {report.fiscal_year} "
        f"(report {report.report_id}), {len(report.tables)} tables, {cells} printed numbers, "
        f"{len(report.projects)} project self-evaluations, {len(report.narrative)} narrative figures"
    )
    if report.missing_tables:
        text += f"; missing tables: {', '.join(report.missing_tables)}"
    if errors or warnings:
        text += f"; {errors} parse errors, {warnings} warnings"
    return text
