"""一般公共预算机关运行经费支出预算表 (the budget's running costs of an administrative body by economic
code): not one of DOMAIN.md's twelve, printed by 无锡 and 苏州 after the 三公. A tree of 部门预算支出经济分类
codes (302, 30201) with one column, 机关运行经费支出: the 日常公用经费 of the general budget's basic
expenditure, so a part of 一般公共预算基本支出表's (B06) 公用经费."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import ECONOMIC_LEVELS, PartWithinWhole, code_rollup, placement_identities

TABLE_KEY = "B15"
DOCUMENT = "budget"
TITLE = "一般公共预算机关运行经费支出预算表"
TITLE_EN = "Budget running costs of an administrative body by economic code (not one of DOMAIN's twelve)"
COLUMNS = [("amount", "机关运行经费支出")]
PRINTED_AS: dict[str, tuple[str, ...]] = {}
IDENTITIES = [
    code_rollup("b15_rollup", "B15", ("amount",), levels=ECONOMIC_LEVELS,
                description="B15: the running costs of each economic class equal the sum of its items"),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    # 机关运行经费 are 日常公用经费 of the general budget's basic expenditure: within B06's 公用经费; and
    # the general budget's basic expenditure is within every appropriation fund's (B16).
    PartWithinWhole(check_id="xb06_15_running_cost", rule="B15 机关运行经费 ≤ B06 公用经费",
                    description="A budget's running costs are part of its general budget's public costs (日常公用经费)",
                    part=("B15", "total", "amount"), whole=("B06", "total", "public")),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
