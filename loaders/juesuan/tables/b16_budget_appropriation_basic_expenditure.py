"""财政拨款基本支出表（经济科目） (the budget's basic expenditure of every appropriation fund by economic
code): not one of DOMAIN.md's twelve, printed by 无锡 and 苏州 beside 一般公共预算基本支出表 (B06), whose
shape and columns it has over all appropriation funds, of which the general budget is one."""

from ..layout import TableRegion
from ..model import ParsedTable
from .b06_budget_basic_expenditure import COLUMNS, PRINTED_AS, ROW_IDENTITIES
from .coded import parse_coded

TABLE_KEY = "B16"
DOCUMENT = "budget"
TITLE = "财政拨款基本支出表（经济科目）"
TITLE_EN = "Budget basic expenditure of every appropriation fund by economic code (B06's shape; not one of DOMAIN's twelve)"
__all__ = ["COLUMNS", "PRINTED_AS", "ROW_IDENTITIES"]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
