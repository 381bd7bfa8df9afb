"""The one declaration of the CSVs between the loaders and dbt: each parsed file's name, its
columns in order with their types, and what a row is.

The seed writer writes from it (`seeds.py`), `models/staging/_sources.yml` is generated from it
(`python -m juesuan.load.contract > models/staging/_sources.yml`; a test fails when the committed file
differs), and DuckDB reads each CSV with these columns and types. Codes are text and money is
exact decimal: untyped, a code loses its leading zeros and an amount becomes a float.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type, as declared to read_csv
    # Text kept as printed that staging casts to this type (`score_text VARCHAR AS DECIMAL(9,2)`):
    # the writer lets through only text that cast takes.
    read_as: str | None = None
    # The values a code column may take (`cell_state VARCHAR IN (value, blank, na)`); staging's
    # accepted_values tests list the same (tests/loaders/test_contract.py).
    values: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ParsedFile:
    name: str  # the CSV is `<name>.csv` in each report's folder, and the dbt source table `parsed.<name>`
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _columns(spec: str) -> tuple[Column, ...]:
    """`name TYPE, name TYPE AS TYPE, name TYPE IN (a, b), …` (a type or a list may hold a comma
    inside parentheses)."""
    out, depth, part = [], 0, ""
    for ch in spec + ",":
        if ch == "," and depth == 0:
            name, type_ = part.split(None, 1)
            type_, _, values = type_.partition(" IN ")
            type_, _, read_as = type_.partition(" AS ")
            allowed = tuple(v.strip() for v in values.strip().strip("()").split(",")) if values else None
            out.append(Column(name, type_.strip(), read_as.strip() or None, allowed))
            part = ""
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        part += ch
    return tuple(out)


MONEY = "DECIMAL(20,6)"  # a table's figure in 万元 (a budget prints six decimals; 元 to the fen is six), or 辆/台套
PROJECT_MONEY = "DECIMAL(20,6)"  # a 自评表's 万元 to the 元, a 自评报告's 元 to the fen, both exact

FILES: tuple[ParsedFile, ...] = (
    ParsedFile("reports", "One row per loaded report (its files are in report_files).", _columns(
        "report_id VARCHAR, source_file VARCHAR, source_path VARCHAR, source_sha256 VARCHAR, "
        "source_encoding VARCHAR, department_name VARCHAR, fiscal_year INTEGER, amount_unit VARCHAR IN (万元, 元), "
        "tables_found VARCHAR, tables_missing VARCHAR, parser_version VARCHAR, loaded_at TIMESTAMP, "
        "page_starts VARCHAR, layout VARCHAR IN (national, university, budget), scope VARCHAR IN (consolidated, own), "
        "region VARCHAR, document_kind VARCHAR IN (final, budget)")),
    ParsedFile("report_files", "One row per file a report was read from: one for a report published as one "
               "file, several for one published as a tables workbook, a narrative and 自评表 files.", _columns(
        "report_id VARCHAR, file_seq INTEGER, source_file VARCHAR, source_path VARCHAR, source_sha256 VARCHAR, "
        "source_encoding VARCHAR, first_line INTEGER, last_line INTEGER")),
    ParsedFile("table_rows", "One row per printed row (subject code or named line) of each standard table.", _columns(
        "report_id VARCHAR, table_key VARCHAR, row_key VARCHAR, row_code VARCHAR, row_label VARCHAR, "
        "line_number INTEGER, row_order INTEGER, source_line INTEGER, source_location VARCHAR")),
    ParsedFile("table_cells", "One row per printed cell, including blank and `────` cells.", _columns(
        f"report_id VARCHAR, table_key VARCHAR, row_key VARCHAR, column_key VARCHAR, cell_state VARCHAR IN (value, blank, na), "
        f"value_text VARCHAR, value {MONEY}, unit VARCHAR, source_line INTEGER, source_location VARCHAR, "
        f"placement VARCHAR")),
    ParsedFile("load_issues", "What the parser noticed and could not settle, per report.", _columns(
        "report_id VARCHAR, severity VARCHAR IN (error, warning), table_key VARCHAR, source_line INTEGER, message VARCHAR, "
        "printed_text VARCHAR, kind VARCHAR IN (refused, ambiguous, repeated, value_refused), source_location VARCHAR")),
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
        f"balance {PROJECT_MONEY}, execution_rate_text VARCHAR AS DECIMAL(9,2), score_text VARCHAR AS DECIMAL(9,2), "
        f"deviation_reason VARCHAR, source_line INTEGER, weight_text VARCHAR AS DECIMAL(9,2), amount_unit VARCHAR IN (万元, 元)")),
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


class NotOfType(ValueError):
    """A value its column's declared type cannot hold: the reason, said to the user."""


# No figure of these reports reaches 10^12 in the unit it is printed in: staging converts 万元 to
# 元 within DECIMAL(18,2), which holds up to 10^16, and a larger figure is a misread, not a budget.
MAX_FIGURE_DIGITS = 12
# Text as DuckDB and Spark both cast it to a number: no exponent, no separators, no sign of a unit.
_NUMERAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z?")
_DECIMAL_TYPE = re.compile(r"DECIMAL\(([0-9]+),\s*([0-9]+)\)")
_INT32 = 2**31


def type_check(column: Column):
    """The check of a value written in `column` (None for free text): a function taking the value
    (never None) and returning it as it is to be written, or raising NotOfType. Every seed value
    passes it, so no read of a CSV and no cast in staging can fail on what a report prints."""
    if column.values is not None:
        return _one_of(column.values)
    type_ = column.read_as or column.type
    if m := _DECIMAL_TYPE.fullmatch(type_):
        return _decimal_check(int(m[1]), int(m[2]), text=column.read_as is not None)
    if type_ == "INTEGER":
        return _integer_check
    if type_ == "TIMESTAMP":
        return _timestamp_check
    return None


def _decimal_check(precision: int, scale: int, text: bool):
    digits = min(precision - scale, MAX_FIGURE_DIGITS)
    quantum = Decimal(1).scaleb(-scale)
    largest = Decimal(10) ** digits
    type_name = f"DECIMAL({precision},{scale})"

    def check(value):
        printed = None
        if isinstance(value, str):
            printed = value.strip()
            if not printed:
                return ""
            if not _NUMERAL.fullmatch(printed):
                raise NotOfType(f"not a number ({type_name})")
            number = Decimal(printed)
        elif isinstance(value, Decimal):
            number = value
        elif isinstance(value, int) and not isinstance(value, bool):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(repr(value))
        else:
            raise NotOfType(f"a {type(value).__name__}, not a number")
        if not number.is_finite():
            raise NotOfType("not a finite number")
        # Rounding to the scale can add a digit only to a figure of digits − 1 digits already: the
        # quantize (a third of this check's time on every table cell) is for those alone.
        magnitude = number.adjusted()
        if number and magnitude >= digits - 1 and (
                magnitude >= digits or abs(number.quantize(quantum, ROUND_HALF_UP)) >= largest):
            raise NotOfType(f"{digits} digits or more before the point (more than {type_name} holds)")
        if text:
            return printed if printed is not None else format(number, "f")
        # A Decimal with a positive exponent prints as `1E+3`, which a cast from text refuses.
        return format(number, "f") if number.as_tuple().exponent > 0 else value

    return check


def _one_of(values: tuple[str, ...]):
    allowed = frozenset(values)

    def check(value):
        if value not in allowed:
            raise NotOfType(f"none of {', '.join(values)}")
        return value

    return check


def _integer_check(value):
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit() and value.strip().isascii():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise NotOfType("not a whole number")
    if not -_INT32 <= value < _INT32:
        raise NotOfType("a whole number beyond INTEGER")
    return value


def _timestamp_check(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str) and _TIMESTAMP.fullmatch(value):
        return value
    raise NotOfType("not a timestamp")

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
        "# Generated from loaders/juesuan/load/contract.py by `python -m juesuan.load.contract`: edit the declaration",
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
            if c.read_as:
                out.append(f"            description: Text as printed, read by staging as {c.read_as.lower()} "
                           "(the loader writes only text that cast takes).")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(sources_yaml())
