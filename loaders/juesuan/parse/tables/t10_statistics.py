"""公开10表 部门决算公开相关信息统计表 (procurement, running costs, assets).

Three sections of `name 行次 value` lines: 一、政府采购情况 (合计, 货物, 工程, 服务; 万元),
二、机关运行经费 (by unit type; 万元), 三、国有资产占用情况 (vehicles by category, in 辆;
equipment of 100万元 or more, in 台（套）). Lines are keyed by name within their section, since
regions number the 行次 differently.
"""

from __future__ import annotations

import re

from juesuan.parse import grid
from juesuan.parse.grammar import cell_from_token, strip_ordinal
from juesuan.parse.layout import TableRegion
from juesuan.read.lines import Line
from juesuan.parse.model import Issue, ParsedTable, Row
from juesuan.parse.tokens import Kind, Token, tokenize_line
from juesuan.parse.tables.identities import Linear, SameFigure

TABLE_KEY = "T10"
TITLE = "部门决算公开相关信息统计表"
TITLE_EN = "Statistics: procurement, running costs, assets"
COLUMNS = [("amount", "统计数 (万元)"), ("count", "统计数 (辆, 台套)")]

SECTIONS = [("政府采购", "procurement"), ("机关运行经费", "running_cost"), ("国有资产", "assets")]
# (section, printed name prefix after the ordinal, row key, column key, unit)
LINES = [
    ("procurement", "合计", "procurement_total", "amount", None),
    ("procurement", "货物", "procurement_goods", "amount", None),
    ("procurement", "工程", "procurement_works", "amount", None),
    ("procurement", "服务", "procurement_services", "amount", None),
    ("running_cost", "行政单位", "running_cost_admin_units", "amount", None),
    ("running_cost", "参照公务员法管理", "running_cost_civil_service_institutions", "amount", None),
    ("running_cost", "事业单位", "running_cost_public_institutions", "amount", None),
    ("assets", "车辆数合计", "vehicles_total", "count", "辆"),
    ("assets", "副部", "vehicles_senior_leader", "count", "辆"),
    ("assets", "主要负责人用车", "vehicles_principal", "count", "辆"),
    ("assets", "机要通信用车", "vehicles_confidential", "count", "辆"),
    ("assets", "应急保障用车", "vehicles_emergency", "count", "辆"),
    ("assets", "执法执勤用车", "vehicles_law_enforcement", "count", "辆"),
    ("assets", "特种专业技术用车", "vehicles_special_technical", "count", "辆"),
    ("assets", "离退休干部服务用车", "vehicles_retiree_service", "count", "辆"),
    ("assets", "其他用车", "vehicles_other", "count", "辆"),
    ("assets", "单价100万元", "equipment_over_1m", "count", "台套"),
]
_VEHICLE_KINDS = [key for section, _, key, _, _ in LINES if key.startswith("vehicles_") and key != "vehicles_total"]
IDENTITIES = [
    Linear(check_id="t10_procurement_total", rule="采购合计 = 货物 + 工程 + 服务",
           description="T10: procurement total equals goods plus works plus services", actual=("procurement_total", "amount"),
           addends=tuple((f"procurement_{kind}", "amount") for kind in ("goods", "works", "services"))),
    Linear(check_id="t10_vehicles_total", rule="车辆数合计 = Σ 车辆类别", description="T10: vehicles held equal the sum of the categories",
           unit="辆", actual=("vehicles_total", "count"), addends=tuple((kind, "count") for kind in _VEHICLE_KINDS)),
]

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="x06_10_running_cost", rule="10 机关运行经费(行政单位) = 06 公用经费合计",
               description="Running costs of an administrative unit equal its public costs (skipped where table 10 prints none)",
               actual=("T10", "running_cost_admin_units", "amount"), addends=(("T06", "public_total", "amount"),),
               skip_if_actual_blank=True),
]

_SECTION_HEADING = re.compile(r"^[一二三四五六]、")
_NOTE = re.compile(r"^\s*(注[:：]|说明[:：])")


_HEADER_WORDS = ("项目", "行次", "栏次", "统计数", "金额", "数量")


def _grid_tokens(ln: Line) -> list[Token]:
    """A grid row's cells as the tokens of a text line: an empty cell is a blank, each cell keeps
    its column (the name's cells count as text)."""
    out = [grid.cell_token(text, ln.number, c) for c, text in enumerate(ln.text.split(grid.GRID_SEPARATOR))]
    # Cells left of the name (an empty margin column) are not part of the line.
    while out and out[0].kind is Kind.BLANK:
        out.pop(0)
    return out


def parse(region: TableRegion, unit: str) -> ParsedTable:
    """Rows read as `name 行次 [value]` from the tokens in printed order, whatever the line breaks:
    one row a line, a name wrapped above its line, or one cell per line (a web page copied as
    text). After a row's 行次 a figure is its value, and the next name starts the next row (a
    value left blank is blank); a 行次 only counts where it is above the one before it, so a
    count is never taken for a 行次."""
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    section = None
    name: list[Token] = []
    number: Token | None = None  # the 行次 of the row being read
    last_number = 0

    def finish(value: Token | None, line: int) -> None:
        nonlocal name, number
        label = strip_ordinal("".join(t.text for t in name))
        spec = next((s for s in LINES if s[0] == section and label.startswith(s[1])), None)
        if spec is None:
            table.issues.append(Issue("warning", TABLE_KEY, line, f"unknown statistics line {label!r} (行次 {number.text}) in section {section}; skipped"))
        else:
            _, _, row_key, column_key, count_unit = spec
            value = value or Token(Kind.BLANK, "", line)
            table.rows.append(Row(TABLE_KEY, row_key, None, label, int(number.text), len(table.rows) + 1, line))
            table.cells.append(cell_from_token(TABLE_KEY, row_key, column_key, value, count_unit or unit))
        name, number = [], None

    for ln in region.lines[1:]:
        text = ln.text.replace("\xa0", " ").strip()
        if not text or "统计数" in text or "名称" in text or "公开10表" in text.replace(" ", ""):
            continue
        if _NOTE.match(text):
            break
        if _SECTION_HEADING.match(text):
            if number is not None:
                finish(None, number.line)
            section = next((key for word, key in SECTIONS if word in text), None)
            name = []
            continue
        for tok in _grid_tokens(ln) if grid.is_grid_line(ln.text) else tokenize_line(ln):
            if number is not None and tok.kind in (Kind.INT, Kind.AMOUNT, Kind.BLANK, Kind.NA):
                finish(tok, tok.line)
            elif number is not None and tok.kind is Kind.GARBLED:
                table.issues.append(Issue("error", TABLE_KEY, tok.line,
                                          f"line {text!r} prints {tok.text!r} where a figure belongs: not a number; not loaded"))
                name, number = [], None
            elif tok.kind is Kind.TEXT:
                if number is not None:
                    finish(None, number.line)
                if not (not name and tok.text in _HEADER_WORDS):
                    name.append(tok)
            elif tok.kind is Kind.INT and name and int(tok.text) > last_number:
                number, last_number = tok, int(tok.text)
            elif tok.kind is Kind.BLANK:
                continue  # an empty cell of the layout
            else:
                table.issues.append(Issue("error", TABLE_KEY, tok.line,
                                          f"{tok.text!r} on line {text!r} is not after a line's name and 行次; not loaded"))
    if number is not None:
        finish(None, number.line)
    return table
