"""Types at the door: every value written to a seed CSV is of the type its contract column
declares, or it is not written. A value no type holds (a placeholder, a misread digit, a unit left
on the number) is written blank and becomes a `value_refused` load issue with its printed text and
line, so that no read of a CSV and no cast in staging can fail on what a report prints."""

from __future__ import annotations

import dataclasses
import hashlib
from decimal import Decimal

import duckdb
import pytest

from juesuan.load import contract, seeds
from juesuan.cli.main import EXIT_FINDINGS, EXIT_PARTIAL, main
from juesuan.parse.model import Issue

from tests.conftest import SAMPLE, Workspace

HOSTILE = ["—", "－", "/", "0.0%", "1,2O3", "∞", "N/A", "🙂"]
TYPED = [(f, c) for f in contract.FILES for c in f.columns if contract.type_check(c) is not None]


def test_every_typed_column_of_the_contract_is_checked():
    """Every column that is not free text has a check: numbers, whole numbers, timestamps, and the
    printed texts staging reads as numbers (rates, scores, weights of the 自评表)."""
    free = {(f.name, c.name) for f in contract.FILES for c in f.columns if contract.type_check(c) is None}
    assert all(c.type == "VARCHAR" and c.read_as is None for f in contract.FILES for c in f.columns
               if (f.name, c.name) in free)
    assert {("project_budget", "score_text"), ("project_budget", "execution_rate_text"),
            ("project_budget", "weight_text"), ("table_cells", "value"), ("reports", "fiscal_year"),
            ("reports", "loaded_at")} <= {(f.name, c.name) for f, c in TYPED}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_refused_in_every_typed_column(text):
    for f, column in TYPED:
        with pytest.raises(contract.NotOfType):
            contract.type_check(column)(text)


def test_what_the_types_hold_is_written_as_duckdb_and_spark_read_it():
    money = contract.type_check(contract.Column("value", contract.MONEY))
    assert money(Decimal("1E+3")) == "1000"  # not `1E+3`, which a cast from text refuses
    assert money(Decimal("-12.50")) == Decimal("-12.50")
    assert money(7) == 7
    with pytest.raises(contract.NotOfType, match="12 digits or more"):
        money(Decimal("1000000000000"))  # 10^12 万元: a misread, and beyond 元 in DECIMAL(18,2)
    with pytest.raises(contract.NotOfType):
        money(Decimal("NaN"))
    score = contract.type_check(contract.Column("score_text", "VARCHAR", "DECIMAL(9,2)"))
    assert score(" 93.00 ") == "93.00" and score("") == ""
    with pytest.raises(contract.NotOfType):
        score("1e3")
    integer = contract.type_check(contract.Column("source_line", "INTEGER"))
    assert integer(12) == 12
    for bad in (True, 2**31, "12a", Decimal("1.5")):
        with pytest.raises(contract.NotOfType):
            integer(bad)


def _row(f: contract.ParsedFile, text: str) -> dict:
    """A row of `f` with `text` in every typed column and a plain value elsewhere."""
    row = {c.name: "x" for c in f.columns}
    for c in f.columns:
        if contract.type_check(c) is not None:
            row[c.name] = text
    if "source_line" in row:
        row["source_line"] = 7
    return row


@pytest.mark.parametrize("text", HOSTILE)
def test_a_csv_written_with_hostile_text_reads_with_its_declared_types(tmp_path, text):
    for f in contract.FILES:
        refused: list[Issue] = []
        seeds._write_csv(tmp_path, f.name, [_row(f, text)], refused)
        typed = [c.name for c in f.columns if contract.type_check(c) is not None and c.name != "source_line"]
        assert [i.message.split(":")[0] for i in refused] == [f"{f.name}.{c}" for c in typed]
        assert all(i.printed_text == text and i.kind == "value_refused" for i in refused)
        assert all(i.source_line == (7 if "source_line" in f.column_names else None) for i in refused)
        columns = ", ".join(f"'{c.name}': '{c.type}'" for c in f.columns)
        con = duckdb.connect()
        row = con.execute(f"select * from read_csv('{tmp_path / (f.name + '.csv')}', header = true, delim = ',', "
                          f"quote = '\"', escape = '\"', auto_detect = false, columns = {{{columns}}})").fetchone()
        got = dict(zip(f.column_names, row))
        assert all(got[c] is None for c in typed), f.name
        for c in f.columns:  # staging's casts of printed text take what was written
            if c.read_as and got[c.name] is not None:
                con.execute(f"select cast(? as {c.read_as})", [got[c.name]]).fetchone()


def hostile_copy(sample, text: str):
    """The sample's parse with `text` where the parser puts printed figures: the first cell of
    each table, the first narrative figure, the first project's stated score, its funds row's
    amount, rate, score and weight, and its first indicator's values, weight and score. Returns the
    report and how many values were put."""
    put = 0

    def first(items, **changes):
        nonlocal put
        if not items:
            return items
        put += len(changes)
        return [dataclasses.replace(items[0], **changes), *items[1:]]

    tables = {key: dataclasses.replace(t, cells=first(t.cells, value=text)) for key, t in sample.tables.items()}
    narrative = first(sample.narrative, value=text)
    project = sample.projects[0]
    project = dataclasses.replace(
        project,
        budget=first(project.budget, annual_budget=text, execution_rate_text=text, score_text=text, weight_text=text),
        indicators=first(project.indicators, target_value=text, actual_value=text, weight_text=text, score_text=text))
    put += 1
    project = dataclasses.replace(project, stated_total_score=text)
    rid = hashlib.sha256(text.encode()).hexdigest()[:16]
    report = dataclasses.replace(sample, report_id=rid, tables=tables, narrative=narrative,
                                 projects=[project, *sample.projects[1:]])
    return report, put


@pytest.fixture(scope="module")
def hostile_built(tmp_path_factory, sample):
    mp = pytest.MonkeyPatch()
    ws = Workspace(tmp_path_factory.mktemp("hostile"), mp)
    try:
        ws.put = {}
        for text in HOSTILE:
            report, put = hostile_copy(sample, text)
            seeds.write_report(report, SAMPLE, ws.parsed)
            ws.put[report.report_id] = (text, put)
        ws.code = main(["build"])
    finally:
        mp.undo()
    return ws


def test_reports_with_hostile_text_in_every_figure_build_whole(hostile_built):
    ws = hostile_built
    assert ws.code in (EXIT_PARTIAL, EXIT_FINDINGS)  # built: tables with a refused cell are incomplete
    assert ws.one("select count(*) from marts.dim_report") == len(HOSTILE)
    assert ws.one("select count(*) from audit.build_quarantine") == 0


def test_each_hostile_value_is_a_load_issue_with_its_printed_text(hostile_built):
    ws = hostile_built
    for rid, (text, put) in ws.put.items():
        issues = ws.sql("""select printed_text, source_line, message from staging.stg_parsed__load_issues
                           where report_id = ? and kind = 'value_refused'""", rid)
        assert len(issues) == put and {i[0] for i in issues} == {text}, (text, issues[:3])
        assert all(line is not None for _, line, _ in issues)



def test_where_the_text_stood_the_warehouse_holds_no_number(hostile_built, sample):
    cell = sample.tables["T01"].cells[0]
    for rid in hostile_built.put:
        assert hostile_built.one("""select amount_yuan from marts.fct_table_cell
                                    where report_id = ? and table_key = 'T01' and row_key = ? and column_key = ?""",
                                 rid, cell.row_key, cell.column_key) is None
        # The table is published incomplete, so no identity over it judges the blank as a zero.
        assert "T01" in hostile_built.one("select tables_incomplete from marts.dim_report where report_id = ?", rid)
