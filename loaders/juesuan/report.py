"""A whole report: find its tables, read its header, parse each table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .errors import LoadError
from .layout import TABLE_KEYS, find_tables, read_header, read_report_title
from .lines import content_lines
from .model import Issue, ParsedReport
from .narrative import parse_narrative
from .projects import parse_projects
from .reference import function_class_by_name
from .source import SourceText, read_source
from .tables import PARSERS


def parse_file(path: Path) -> ParsedReport:
    return parse_source(read_source(path))


def parse_source(src: SourceText) -> ParsedReport:
    name = str(src.path)
    content = content_lines(src.text)  # computed once: the tables, projects and narrative share it
    regions = find_tables(content)
    if not regions:
        raise LoadError(
            name,
            "not a final-accounts report: none of the ten standard tables (公开01表 … 公开10表) was found",
            hint="check that this is a 部门决算 report and that its text layer was extracted",
        )
    headers = [read_header(r) for r in regions]
    department = _most_common(h.department_name for h in headers)
    year = _most_common(h.fiscal_year for h in headers)
    unit = _most_common(h.amount_unit for h in headers) or "万元"
    issues: list[Issue] = []
    if department is None or year is None:
        title = read_report_title(content)
        department = department or title.department_name
        year = year or title.fiscal_year
        if len(title.variants) > 1:
            printed = "; ".join(f"{n!r} ×{c}" for n, c in sorted(title.variants.items(), key=lambda kv: -kv[1]))
            issues.append(Issue("warning", None, title.source_line,
                                f"the report names its department in {len(title.variants)} ways ({printed}); taken: {department!r}"))
    if department is None:
        raise LoadError(name, "no 部门名称/单位名称 line in any table header", line=regions[0].title_line)
    if year is None:
        raise LoadError(name, "no fiscal year (`2024年度`) in any table header", line=regions[0].title_line)
    if unit != "万元":
        raise LoadError(name, f"amount unit {unit!r} is not supported yet: the standard tables print 万元", line=regions[0].title_line)

    tables = {}
    for region in regions:
        table = PARSERS[region.table_key].parse(region, unit)
        tables[region.table_key] = table
        issues.extend(table.issues)
    projects = parse_projects(content)
    narrative = parse_narrative(content, _item_codes(tables))
    for project in projects:
        issues.extend(project.issues)
    missing = [k for k in TABLE_KEYS if k not in tables]
    if missing:
        issues.append(Issue("warning", None, None, "standard tables not found in the report: " + ", ".join(missing)))
    return ParsedReport(
        report_id=src.report_id,
        source_file=src.path.name,
        source_sha256=src.sha256,
        source_encoding=src.encoding,
        department_name=department,
        fiscal_year=year,
        amount_unit=unit,
        tables=tables,
        issues=issues,
        projects=projects,
        narrative=narrative,
    )


def _most_common(values):
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _item_codes(tables: dict):
    """A 项 path (类, 款, 项 names) → its 7-digit code, by the names the report's coded tables print."""
    by_parent: dict[tuple[str, str], str] = {}
    for key in ("T05", "T03", "T02"):
        for row in tables[key].rows if key in tables else []:
            if row.row_code and len(row.row_code) in (5, 7):
                by_parent.setdefault((row.row_code[: len(row.row_code) - 2], row.row_label), row.row_code)
    classes = function_class_by_name()

    def resolve(class_name: str, kuan: str, xiang: str) -> str | None:
        class_code = classes.get(class_name)
        kuan_code = by_parent.get((class_code, kuan)) if class_code else None
        return by_parent.get((kuan_code, xiang)) if kuan_code else None

    return resolve
