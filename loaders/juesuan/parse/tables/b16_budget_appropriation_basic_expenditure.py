"""财政拨款基本支出表（经济科目） (the budget's basic expenditure of every appropriation fund by economic
code): not one of DOMAIN.md's twelve, printed by 无锡 and 苏州 beside 一般公共预算基本支出表 (B06), whose
shape and columns it has over all appropriation funds, of which the general budget is one."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.b06_budget_basic_expenditure import COLUMNS, PRINTED_AS, basic_identities
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import ECONOMIC_LEVELS, PartWithinWhole, code_rollup, placement_identities

TABLE_KEY = "B16"
DOCUMENT = "budget"
TITLE = "财政拨款基本支出表（经济科目）"
TITLE_EN = "Budget basic expenditure of every appropriation fund by economic code (B06's shape; not one of DOMAIN's twelve)"
__all__ = ["COLUMNS", "PRINTED_AS"]
IDENTITIES = basic_identities(
    "b16", "B16: each economic code's basic expenditure of every appropriation fund equals its personnel and public costs",
    code_rollup("b16_rollup", "B16", ("total", "personnel", "public"), levels=ECONOMIC_LEVELS,
                description="B16: each economic class equals the sum of its items (each column)"))
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    PartWithinWhole(check_id="xb06_16_basic", rule="B06 合计 ≤ B16 合计",
                    description="The general budget's basic expenditure is part of every appropriation fund's",
                    part=("B06", "total", "total"), whole=("B16", "total", "total")),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
