"""公开08表 国有资本经营预算财政拨款支出决算表 (state-capital operating appropriation)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, code_rollup, placement_identities

TABLE_KEY = "T08"
TITLE = "国有资本经营预算财政拨款支出决算表"
TITLE_EN = "State-capital operating appropriation expenditure"
# Printed as a 收入支出 table like 公开07表.
TITLE_ALIASES = ("国有资本经营预算财政拨款收入支出决算表",)
COLUMNS = [
    ("total", "合计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
]
# Regional names of a column (上海 prints 本年支出 over 小计 / 基本支出 / 项目支出).
PRINTED_AS = {"total": ("本年支出小计", "本年支出合计")}
# 上海's form prints this table as 收入支出决算表, with the carry-overs and income of 公开07表.
EXTRA_COLUMNS = [
    ("opening_balance", "年初结转和结余"),
    ("income", "本年收入"),
    ("closing_balance", "年末结转和结余"),
]


IDENTITIES = [
    RowSum(check_id="t08_row_sum", rule="合计 = 基本 + 项目", description="T08: each row's total equals basic plus project",
           total="total", terms=("basic", "project")),
    code_rollup("t08_rollup", "T08", ["total", "basic", "project"]),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, extra_columns=EXTRA_COLUMNS, identities=ROW_IDENTITIES)
