"""预算06表 一般公共预算基本支出表 (the budget's general-budget basic expenditure by economic code):
a tree of 部门预算支出经济分类 codes (类 301, 款 30101) with 合计 | 人员经费 | 公用经费. 公开06表 prints
the same figures as one amount per code, 人员经费 and 公用经费 side by side; a budget prints them as
columns, so this is the coded shape over economic codes: its 合计 column is 公开06表's 决算数
(FINAL_COLUMNS), code by code. 北京 prints each 款 beside its 政府预算支出
经济分类 (`50101-工资奖金津补贴 | 30101-基本工资`), a row per pair: only its 合计 is the form's. 西安 prints
each 部门 code's row with its 政府 code and name after the name (`30101 基本工资 50101 工资奖金津补贴`)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import ECONOMIC_LEVELS, Identity, Rollup, RowSum, SameFigure, code_rollup, placement_identities

TABLE_KEY = "B06"
LIKE = "T06"
DOCUMENT = "budget"
TITLE = "一般公共预算基本支出表"
TITLE_EN = "Budget general-budget basic expenditure by economic code (合计, 人员经费, 公用经费)"
# 西安 (2020–2026) prints each 部门 code with its 政府 code and names beside it.
TITLE_ALIASES = ("部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）",
                 "部门综合预算一般公共预算基本支出明细表（支出经济分类科目）")  # 西安 2022
COLUMNS = [
    ("total", "合计"),
    ("personnel", "人员经费"),
    ("public", "公用经费"),
]
PRINTED_AS = {"personnel": ("人员经费支出",), "public": ("公用经费支出",)}
# The final twin's column each column is beside where it is keyed otherwise (公开06表 prints one 决算数).
FINAL_COLUMNS = {"total": "amount"}


def basic_identities(prefix: str, row_description: str, rollup: Rollup) -> list[Identity]:
    """合计 = 人员经费 + 公用经费 on each row, and the code tree's roll-up (B16 and B17 have B06's shape)."""
    return [RowSum(check_id=f"{prefix}_row_sum", rule="合计 = 人员经费 + 公用经费", description=row_description,
                   total="total", terms=("personnel", "public")),
            rollup]


IDENTITIES = basic_identities(
    "b06", "B06: each economic code's basic expenditure equals its personnel and public costs",
    code_rollup("b06_rollup", "B06", ("total", "personnel", "public"), levels=ECONOMIC_LEVELS,
                description="B06: each economic class equals the sum of its items (each column)"))
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="xb05_06_basic", rule="B05 基本支出合计 = B06 合计",
               description="A budget's general-budget basic expenditure equals the basic-expenditure table's total "
                           "(skipped where B05 prints 基本 only as its parts)",
               actual=("B05", "total", "basic"), addends=(("B06", "total", "total"),), skip_if_actual_blank=True),
    SameFigure(check_id="xb05_06_personnel", rule="B05 人员经费合计 = B06 人员经费合计",
               description="A budget's general-budget personnel costs equal the basic-expenditure table's",
               actual=("B05", "total", "personnel"), addends=(("B06", "total", "personnel"),), skip_if_actual_blank=True),
    SameFigure(check_id="xb05_06_public", rule="B05 公用经费合计 = B06 公用经费合计",
               description="A budget's general-budget public costs equal the basic-expenditure table's",
               actual=("B05", "total", "public"), addends=(("B06", "total", "public"),), skip_if_actual_blank=True),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
