"""预算05表 一般公共预算支出表 (the budget's general-budget expenditure by function code): 公开05表's
shape and row keys, for the budget year. It declares its titles and its columns: 基本支出 is printed
with its parts 人员经费 and 公用经费 (无锡, 北京), or only as those parts (西安: 人员经费支出,
公用经费支出, and 专项业务经费支出 for 项目支出); 北京 adds 项目支出's part 扣除基建项目后预算数."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

TABLE_KEY = "B05"
LIKE = "T05"
DOCUMENT = "budget"
TITLE = "一般公共预算支出表"
TITLE_EN = "Budget general-budget expenditure by function code (T05's rows; 基本 with its 人员/公用 parts)"
# 西安 names its 表5 three ways over the years.
TITLE_ALIASES = ("一般公共预算支出预算表", "部门综合预算一般公共预算支出明细表（按支出功能分类科目）",
                 "部门综合预算一般公共预算支出明细表（按功能科目分）",
                 "部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）")
COLUMNS = [
    ("total", "合计"),
    ("basic", "基本支出"),
    ("personnel", "人员经费"),
    ("public", "公用经费"),
    ("project", "项目支出"),
    ("project_excluding_construction", "扣除基建项目后预算数"),
]
PRINTED_AS = {
    "total": ("小计",),
    "basic": ("基本支出小计",),
    "personnel": ("人员经费支出",),
    "public": ("公用经费支出",),
    "project": ("项目支出总数", "专项业务经费支出"),
}
PART_OF = {"personnel": "basic", "public": "basic", "project_excluding_construction": "project"}
# 合计 = 基本 + 项目; 基本 = 人员经费 + 公用经费 (see placement).
ROW_IDENTITIES = [{"total": 1, "basic": -1, "project": -1}, {"basic": 1, "personnel": -1, "public": -1}]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
