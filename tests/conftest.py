from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from juesuan.cli.main import EXIT_FINDINGS, main
from juesuan.parse.report import parse_file

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


# One dbt target per test process, shared by every workspace: dbt's parsed project is kept there
# and reused by the next build (builds name their files relative to the warehouse's folder, so
# the profile is the same for all), where a target per workspace parsed the project anew each
# time (~5 s of every build). Set by the session fixture below.
_SHARED_TARGET: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def shared_dbt_target(tmp_path_factory) -> Path:
    target = tmp_path_factory.getbasetemp() / "dbt-target"
    _SHARED_TARGET[:] = [target]
    return target


class Workspace:
    """A parsed-seeds directory and warehouse file of one test scenario, and the process's dbt
    target, via the environment."""

    def __init__(self, base: Path, mp: pytest.MonkeyPatch):
        self.base = base
        self.parsed = base / "parsed"
        self.db = base / "warehouse" / "juesuan.duckdb"
        self.target = _SHARED_TARGET[0] if _SHARED_TARGET else base / "target"
        self.run_output = ""  # built_workspace: what `juesuan run` printed
        mp.setenv("JUESUAN_PARSED_DIR", str(self.parsed))
        mp.setenv("JUESUAN_DB", str(self.db))
        mp.setenv("JUESUAN_DBT_TARGET", str(self.target))

    def sql(self, query: str, *params):
        con = duckdb.connect(str(self.db), read_only=True)
        try:
            return con.execute(query, list(params)).fetchall()
        finally:
            con.close()

    def one(self, query: str, *params):
        rows = self.sql(query, *params)
        assert len(rows) == 1, rows
        return rows[0][0] if len(rows[0]) == 1 else rows[0]


def built_workspace(tmp_path_factory, name: str, *paths: Path) -> Workspace:
    """A warehouse built by `juesuan run` from `paths` (reports with discrepancies: exit 3)."""
    mp = pytest.MonkeyPatch()
    ws = Workspace(tmp_path_factory.mktemp(name), mp)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            assert main(["run", *map(str, paths)]) == EXIT_FINDINGS
        ws.run_output = printed.getvalue()  # what `juesuan run` told the user
        # dbt's own results of that build, before a later build in this process overwrites them
        ws.run_results = json.loads((ws.target / "run_results.json").read_text(encoding="utf-8"))["results"]
    finally:
        mp.undo()  # queries use the workspace's own paths; later tests start from a clean environment
    return ws


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The warehouse built from the sample report alone, shared by the end-to-end tests."""
    return built_workspace(tmp_path_factory, "built", SAMPLE)


# The suite runs on every core (pytest-xdist, `-n auto --dist loadfile` in pyproject.toml): one
# file's tests on one worker, so each worker builds the shared warehouses its files need once.
# The longest file (five dbt builds in one test) goes first, so the other worker is not left
# waiting for it at the end.
_LONGEST_FIRST = ("test_incremental.py",)


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=lambda item: item.path.name not in _LONGEST_FIRST)
