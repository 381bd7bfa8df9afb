"""The sample report re-printed in the publication forms of DOMAIN.md ("Layouts in the wild"):
each of its ten tables as the national form's grid (merged header cells, a 栏次 row, 行次
columns, T06's side-by-side column groups), written as a saved web page, a workbook (.xlsx and
.xls, one sheet per table) and a Word document, with the narrative and self-evaluations as
paragraphs where the form carries text.

The headers are written here from the national form, not from the parsers' column lists, so a
parser that depends on one region's wording fails on these files. Figures come from the sample's
own parse; a test then checks that each form loads to exactly the same rows and cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from juesuan.parse.layout import find_tables
from juesuan.parse.tables import TITLES
from juesuan.read.lines import content_lines
from juesuan.parse.model import ParsedReport


@dataclass
class C:
    """A printed cell: its text and how many columns and rows it spans."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    number: bool = False  # an amount or count (a workbook stores it as a number)


@dataclass
class Grid:
    key: str
    title: str
    number_line: str
    rows: list[list[C]] = field(default_factory=list)
    sheet: str = ""  # the workbook sheet's name: the number line where none is given


def _cells(report: ParsedReport, key: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for cell in report.tables[key].cells:
        out.setdefault(cell.row_key, {})[cell.column_key] = cell.value_text
    return out


def _amount(text: str) -> C:
    return C(text, number=bool(text) and text[0].isdigit())


def _coded(report: ParsedReport, key: str, groups: list[str | tuple[str, list[str]]], columns: list[str]) -> list[list[C]]:
    """类/款/项-coded tables (公开02, 03, 05, 07, 08): 项目 over (code, 科目名称), then one column per
    kind, merged downwards, or a parent over its children (本年支出 over 小计/基本支出/项目支出)."""
    top = [C("项目", colspan=2)]
    second = [C("支出功能分类科目编码"), C("科目名称")]
    for group in groups:
        if isinstance(group, tuple):
            name, children = group
            top.append(C(name, colspan=len(children)))
            second.extend(C(child) for child in children)
        else:
            top.append(C(group, rowspan=2))
    header = [top, second, [C("栏次", colspan=2)] + [C(str(n)) for n in range(1, len(columns) + 1)]]
    values = _cells(report, key)
    body = []
    for row in report.tables[key].rows:
        lead = [C(row.row_label, colspan=2)] if row.row_key == "total" else [C(row.row_code), C(row.row_label)]
        body.append(lead + [_amount(values[row.row_key].get(col, "")) for col in columns])
    return header + body


def _two_sided(report: ParsedReport, key: str, right_kinds: list[str], right_columns: list[str]) -> list[list[C]]:
    """公开01/04表: income (项目, 行次, 金额) beside expenditure (项目, 行次, amounts), each printed line
    pairing income line n with expenditure line n + offset, as the national form numbers them."""
    rows = report.tables[key].rows
    values = _cells(report, key)
    left = {r.line_number: r for r in rows if not r.row_key.isdigit() and r.row_key.startswith(_INCOME_KEYS)}
    right = {r.line_number: r for r in rows if r.line_number not in left or r.row_key.isdigit()}
    right = {n: r for n, r in right.items() if r not in left.values()}
    offset = min(right) - min(left)
    header = [[C("收入", colspan=3), C("支出", colspan=2 + len(right_kinds))],
              [C("项目"), C("行次"), C("金额")] + [C("项目"), C("行次")] + [C(k) for k in right_kinds],
              [C("栏次"), C(""), C("1"), C("栏次"), C("")] + [C(str(n)) for n in range(2, 2 + len(right_kinds))]]
    body = []
    for n in range(min(left), max(left) + 1):
        lrow, rrow = left.get(n), right.get(n + offset)
        line = [C(lrow.row_label if lrow else ""), C(str(n), number=True),
                _amount(values[lrow.row_key]["amount"] if lrow else "")]
        line += [C(rrow.row_label if rrow else ""), C(str(n + offset), number=True)]
        line += [_amount(values[rrow.row_key].get(col, "") if rrow else "") for col in right_columns]
        body.append(line)
    return header + body


_INCOME_KEYS = ("general_budget_appropriation", "government_fund_appropriation", "state_capital_appropriation",
                "superior_subsidy", "business_income", "operating_income", "affiliated_remittance", "other_income",
                "income_subtotal", "use_of_non_appropriation_balance", "opening_balance", "income_total")


def _basic(report: ParsedReport, groups: int = 4) -> list[list[C]]:
    """公开06表: (科目编码, 科目名称, 决算数) column groups side by side, rows in reading order."""
    header = [[C("人员经费", colspan=3), C("公用经费", colspan=3 * (groups - 1))],
              [C("科目编码"), C("科目名称"), C("决算数")] * groups]
    values = _cells(report, "T06")
    body, line = [], []
    for row in report.tables["T06"].rows:
        amount = _amount(values[row.row_key]["amount"])
        line += ([C(row.row_label, colspan=2), amount] if row.row_code is None else [C(row.row_code), C(row.row_label), amount])
        if len(line) == 3 * groups:
            body.append(line)
            line = []
    if line:
        body.append(line + [C("")] * (3 * groups - len(line)))
    return header + body


def _three_public(report: ParsedReport) -> list[list[C]]:
    """公开09表: 预算数 and 决算数, each over 合计, 出国, 用车 (小计/购置/运行维护), 接待."""
    values = _cells(report, "T09")
    items = ["total", "overseas", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception"]
    phase_header = [C("合计", rowspan=2), C("因公出国（境）费", rowspan=2), C("公务用车购置及运行维护费", colspan=3),
                    C("公务接待费", rowspan=2)]
    return [
        [C("预算数", colspan=6), C("决算数", colspan=6)],
        phase_header + [C(c.text, c.colspan, c.rowspan) for c in phase_header],
        [C("小计"), C("公务用车购置费"), C("公务用车运行维护费")] * 2,
        [C(str(n)) for n in range(1, 13)],
        [_amount(values["budget"][i]) for i in items] + [_amount(values["final"][i]) for i in items],
    ]


_T10_SECTIONS = {"procurement": "一、政府采购情况", "running_cost": "二、机关运行经费", "assets": "三、国有资产占用情况"}


def _statistics(report: ParsedReport) -> list[list[C]]:
    """公开10表: (项目, 行次, 统计数) lines under their three section headings."""
    from juesuan.parse.tables.t10_statistics import LINES

    section_of = {row_key: section for section, _, row_key, _, _ in LINES}
    values = _cells(report, "T10")
    rows, section = [[C("项目"), C("行次"), C("统计数")]], None
    for row in report.tables["T10"].rows:
        if section_of[row.row_key] != section:
            section = section_of[row.row_key]
            rows.append([C(_T10_SECTIONS[section], colspan=3)])
        amount = next(iter(values[row.row_key].values()))
        rows.append([C(row.row_label), C(str(row.line_number), number=True), _amount(amount)])
    return rows


def sample_grids(report: ParsedReport) -> list[Grid]:
    t = report.tables
    grids = [
        Grid("T01", t["T01"].title, "公开01表", _two_sided(report, "T01", ["金额"], ["amount"])),
        Grid("T02", t["T02"].title, "公开02表", _coded(
            report, "T02",
            ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
            ["total", "fiscal_appropriation", "superior_subsidy", "business", "operating", "affiliated_remittance", "other"])),
        Grid("T03", t["T03"].title, "公开03表", _coded(
            report, "T03",
            ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
            ["total", "basic", "project", "remit_to_superior", "operating", "subsidy_to_affiliates"])),
        Grid("T04", t["T04"].title, "公开04表", _two_sided(
            report, "T04", ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
            ["total", "general_budget", "government_fund", "state_capital"])),
        Grid("T05", t["T05"].title, "公开05表", _coded(
            report, "T05", [("本年支出", ["小计", "基本支出", "项目支出"])], ["total", "basic", "project"])),
        Grid("T06", t["T06"].title, "公开06表", _basic(report)),
        Grid("T07", t["T07"].title, "公开07表", _coded(
            report, "T07", ["年初结转和结余", "本年收入", ("本年支出", ["小计", "基本支出", "项目支出"]), "年末结转和结余"],
            ["opening_balance", "income", "total", "basic", "project", "closing_balance"])),
        Grid("T08", t["T08"].title, "公开08表", _coded(
            report, "T08", ["合计", "基本支出", "项目支出"], ["total", "basic", "project"])),
        Grid("T09", t["T09"].title, "公开09表", _three_public(report)),
        Grid("T10", t["T10"].title, "公开10表", _statistics(report)),
    ]
    return grids


def text_around_tables(report_path: Path) -> tuple[list[str], list[str]]:
    """The sample's lines before its first table and after its last (cover, 目录; narrative and
    self-evaluations), as printed."""
    lines = content_lines(report_path.read_text(encoding="utf-8"))
    regions = find_tables(lines, TITLES["final"])
    first = regions[0].lines[0].number
    last = max(r.lines[-1].number for r in regions)
    numbering = {r.title_line for r in regions}
    before = [ln.text.strip() for ln in lines if ln.number < first and ln.number not in numbering]
    # The 公开NN表 line printed just above the first title belongs to the tables.
    while before and before[-1].startswith("公开"):
        before.pop()
    after = [ln.text.strip() for ln in lines if ln.number > last]
    return before, after
