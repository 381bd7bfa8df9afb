"""公开05表 一般公共预算财政拨款支出决算表 (general-budget appropriation expenditure)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, RowsAgree, SameFigure, code_rollup, placement_identities

TABLE_KEY = "T05"
TITLE = "一般公共预算财政拨款支出决算表"
TITLE_EN = "General-budget appropriation expenditure"
COLUMNS = [
    ("total", "小计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
]
# Regional names of a column (上海: the form prints 合计 where the national one prints 小计).
PRINTED_AS = {"total": ("合计",)}


IDENTITIES = [
    RowSum(check_id="t05_row_sum", rule="小计 = 基本支出 + 项目支出", description="T05: each row's subtotal equals basic plus project expenditure",
           total="total", terms=("basic", "project")),
    code_rollup("t05_rollup", "T05", ["total", "basic", "project"]),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="x04_05_total", rule="04 一般公共预算支出合计 = 05 合计",
               description="General-budget expenditure in the appropriation summary equals table 05's total",
               actual=("T04", "expenditure_subtotal", "general_budget"), addends=(("T05", "total", "total"),)),
    RowsAgree(check_id="x04_05_class", rule="04 每类一般公共预算 = 05 该类小计",
              description="Each class's general-budget expenditure in table 04 equals its subtotal in table 05",
              a=("T04", "general_budget"), b=("T05", "total")),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
