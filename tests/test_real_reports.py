"""The corpus test: every real report in ../shared/reports and the fuzz set (damaged copies of the
sample and of a PDF, tests/test_fuzz.py), in one batch. It loads and builds, and each report built
in the batch has the rows it has when built alone: no report changes another's marts.

One report never stops the others, at load or at build. The 2019 report of 佛山市轨道交通局 failed
every build it was in (two narrative figures of one metric on one line, and figures outside any
recognised section, gave identity checks the same key). The budgets load as budgets beside the
final accounts; the one file not read yet (北京市统计局's 报表, which names neither its department
nor its year: its 情况说明 does) is refused with one line while the rest builds.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from juesuan.cli.main import EXIT_FINDINGS, EXIT_PARTIAL, main
from juesuan.warehouse.compiled import compiled_project, run_models
from juesuan.load.seeds import loaded_reports

from tests.conftest import ROOT, Workspace
from tests.test_fuzz import fuzz_inputs

SHARED = ROOT.parent / "shared" / "reports"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reports is not beside this checkout")

REAL_DEPARTMENTS = {"高平市公安局", "佛山市轨道交通局", "上海市普陀区财政局", "上海市普陀区人民政府石泉路街道办事处",
                    "上海市普陀区文化和旅游局", "西安市卫生健康委员会（汇总）", "西南大学"}
# Rows a report has only beside others: its prior-year comparison names the report of its
# department a year before, when the batch holds one.
BESIDE_OTHERS = {"marts.fct_narrative_prior_year": "prior_report_id"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpus")
    fuzz = fuzz_inputs(base / "fuzz")
    mp = pytest.MonkeyPatch()
    ws = Workspace(base, mp)
    try:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            ws.code = main(["run", str(SHARED), str(fuzz)])
        ws.out, ws.err = out.getvalue(), err.getvalue()
    finally:
        mp.undo()
    ws.fuzz = fuzz
    return ws


def test_every_real_report_and_the_fuzz_set_load_and_build_in_one_batch(corpus):
    assert corpus.code in (EXIT_PARTIAL, EXIT_FINDINGS), corpus.err[-2000:]
    assert "Traceback" not in corpus.err and "internal error" not in corpus.err
    real = corpus.sql("select r.department_name from marts.dim_report r join staging.stg_parsed__reports p "
                      "using (report_id) where p.source_path like ? and r.document_kind = 'final'", f"{SHARED}%")
    assert {d for (d,) in real} >= REAL_DEPARTMENTS and len(real) == 9
    budgets = corpus.one("select count(*) from marts.dim_report r join staging.stg_parsed__reports p using (report_id) "
                         "where p.source_path like ? and r.document_kind = 'budget'", f"{SHARED}%")
    assert budgets == 53  # 52 of budgets/ and 西南大学's
    # Nothing real is refused: 北京市统计局's 报表 file is joined with its 情况说明 (one report of two files).
    summary = json.loads((corpus.db.parent / "last_run.json").read_text(encoding="utf-8"))
    refused = {Path(r["file"]).name for r in summary["files_refused"] if str(SHARED) in r["file"]}
    assert refused == set(), refused
    assert corpus.one("select count(*) from staging.stg_parsed__reports where source_path like ? and source_file "
                      "= 'beijing'", f"{SHARED}%") == 1
    # The damaged copies build with the rest: published incomplete, never failing the batch.
    fuzz, incomplete = corpus.one("""select count(*), count(*) filter (where tables_incomplete <> '')
                                     from marts.dim_report r join staging.stg_parsed__reports p using (report_id)
                                     where p.source_path like ?""", f"{corpus.fuzz}%")
    assert fuzz >= 38 and incomplete >= 10
    assert corpus.one("select count(*) from audit.build_quarantine") == 0


def test_foshan_checks_have_a_key_each(corpus):
    # Each identity check of 佛山 has a key of its own (8 keys were shared, and the build failed).
    assert corpus.one("""select count(*) from (select report_id, check_id, object from audit.identity_checks
                         group by all having count(*) > 1)""") == 0
    # Two figures of one metric on one line keep a key each (`… line 446 #1`, `#2`). 佛山's line 474
    # (涉及一般公共预算支出 0 万元, 政府性基金预算支出 0 万元) was such a pair; those are of another
    # scope now, and not read.
    assert corpus.one("select count(*) from audit.identity_checks where object like '% line % #2'") > 0


def _report_tables(con: duckdb.DuckDBPyConnection, catalog: str) -> list[tuple[str, str, str]]:
    """(schema, table, key column) of every public table whose rows belong to one report."""
    return con.execute(
        """select table_schema, table_name,
                  case when bool_or(column_name = 'report_id') then 'report_id' else 'project_id' end
           from information_schema.columns
           where table_catalog = ? and table_schema in ('marts', 'audit')
             and column_name in ('report_id', 'project_id')
           group by all order by 1, 2""", [catalog]).fetchall()


def test_each_report_built_alone_has_the_rows_it_has_in_the_batch(corpus, tmp_path):
    """Each report of the batch, built alone by the same SQL (the compiled plan the batch's build
    saved), gives the same rows in every marts and audit table keyed by report or project."""
    project = compiled_project(ROOT, corpus.target)
    built = {rid for (rid,) in corpus.sql("select report_id from marts.dim_report")}
    reports = [r for r in loaded_reports(corpus.parsed) if r.report_id in built]
    assert len(reports) >= 46
    differing, compared = {}, set()
    for report in reports:
        alone = tmp_path / report.report_id
        shutil.copytree(corpus.parsed / report.report_id, alone / report.report_id)
        con = run_models(project, alone)
        try:
            con.execute(f"attach '{corpus.db}' as batch (read_only)")
            for schema, table, key in _report_tables(con, project.database):
                name = f"{schema}.{table}"
                compared.add(name)
                columns = "*" if name not in BESIDE_OTHERS else f"* exclude ({BESIDE_OTHERS[name]})"
                match = "report_id = ?" if key == "report_id" else "starts_with(project_id, ? || '-p')"
                (n,) = con.execute(
                    f"""select count(*) from (
                          (select {columns} from "{project.database}".{name}
                           except all select {columns} from batch.{name} where {match})
                          union all
                          (select {columns} from batch.{name} where {match}
                           except all select {columns} from "{project.database}".{name}))""",
                    [report.report_id, report.report_id]).fetchone()
                if n:
                    differing.setdefault(Path(report.source_path).name, []).append(f"{name}: {n} rows")
        finally:
            con.close()
            shutil.rmtree(alone)
    assert {"marts.fct_table_cell", "marts.fct_project_indicator", "audit.findings", "audit.identity_checks"} <= compared
    assert differing == {}


def test_the_provinces_reports_come_out_of_the_warehouse_as_printed(corpus):
    """EXPECTED.md of ../shared/reports/provinces, from SQL: 西安's name, its 三公 with 会议费 and 培训费,
    its tables whole; 佛山 with no discrepancy of its own narrative against figures of another scope."""
    xian = corpus.one("select report_id from marts.dim_report where department_name = '西安市卫生健康委员会（汇总）' "
                      "and fiscal_year = 2022")
    cells = dict(((t, r, c), v) for t, r, c, v in corpus.sql(
        "select table_key, row_key, column_key, cast(amount_yuan / 10000 as decimal(18, 2)) from marts.fct_table_cell "
        "where report_id = ? and table_key in ('T03', 'T09')", xian))
    assert [cells[("T09", "final", item)] for item in ("total", "vehicle_subtotal", "vehicle_purchase",
                                                        "vehicle_operation", "reception", "meeting", "training")] == \
        [Decimal(v) for v in ("587.55", "587.44", "136.48", "450.96", "0.11", "86.81", "2795.78")]
    assert cells[("T09", "budget", "total")] == Decimal("593.46") and cells.get(("T09", "final", "overseas")) is None
    assert [cells[("T03", "total", c)] for c in ("total", "basic", "project")] == \
        [Decimal("2074962.01"), Decimal("1168039.29"), Decimal("906922.72")]
    for department in ("西安市卫生健康委员会（汇总）", "佛山市轨道交通局"):
        assert corpus.one("select tables_incomplete from marts.dim_report where department_name = ?", department) == ""
    # The narratives' only discrepancy is 佛山's own (EXPECTED.md, source anomalies): the 7 projects'
    # 940.15 万元 stated as 100% of the general budget's 项目支出, which 公开05表 prints as 921.75.
    assert corpus.sql("""select r.department_name, f.check_id, f.object, f.expected
                         from audit.findings f join marts.dim_report r using (report_id)
                         where r.department_name in ('佛山市轨道交通局', '西安市卫生健康委员会（汇总）')
                           and f.severity = 'discrepancy' and f.check_id not like 'pj_%'""") == [
        ("佛山市轨道交通局", "nr_share", "projects_share @ 四 line 470", Decimal("102"))]
    # 西安's narrative states the 年初预算 and 决算 of 43 项 by their paths (`15.卫生健康支出（类）公立医院（款）中医
    # （民族）医院（项）`): each 决算 is 公开05表's; one path names no row the table prints (skipped).
    assert corpus.sql("""select status, count(*) from audit.identity_checks where report_id = ?
                         and check_id = 'nr_restates_table' and object like 'function_item_final %'
                         group by all order by all""", xian) == [("held", 42), ("skipped", 1)]
    # 西安's forms that print 执行率 1000% for 100% (EXPECTED.md: the other public checker flags them too).
    assert corpus.one("""select count(*) from audit.findings where report_id = ? and check_id = 'pj_execution_rate'
                         and severity = 'discrepancy' and actual = 1000 and expected = 100""", xian) >= 10
    # Its narrative's 部门整体 score against the 总分 of its 部门整体支出绩效自评表: 99.5 both.
    assert corpus.sql("select status, actual, expected from audit.identity_checks where report_id = ? "
                      "and check_id = 'nr_department_score'", xian) == [("held", Decimal("99.5"), Decimal("99.5"))]
    # 西安's narrative, before its tables (EXPECTED.md 11): 机关运行经费 and 政府采购, in 元.
    narrative = dict(((s, a), v) for s, a, v in corpus.sql(
        "select subject, attribute, value_yuan from marts.fct_narrative_figure where report_id = ? "
        "and subject in ('running_cost', 'procurement_total') and value_yuan is not null", xian))
    assert narrative == {("running_cost", "budget"): Decimal("6276200.00"), ("running_cost", "final"): Decimal("6276200.00"),
                         ("running_cost", "change"): Decimal("1133700.00"),
                         ("procurement_total", "amount"): Decimal("2720676900.00")}


def test_the_university_final_comes_out_of_the_warehouse_as_printed(corpus):
    """pairs/EXPECTED.md, from SQL: 西南大学's 2023 final accounts in the 高等学校 layout, whole with
    its four tables; its only findings the Δ0.01 gaps EXPECTED.md lists, as `rounding`."""
    swu, region, scope, layout, missing, incomplete = corpus.sql(
        "select report_id, region, scope, layout, tables_missing, tables_incomplete from marts.dim_report "
        "where department_name = '西南大学' and fiscal_year = 2023 and document_kind = 'final'")[0]
    assert (region, scope, layout, missing, incomplete) == (None, None, "university", "", "")
    cells = dict(((t, r, c), v) for t, r, c, v in corpus.sql(
        "select table_key, row_key, column_key, cast(amount_yuan / 10000 as decimal(18, 2)) from marts.fct_table_cell "
        "where report_id = ?", swu))
    assert [cells[("T01", r, "amount")] for r in ("appropriation_income", "income_subtotal", "income_total")] == \
        [Decimal("243015.38"), Decimal("430725.03"), Decimal("569496.54")]
    assert [cells[("T11", "total", c)] for c in ("total", "basic", "project", "project_capital_construction")] == \
        [Decimal("237100.00"), Decimal("199015.13"), Decimal("38084.87"), Decimal("6894.90")]
    # Its coverage is the layout's four tables; none of the national ten is missing from it.
    assert corpus.sql("select table_key from audit.table_coverage where report_id = ? order by 1", swu) == \
        [("T01",), ("T02",), ("T03",), ("T11",)]
    assert corpus.sql("select severity, count(*) from audit.findings where report_id = ? group by 1", swu) == \
        [("rounding", 7)]
    # The narrative against U4: its appropriation's parts and the 项 it names by code.
    held = {o.split(" line")[0] for (o,) in corpus.sql(
        "select object from audit.identity_checks where report_id = ? and check_id = 'nr_restates_table' "
        "and status = 'held'", swu)}
    assert {"appropriation_basic_expenditure_amount", "appropriation_project_expenditure_amount",
            "appropriation_item_final 2050205", "income_subtotal_amount"} <= held
    # Income by source over the leaf codes: 其中：教育收费 is a part of 事业收入 (ref_table_column.part_of),
    # never a source of its own (其他收入's leaves give 51,324.42 against 51,324.41 printed: Δ0.01).
    assert corpus.sql("select income_source, cast(sum(amount_yuan) / 10000 as decimal(18, 2)) from marts.fct_income "
                      "where report_id = ? group by 1 order by 1", swu) == \
        [("business", Decimal("136385.24")), ("fiscal_appropriation", Decimal("243015.38")), ("other", Decimal("51324.42"))]
    # The expenditure the budget will be compared with (pairs/EXPECTED.md, final column).
    assert corpus.sql("select left(subject_code, 3), cast(sum(amount_yuan) / 10000 as decimal(18, 2)) "
                      "from marts.fct_expenditure where report_id = ? and table_key = 'T11' group by 1 order by 1", swu) == \
        [("205", Decimal("213588.53")), ("206", Decimal("2536.65")), ("208", Decimal("13345.79")),
         ("221", Decimal("7629.03"))]


def test_the_provinces_reports_are_checked_not_skipped(corpus):
    """Fewer than 5% of each province report's identity checks are skipped (西安 had 429 of 698: its
    column-number lines made four tables incomplete). What is left skipped is a narrative figure with
    nothing of its scope printed to compare it with."""
    shares = dict(corpus.sql("""select r.department_name, count(*) filter (where c.status = 'skipped') * 100.0 / count(*)
                                from audit.identity_checks c join marts.dim_report r using (report_id)
                                where r.department_name in ('佛山市轨道交通局', '西安市卫生健康委员会（汇总）')
                                group by 1"""))
    assert len(shares) == 2 and max(shares.values()) < 5, shares
    assert corpus.sql("""select distinct c.skip_reason from audit.identity_checks c join marts.dim_report r using (report_id)
                         where r.department_name in ('佛山市轨道交通局', '西安市卫生健康委员会（汇总）')
                           and c.status = 'skipped'""") == [("no_inputs",)]


def test_each_check_names_its_printed_line_as_a_number(corpus):
    """Provenance as a column: every identity instance with a printed figure carries that figure's
    line (`actual_line`) beside the `T06:757` it shows, and a finding's page is found by it."""
    assert corpus.one("select count(*) from audit.identity_checks where actual_source is not null "
                      "and (actual_line is null or not ends_with(actual_source, ':' || actual_line))") == 0
    assert corpus.one("select count(*) from audit.identity_checks where actual_line is not null") > 5000
    assert corpus.one("select count(*) from audit.findings where actual_line is not null and source_page is null "
                      "and report_id in (select report_id from marts.dim_report where source_file like '%.pdf')") == 0


def test_the_budgets_summaries_balance_and_their_totals_are_their_kinds(corpus):
    """Every 收支总表 balances (收入总计 = 支出总计): the 37 budgets of budgets/ that print one and
    西南大学's. Every 支出总表's 合计 row is 基本 + 项目 (+ the other kinds): 无锡's 12, 苏州's 9, 北京市统计局's
    (a cross list: its 合计 alone is read) and 西南大学's; 西安's 支出总表 is by unit and fund, so its
    一般公共预算支出表 (B05) is where its 合计 = 人员经费 + 公用经费 + 项目: 13 of 15 hold, one within its
    printed rounding (西安市医疗保障局 prints 480544221.6, its parts sum to .62), one skipped (西安市工业和
    信息化局's table has a row printed outside its ruling: an incomplete table is checked by no sum).
    The only discrepancies are the documents' own."""
    rows = corpus.sql("""select c.check_id, c.status, count(*) from audit.identity_checks c
                         join marts.dim_report r using (report_id)
                         where r.document_kind = 'budget' and (c.check_id = 'b01_balance'
                               or (c.check_id in ('b03_row_sum', 'b05_row_sum') and c.object like '% total total'))
                         group by all order by all""")
    assert rows == [("b01_balance", "held", 38), ("b03_row_sum", "held", 23), ("b05_row_sum", "held", 35),
                    ("b05_row_sum", "rounding", 1), ("b05_row_sum", "skipped", 1)]
    findings = corpus.sql("""select r.source_file, f.check_id, f.object from audit.findings f
                             join marts.dim_report r using (report_id)
                             where r.document_kind = 'budget' and f.severity = 'discrepancy' order by all""")
    # 苏州市自然资源和规划局 (单位)'s 合计 leaves out its class 222 (388.25); 西安's 2020 支出总计 counts the
    # 90.57 carried in, which its expenditure side does not show (in 收支总表 and 财政拨款收支总表 alike), and
    # three of its units' 收入总表 合计 leave out their 上年结转 that the 合计 row counts; 西南大学's 小学教育
    # income is printed 9,645.51 where its sources add to 9,646.01 (and its 款 20502 with it); 无锡市人力资源
    # 和社会保障局 prints 本年支出 152,585.74 beside a 支出总计 of 152,585.76 with nothing carried over, and a
    # 人员经费 合计 0.02 above its classes' (in its 基本支出表 and its 财政拨款基本支出表 alike). Every 绩效目标表 but one is read whole.
    # 西安市国资委 2022 (xian_13) prints its 表6 (B18) from 30113 on with figures of other rows in its columns
    # (its 302 row: 合计 940,000.00 beside 人员经费 13,593,324.02, the table's own 合计's): every row sum breaks.
    scrambled = [f for f in findings if f[:2] == ("xian_13.pdf", "b18_row_sum")]
    assert len(scrambled) == 20 and ("xian_13.pdf", "b18_row_sum", "B18 302 total") in scrambled
    assert [f for f in findings if f not in scrambled] == [
        # 北京市统计局's 说明 states its 服务 purchases as 5177.89 万元, its 合计 less its 货物 as rounded
        # (9065.06 − 3887.17); 预算10表 prints 5,177.883268.
        ("beijing", "nr_restates_table", "procurement_services_amount @ 五 line 1112"),
        ("suzhou_09.pdf", "b05_rollup", "B05 total project"), ("suzhou_09.pdf", "b05_rollup", "B05 total total"),
        ("swu_2023_budget.pdf", "b02_rollup", "B02 20502 income_total"),
        ("swu_2023_budget.pdf", "b02_row_sum", "B02 2050202 income_total"),
        ("wuxi_05.pdf", "b04_expenditure_total", "B04 expenditure_total amount"),
        ("wuxi_05.pdf", "b06_rollup", "B06 total personnel"), ("wuxi_05.pdf", "b16_rollup", "B16 total personnel"),
        # 西安市司法局 2026's 绩效目标表 of 警用服装购置 (one of its units' projects of names printed before)
        # prints its funds line as `实施资金金额其中：（万元） | 期资金总 | 额：55.72` in its text layer: no funds read.
        ("xian_04.pdf", "pj_parse_complete", "警用服装购置 (line 1479)"),
        # 西安市交通运输局 2022: its 三公 table prints the 培训费 change as 35.40 万元, where 179.18 − 143.76 = 35.42;
        # it prints the general budget's basic expenditure as 17,739.88 + 1,703.46 万元 in its 表5 (B05) and as
        # 17,739.85 + 1,703.48 in its 表8 (B06).
        ("xian_08.pdf", "b09_change", "B09 change training"),
        ("xian_08.pdf", "xb05_06_personnel", "B05 total personnel"), ("xian_08.pdf", "xb05_06_public", "B05 total public"),
        ("xian_09.pdf", "b01_expenditure_total", "B01 expenditure_total amount"),
        ("xian_09.pdf", "b02_row_sum", "B02 unit_242001 income_total"),
        ("xian_09.pdf", "b02_row_sum", "B02 unit_242005 income_total"),
        ("xian_09.pdf", "b02_row_sum", "B02 unit_242010 income_total"),
        ("xian_09.pdf", "b04_expenditure_total", "B04 expenditure_total amount"),
        # 中共西安市委宣传部 2021's 三公 table: its 2021 合计 1,171,100.00 where 三公 65,100 + 会议费 320,000 + 培训费
        # 1,096,000 make 1,481,100 (its 2020 group adds up), and the change printed from that 合计.
        ("xian_14.pdf", "b09_with_meeting_training", "B09 budget total_with_meeting_training"),
        ("xian_14.pdf", "b09_with_meeting_training", "B09 change total_with_meeting_training")]
    # The budgets' project targets (绩效目标表): 西南大学's 24 and 西安's (9 projects and the department's own in
    # xian_01 and xian_12), stage `budget`.
    assert corpus.sql("""select r.source_file, count(distinct p.project_id), count(*)
                         from marts.dim_project p join marts.dim_report r using (report_id)
                         join marts.fct_project_indicator i using (project_id)
                         where p.stage = 'budget' and i.stage = 'budget'
                           and r.source_file in ('swu_2023_budget.pdf', 'xian_01.pdf', 'xian_12.pdf')
                         group by all order by all""") == [
        ("swu_2023_budget.pdf", 24, 233), ("xian_01.pdf", 10, 113), ("xian_12.pdf", 10, 431)]
    # With the department's own (部门整体支出绩效目标表, form `department_target`): 14 of 西安's 15 read.
    assert corpus.sql("""select count(*), sum(indicator_count) from marts.dim_project
                         where project_form = 'department_target' and stage = 'budget'""") == [(14, 441)]
    # 西南大学's budget: the figures pairs/EXPECTED.md lists, out of the warehouse.
    cells = dict(corpus.sql("""select c.table_key || ' ' || c.row_key || ' ' || c.column_key, c.amount_yuan
                               from marts.fct_table_cell c join marts.dim_report r using (report_id)
                               where r.department_name = '西南大学' and r.document_kind = 'budget'
                                 and c.table_key in ('B01', 'B03') and c.row_key in ('income_total', 'total')"""))
    assert cells == {"B01 income_total amount": Decimal("5572591300.00"), "B03 total total": Decimal("4687790700.00"),
                     "B03 total basic": Decimal("3760198800.00"), "B03 total project": Decimal("927591900.00")}


def test_the_budgets_other_tables_hold_their_identities(corpus):
    """收入总表 (B02), 财政拨款收支总表 (B04), 基本支出表 (B06), 政府性基金 (B07) and 国有资本经营 (B08), and the
    budget's tables against each other: every 财政拨款收支总表 balances (37), every 收入总表's rows add up
    but the documents' own (the discrepancies above), and where two tables state one figure they agree:
    the 收支总表's expenditure and classes with the 支出总表 (23 reports, 100 classes), its income with the
    收入总表 (西安's 480544221.62 beside a 480544221.6 printed to the jiao: within rounding), the general
    budget's basic expenditure with the 基本支出表 (37 reports; 西安's 2021–2022 titles that wrap or say
    `不含上年结转` are read since)."""
    rows = dict(((check, status), n) for check, status, n in corpus.sql(
        """select c.check_id, c.status, count(*) from audit.identity_checks c join marts.dim_report r using (report_id)
           where r.document_kind = 'budget' and regexp_matches(c.check_id, '^(b02|b04|b06|b07|b08|xb)')
           group by all"""))
    assert {k: v for k, v in rows.items() if k[1] not in ("held", "skipped")} == {
        ("b02_rollup", "discrepancy"): 1, ("b02_row_sum", "discrepancy"): 4, ("b04_expenditure_subtotal", "rounding"): 1,
        ("b04_expenditure_total", "discrepancy"): 2, ("b06_rollup", "discrepancy"): 1, ("b06_rollup", "rounding"): 3,
        ("xb01_02_income_total", "rounding"): 1,
        # 西安市交通运输局 2022 (above: its 表5 and 表8 differ by 0.03 and 0.02 万元); its 表6's 专项业务经费 55,425.00
        # beside 表5's 55,424.99 万元 is within their rounding.
        ("xb05_06_personnel", "discrepancy"): 1, ("xb05_06_public", "discrepancy"): 1, ("xb05_18_project", "rounding"): 1}
    assert [rows[(k, "held")] for k in ("b02_row_sum", "b04_balance", "b06_row_sum", "b07_row_sum", "b08_row_sum",
                                        "xb01_03_expenditure", "xb01_03_class", "xb01_02_income_total",
                                        "xb05_06_personnel", "xb05_06_public")] == [258, 37, 832, 30, 4, 23, 100, 35, 36, 36]
    # 西安 prints the general budget's 人员经费 and 公用经费 by function code twice (B05 and its 表7, B17):
    # code by code, they agree.
    assert [rows.get((k, s)) for k in ("xb05_17_personnel", "xb05_17_public") for s in ("held", "discrepancy")] == [
        392, None, 317, None]


def test_the_budgets_narratives_restate_their_tables(corpus):
    """A budget's 情况说明 in its own words (narrative/budget.py), checked against its B tables: 44 of the
    53 budgets state figures read (西安's 2020–2022 部门综合预算 and 西南大学's budget put their explanations
    under other headings: not read). One narrative check of a budget finds a discrepancy (北京市统计局's
    服务 purchases, above); three are
    within the printed rounding (北京市司法局 states 1476.73 / 28479.84 = 5.185% as 5.18%; 苏州市自然资源和
    规划局 23.946% as 23.94%; 无锡市交通运输局 3.3145% as 3.32%), 149 restatements within the 0.005 万元 of
    a 万元 figure rounded from 元 or six decimals. 西安's 三公 (its 第三部分 其他重要事项说明) restate its 三公
    table's 当年 group: 31 held, 4 within rounding, 17 skipped (an item the table prints blank, as 西安 prints
    a 0.00 the narrative states)."""
    assert corpus.sql("""select c.status, count(*) from audit.identity_checks c join marts.dim_report r using (report_id)
                         where r.source_file like 'xian%' and c.check_id = 'nr_restates_table'
                           and regexp_matches(c.object, '^(three_public|overseas|reception|vehicle|meeting|training)')
                         group by all order by all""") == [("held", 31), ("rounding", 4), ("skipped", 17)]
    assert corpus.one("""select count(distinct f.report_id) from marts.fct_narrative_figure f
                         join marts.dim_report r using (report_id) where r.document_kind = 'budget'""") == 44
    assert corpus.sql("""select c.check_id, c.status, count(*) from audit.identity_checks c
                         join marts.dim_report r using (report_id)
                         where r.document_kind = 'budget' and c.check_id like 'nr_%'
                         group by all order by all""") == [
        ("nr_change_rate", "held", 782), ("nr_change_rate", "rounding", 1), ("nr_change_rate", "skipped", 112),
        ("nr_restates_table", "discrepancy", 1), ("nr_restates_table", "held", 1081),
        ("nr_restates_table", "rounding", 149), ("nr_restates_table", "skipped", 827),
        ("nr_share", "held", 294), ("nr_share", "rounding", 2), ("nr_share", "skipped", 156),
        ("nr_stated_twice", "held", 394)]
    # 北京市统计局's two files: the 说明's figures against the 报表's six-decimal cells (budgets/EXPECTED.md).
    assert corpus.sql("""select c.object, c.status, c.expected from audit.identity_checks c
                         join marts.dim_report r using (report_id)
                         where r.source_file = 'beijing' and c.check_id = 'nr_restates_table'
                           and c.object in ('income_total_amount @ 二 line 1059', 'basic_expenditure_amount @ 三 line 1081',
                                            'three_public_amount @ 四 line 1092')
                         order by all""") == [
        ("basic_expenditure_amount @ 三 line 1081", "rounding", Decimal("327804631.0900")),
        ("income_total_amount @ 二 line 1059", "rounding", Decimal("510362191.6900")),
        ("three_public_amount @ 四 line 1092", "held", Decimal("737900.0000"))]


def test_the_university_budget_beside_its_final_accounts(corpus):
    """pairs/EXPECTED.md, "Budget against final, 2023": 西南大学's budget and final accounts of 2023,
    loaded together, give fct_budget_vs_final its rows (万元 as printed; the 财政拨款支出 final is
    U4's 合计, without 229)."""
    rows = {(b, r, c): (budget, final) for b, r, c, budget, final in corpus.sql(
        """select budget_table_key, row_key, column_key, cast(budget_yuan / 10000 as decimal(18, 2)),
                  cast(final_yuan / 10000 as decimal(18, 2))
           from marts.fct_budget_vs_final where department_name = '西南大学' and fiscal_year = 2023""")}
    assert [rows[k] for k in (("B01", "expenditure_subtotal", "amount"), ("B03", "total", "basic"),
                              ("B03", "total", "project"), ("B01", "appropriation_income", "amount"),
                              ("B14", "total", "total"), ("B14", "208", "total"), ("B14", "221", "total"))] == [
        (Decimal("468779.07"), Decimal("457676.75")), (Decimal("376019.88"), Decimal("359781.59")),
        (Decimal("92759.19"), Decimal("97895.15")), (Decimal("230876.38"), Decimal("243015.38")),
        (Decimal("230876.38"), Decimal("237100.00")), (Decimal("13345.79"), Decimal("13345.79")),
        (Decimal("7629.03"), Decimal("7629.03"))]
    # 229 (其他支出, 109.50) is in the budget's 财政拨款支出表 and not in U4: no row.
    assert ("B14", "229", "total") not in rows
    # The 收入预算表 (B02) beside the 收入决算表 by code and source: 高等教育's 事业收入 and 财政拨款收入.
    assert [rows[("B02", "2050205", c)] for c in ("business", "fiscal_appropriation")] == [
        (Decimal("121212.23"), Decimal("135246.59")), (Decimal("181866.03"), Decimal("193993.03"))]
    rate = corpus.one("""select execution_rate_pct from marts.fct_budget_vs_final where department_name = '西南大学'
                         and budget_table_key = 'B01' and row_key = 'expenditure_subtotal'""")
    assert rate == Decimal("97.63")


def test_one_department_across_documents_and_years(corpus):
    """dim_department: 西南大学's budget and final accounts are one department; a name marked （汇总）
    is the department's (its report's scope says consolidated), its region the one its name begins with."""
    assert corpus.one("""select region, first_year, last_year, final_reports, budget_reports from marts.dim_department
                         where department_key = '西南大学'""") == (None, 2023, 2023, 1, 1)
    assert corpus.one("""select d.department_key, d.region, r.scope from marts.dim_report r
                         join marts.dim_department d using (department_key)
                         where r.department_name = '西安市公安局（汇总）'""") == ("西安市公安局", "西安市", "consolidated")
    # 苏州市自然资源和规划局's 单位预算 is its own accounts' budget, beside its 部门预算 of the same year.
    assert corpus.sql("""select source_file, scope from marts.dim_report where department_name = '苏州市自然资源和规划局'
                         order by source_file""") == [("suzhou_07.pdf", None), ("suzhou_09.pdf", "own")]
    # Every budget-against-final row is of one department and one scope.
    assert corpus.one("""select count(*) from marts.fct_budget_vs_final v
                         join marts.dim_report b on b.report_id = v.budget_report_id
                         join marts.dim_report f on f.report_id = v.final_report_id
                         where b.department_key <> f.department_key
                            or coalesce(b.scope, '') <> coalesce(f.scope, '')""") == 0


def test_the_site_shows_a_budget_and_its_final_accounts_side_by_side(corpus, tmp_path):
    """`juesuan report`: a budget's page is a 部门预算's (its 三公 budget, no vehicles), and 西南大学's
    budget and final pages each show the figures both print, linked to the other."""
    import html
    import re

    from juesuan.cli.site import write_site

    write_site(corpus.db, tmp_path / "site")
    ids = dict(corpus.sql("""select document_kind, report_id from marts.dim_report
                             where department_name = '西南大学' and fiscal_year = 2023"""))
    budget = (tmp_path / "site" / f"report-{ids['budget']}.html").read_text(encoding="utf-8")
    final = (tmp_path / "site" / f"report-{ids['final']}.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", budget))
    assert "西南大学 2023年度 部门预算" in text and "车辆 vehicles held" not in text
    assert f'href="report-{ids["final"]}.html"' in budget and f'href="report-{ids["budget"]}.html"' in final
    # B01 本年支出合计: budget 468,779.07, final 457,676.75, 97.63% executed (as fct_budget_vs_final).
    (row,) = [r for r in re.findall(r"<tr>.*?</tr>", budget) if "B01/T01" in r and "expenditure_subtotal" not in r
              and "468,779.07" in r and "457,676.75" in r]
    assert "97.63" in row
    beijing = corpus.one("select report_id from marts.dim_report where department_name = '北京市统计局'")
    page = (tmp_path / "site" / f"report-{beijing}.html").read_text(encoding="utf-8")
    assert re.search(r'data-metric="three_public_budget_yuan" data-sort="737900(\.0+)?" data-yuan', page)
    assert "北京市统计局 2026年度 部门预算" in html.unescape(page)


# Every mart and audit table, for each real final report: its row count and a digest of its rows,
# as committed in SNAPSHOT. What a change does to the final reports' warehouse shows here, value for
# value (#33: a refactor gives the same marts and findings). A change meant to alter them writes the
# file anew: `JUESUAN_WRITE_SNAPSHOT=1 pytest tests/test_real_reports.py -k snapshot`, and the diff
# says which tables of which reports moved.
SNAPSHOT = ROOT / "tests" / "snapshots" / "final_reports.json"
# Columns that say when or by which version a report was loaded, or where the batch put it beside
# another report: not the report's figures.
NOT_FIGURES = {"loaded_at", "parser_version", "quarantined_at", "prior_report_id", "budget_report_id"}
# Tables keyed by another column than report_id: how each reaches its report.
REPORT_OF = {"fct_project_budget": "project_id", "fct_project_indicator": "project_id",
             "fct_budget_vs_final": "final_report_id"}


def _final_reports_digest(corpus) -> dict:
    import hashlib

    con = duckdb.connect(str(corpus.db), read_only=True)
    try:
        names = dict(con.execute(
            """select r.report_id, p.source_file from marts.dim_report r join staging.stg_parsed__reports p using (report_id)
               where p.source_path like ? and r.document_kind = 'final'""", [f"{SHARED}%"]).fetchall())
        tables = con.execute("""select table_schema, table_name, list(column_name order by ordinal_position)
                                from information_schema.columns where table_schema in ('marts', 'audit')
                                group by all order by all""").fetchall()
        out: dict = {}
        for schema, table, columns in tables:
            key = REPORT_OF.get(table, "report_id")
            if key not in columns:
                continue  # a reference dimension, no report's
            kept = ", ".join(f't."{c}"' for c in columns if c not in NOT_FIGURES)
            report = "p.report_id" if key == "project_id" else f't."{key}"'
            join = f"join marts.dim_project p on p.project_id = t.project_id" if key == "project_id" else ""
            rows: dict = {}
            for rid, *values in con.execute(f"select {report}, {kept} from {schema}.{table} t {join}").fetchall():
                if rid in names:
                    rows.setdefault(names[rid], []).append(repr(tuple(values)))
            out[f"{schema}.{table}"] = {name: [len(r), hashlib.sha256("\n".join(sorted(r)).encode()).hexdigest()[:16]]
                                        for name, r in sorted(rows.items())}
        return out
    finally:
        con.close()


def test_the_final_reports_warehouse_is_as_the_snapshot_says(corpus):
    digest = _final_reports_digest(corpus)
    if os.environ.get("JUESUAN_WRITE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(digest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert len(digest["marts.dim_report"]) == 9
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    moved = {table: {name: (expected.get(table, {}).get(name), now) for name, now in reports.items()
                     if expected.get(table, {}).get(name) != now}
             for table, reports in digest.items()}
    assert {t: m for t, m in moved.items() if m} == {} and set(expected) == set(digest)
