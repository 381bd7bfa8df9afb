"""财政拨款支出表 (the budget's appropriation expenditure of every fund, by function code and kind):
not one of DOMAIN.md's twelve, the budget's twin of T11 (高等学校 财政拨款支出决算表), printed by the
高等学校 layout (财政拨款支出预算表) and by 无锡 and 苏州 (财政拨款支出表（功能科目）). Its columns are
一般公共预算支出表's (B05): 基本支出 with or without its 人员经费 and 公用经费."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.b05_budget_general_expenditure import COLUMNS, PART_OF, PRINTED_AS as B05_PRINTED_AS, expenditure_identities
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import placement_identities

TABLE_KEY = "B14"
LIKE = "T11"
DOCUMENT = "budget"
TITLE = "财政拨款支出表"
TITLE_EN = "Budget appropriation expenditure of every fund by function code (T11's twin; not one of DOMAIN's twelve)"
TITLE_ALIASES = ("财政拨款支出表（功能科目）", "财政拨款支出预算表")
# 西南大学 heads its total column 财政拨款支出.
PRINTED_AS = {**B05_PRINTED_AS, "total": (*B05_PRINTED_AS["total"], "财政拨款支出")}
__all__ = ["COLUMNS", "PART_OF"]
IDENTITIES = expenditure_identities("b14", "B14", ("total", "basic", "personnel", "public", "project", "project_excluding_construction"))
ROW_IDENTITIES = placement_identities(IDENTITIES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
