"""公开03表 支出决算表 (expenditure by function code and kind)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, RowsAgree, SameFigure, code_rollup, placement_identities

TABLE_KEY = "T03"
TITLE = "支出决算表"
TITLE_EN = "Expenditure by function code and kind"
TITLE_ALIASES = ("高等学校支出决算表",)
COLUMNS = [
    ("total", "本年支出合计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("remit_to_superior", "上缴上级支出"),
    ("operating", "经营支出"),
    ("subsidy_to_affiliates", "对附属单位补助支出"),
]
# The 高等学校 layout heads the total column 合计.
PRINTED_AS = {"total": ("合计",)}


KINDS = [key for key, _ in COLUMNS[1:]]
IDENTITIES = [
    RowSum(check_id="t03_row_sum", rule="本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助",
           description="T03: each row's total equals the sum of its kinds", total="total", terms=tuple(KINDS)),
    code_rollup("t03_rollup", "T03", ["total", *KINDS]),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="x01_03_expenditure", rule="01 本年支出合计 = 03 合计",
               description="The summary table's expenditure equals the expenditure table's total",
               actual=("T01", "expenditure_subtotal", "amount"), addends=(("T03", "total", "total"),)),
    RowsAgree(check_id="x01_03_class", rule="01 每类 = 03 该类合计",
              description="Each class in the summary table equals its total in the expenditure table",
              a=("T01", "amount"), b=("T03", "total")),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
