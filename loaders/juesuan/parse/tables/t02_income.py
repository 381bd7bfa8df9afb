"""公开02表 收入决算表 (income by function code and source)."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, SameFigure, code_rollup, placement_identities

TABLE_KEY = "T02"
TITLE = "收入决算表"
TITLE_EN = "Income by function code and source"
TITLE_ALIASES = ("高等学校收入决算表",)
COLUMNS = [
    ("total", "本年收入合计"),
    ("fiscal_appropriation", "财政拨款收入"),
    ("superior_subsidy", "上级补助收入"),
    ("business", "事业收入"),
    ("operating", "经营收入"),
    ("affiliated_remittance", "附属单位上缴收入"),
    ("other", "其他收入"),
]
# 事业收入 printed as a parent of its 金额 and a part of it (高等学校: `事业收入 其中：教育收费`).
PRINTED_AS = {"business": ("事业收入金额",)}
# A part of 事业收入 (其中), never summed into the row.
EXTRA_COLUMNS = [("business_tuition", "其中：教育收费")]
PART_OF = {"business_tuition": "business"}


_SOURCES = [key for key, _ in COLUMNS[1:]]
IDENTITIES = [
    RowSum(check_id="t02_row_sum", rule="本年收入合计 = Σ 收入来源", description="T02: each row's total equals the sum of its income sources",
           total="total", terms=tuple(_SOURCES)),
    code_rollup("t02_rollup", "T02", ["total", *_SOURCES]),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="x01_02_income", rule="01 本年收入合计 = 02 合计",
               description="The summary table's income equals the income table's total",
               actual=("T01", "income_subtotal", "amount"), addends=(("T02", "total", "total"),)),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, extra_columns=EXTRA_COLUMNS, identities=ROW_IDENTITIES)
