"""预算02表 收入总表 (the budget's income by source): 公开02表's columns where it has them, for the
budget year. Its rows are the department's units (无锡, 苏州, 西安: `部门代码`/`单位编码`, keyed
`unit_<code>`), its 合计 alone (北京), or subjects by code (高等学校). Beside the year's income by source
a budget prints what it carries in (上年结转结余 with its funds), and its 合计 holds both; 本年收入 小计 is
公开02表's 本年收入合计 (`total`), so the two compare where both print it."""

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.coded import parse_coded
from juesuan.parse.tables.identities import RowSum, SameFigure, code_rollup, placement_identities

TABLE_KEY = "B02"
LIKE = "T02"
DOCUMENT = "budget"
TITLE = "收入总表"
TITLE_EN = "Budget income by source (T02's columns, with the balances carried in)"
TITLE_ALIASES = ("收入预算表", "部门收入总表", "部门综合预算收入总表")
# A column is found by the end of its header path (`本年收入` + `一般公共预算`), so the funds of the
# year and those carried in are told apart by their parent.
COLUMNS = [
    ("income_total", "合计"),
    ("total", "本年收入小计"),
    ("general_budget", "本年收入一般公共预算"),
    ("general_budget_special_funds", "其中：专项资金列入部门预算项目"),
    ("government_fund", "本年收入政府性基金预算"),
    ("state_capital", "本年收入国有资本经营预算"),
    ("fiscal_appropriation", "财政拨款收入"),
    ("special_account", "本年收入财政专户管理资金"),
    ("business", "事业收入"),
    ("business_tuition", "其中：教育收费"),
    ("operating", "事业单位经营收入"),
    ("superior_subsidy", "上级补助收入"),
    ("affiliated_remittance", "附属单位上缴收入"),
    ("other", "其他收入"),
    ("use_of_non_appropriation_balance", "使用非财政拨款结余"),
    ("business_fund_offset", "用事业基金弥补收支差额"),
    ("opening_balance", "上年结转结余小计"),
    ("opening_general_budget", "上年结转结余一般公共预算"),
    ("opening_government_fund", "上年结转结余政府性基金预算"),
    ("opening_state_capital", "上年结转结余国有资本经营预算"),
    ("opening_special_account", "上年结转结余财政专户管理资金"),
    ("opening_unit_funds", "上年结转结余单位资金"),
    ("prior_year_account_balance", "上年实户资金余额"),
]
PRINTED_AS = {
    "income_total": ("收入合计",),  # 高等学校
    "general_budget": ("本年收入一般公共预算资金", "一般公共预算拨款小计"),  # 北京; 西安 with its 其中
    "government_fund": ("本年收入政府性基金预算资金", "政府性基金拨款"),
    "state_capital": ("本年收入国有资本经营预算资金",),
    "business": ("事业收入金额",),
    "opening_balance": ("上年结转",),  # 高等学校, 西安: one column
    "opening_general_budget": ("上年结转结余一般公共预算资金",),
    "opening_government_fund": ("上年结转结余政府性基金预算资金",),
    "opening_state_capital": ("上年结转结余国有资本经营预算资金",),
}
PART_OF = {"general_budget_special_funds": "general_budget", "business_tuition": "business"}
_SOURCES = ["general_budget", "government_fund", "state_capital", "fiscal_appropriation", "special_account", "business",
            "operating", "superior_subsidy", "affiliated_remittance", "other"]
_OPENING = ["opening_general_budget", "opening_government_fund", "opening_state_capital", "opening_special_account",
            "opening_unit_funds"]
# On every row (the 合计, each unit, each subject): 合计 = 本年收入 + what is carried in, 本年收入 and
# 上年结转结余 read as their 小计 where printed, else as the sum of their sources (西安 and 高等学校 print
# no 小计); each 小计 = Σ its parts where both sides are printed.
IDENTITIES = [
    RowSum(check_id="b02_row_sum", rule="合计 = 本年收入 + 上年结转结余 (+ 结余 used)",
           description="B02: each row's total equals its income of the year plus what it carries in (each read as its 小计, "
                       "or as its sources where no 小计 is printed)",
           total="income_total", terms=(("total", *_SOURCES), ("opening_balance", *_OPENING), "use_of_non_appropriation_balance",
                                        "business_fund_offset", "prior_year_account_balance"), skip_if_total_blank=True),
    RowSum(check_id="b02_income_parts", rule="本年收入小计 = Σ sources",
           description="B02: each row's income of the year equals the sum of its sources where both are printed",
           total="total", terms=tuple(_SOURCES), skip_if_terms_blank=True, skip_if_total_blank=True),
    RowSum(check_id="b02_opening_parts", rule="上年结转结余小计 = Σ funds",
           description="B02: each row's balance carried in equals the sum of its funds where both are printed",
           total="opening_balance", terms=tuple(_OPENING), skip_if_terms_blank=True, skip_if_total_blank=True, places=False),
    code_rollup("b02_rollup", "B02", ["income_total", "total", "opening_balance", *_SOURCES],
                description="B02: each parent code equals the sum of its children where rows are subjects (each column)"),
]
ROW_IDENTITIES = placement_identities(IDENTITIES)

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="xb01_02_income", rule="B01 本年收入合计 = B02 本年收入小计",
               description="A budget's summary income equals its income table's total income of the year",
               actual=("B01", "income_subtotal", "amount"), addends=(("B02", "total", "total"),), skip_if_addends_blank=True),
    SameFigure(check_id="xb01_02_income_total", rule="B01 收入总计 = B02 合计",
               description="A budget's summary total income (with what it carries in) equals its income table's 合计",
               actual=("B01", "income_total", "amount"), addends=(("B02", "total", "income_total"),), skip_if_addends_blank=True),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
