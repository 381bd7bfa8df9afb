"""公开05表 一般公共预算财政拨款支出决算表 (general-budget appropriation expenditure)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded_table

TABLE_KEY = "T05"
COLUMNS = [
    ("total", "小计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded_table(region, [c for c, _ in COLUMNS], unit)
