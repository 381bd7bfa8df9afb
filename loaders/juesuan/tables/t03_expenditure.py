"""公开03表 支出决算表 (expenditure by function code and kind)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

TABLE_KEY = "T03"
COLUMNS = [
    ("total", "本年支出合计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("remit_to_superior", "上缴上级支出"),
    ("operating", "经营支出"),
    ("subsidy_to_affiliates", "对附属单位补助支出"),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit)
