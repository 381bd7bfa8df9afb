"""公开07表 政府性基金预算财政拨款收入支出决算表 (government-fund appropriation)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, code_rollup, placement_identities

TABLE_KEY = "T07"
TITLE = "政府性基金预算财政拨款收入支出决算表"
TITLE_EN = "Government-fund appropriation income and expenditure"
COLUMNS = [
    ("opening_balance", "年初结转和结余"),
    ("income", "本年收入"),
    ("total", "本年支出 小计"),
    ("basic", "本年支出 基本支出"),
    ("project", "本年支出 项目支出"),
    ("closing_balance", "年末结转和结余"),
]
# Regional names of a column (上海: the form prints 合计 where the national one prints 小计).
PRINTED_AS = {"total": ("本年支出合计",)}


IDENTITIES = [
    RowSum(check_id="t07_row_sum", rule="本年支出小计 = 基本 + 项目", description="T07: each row's expenditure equals basic plus project",
           total="total", terms=("basic", "project")),
    RowSum(check_id="t07_carry_over", rule="年末 = 年初 + 本年收入 − 本年支出",
           description="T07: each row's closing balance equals opening plus income minus expenditure",
           total="closing_balance", terms=("opening_balance", "income"), minus=("total",)),
    code_rollup("t07_rollup", "T07", ["opening_balance", "income", "total", "basic", "project", "closing_balance"]),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
