"""公开07表 政府性基金预算财政拨款收入支出决算表 (government-fund appropriation)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

TABLE_KEY = "T07"
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


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS)
