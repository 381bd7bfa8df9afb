"""Plain data passed between the parse stages and written to the seed CSVs."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Cell:
    """One printed cell of a standard table, as printed."""

    table_key: str  # national numbering: T01 … T10
    row_key: str  # subject code, or a normalised line name (`income_subtotal`)
    column_key: str  # normalised column name (`total`, `basic`, `project`, …)
    state: str  # `value`, `blank` (nothing printed) or `na` (`────`)
    value_text: str  # the text as printed ('' for blank)
    value: Decimal | None  # the printed number, in `unit`
    unit: str  # 万元 for money; 辆 / 台套 for counts
    source_line: int


@dataclass(frozen=True)
class Row:
    """One printed row (a subject code or a named line) of a standard table."""

    table_key: str
    row_key: str
    row_code: str | None  # classification code as printed, joined (`2010601`)
    row_label: str  # the printed name, wrapped text joined
    line_number: int | None  # the printed 行次 where the table has one
    row_order: int  # position in the table as printed, from 1
    source_line: int  # the line where the row starts


@dataclass(frozen=True)
class Issue:
    """Something the parse noticed and could not settle; loaded and surfaced, never hidden."""

    severity: str  # `error` (part of a table was not loaded) or `warning`
    table_key: str | None
    source_line: int | None
    message: str


@dataclass
class ParsedTable:
    table_key: str
    title: str
    title_line: int
    rows: list[Row] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    no_data: bool = False  # the report states 本表无数据 for this table


@dataclass
class ParsedReport:
    report_id: str
    source_file: str
    source_sha256: str
    source_encoding: str
    department_name: str
    fiscal_year: int
    amount_unit: str
    tables: dict[str, ParsedTable]
    issues: list[Issue]

    @property
    def missing_tables(self) -> list[str]:
        from .layout import TABLE_KEYS

        return [k for k in TABLE_KEYS if k not in self.tables]
