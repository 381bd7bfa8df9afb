"""公开10表 部门决算公开相关信息统计表 (procurement, running costs, assets).

Three sections of `name 行次 value` lines: 一、政府采购情况 (合计, 货物, 工程, 服务; 万元),
二、机关运行经费 (by unit type; 万元), 三、国有资产占用情况 (vehicles by category, in 辆;
equipment of 100万元 or more, in 台（套）). Lines are keyed by name within their section, since
regions number the 行次 differently.
"""

from __future__ import annotations

import re

from .. import grid
from ..grammar import cell_from_token, strip_ordinal
from ..layout import TableRegion
from ..lines import Line
from ..model import Issue, ParsedTable, Row
from ..tokens import Kind, Token, tokenize_line

TABLE_KEY = "T10"
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

_SECTION_HEADING = re.compile(r"^[一二三四五六]、")
_NOTE = re.compile(r"^\s*(注[:：]|说明[:：])")


def _split(tokens: list[Token]) -> tuple[str, Token, Token] | None:
    """`name 行次 value` → (name, 行次 token, value token), or None for other lines."""
    if len(tokens) < 2:
        return None
    value, number = tokens[-1], tokens[-2]
    if number.kind is not Kind.INT or value.kind not in (Kind.INT, Kind.AMOUNT, Kind.BLANK, Kind.NA):
        return None
    name = "".join(t.text for t in tokens[:-2] if t.kind is Kind.TEXT)
    return name, number, value


def _grid_tokens(ln: Line) -> list[Token]:
    """A grid row's cells as the tokens of a text line: an empty cell is a blank, each cell keeps
    its column (the name's cells count as text)."""
    out = [grid.cell_token(text, ln.number, c) for c, text in enumerate(ln.text.split(grid.GRID_SEPARATOR))]
    # Cells left of the name (an empty margin column) are not part of the line.
    while out and out[0].kind is Kind.BLANK:
        out.pop(0)
    return out


def parse(region: TableRegion, unit: str) -> ParsedTable:
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    section = None
    pending_name: list[str] = []  # a name wrapped above its `行次 value` line
    for ln in region.lines[1:]:
        text = ln.text.replace("\xa0", " ").strip()
        if not text or "统计数" in text or "名称" in text or "公开10表" in text.replace(" ", ""):
            continue
        if _NOTE.match(text):
            break
        if _SECTION_HEADING.match(text):
            section = next((key for word, key in SECTIONS if word in text), None)
            pending_name = []
            continue
        tokens = _grid_tokens(ln) if grid.is_grid_line(ln.text) else tokenize_line(ln)
        if len(tokens) >= 2 and tokens[-1].kind is Kind.GARBLED and tokens[-2].kind is Kind.INT:
            table.issues.append(Issue("error", TABLE_KEY, ln.number,
                                      f"line {text!r} prints {tokens[-1].text!r} where a figure belongs: not a number; not loaded"))
            pending_name = []
            continue
        parts = _split(tokens)
        if parts is None:
            pending_name.append(text)
            continue
        name, number, value = parts
        name = strip_ordinal("".join(pending_name) + name)
        pending_name = []
        spec = next((s for s in LINES if s[0] == section and name.startswith(s[1])), None)
        if spec is None:
            table.issues.append(Issue("warning", TABLE_KEY, ln.number, f"unknown statistics line {name!r} (行次 {number.text}) in section {section}; skipped"))
            continue
        _, _, row_key, column_key, count_unit = spec
        table.rows.append(Row(TABLE_KEY, row_key, None, name, int(number.text), len(table.rows) + 1, ln.number))
        cell = cell_from_token(TABLE_KEY, row_key, column_key, value, count_unit or unit)
        table.cells.append(cell)
    return table
