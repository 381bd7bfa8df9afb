"""预算08表 国有资本经营预算支出表 (the budget's state-capital expenditure by function code): the
shape and columns of 一般公共预算支出表 (B05) for the state-capital budget. Most departments print it
empty (`本表无数据`)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.b05_budget_general_expenditure import COLUMNS, PART_OF, PRINTED_AS as B05_PRINTED_AS, expenditure_identities
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import placement_identities

TABLE_KEY = "B08"
LIKE = "T08"
DOCUMENT = "budget"
TITLE = "国有资本经营预算支出表"
TITLE_EN = "Budget state-capital expenditure by function code (B05's columns)"
TITLE_ALIASES = ("国有资本经营预算支出预算表",)
# 无锡/苏州 head the total column 本年支出合计.
PRINTED_AS = {**B05_PRINTED_AS, "total": (*B05_PRINTED_AS["total"], "本年支出合计")}
__all__ = ["COLUMNS", "PART_OF"]
IDENTITIES = expenditure_identities("b08", "B08 (state capital)", ("total", "basic", "personnel", "public", "project"))
ROW_IDENTITIES = placement_identities(IDENTITIES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
