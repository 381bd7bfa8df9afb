"""预算07表 政府性基金预算支出表 (the budget's government-fund expenditure by function code): the
shape and columns of 一般公共预算支出表 (B05) for the government fund. Most departments print it empty
(`本表无数据`). 西安's 部门综合预算政府性基金收支表 is a two-sided summary, not this table."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.b05_budget_general_expenditure import COLUMNS, PART_OF, PRINTED_AS as B05_PRINTED_AS, expenditure_identities
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import placement_identities

TABLE_KEY = "B07"
LIKE = "T07"
DOCUMENT = "budget"
TITLE = "政府性基金预算支出表"
TITLE_EN = "Budget government-fund expenditure by function code (B05's columns)"
# 无锡 heads its total column 本年政府性基金预算支出 合计, as B05's.
PRINTED_AS = B05_PRINTED_AS
__all__ = ["COLUMNS", "PART_OF"]
IDENTITIES = expenditure_identities("b07", "B07 (government fund)", ("total", "basic", "personnel", "public", "project"))
ROW_IDENTITIES = placement_identities(IDENTITIES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
