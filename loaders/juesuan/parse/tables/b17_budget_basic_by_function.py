"""一般公共预算基本支出明细表（按支出功能分类科目） (the budget's general-budget basic expenditure by
function code): not one of DOMAIN.md's twelve, printed by 西安 as its 表7. A tree of function codes with
合计 | 人员经费支出 | 公用经费支出: the 基本支出 of 一般公共预算支出表 (B05) code by code, which 西安 prints
there as the same two columns."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.b06_budget_basic_expenditure import COLUMNS, PRINTED_AS, basic_identities
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowsAgree, code_rollup, placement_identities

TABLE_KEY = "B17"
DOCUMENT = "budget"
TITLE = "部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）"
TITLE_EN = "Budget general-budget basic expenditure by function code (西安; not one of DOMAIN's twelve)"
TITLE_ALIASES = ("部门综合预算一般公共预算基本支出明细表（按功能科目分）",)
__all__ = ["COLUMNS", "PRINTED_AS"]
IDENTITIES = basic_identities("b17", "B17: each function code's basic expenditure equals its personnel and public costs",
                              code_rollup("b17_rollup", "B17", ("total", "personnel", "public")))
ROW_IDENTITIES = placement_identities(IDENTITIES)
# Every function code (类, 款, 项), as B05 and B17 print them all.
EVERY_FUNCTION_CODE = "[0-9]{3}([0-9]{2}){0,2}"

# With the tables before it (scope `across`).
ACROSS = [
    # 西安 prints the general budget's basic expenditure twice by function code: in 一般公共预算支出表 (B05)
    # as 人员经费支出 and 公用经费支出, and in its 基本支出明细表 (B17). Code by code they agree.
    RowsAgree(check_id="xb05_17_personnel", rule="B05 每科目人员经费 = B17 该科目人员经费",
              description="Each function code's personnel costs in the general-budget table equal the basic-expenditure "
                          "table's by function (西安)",
              a=("B05", "personnel"), b=("B17", "personnel"), row_pattern=EVERY_FUNCTION_CODE),
    RowsAgree(check_id="xb05_17_public", rule="B05 每科目公用经费 = B17 该科目公用经费",
              description="Each function code's public costs in the general-budget table equal the basic-expenditure "
                          "table's by function (西安)",
              a=("B05", "public"), b=("B17", "public"), row_pattern=EVERY_FUNCTION_CODE),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
