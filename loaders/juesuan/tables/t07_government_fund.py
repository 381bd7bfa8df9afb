"""公开07表 政府性基金预算财政拨款收入支出决算表 (government-fund appropriation)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

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


# The row's own identities (DOMAIN.md), each as coefficients summing to zero: they decide where
# the figures of a plain-text row with blank cells left out can go (see placement).
ROW_IDENTITIES = [
    {"total": 1, "basic": -1, "project": -1},  # 小计 = 基本 + 项目
    {"opening_balance": 1, "income": 1, "total": -1, "closing_balance": -1},  # 年初 + 收入 − 支出 = 年末
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
