"""预算03表 支出总表 (the budget's expenditure by function code and kind): 公开03表's shape, row
and column keys, for the budget year. Declared here: its titles and the names its columns print."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, RowsAgree, SameFigure, code_rollup, placement_identities
from juesuan.parse.tables.t03_expenditure import COLUMNS, KINDS, PRINTED_AS as FINAL_PRINTED_AS

TABLE_KEY = "B03"
LIKE = "T03"
DOCUMENT = "budget"
TITLE = "支出总表"
TITLE_EN = "Budget expenditure by function code and kind (T03's columns, for the budget year)"
# 支出预算表 (高等学校). 西安's 部门综合预算支出总表 is by unit and fund, not by kind: not this table.
TITLE_ALIASES = ("支出预算表", "部门支出总表", "部门支出总体情况表")
PRINTED_AS = {**FINAL_PRINTED_AS, "operating": ("事业单位经营支出",), "subsidy_to_affiliates": ("对下级单位补助支出",)}
IDENTITIES = [
    RowSum(check_id="b03_row_sum", rule="合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助",
           description="B03: each row's total equals the sum of its kinds", total="total", terms=tuple(KINDS)),
    code_rollup("b03_rollup", "B03", ["total", *KINDS]),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="xb01_03_expenditure", rule="B01 本年支出合计 = B03 合计",
               description="A budget's summary expenditure equals its expenditure table's total",
               actual=("B01", "expenditure_subtotal", "amount"), addends=(("B03", "total", "total"),)),
    RowsAgree(check_id="xb01_03_class", rule="B01 每类 = B03 该类合计",
              description="Each class in a budget's summary equals its total in the budget's expenditure table",
              a=("B01", "amount"), b=("B03", "total")),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
