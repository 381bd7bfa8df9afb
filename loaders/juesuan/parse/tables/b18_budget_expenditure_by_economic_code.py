"""西安's 一般公共预算支出明细表（按支出经济分类科目） (表6: the general budget's whole expenditure by economic
code): not one of DOMAIN.md's twelve. B06's rows (each 部门 economic code, with its 政府 code and name
beside it) and columns, and the project expenditure, 专项业务经费支出, beside them: 合计 = 人员经费 + 公用经费 +
专项业务经费 on every row. Its 合计 row is B05's 合计, its 人员经费 and 公用经费 are B06's (across)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.b06_budget_basic_expenditure import PRINTED_AS as B06_PRINTED_AS
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import ECONOMIC_LEVELS, RowSum, SameFigure, code_rollup, placement_identities

TABLE_KEY = "B18"
DOCUMENT = "budget"
TITLE = "部门综合预算一般公共预算支出明细表（按支出经济分类科目）"
TITLE_EN = "Budget general-budget expenditure by economic code, basic and project (西安; not one of DOMAIN's twelve)"
# 2022: `按经济分类科目分` (a title's `不含上年结转`, the year's money alone, names no other table: layout).
TITLE_ALIASES = ("部门综合预算一般公共预算支出明细表（按经济分类科目分）",)
COLUMNS = [
    ("total", "合计"),
    ("personnel", "人员经费"),
    ("public", "公用经费"),
    ("project", "专项业务经费"),
]
PRINTED_AS = {**B06_PRINTED_AS, "project": ("专项业务经费支出",)}
IDENTITIES = [
    RowSum(check_id="b18_row_sum", rule="合计 = 人员经费 + 公用经费 + 专项业务经费",
           description="B18: each economic code's general-budget expenditure equals its personnel, public and project "
                       "expenditure", total="total", terms=("personnel", "public", "project")),
    code_rollup("b18_rollup", "B18", ("total", "personnel", "public", "project"), levels=ECONOMIC_LEVELS,
                description="B18: each economic class equals the sum of its items (each column)"),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`): its 合计 row is the general budget's whole expenditure
# (B05's 合计), and its 人员经费 and 公用经费 are the basic expenditure's (B06's).
ACROSS = [
    SameFigure(check_id="xb05_18_total", rule="B05 合计 = B18 合计",
               description="A budget's general-budget expenditure by function equals its total by economic code (西安)",
               actual=("B18", "total", "total"), addends=(("B05", "total", "total"),), skip_if_addends_blank=True),
    SameFigure(check_id="xb05_18_project", rule="B05 项目支出 = B18 专项业务经费",
               description="A budget's general-budget project expenditure by function equals its project expenditure by "
                           "economic code (西安)",
               actual=("B18", "total", "project"), addends=(("B05", "total", "project"),), skip_if_addends_blank=True),
    SameFigure(check_id="xb06_18_personnel", rule="B06 人员经费 = B18 人员经费",
               description="A budget's general-budget personnel costs by economic code equal the basic-expenditure table's (西安)",
               actual=("B18", "total", "personnel"), addends=(("B06", "total", "personnel"),), skip_if_addends_blank=True),
    SameFigure(check_id="xb06_18_public", rule="B06 公用经费 = B18 公用经费",
               description="A budget's general-budget public costs by economic code equal the basic-expenditure table's (西安)",
               actual=("B18", "total", "public"), addends=(("B06", "total", "public"),), skip_if_addends_blank=True),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
