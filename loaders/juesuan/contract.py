"""The one declaration of the CSVs between the loaders and dbt: each parsed file's name, its
columns in order with their types, and what a row is.

The seed writer writes from it (`seeds.py`), `models/staging/_sources.yml` is generated from it
(`python -m juesuan.contract > models/staging/_sources.yml`; a test fails when the committed file
differs), and DuckDB reads each CSV with these columns and types. Codes are text and money is
exact decimal: untyped, a code loses its leading zeros and an amount becomes a float.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type, as declared to read_csv


@dataclass(frozen=True)
class ParsedFile:
    name: str  # the CSV is `<name>.csv` in each report's folder, and the dbt source table `parsed.<name>`
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _columns(spec: str) -> tuple[Column, ...]:
    """`name TYPE, name TYPE, …` (a type may hold a comma inside parentheses)."""
    out, depth, part = [], 0, ""
    for ch in spec + ",":
        if ch == "," and depth == 0:
            name, type_ = part.split(None, 1)
            out.append(Column(name, type_.strip()))
            part = ""
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        part += ch
    return tuple(out)


MONEY = "DECIMAL(18,2)"  # a table's figure in the unit printed (万元, or 辆/台套)
PROJECT_MONEY = "DECIMAL(20,6)"  # a 自评表's 万元 to the 元, a 自评报告's 元 to the fen, both exact

FILES: tuple[ParsedFile, ...] = (
    ParsedFile("reports", "One row per loaded report (its files are in report_files).", _columns(
        "report_id VARCHAR, source_file VARCHAR, source_path VARCHAR, source_sha256 VARCHAR, "
        "source_encoding VARCHAR, department_name VARCHAR, fiscal_year INTEGER, amount_unit VARCHAR, "
        "tables_found VARCHAR, tables_missing VARCHAR, parser_version VARCHAR, loaded_at TIMESTAMP, "
        "page_starts VARCHAR")),
    ParsedFile("report_files", "One row per file a report was read from: one for a report published as one "
               "file, several for one published as a tables workbook, a narrative and 自评表 files.", _columns(
        "report_id VARCHAR, file_seq INTEGER, source_file VARCHAR, source_path VARCHAR, source_sha256 VARCHAR, "
        "source_encoding VARCHAR, first_line INTEGER, last_line INTEGER")),
    ParsedFile("table_rows", "One row per printed row (subject code or named line) of each standard table.", _columns(
        "report_id VARCHAR, table_key VARCHAR, row_key VARCHAR, row_code VARCHAR, row_label VARCHAR, "
        "line_number INTEGER, row_order INTEGER, source_line INTEGER, source_location VARCHAR")),
    ParsedFile("table_cells", "One row per printed cell, including blank and `────` cells.", _columns(
        f"report_id VARCHAR, table_key VARCHAR, row_key VARCHAR, column_key VARCHAR, cell_state VARCHAR, "
        f"value_text VARCHAR, value {MONEY}, unit VARCHAR, source_line INTEGER, source_location VARCHAR, "
        f"placement VARCHAR")),
    ParsedFile("load_issues", "What the parser noticed and could not settle, per report.", _columns(
        "report_id VARCHAR, severity VARCHAR, table_key VARCHAR, source_line INTEGER, message VARCHAR, "
        "printed_text VARCHAR, kind VARCHAR, source_location VARCHAR")),
    ParsedFile("projects", "One row per project self-evaluation (项目支出绩效自评) attached to a report.", _columns(
        "project_id VARCHAR, report_id VARCHAR, project_seq INTEGER, project_name VARCHAR, "
        "project_unit_code VARCHAR, project_unit_name VARCHAR, supervisor_code VARCHAR, supervisor_name VARCHAR, "
        "stated_execution_score DECIMAL(9,2), stated_indicator_score DECIMAL(9,2), "
        "stated_total_score DECIMAL(9,2), stated_grade VARCHAR, parse_error_count INTEGER, title_line INTEGER, "
        "section_overview VARCHAR, section_basis VARCHAR, section_necessity VARCHAR, section_safeguards VARCHAR, "
        "section_goal_period VARCHAR, section_goal_annual VARCHAR, section_implementation_plan VARCHAR, "
        "project_form VARCHAR, project_code VARCHAR")),
    ParsedFile("project_budget", "One row per funding source of a project's 预算执行情况 table (自评报告, in 元) or "
               "项目资金 rows (standard 自评表, in 万元), amounts in the unit printed (`amount_unit`).", _columns(
        f"project_id VARCHAR, row_order INTEGER, funding_source VARCHAR, target_declared {PROJECT_MONEY}, "
        f"budget_compiled {PROJECT_MONEY}, annual_budget {PROJECT_MONEY}, executed {PROJECT_MONEY}, "
        f"balance {PROJECT_MONEY}, execution_rate_text VARCHAR, score_text VARCHAR, deviation_reason VARCHAR, "
        f"source_line INTEGER, weight_text VARCHAR, amount_unit VARCHAR")),
    ParsedFile("project_indicators", "One row per performance indicator of a project's 绩效指标 table.", _columns(
        "project_id VARCHAR, row_order INTEGER, level1 VARCHAR, level2 VARCHAR, indicator_name VARCHAR, "
        "target_text VARCHAR, target_op VARCHAR, target_value DECIMAL(18,4), target_unit VARCHAR, "
        "actual_text VARCHAR, actual_value DECIMAL(18,4), weight DECIMAL(9,2), score DECIMAL(9,2), "
        "deviation_reason VARCHAR, source_line INTEGER, indicator_nature VARCHAR, measure_unit VARCHAR")),
    ParsedFile("narrative_figures", "One row per figure stated in the narrative (情况说明).", _columns(
        "report_id VARCHAR, figure_order INTEGER, section VARCHAR, subsection VARCHAR, subject VARCHAR, "
        "subject_code VARCHAR, attribute VARCHAR, metric VARCHAR, value DECIMAL(18,4), unit VARCHAR, "
        "denominator VARCHAR, value_text VARCHAR, source_line INTEGER, source_location VARCHAR")),
)

BY_NAME = {f.name: f for f in FILES}

# The declaration as one fingerprint, written beside each report's CSVs: a report written by a
# juesuan with other files or columns is parsed again when its file is loaded, and refused by
# name at build time until then.
FINGERPRINT = hashlib.sha256(json.dumps(
    [[f.name, [[c.name, c.type] for c in f.columns]] for f in FILES]).encode()).hexdigest()[:16]


def _read_csv(f: ParsedFile) -> str:
    """DuckDB's read of every report's `<name>.csv`: dialect declared (DuckDB would sniff a glob
    from its first file, and one without a quoted field would split quoted fields elsewhere) and
    columns declared with their types, matched by position: the writer writes exactly these
    columns in this order, and each report's folder carries the declaration's fingerprint.

    Not by name: binding each file's header (`types = {…}` with a one-row sniff) made the build of
    10,000 reports 260 s and 6.4 GB at its peak, against 176 s and 3.2 GB (bench/RESULTS.md), and
    `union_by_name` opens every file at once: "Too many open files" at 10,000 reports."""
    columns = ", ".join(f"'{c.name}': '{c.type}'" for c in f.columns)
    return (f"read_csv('{{{{ env_var('JUESUAN_PARSED_DIR', 'seeds/parsed') }}}}/*/{f.name}.csv', header = true, "
            f"delim = ',', quote = '\"', escape = '\"', auto_detect = false, columns = {{{columns}}})")


def sources_yaml() -> str:
    """`models/staging/_sources.yml`, as generated from FILES."""
    out = [
        "# Generated from loaders/juesuan/contract.py by `python -m juesuan.contract`: edit the declaration",
        "# there, then regenerate (tests/loaders/test_contract.py fails while they differ).",
        "version: 2",
        "",
        "sources:",
        "  - name: parsed",
        "    description: Parsed reports, as written by `juesuan load`; one CSV of each kind per report.",
        "    tables:",
    ]
    for f in FILES:
        out += [
            f"      - name: {f.name}",
            f"        description: {json.dumps(f.description, ensure_ascii=False)}",
            "        meta:",
            "          formatter: template",
            f"          external_location: {json.dumps(_read_csv(f), ensure_ascii=False)}",
            "        columns:",
        ]
        for c in f.columns:
            out += [f"          - name: {c.name}", f"            data_type: {c.type.lower()}"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(sources_yaml())
