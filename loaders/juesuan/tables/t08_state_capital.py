"""公开08表 国有资本经营预算财政拨款支出决算表 (state-capital operating appropriation)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded_table

TABLE_KEY = "T08"
COLUMNS = [
    ("total", "合计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded_table(region, [c for c, _ in COLUMNS], unit)
