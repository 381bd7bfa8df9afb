"""Write parsed reports as seed CSVs, one directory per report, swapped in atomically.

`seeds/parsed/<report_id>/` holds one CSV per file that `contract.FILES` declares, in its
columns; the writer only serialises what the parsers made. A report is written into a temporary
directory and renamed into place, so a failure leaves what was loaded before untouched, and
loading the same content twice rewrites the same directory instead of adding a copy.
"""

from __future__ import annotations

import csv
import json
import operator
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from juesuan import __version__
from juesuan.load.contract import BY_NAME, FINGERPRINT, NotOfType, type_check
from juesuan.parse.layout import report_region, report_scope
from juesuan.writers import swap_in_dir
from juesuan.parse.model import Issue, ParsedReport
from juesuan.parse.projects.layout import SECTION_KEYS

CONTRACT_FILE = "contract"
# What a report holds and which files it was read from, for the loader only: whether a file
# loaded later completes it (load.group_parts) and which files it answers for.
PARTS_FILE = "parts.json"
# Only in the folder of a report read from several files: their paths and file ids, so that loading
# one of them again finds it loaded (its own id names no report folder) without reading every
# report's parts.
MEMBERS_FILE = "members.json"
# Each CSV's file name and declared header.
_CSV_HEADERS = [(f"{f.name}.csv", f.column_names) for f in BY_NAME.values()]


def has_current_contract(report_dir: Path | str) -> bool:
    try:
        with open(os.path.join(report_dir, CONTRACT_FILE), encoding="utf-8") as f:
            return f.read().strip() == FINGERPRINT
    except OSError:
        return False


def stale_reports(out_dir: Path, report_ids: list[str]) -> list[LoadedReport]:
    """Of `report_ids`, the reports whose CSVs were written with other columns than this juesuan
    writes, or edited since with a header that is not the declared one. Only their reports.csv is
    read (a build checks every report: 10,000 small files)."""
    stale = [rid for rid in report_ids if not has_current_contract(out_dir / rid) or edited_off_contract(out_dir / rid)]
    return [r for rid in stale for r in _read_reports_csv(out_dir / rid / "reports.csv")]


def edited_off_contract(report_dir: Path | str) -> list[str]:
    """The CSVs of a report changed after juesuan wrote it (newer than its contract file) whose
    header is not the declaration's: DuckDB reads the columns by position, so a column moved by
    hand or by another tool would shift same-typed data. Only a stat per file unless one changed
    (plain strings, not pathlib: a load or build stats every CSV of 10,000 reports)."""
    folder = os.fspath(report_dir)
    try:
        written = os.stat(os.path.join(folder, CONTRACT_FILE)).st_mtime_ns
    except OSError:
        return []
    out = []
    for name, columns in _CSV_HEADERS:
        path = os.path.join(folder, name)
        try:
            if os.stat(path).st_mtime_ns <= written:
                continue
            with open(path, encoding="utf-8", newline="") as fh:
                header = next(csv.reader(fh), [])
        except OSError:
            continue
        if header != columns:
            out.append(name)
    return out


def project_id(report_id: str, seq: int) -> str:
    return f"{report_id}-p{seq:02d}"


def parsed_dir(root: Path) -> Path:
    env = os.environ.get("JUESUAN_PARSED_DIR")
    return Path(env) if env else root / "seeds" / "parsed"


def _write_csv(folder: Path, name: str, rows, refused: list[Issue] | None = None) -> None:
    """`<name>.csv` with the declared columns in the declared order; each row is a dict of
    exactly those columns (a missing or extra one is a defect, raised here, not a shifted CSV).

    Each value goes through its column's type check (`contract.type_check`): one its type cannot
    hold is written blank and said in `refused`, as an issue with its printed text and line, so
    that reading the CSV and every cast in staging succeed whatever a report prints."""
    columns = BY_NAME[name].column_names
    wanted = set(columns)
    checks = [(c.name, check) for c in BY_NAME[name].columns if (check := type_check(c)) is not None]
    # A row's values in the declared order, taken in C (the csv module writes None as ''): a
    # Python loop over each cell's columns was a tenth of a load worker's time.
    values = operator.itemgetter(*columns)
    # A lone surrogate (a file decoded with errors kept) is written as its escape, not a failed load.
    with (folder / f"{name}.csv").open("w", encoding="utf-8", errors="backslashreplace", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            if row.keys() != wanted:
                raise ValueError(f"{name}.csv: row columns {sorted(row.keys() ^ wanted)} differ from the contract")
            for column, check in checks:
                value = row[column]
                if value is None:
                    continue
                try:
                    row[column] = check(value)
                except NotOfType as why:
                    row[column] = None
                    if refused is None:
                        raise ValueError(f"{name}.csv: {column} {value!r}: {why}") from None
                    refused.append(_refusal(name, column, row, value, str(why)))
            w.writerow(values(row))


def _refusal(name: str, column: str, row: dict, value, why: str) -> Issue:
    """The issue of a value refused at the door: where it was printed, as far as its row says."""
    line = row.get("source_line", row.get("title_line"))
    line = line if isinstance(line, int) else None
    printed = str(value)[:500]
    return Issue("error", row.get("table_key"), line,
                 f"{name}.{column}: {printed!r} is {why}; written blank", printed_text=printed, kind="value_refused")


def write_report(report: ParsedReport, source_path: Path, out_dir: Path, refused: list[Issue] | None = None) -> Path:
    """Serialise a parsed report into `out_dir/<report_id>/`, swapped in whole. `source_path` is
    the file, or the folder of a report of several files. The values no declared type holds
    (written blank, and in load_issues) are added to `refused` when given."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rid = report.report_id
    tmp = out_dir / f".tmp-{rid}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        _write_report_rows(report, source_path, tmp, refused if refused is not None else [])
        parts = report_parts(report)
        (tmp / PARTS_FILE).write_text(json.dumps(parts, ensure_ascii=False), encoding="utf-8")
        if len(parts["files"]) > 1:
            (tmp / MEMBERS_FILE).write_text(json.dumps(parts["files"], ensure_ascii=False), encoding="utf-8")
        (tmp / CONTRACT_FILE).write_text(FINGERPRINT + "\n", encoding="utf-8")
        swap_in_dir(tmp, out_dir / rid)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir / rid


def report_parts(report: ParsedReport) -> dict:
    """What the report holds (its tables, whether it has a narrative, its projects), the names it
    gives itself and the files it was read from (path and report id of each)."""
    names = {report.department_name}
    if not report.tables:  # a file of 自评表 forms names its units, any of which may be the department
        names |= {n for p in report.projects for n in (p.unit_name, p.supervisor_name) if n}
    return {
        "year": report.fiscal_year,
        "kind": report.document_kind,
        "names": sorted(names),
        "tables": sorted(report.tables),
        "narrative": bool(report.narrative),
        "projects": sorted({p.name for p in report.projects}),
        "files": [[str(f.path.resolve()), f.sha256[:16]] for f in report.files],
    }


def _write_report_rows(report: ParsedReport, source_path: Path, folder: Path, refused: list[Issue]) -> None:
    """Every CSV of the report; the values no declared type holds are gathered in `refused` and
    written in load_issues, the last CSV."""
    rid = report.report_id
    _write_csv(folder, "reports", [dict(
        report_id=rid, source_file=report.source_file, source_path=str(source_path.resolve()),
        source_sha256=report.source_sha256, source_encoding=report.source_encoding,
        department_name=report.department_name, fiscal_year=report.fiscal_year, amount_unit=report.amount_unit,
        tables_found=",".join(report.tables), tables_missing=",".join(report.missing_tables),
        parser_version=__version__, loaded_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        page_starts=",".join(map(str, report.page_starts)),
        layout=report.layout, scope=report_scope(report.department_name) or report.scope, region=report_region(report.department_name),
        document_kind=report.document_kind,
    )], refused)
    _write_csv(folder, "report_files", (dict(
        report_id=rid, file_seq=n, source_file=f.path.name, source_path=str(f.path.resolve()),
        source_sha256=f.sha256, source_encoding=f.encoding, first_line=f.first_line, last_line=f.last_line,
    ) for n, f in enumerate(report.files, 1)), refused)
    where = _locator(report)
    _write_csv(folder, "table_rows", (dict(
        report_id=rid, table_key=r.table_key, row_key=r.row_key, row_code=r.row_code, row_label=r.row_label,
        line_number=r.line_number, row_order=r.row_order, source_line=r.source_line,
        source_location=where(r.source_line),
    ) for t in report.tables.values() for r in t.rows), refused)
    _write_csv(folder, "table_cells", (dict(
        report_id=rid, table_key=c.table_key, row_key=c.row_key, column_key=c.column_key, cell_state=c.state,
        value_text=c.value_text, value=c.value, unit=c.unit, source_line=c.source_line,
        source_location=where(c.source_line, c.source_column), placement=c.placement,
    ) for t in report.tables.values() for c in t.cells), refused)
    _write_projects(report, folder, refused)
    _write_csv(folder, "narrative_figures", (dict(
        report_id=rid, figure_order=n, section=f.section, subsection=f.subsection, subject=f.subject,
        subject_code=f.subject_code, attribute=f.attribute, metric=f.metric, value=f.value, unit=f.unit,
        denominator=f.denominator, value_text=f.text, source_line=f.source_line,
        source_location=where(f.source_line),
    ) for n, f in enumerate(report.narrative, 1)), refused)
    _write_csv(folder, "load_issues", (dict(
        report_id=rid, severity=i.severity, table_key=i.table_key, source_line=i.source_line, message=i.message,
        printed_text=i.printed_text, kind=i.kind, source_location=where(i.source_line),
    ) for i in [*report.issues, *refused]), [])


def _locator(report: ParsedReport):
    """Where a line (and a grid column of it) was printed, in the form's own terms: `Sheet1!C7`,
    `table 3, row 7, column 2`, `paragraph 12`, prefixed with its file in a report of several
    files; '' for a text or PDF file alone, whose line is the place."""
    locations = report.locations

    def where(line: int | None, column: int | None = None) -> str:
        found = locations.get(line) if line is not None else None
        return found.of_cell(column) if found is not None else ""

    return where


def _write_projects(report: ParsedReport, folder: Path, refused: list[Issue]) -> None:
    rid = report.report_id
    projects, budgets, indicators = [], [], []
    for p in report.projects:
        pid = project_id(rid, p.seq)
        projects.append(dict(
            project_id=pid, report_id=rid, project_seq=p.seq, project_name=p.name, project_unit_code=p.unit_code,
            project_unit_name=p.unit_name, supervisor_code=p.supervisor_code, supervisor_name=p.supervisor_name,
            stated_execution_score=p.stated_execution_score, stated_indicator_score=p.stated_indicator_score,
            stated_total_score=p.stated_total_score, stated_grade=p.stated_grade,
            parse_error_count=sum(1 for i in p.issues if i.severity == "error"), title_line=p.title_line,
            **{f"section_{key}": p.sections.get(key, "") for key in SECTION_KEYS},
            project_form=p.form, project_code=p.code,
        ))
        budgets += [dict(
            project_id=pid, row_order=b.row_order, funding_source=b.funding_source,
            target_declared=b.target_declared, budget_compiled=b.budget_compiled, annual_budget=b.annual_budget,
            executed=b.executed, balance=b.balance, execution_rate_text=b.execution_rate_text,
            score_text=b.score_text, deviation_reason=b.deviation_reason, source_line=b.source_line,
            weight_text=b.weight_text, amount_unit=b.amount_unit,
        ) for b in p.budget]
        indicators += [dict(
            project_id=pid, row_order=i.row_order, level1=i.level1, level2=i.level2, indicator_name=i.name,
            target_text=i.target_text, target_op=i.target_op, target_value=i.target_value,
            target_unit=i.target_unit, actual_text=i.actual_text, actual_value=i.actual_value,
            weight=i.weight_text, score=i.score_text, deviation_reason=i.deviation_reason,
            source_line=i.source_line, indicator_nature=i.nature, measure_unit=i.measure_unit,
        ) for i in p.indicators]
    _write_csv(folder, "projects", projects, refused)
    _write_csv(folder, "project_budget", budgets, refused)
    _write_csv(folder, "project_indicators", indicators, refused)


def compact(parsed_dir: Path, out_dir: Path, reports_per_batch: int = 1000, only: list[str] | None = None) -> int:
    """The per-report CSVs of `parsed_dir` as one CSV of each kind per batch of reports
    (`out_dir/batch-00000/table_cells.csv`, …): 10,000 reports are 90,000 small files, 90 in
    batches of 1,000. The build reads either layout through the same `*/<kind>.csv` glob, and
    DuckDB reads the batches ~25× quicker (opening a file cost ~0.75 ms: 8 s of each of the nine
    staging reads of 10,000 reports); a cluster's file system wants them too. Returns the number
    of batches written; the layout is for reading only (`juesuan load` keeps adding to and
    pruning the per-report one).

    Bytes, not text: a file's rows are copied as written (its header dropped after the batch's
    first), ~10 s for 10,000 reports where decoding them took ~37 s. `only` names the reports to take
    (a build leaving some out), all by default."""
    wanted = None if only is None else set(only)
    reports = sorted(e.name for e in os.scandir(parsed_dir) if e.is_dir() and not e.name.startswith(".")
                     and (wanted is None or e.name in wanted))
    out_dir.mkdir(parents=True, exist_ok=True)
    batches = 0
    for start in range(0, len(reports), reports_per_batch):
        batch = out_dir / f"batch-{start // reports_per_batch:05d}"
        work = out_dir / f".{batch.name}.tmp"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        for kind in BY_NAME:
            with open(work / f"{kind}.csv", "wb") as out:
                first = True
                for report in reports[start : start + reports_per_batch]:
                    try:
                        with open(os.path.join(parsed_dir, report, f"{kind}.csv"), "rb") as f:
                            data = f.read()
                    except FileNotFoundError:
                        continue
                    if not first:
                        data = data.partition(b"\n")[2]  # the header, dropped
                    first = False
                    out.write(data)
                    if data and not data.endswith(b"\n"):  # a file edited by hand, its last row unended
                        out.write(b"\n")
        shutil.rmtree(batch, ignore_errors=True)
        work.rename(batch)
        batches += 1
    return batches


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
