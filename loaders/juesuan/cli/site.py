"""`juesuan report`: the warehouse as a static site, one page per report and an index.

Read-only: every figure comes from one of the queries in `warehouse.sql.SITE_QUERIES`, written
beside the pages as `queries.sql` and named on the section it fills (`data-query`), so a reader
can run it. Charts are SVG drawn into the page, the little script (sorting, error count) is
inline: the pages open from disk with no network. A finding quotes the lines its figures were
printed on, read from the report's own files.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from juesuan.cli.formatting import figure, place, wan
from juesuan.cli.outputs import MARKER, Protected, folder_target, remove_stale, swap_in_site, work_folder, write_marker
from juesuan.cli.query import connect_read_only
from juesuan.parse.source import read_source, read_sources
from juesuan.warehouse.sql import SITE_QUERIES

# Chinese text in the fonts a stock machine has: Noto/Source Han on Linux, YaHei on Windows,
# PingFang/Hiragino on macOS.
FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", '
         '"PingFang SC", "Hiragino Sans GB", sans-serif')

_CSS = """
body{font-family:%s;margin:0 auto;max-width:1100px;padding:12px;color:#222;line-height:1.45}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:1.6em}
table{border-collapse:collapse;width:100%%;font-size:.92em}th,td{border-bottom:1px solid #e4e4e4;padding:4px 6px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th{background:#f4f4f4;cursor:default}th.sortable{cursor:pointer}
.wrap{overflow-x:auto}.discrepancy{color:#b00020;font-weight:600}.rounding{color:#8a6d00}.estimate{color:#555;font-style:italic}.incomplete{color:#555}
.lines{font-family:monospace;font-size:.85em;background:#fafafa;border-left:3px solid #ddd;padding:4px 8px;margin:4px 0;white-space:pre-wrap}
.muted{color:#777;font-size:.9em}svg text{font-family:%s;font-size:12px}
details{margin:1em 0}pre{white-space:pre-wrap;font-size:.8em;background:#f7f7f7;padding:8px}
@media (max-width:600px){body{padding:6px}table{font-size:.82em}}
""" % (FONTS, FONTS)

# Counts script errors into <body data-errors> (a test reads it) and sorts a table by the header
# clicked, numbers as numbers.
_SCRIPT = """
window.addEventListener('error',function(){var b=document.body;b.dataset.errors=String(+(b.dataset.errors||0)+1);});
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){th.classList.add('sortable');th.addEventListener('click',function(){
    var rows=Array.from(t.tBodies[0].rows),dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir>0?'asc':'desc';
    rows.sort(function(a,b){var x=a.cells[i].dataset.sort||a.cells[i].textContent,y=b.cells[i].dataset.sort||b.cells[i].textContent;
      var nx=parseFloat(x),ny=parseFloat(y);return (isNaN(nx)||isNaN(ny)?x.localeCompare(y,'zh'):nx-ny)*dir;});
    rows.forEach(function(r){t.tBodies[0].appendChild(r);});});});});
document.body.dataset.ready='1';
"""


_THREE_PUBLIC = {"overseas": "因公出国（境）费 overseas", "vehicle_purchase": "公务用车购置费 vehicle purchase",
                 "vehicle_operation": "公务用车运行维护费 vehicle operation", "reception": "公务接待费 reception"}


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _money_cell(yuan, metric: str | None = None) -> str:
    attrs = f' data-metric="{metric}"' if metric else ""
    sort = "" if yuan is None else f' data-sort="{Decimal(yuan)}" data-yuan="{Decimal(yuan)}"'
    return f'<td class="num"{attrs}{sort}>{wan(yuan)}</td>'


def bars(items: list[tuple[str, float]], unit: str = "万元", query: str = "") -> str:
    """A horizontal bar chart as inline SVG: label, bar, value."""
    if not items:
        return '<p class="muted">nothing printed</p>'
    top = max((v for _, v in items), default=0) or 1
    row, label_w, bar_w, value_w = 22, 230, 520, 110
    height = row * len(items) + 8
    parts = [f'<svg viewBox="0 0 {label_w + bar_w + value_w} {height}" width="100%" role="img" '
             f'data-query="{query}" aria-label="bar chart">']
    for n, (label, value) in enumerate(items):
        y = 4 + n * row
        width = max(1.0, bar_w * float(value) / float(top)) if value else 0
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(label[:18])}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row - 8}" fill="#4a78b0"/>'
                     f'<text x="{label_w + width + 4:.1f}" y="{y + 14}">{float(value):,.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _line_numbers(source_lines: str | None) -> list[int]:
    return sorted({int(n) for n in re.findall(r":(\d+)", source_lines or "")})


class _Texts:
    """Each report's source text, read once, for quoting its printed lines: only from files whose
    content is what was loaded (a file changed, or swapped for a link to another, is not quoted)."""

    def __init__(self, files: dict[str, list[dict]]):
        self.files, self.cache = files, {}

    def lines(self, report_id: str) -> list[str] | None:
        if report_id not in self.cache:
            self.cache[report_id] = self._read(self.files.get(report_id, []))
        return self.cache[report_id]

    @staticmethod
    def _read(members: list[dict]) -> list[str] | None:
        paths = [Path(f["source_path"]) for f in members]
        if not paths:
            return None
        try:
            src = read_source(paths[0]) if len(paths) == 1 else read_sources(paths, paths[0].parent)
        except Exception:  # a file moved or gone: the finding is shown without its lines
            return None
        if [f.sha256 for f in src.files] != [f["source_sha256"] for f in members]:
            return None  # not the file that was loaded: its lines would be another text's
        return src.text.split("\n")


def _page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
            f"<style>{_CSS}</style></head><body data-errors=\"0\">{body}<script>{_SCRIPT}</script></body></html>")


def _query_note(names: list[str]) -> str:
    sql = "\n\n".join(f"-- {name}\n{SITE_QUERIES[name].strip()};" for name in names)
    return (f"<details><summary>The queries behind this page (also in queries.sql)</summary>"
            f"<pre>{_e(sql)}</pre></details>")


def _figure(value, unit: str | None, sign: bool = False) -> str:
    return _e(figure(value, unit, sign))


def _where(f: dict) -> str:
    return _e(place(f["actual_source"], f["source_page"], f["page_line"]))


def _report_page(r: dict, data: dict, texts: _Texts, by_key: dict, by_id: dict) -> str:
    rid = r["report_id"]
    budget = r["document_kind"] == "budget"
    out = [f'<p><a href="index.html">← all reports</a></p>',
           f'<h1>{_e(r["department_name"])} {r["fiscal_year"]}年度 {_KIND[r["document_kind"]]}</h1>',
           f'<p class="muted">report {rid} · {_e(r["source_file"])} ({r["file_count"]} file(s)) · '
           f'tables found {_e(r["tables_found"]) or "none"}'
           + (f' · missing {_e(r["tables_missing"])}' if r["tables_missing"] else "") + "</p>"]
    out.append('<h2>Headline figures (万元)</h2><div class="wrap"><table data-query="reports"><tbody>')
    for label, key in (("本年收入合计 income", "income_yuan"), ("本年支出合计 expenditure", "expenditure_yuan"),
                       ("基本支出 basic", "basic_yuan"), ("项目支出 project", "project_yuan"),
                       ("三公经费 预算 three public costs, budget", "three_public_budget_yuan"),
                       *(() if budget else (("三公经费 决算 three public costs, final", "three_public_final_yuan"),))):
        out.append(f"<tr><th>{label}</th>{_money_cell(r[key], key)}</tr>")
    if not budget:
        out.append(f'<tr><th>车辆 vehicles held</th><td class="num" data-metric="vehicles">'
                   f'{"–" if r["vehicles"] is None else r["vehicles"]}</td></tr>')
    out.append("</tbody></table></div>")
    out.append(_budget_vs_final(r, data["budget_vs_final"].get(rid, []), by_id))
    prior = by_key.get((r["department_name"], r["fiscal_year"] - 1, r["document_kind"]))
    if prior:
        out.append(f'<h2>Year on year: {r["fiscal_year"] - 1} → {r["fiscal_year"]} (万元)</h2><div class="wrap">'
                   '<table data-query="reports"><thead><tr><th></th><th class="num">prior</th><th class="num">this year'
                   '</th><th class="num">change</th></tr></thead><tbody>')
        for label, key in (("income", "income_yuan"), ("expenditure", "expenditure_yuan"), ("basic", "basic_yuan"),
                           ("project", "project_yuan"),
                           ("三公", "three_public_budget_yuan" if budget else "three_public_final_yuan")):
            a, b = prior[key], r[key]
            change = None if a is None or b is None else b - a
            out.append(f"<tr><th>{label}</th>{_money_cell(a)}{_money_cell(b)}{_money_cell(change)}</tr>")
        out.append("</tbody></table></div>")
    classes = data["classes"].get(rid, [])
    out.append(f"<h2>Spending by function class ({'支出总表' if budget else '表三'} 合计, 万元 as printed)</h2>")
    out.append(bars([(f'{c["row_code"]} {c["row_label"]}', c["printed_value"]) for c in classes], query="classes"))
    kuan = data["kuan"].get(rid, [])
    out.append(f"<h2>The largest 款 ({'支出总表' if budget else '表三'} 合计, {min(len(kuan), 15)} of {len(kuan)}, 万元)</h2>")
    out.append(bars([(f'{c["row_code"]} {c["row_label"]}', c["printed_value"]) for c in kuan[:15]], query="kuan"))
    econ = data["economic_classes"].get(rid, [])
    out.append("<h2>Basic expenditure by economic class (表六, 万元)</h2>")
    out.append(bars([(f'{c["row_code"] or ""} {c["row_label"]}'.strip(), c["printed_value"]) for c in econ],
                    query="economic_classes"))
    items_printed = [i for i in data["economic_items"].get(rid, []) if i["printed_value"]]
    if items_printed:
        out.append('<details><summary>Its items: 人员经费 (personnel) and 公用经费 (public)</summary><div class="wrap">'
                   '<table class="sortable" data-query="economic_items"><thead><tr><th>code</th><th>item</th>'
                   '<th>cost</th><th class="num">万元</th></tr></thead><tbody>')
        for i in items_printed:
            kind = {"personnel": "人员经费", "public": "公用经费"}.get(i["cost_category"], "")
            out.append(f'<tr><td>{_e(i["row_code"])}</td><td>{_e(i["row_label"])}</td><td>{kind}</td>'
                       f'<td class="num" data-sort="{i["printed_value"]}">{Decimal(i["printed_value"]):,.2f}</td></tr>')
        out.append("</tbody></table></div></details>")
    three = data["three_public"].get(rid, [])
    out.append('<h2>"三公" costs: budget against final (万元)</h2><div class="wrap">'
               '<table data-query="three_public"><thead><tr><th>item</th><th class="num">budget 预算</th>'
               '<th class="num">final 决算</th></tr></thead><tbody>')
    items: dict[str, dict] = defaultdict(dict)
    for t in three:
        items[t["item"]][t["phase"]] = t["amount_yuan"]
    for item, phases in items.items():
        out.append(f"<tr><td>{_e(_THREE_PUBLIC.get(item, item))}</td>{_money_cell(phases.get('budget'))}{_money_cell(phases.get('final'))}</tr>")
    out.append("</tbody></table></div>")
    projects = data["projects"].get(rid, [])
    if projects:
        out.append(f'<h2>Projects ({len(projects)}; lowest execution rate first)</h2><div class="wrap">'
                   '<table class="sortable" data-query="projects"><thead><tr><th>project</th>'
                   '<th class="num">budget 万元</th><th class="num">executed 万元</th><th class="num">rate %</th>'
                   '<th class="num">score</th><th>grade</th></tr></thead><tbody>')
        for p in projects:
            rate = "–" if p["execution_rate_pct"] is None else f'{Decimal(p["execution_rate_pct"]):,.2f}'
            out.append(f'<tr><td>{_e(p["project_name"])}</td>{_money_cell(p["annual_budget_yuan"])}'
                       f'{_money_cell(p["executed_yuan"])}<td class="num">{rate}</td>'
                       f'<td class="num">{_e(p["total_score"])}</td><td>{_e(p["grade"])}</td></tr>')
        out.append("</tbody></table></div>")
        missed = data["indicators_missed"].get(rid, [])
        out.append(f'<h2>Indicators missed ({len(missed)})</h2>')
        if missed:
            out.append('<div class="wrap"><table data-query="indicators_missed"><thead><tr><th>project</th><th>indicator'
                       '</th><th>target</th><th>actual</th><th class="num">weight</th><th class="num">score</th>'
                       '</tr></thead><tbody>')
            for m in missed:
                out.append(f'<tr><td>{_e(m["project_name"])}</td><td>{_e(m["indicator_name"])}</td>'
                           f'<td>{_e(m["target_text"])}</td><td>{_e(m["actual_text"])}</td>'
                           f'<td class="num">{_e(m["weight"])}</td><td class="num">{_e(m["score"])}</td></tr>')
            out.append("</tbody></table></div>")
    findings = data["findings"].get(rid, [])
    out.append(f'<h2>Findings ({len(findings)}): what was printed, what the arithmetic gives</h2>')
    lines = texts.lines(rid) if findings else None
    for f in findings:
        where = _where(f)
        out.append(f'<div class="finding" data-check="{_e(f["check_id"])}" data-object="{_e(f["object"])}" '
                   f'data-actual="{_e(f["actual"])}" data-expected="{_e(f["expected"])}">'
                   f'<p><span class="{_e(f["severity"])}">{_e(f["severity"])}</span> <b>{_e(f["check_id"])}</b> '
                   f'{_e(f["object"])}: printed <b>{_figure(f["actual"], f["unit"])}</b> at {where}, expected '
                   f'<b>{_figure(f["expected"], f["unit"])}</b> (difference {_figure(f["difference"], f["unit"], sign=True)})</p>')
        numbers = _line_numbers(f["source_lines"])[:8]
        if lines and numbers:
            quoted = "\n".join(f"{n:>5} │ {lines[n - 1].strip()}" for n in numbers if 0 < n <= len(lines))
            out.append(f'<div class="lines">{_e(quoted)}</div>')
        out.append("</div>")
    coverage = data["coverage"].get(rid, [])
    out.append('<h2>Coverage: its tables</h2><div class="wrap"><table data-query="coverage"><thead><tr>'
               '<th>table</th><th>found</th><th class="num">rows</th><th class="num">numbers</th>'
               '<th class="num">inferred</th><th class="num">ambiguous rows</th><th class="num">parse errors</th>'
               '<th class="num">identities held / checked</th></tr></thead><tbody>')
    for c in coverage:
        out.append(f'<tr><td>{_e(c["table_key"])} {_e(c["table_title"])}</td><td>{"yes" if c["found"] else "no"}</td>'
                   f'<td class="num">{c["printed_rows"]}</td><td class="num">{c["value_cells"]}</td>'
                   f'<td class="num">{c["inferred_cells"]}</td><td class="num">{c["rows_ambiguous"]}</td>'
                   f'<td class="num">{c["parse_errors"]}</td>'
                   f'<td class="num">{c["identities_held"]} / {c["identities_checked"]}</td></tr>')
    out.append("</tbody></table></div>")
    out.append(_query_note(["reports", "budget_vs_final", "classes", "kuan", "economic_classes", "economic_items",
                            "three_public", "projects", "indicators_missed", "findings", "coverage", "report_files"]))
    return _page(f'{r["department_name"]} {r["fiscal_year"]}', "".join(out))


_KIND = {"budget": "部门预算", "final": "部门决算"}


def _budget_vs_final(r: dict, rows: list[dict], by_id: dict) -> str:
    """A budget's figures beside its final accounts' (or a final report's beside its budget's), where
    both are loaded: fct_budget_vs_final, each row a figure both print in the same row and column."""
    if not rows:
        return ""
    other = by_id.get(rows[0]["other_report_id"])
    link = (f'<a href="{_page_name(other["report_id"])}">{_e(other["department_name"])} {other["fiscal_year"]} '
            f'{_KIND[other["document_kind"]]}</a>') if other else ""
    out = [f'<h2>Budget against final accounts ({len(rows)} figures both print; the other report: {link})</h2>'
           '<div class="wrap"><table class="sortable" data-query="budget_vs_final"><thead><tr><th>table</th>'
           '<th>row</th><th>column</th><th class="num">budget 预算 万元</th><th class="num">final 决算 万元</th>'
           '<th class="num">difference 万元</th><th class="num">execution %</th></tr></thead><tbody>']
    for row in rows:
        rate = "–" if row["execution_rate_pct"] is None else f'{Decimal(row["execution_rate_pct"]):,.2f}'
        out.append(f'<tr><td>{_e(row["budget_table_key"])}/{_e(row["final_table_key"])}</td>'
                   f'<td>{_e(row["row_label"] or row["row_key"])}</td><td>{_e(row["column_key"])}</td>'
                   f'{_money_cell(row["budget_yuan"])}{_money_cell(row["final_yuan"])}{_money_cell(row["difference_yuan"])}'
                   f'<td class="num" data-sort="{row["execution_rate_pct"] or ""}">{rate}</td></tr>')
    out.append("</tbody></table></div>")
    return "".join(out)


def _index(reports: list[dict]) -> str:
    out = ["<h1>部门决算 and 部门预算 reports</h1>",
           f'<p class="muted">{len(reports)} report(s). Click a column to sort.</p>',
           '<div class="wrap"><table class="sortable" data-query="reports"><thead><tr><th>department</th><th>year</th>'
           '<th>document</th><th class="num">expenditure 万元</th><th class="num">discrepancies</th><th class="num">rounding</th>'
           '<th>tables missing</th></tr></thead><tbody>']
    for r in reports:
        out.append(f'<tr><td><a href="{_page_name(r["report_id"])}">{_e(r["department_name"])}</a></td>'
                   f'<td data-sort="{r["fiscal_year"]}">{r["fiscal_year"]}</td><td>{_KIND[r["document_kind"]]}</td>'
                   f'{_money_cell(r["expenditure_yuan"])}'
                   f'<td class="num">{r["discrepancy_findings"] or 0}</td><td class="num">{r["rounding_findings"] or 0}</td>'
                   f'<td>{_e(r["tables_missing"])}</td></tr>')
    out.append("</tbody></table></div>")
    by_year: dict[int, list[dict]] = defaultdict(list)
    for r in reports:
        by_year[r["fiscal_year"]].append(r)
    for year in sorted(by_year, reverse=True):
        out.append(f'<h2>{year}: departments compared</h2><div class="wrap"><table class="sortable" data-query="reports">'
                   '<thead><tr><th>department</th><th>document</th><th class="num">expenditure 万元</th><th class="num">basic %</th>'
                   '<th class="num">project %</th><th class="num">三公 万元</th><th class="num">discrepancies</th>'
                   '</tr></thead><tbody>')
        for r in by_year[year]:
            total = r["expenditure_yuan"] or 0
            share = (lambda v: "–" if not total or v is None else f"{Decimal(v) * 100 / Decimal(total):.1f}")
            three = r["three_public_budget_yuan" if r["document_kind"] == "budget" else "three_public_final_yuan"]
            out.append(f'<tr><td>{_e(r["department_name"])}</td><td>{_KIND[r["document_kind"]]}</td>'
                       f'{_money_cell(r["expenditure_yuan"])}'
                       f'<td class="num">{share(r["basic_yuan"])}</td><td class="num">{share(r["project_yuan"])}</td>'
                       f'{_money_cell(three)}<td class="num">{r["discrepancy_findings"] or 0}</td></tr>')
        out.append("</tbody></table></div>")
    out.append(_query_note(["reports"]))
    return _page("部门决算 and 部门预算 reports", "".join(out))


def _page_name(report_id: str) -> str:
    return f"report-{report_id}.html"


def _rows(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def write_site(db: Path, out: Path, protected: Protected | None = None) -> list[Path]:
    """Write the site for the warehouse `db` into the folder `out`, swapped in whole; the pages
    written. `out` must be new, empty, or a site juesuan wrote (`outputs.folder_target`). The
    warehouse is read through `query`'s walled connection: a view that reaches for a file fails
    there as it would in `juesuan query`."""
    out, _ = folder_target(out, "site", protected)
    con = connect_read_only(db)
    try:
        tables = {name: _rows(con, sql) for name, sql in SITE_QUERIES.items()}
    finally:
        con.close()
    reports = tables.pop("reports")
    data: dict[str, dict[str, list[dict]]] = {}
    for name, rows in tables.items():
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            grouped[row["report_id"]].append(row)
        data[name] = grouped
    # A budget and the final accounts of one year are two reports: a year's prior is of its kind.
    by_key = {(r["department_name"], r["fiscal_year"], r["document_kind"]): r for r in reports}
    by_id = {r["report_id"]: r for r in reports}
    texts = _Texts(data["report_files"])
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out.parent)
    tmp = work_folder(out.parent, "site")
    try:
        written = [tmp / "index.html"]
        (tmp / "index.html").write_text(_index(reports), encoding="utf-8")
        for r in reports:
            page = tmp / _page_name(r["report_id"])
            page.write_text(_report_page(r, data, texts, by_key, by_id), encoding="utf-8")
            written.append(page)
        (tmp / "queries.sql").write_text(
            "\n\n".join(f"-- {name}\n{sql.strip()};" for name, sql in SITE_QUERIES.items()) + "\n", encoding="utf-8")
        (tmp / "site.json").write_text(json.dumps({"reports": len(reports)}), encoding="utf-8")
        write_marker(tmp, "site", [p.name for p in tmp.iterdir() if p.name != MARKER])
        swap_in_site(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [out / p.name for p in written]
