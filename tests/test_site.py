"""`juesuan report`: the static site of the sample's warehouse, its figures equal to the
warehouse's, its known findings shown with their printed lines, and the pages opened in a real
browser (headless Chromium) without a script error."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from decimal import Decimal

import pytest

from juesuan.cli.main import EXIT_OK, main
from juesuan.cli.site import wan, write_site

SAMPLE_ID = "174714146e070084"


@pytest.fixture(scope="module")
def site(built, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    write_site(built.db, out)
    return out


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_sample_page_shows_its_known_findings_with_their_printed_lines(site):
    page = (site / f"report-{SAMPLE_ID}.html").read_text(encoding="utf-8")
    findings = re.findall(r'<div class="finding".*?</div>\s*</div>', page, re.S)
    text = {m: _text(m) for m in findings}

    def one(check: str, obj: str) -> str:
        (found,) = [t for m, t in text.items() if f'data-check="{check}"' in m and obj in t]
        return " ".join(found.split())

    restated = one("nr_restates_table", "basic_expenditure_amount @ 六")
    assert "printed 6,667.31 万元 at narrative:1256, expected 6,667.32 万元" in restated
    assert "1256 │ 2024年度财政拨款基本支出6,667.31万元，其中：" in restated
    claimed = one("nr_self_evaluations", "projects_count")
    assert "printed 31 projects at narrative:1355, expected 30 projects" in claimed
    assert "1355 │ 评，涉及二级项目31个，资金4898.19万元" in claimed
    items = one("t06_rollup", "T06 302 amount")
    assert "printed 1,069.29 万元 at T06:757, expected 1,069.32 万元" in items
    assert "767 │ 30101 基本工资 1331.89 30201 办公费 148.79 30701" in items


def test_every_headline_figure_is_the_warehouses(site, built):
    page = (site / f"report-{SAMPLE_ID}.html").read_text(encoding="utf-8")
    shown = dict(re.findall(r'data-metric="(\w+_yuan)" data-sort="[^"]*" data-yuan="([^"]*)">', page))
    row = built.sql("select income_yuan, expenditure_yuan, basic_yuan, project_yuan, three_public_budget_yuan, "
                    "three_public_final_yuan from marts.report_headline where report_id = ?", SAMPLE_ID)[0]
    assert shown == dict(zip(["income_yuan", "expenditure_yuan", "basic_yuan", "project_yuan",
                              "three_public_budget_yuan", "three_public_final_yuan"], (str(v) for v in row)))
    assert None not in row  # the sample's 表九 prints both the 三公's 年初预算 and its 决算
    assert "12,290.04" in page and wan(Decimal("122900400")) == "12,290.04"
    queries = (site / "queries.sql").read_text(encoding="utf-8")
    assert "join marts.report_headline" in queries and 'data-query="classes"' in page


def test_report_command_writes_the_site(built, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JUESUAN_DB", str(built.db))
    assert main(["report", "--out", str(tmp_path / "out")]) == EXIT_OK
    assert (tmp_path / "out" / "index.html").exists()
    assert f"report-{SAMPLE_ID}.html" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it (apt-get install -y chromium)")
        pytest.skip("chromium is not installed here (CI installs it)")
    return found


def test_the_pages_render_in_a_browser_without_script_errors(site, built):
    chromium = _chromium()
    for page in sorted(site.glob("*.html")):
        run = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                              "--v=0", "--virtual-time-budget=2000", "--dump-dom", page.as_uri()],
                             capture_output=True, text=True, timeout=120)
        dom = run.stdout
        assert 'data-ready="1"' in dom and 'data-errors="0"' in dom, (page.name, run.stderr[-2000:])
        assert "Uncaught" not in run.stderr, run.stderr[-2000:]
    # The rendered DOM shows the warehouse's figures.
    dom = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          (site / f"report-{SAMPLE_ID}.html").as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    (income,) = built.sql("select income_yuan from marts.report_headline where report_id = ?", SAMPLE_ID)[0]
    assert re.search(rf'data-metric="income_yuan"[^>]*>{re.escape(wan(income))}</td>', dom)
    classes = built.one("select count(*) from marts.fct_table_cell where report_id = ? and table_key = 'T03' "
                        "and column_key = 'total' and length(row_code) = 3", SAMPLE_ID)
    chart = re.search(r'<svg[^>]*data-query="classes".*?</svg>', dom, re.S).group(0)
    assert chart.count("<rect") == classes > 0
