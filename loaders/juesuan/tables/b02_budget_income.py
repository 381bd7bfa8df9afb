"""预算02表 收入总表 (the budget's income by source): 公开02表's columns where it has them, for the
budget year. Its rows are the department's units (无锡, 苏州, 西安: `部门代码`/`单位编码`, keyed
`unit_<code>`), its 合计 alone (北京), or subjects by code (高等学校). Beside the year's income by source
a budget prints what it carries in (上年结转结余 with its funds), and its 合计 holds both; 本年收入 小计 is
公开02表's 本年收入合计 (`total`), so the two compare where both print it."""

from ..layout import TableRegion
from ..model import ParsedTable
from .coded import parse_coded

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
# 合计 = 本年收入 + what is carried in; 本年收入 = Σ its sources (see placement).
ROW_IDENTITIES = [
    {"income_total": 1, "total": -1, "opening_balance": -1, "use_of_non_appropriation_balance": -1,
     "business_fund_offset": -1, "prior_year_account_balance": -1},
    {"total": 1, **{c: -1 for c in _SOURCES}},
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_coded(region, COLUMNS, unit, PRINTED_AS, identities=ROW_IDENTITIES)
