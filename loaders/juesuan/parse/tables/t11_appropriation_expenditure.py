"""高等学校财政拨款支出决算表 (appropriation expenditure of every fund, by function code and kind).

Not one of the national ten: the 高等学校 layout's fourth table (model.UNIVERSITY_TABLES). It is
公开05表's shape over every appropriation fund, with a non-additive `项目支出 其中：基本建设资金支出`
column, and its 合计 printed in the header row (`类 款 项 合计 237,100.00 …`) as well as at the end.
"""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, code_rollup, placement_identities

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


# Its 其中：基本建设资金支出 column is a part of 项目支出: rolled up over codes, never summed into the row.
IDENTITIES = [
    RowSum(check_id="t11_row_sum", rule="合计 = 基本支出 + 项目支出",
           description="T11: each row's total equals basic plus project expenditure (高等学校 财政拨款支出决算表)",
           total="total", terms=("basic", "project")),
    code_rollup("t11_rollup", "T11", ["total", "basic", "project", "project_capital_construction"]),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, extra_columns=EXTRA_COLUMNS, identities=ROW_IDENTITIES)
