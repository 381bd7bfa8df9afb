"""公开02表 收入决算表 (income by function code and source)."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

TABLE_KEY = "T02"
COLUMNS = [
    ("total", "本年收入合计"),
    ("fiscal_appropriation", "财政拨款收入"),
    ("superior_subsidy", "上级补助收入"),
    ("business", "事业收入"),
    ("operating", "经营收入"),
    ("affiliated_remittance", "附属单位上缴收入"),
    ("other", "其他收入"),
]


# The row's own identities (DOMAIN.md), each as coefficients summing to zero: they decide where
# the figures of a plain-text row with blank cells left out can go (see placement).
ROW_IDENTITIES = [{"total": 1, **{key: -1 for key, _ in COLUMNS[1:]}}]  # 合计 = Σ sources


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, identities=ROW_IDENTITIES)
