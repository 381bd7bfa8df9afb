"""高等学校财政拨款支出决算表 (appropriation expenditure of every fund, by function code and kind).

Not one of the national ten: the 高等学校 layout's fourth table (model.UNIVERSITY_TABLES). It is
公开05表's shape over every appropriation fund, with a non-additive `项目支出 其中：基本建设资金支出`
column, and its 合计 printed in the header row (`类 款 项 合计 237,100.00 …`) as well as at the end.
"""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

TABLE_KEY = "T11"
TITLE = "财政拨款支出决算表"
TITLE_EN = "Appropriation expenditure of every fund (the 高等学校 layout's 表4; not one of the national ten)"
TITLE_ALIASES = ("高等学校财政拨款支出决算表",)
COLUMNS = [
    ("total", "合计"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
]
# 项目支出 is printed as a parent of 小计 and its 其中 (西南大学).
PRINTED_AS = {"total": ("本年支出合计", "小计"), "project": ("项目支出小计",)}
# A part of 项目支出 (其中), never summed into the row.
EXTRA_COLUMNS = [("project_capital_construction", "其中：基本建设资金支出")]
PART_OF = {"project_capital_construction": "project"}


# The row's own identities (DOMAIN.md), each as coefficients summing to zero: they decide where
# the figures of a plain-text row with blank cells left out can go (see placement).
ROW_IDENTITIES = [{"total": 1, "basic": -1, "project": -1}]  # 合计 = 基本 + 项目


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, extra_columns=EXTRA_COLUMNS, identities=ROW_IDENTITIES)
