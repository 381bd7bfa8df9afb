"""Every real report in ../shared/reports, in one batch: it loads and builds.

One report never stops the others, at load or at build. The 2019 report of 佛山市轨道交通局 failed
every build it was in (two narrative figures of one metric on one line, and figures outside any
recognised section, gave identity checks the same key); the budgets and the university's final
accounts are not read yet, and are refused with one line each while the rest builds.
"""

from __future__ import annotations

import json

import pytest

from juesuan.cli import EXIT_FINDINGS, EXIT_PARTIAL, main

from tests.conftest import ROOT, Workspace

SHARED = ROOT.parent / "shared" / "reports"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reports is not beside this checkout")


def test_every_real_report_loads_and_builds_in_one_batch(tmp_path, monkeypatch, capsys):
    ws = Workspace(tmp_path, monkeypatch)
    code = main(["run", str(SHARED)])
    out = capsys.readouterr()
    assert code in (EXIT_PARTIAL, EXIT_FINDINGS), out.err[-2000:]
    assert "Traceback" not in out.err and "internal error" not in out.err
    departments = {row[0] for row in ws.sql("select department_name from marts.dim_report")}
    assert {"高平市公安局", "佛山市轨道交通局", "上海市普陀区财政局", "上海市普陀区人民政府石泉路街道办事处",
            "上海市普陀区文化和旅游局"} <= departments
    assert ws.one("select count(*) from marts.dim_report") == 8
    # Each identity check of 佛山 has a key of its own (8 keys were shared, and the build failed).
    assert ws.one("""select count(*) from (select report_id, check_id, object from audit.identity_checks
                     group by all having count(*) > 1)""") == 0
    # Its line 474 states 涉及一般公共预算支出 0 万元 and 政府性基金预算支出 0 万元: two figures of one metric.
    assert ws.sql("""select distinct c.object from audit.identity_checks c join marts.dim_report r using (report_id)
                     where r.department_name = '佛山市轨道交通局' and c.check_id = 'nr_restates_table'
                       and c.object like 'project_expenditure_amount @ 四 line 474%' order by 1""") == \
        [("project_expenditure_amount @ 四 line 474 #1",), ("project_expenditure_amount @ 四 line 474 #2",)]
    # What is not read yet is refused by name, one line each, and stops nothing.
    summary = json.loads((ws.db.parent / "last_run.json").read_text(encoding="utf-8"))
    refused = {r["file"] for r in summary["files_refused"]}
    assert len(refused) == 55 and all("budget" in f or "swu_2023" in f for f in refused), refused
