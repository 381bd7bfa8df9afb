"""The sample's project self-evaluations re-printed as the Ministry of Finance's standard
项目支出绩效自评表 (DOMAIN.md): header, 项目资金（万元） rows, 年度总体目标, 绩效指标 rows, 总分.

The sample's 自评报告 prints money in 元; the form prints 万元, so each amount is written as its
exact quotient (1,234,567.89 元 → 123.456789 万元): loading it back must give the same 元.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.parse.model import ParsedReport, Project

from .printing import C, Grid

WIDTH = 9


def _wan(yuan: Decimal | None) -> str:
    return "" if yuan is None else format((yuan / 10000).normalize(), "f")


def project_grid(project: Project, year: int) -> Grid:
    total, *sources = project.budget
    rows: list[list[C]] = [
        [C("项目名称"), C(f"{project.unit_code or '000'}{project.seq:03d}-{project.name}", colspan=WIDTH - 1)],
        [C("主管部门"), C(project.supervisor_name or "", colspan=3), C("实施单位"),
         C(project.unit_name or "", colspan=WIDTH - 5)],
        [C("项目资金（万元）", rowspan=2 + len(sources)), C(""), C("年初预算数"), C("全年预算数"), C("全年执行数"),
         C("分值"), C("执行率"), C("得分"), C("")],
    ]
    for label, row in [("年度资金总额", total)] + [(f"其中：{s.funding_source}", s) for s in sources]:
        rows.append([C(label), C(_wan(row.budget_compiled)), C(_wan(row.annual_budget)), C(_wan(row.executed)),
                     C("10" if row is total else ""),
                     C(f"{row.execution_rate_text}%" if row.execution_rate_text else ""),
                     C(row.score_text or ""), C("")])
    rows += [
        [C("年度总体目标", rowspan=2), C("预期目标", colspan=4), C("实际完成情况", colspan=4)],
        [C(project.sections.get("goal_annual", "") or "（略）", colspan=4), C("已完成", colspan=4)],
        [C("绩效指标", rowspan=1 + len(project.indicators)), C("一级指标"), C("二级指标"), C("三级指标"),
         C("年度指标值"), C("实际完成值"), C("分值"), C("得分"), C("偏差原因分析及改进措施")],
    ]
    previous = ("", "")
    for ind in project.indicators:
        # A level printed once for the rows under it, as merged cells print.
        level1 = "" if ind.level1 == previous[0] else ind.level1
        level2 = "" if (ind.level1, ind.level2) == previous else ind.level2
        previous = (ind.level1, ind.level2)
        rows.append([C(level1), C(level2), C(ind.name), C(ind.target_text), C(ind.actual_text),
                     C(ind.weight_text), C(ind.score_text), C(ind.deviation_reason or "")])
    rows.append([C("总分", colspan=6), C("100"), C(project.stated_total_score or ""), C("")])
    return Grid(f"P{project.seq:02d}", f"项目支出绩效自评表（{year}年度）", "", rows, sheet=f"项目{project.seq}")


def sample_forms(report: ParsedReport) -> list[Grid]:
    return [project_grid(p, report.fiscal_year) for p in report.projects]


def _text(grids: list[Grid], print_row) -> str:
    """Page text of the forms: each title, then its rows as `print_row(cells)` gives their lines
    (a span's text at its first cell, the rest empty), a page break after each form."""
    from .writers import _placed, _width

    out = []
    for g in grids:
        grid = [[""] * _width(g.rows) for _ in g.rows]
        for r, c, cell in _placed(g.rows):
            grid[r][c] = cell.text
        out.append(g.title)
        for row in grid:
            out += print_row(row)
        out.append("\f")
    return "\n".join(out)


def as_text(grids: list[Grid], separator: str) -> str:
    """Page text with each form's rows as cells joined by `separator` (spans left empty): `|` as
    web pages copied to text print them, TAB as `extract-text` writes a ruled PDF."""
    if separator == "|":
        return _text(grids, lambda row: ["| " + " | ".join(row) + " |"])
    return _text(grids, lambda row: ["\t".join(row)])


def as_unseparated(grids: list[Grid], layout: str) -> str:
    """Page text without separators: `flat`, each row's printed cells joined by spaces (blank
    cells left out, as a PDF's plain text prints them); `cells`, each printed cell on its own line
    (a web page's table copied as text)."""
    if layout == "flat":
        return _text(grids, lambda row: [" ".join(text for text in row if text)])
    return _text(grids, lambda row: [text for text in row if text])
