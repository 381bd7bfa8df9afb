"""公开05表 一般公共预算财政拨款支出决算表 (general-budget appropriation expenditure)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

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


# The row's own identities (DOMAIN.md), each as coefficients summing to zero: they decide where
# the figures of a plain-text row with blank cells left out can go (see placement).
ROW_IDENTITIES = [{"total": 1, "basic": -1, "project": -1}]  # 小计 = 基本 + 项目


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
