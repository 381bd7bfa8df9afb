"""公开05表 一般公共预算财政拨款支出决算表 (general-budget appropriation expenditure)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

TABLE_KEY = "T05"
COLUMNS = [
    ("total", "小计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
]
# Regional names of a column (上海: the form prints 合计 where the national one prints 小计).
PRINTED_AS = {"total": ("合计",)}


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS)
