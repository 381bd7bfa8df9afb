"""预算05表 一般公共预算支出表 (the budget's general-budget expenditure by function code): 公开05表's
shape and row keys, for the budget year. It declares its titles and its columns: 基本支出 is printed
with its parts 人员经费 and 公用经费 (无锡, 北京), or only as those parts (西安: 人员经费支出,
公用经费支出, and 专项业务经费支出 for 项目支出); 北京 adds 项目支出's part 扣除基建项目后预算数."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import Identity, RowSum, code_rollup, placement_identities

TABLE_KEY = "B05"
LIKE = "T05"
DOCUMENT = "budget"
TITLE = "一般公共预算支出表"
TITLE_EN = "Budget general-budget expenditure by function code (T05's rows; 基本 with its 人员/公用 parts)"
# 西安 names its 表5 three ways over the years.
TITLE_ALIASES = ("一般公共预算支出预算表", "部门综合预算一般公共预算支出明细表（按支出功能分类科目）",
                 "部门综合预算一般公共预算支出明细表（按功能科目分）")
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


def expenditure_identities(prefix: str, label: str, rollup_columns: tuple[str, ...]) -> list[Identity]:
    """T05's 合计 = 基本 + 项目, where 基本支出 is printed whole or only by its parts (西安: 人员经费支出 +
    公用经费支出); 基本 = 人员经费 + 公用经费 where both are printed; code roll-ups in every column.
    B07, B08 and B14 have B05's columns and these identities."""
    return [
        RowSum(check_id=f"{prefix}_row_sum", rule="合计 = 基本 (or 人员经费 + 公用经费) + 项目",
               description=f"{label}: each row's total equals its basic expenditure (printed whole, or only as its "
                           "personnel and public parts) plus its project expenditure",
               total="total", terms=(("basic", "personnel", "public"), "project")),
        RowSum(check_id=f"{prefix}_basic_parts", rule="基本 = 人员经费 + 公用经费",
               description=f"{label}: each row's basic expenditure equals its personnel and public parts where they are printed",
               total="basic", terms=("personnel", "public"), skip_if_terms_blank=True, skip_if_total_blank=True),
        code_rollup(f"{prefix}_rollup", label, rollup_columns),
    ]


IDENTITIES = expenditure_identities("b05", "B05", ("total", "basic", "personnel", "public", "project", "project_excluding_construction"))
ROW_IDENTITIES = placement_identities(IDENTITIES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
