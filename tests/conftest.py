from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from juesuan.report import parse_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "reports" / "000_76716e9dec051514.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample():
    return parse_file(SAMPLE)


def cells_of(report, table_key):
    """{(row_key, column_key): Cell} of one table."""
    return {(c.row_key, c.column_key): c for c in report.tables[table_key].cells}


def value(report, table_key, row_key, column_key):
    return cells_of(report, table_key)[(row_key, column_key)].value


def D(text: str) -> Decimal:
    return Decimal(text)
