"""公开02表 收入决算表 (income by function code and source)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

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


# The row's own identities (DOMAIN.md), each as coefficients summing to zero: they decide where
# the figures of a plain-text row with blank cells left out can go (see placement).
ROW_IDENTITIES = [{"total": 1, **{key: -1 for key, _ in COLUMNS[1:]}}]  # 合计 = Σ sources


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, extra_columns=EXTRA_COLUMNS, identities=ROW_IDENTITIES)
