"""预算01表 收支总表 (the budget's income and expenditure summary): 公开01表's shape and row keys,
for the budget year. What it declares is only where it differs from 公开01表: its titles, its
column (预算数) and the income and closing lines a budget prints (拨款收入, 财政专户管理资金,
上年结转, 年终结转)."""

from __future__ import annotations

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.identities import Linear, summary_table
from juesuan.parse.tables.t01_income_expenditure_summary import EXPENDITURE_LINES as FINAL_EXPENDITURE_LINES
from juesuan.parse.tables.t01_income_expenditure_summary import INCOME_LINES as FINAL_INCOME_LINES
from juesuan.parse.tables.t01_income_expenditure_summary import parse_summary

TABLE_KEY = "B01"
LIKE = "T01"
DOCUMENT = "budget"
TITLE = "收支总表"
TITLE_EN = "Budget income and expenditure summary (T01's lines, for the budget year)"
# 部门综合预算收支总表 (西安), 收支预算总表 (高等学校), 部门收支总表 / 部门收支总体情况表 (other regions).
TITLE_ALIASES = ("收支预算总表", "部门收支总表", "部门收支总体情况表", "部门综合预算收支总表", "部门财务收支总表")
COLUMNS = [("amount", "预算数")]

# (printed name prefix, row key), tried before the final table's: the budget names the funds
# `…拨款收入`, adds 财政专户管理资金, and calls the balances 上年结转 / 年终结转 / 结转下年. 西安's
# 部门综合预算 heads each side with 一、部门预算 (the department budget, a total), names 上年实户资金余额
# and 未安排支出的实户资金, and prints 其中 lines (parts, never summed).
INCOME_LINES = [
    ("部门预算", "department_budget_income"),
    ("其中：专项资金", "general_budget_special_funds"),
    ("其中：纳入财政专户管理的收费", "business_income_special_account"),
    ("其中：财政拨款资金结转", "opening_balance_appropriation"),
    # 西安 2022: `上年结转` / `其中：财政拨款` (the income side's only 其中 line of that name).
    ("其中：财政拨款", "opening_balance_appropriation"),
    ("非财政拨款资金结余", "opening_balance_non_appropriation"),
    ("上年实户资金余额", "prior_year_account_balance"),
    ("一般公共预算拨款", "general_budget_appropriation"),
    ("政府性基金预算拨款", "government_fund_appropriation"),
    ("政府性基金拨款", "government_fund_appropriation"),
    ("政府性基金收入", "government_fund_appropriation"),
    ("用事业基金弥补收支差额", "business_fund_offset"),
    ("下级单位上缴收入", "affiliated_remittance"),  # the 2020 template's 附属单位上缴收入
    ("国有资本经营预算拨款", "state_capital_appropriation"),
    ("国有资本经营预算收入", "state_capital_appropriation"),
    ("财政专户管理资金", "special_account_income"),
    ("事业单位经营收入", "operating_income"),
    ("财政拨款", "appropriation_income"),
    ("上年结转", "opening_balance"),
    ("收入总计", "income_total"),
    *FINAL_INCOME_LINES,
]
EXPENDITURE_LINES = [
    ("部门预算", "department_budget_expenditure"),
    ("年终结转", "closing_balance"),
    ("结转下年", "closing_balance"),
    ("未安排支出的实户资金", "unallocated_account_funds"),
    ("支出总计", "expenditure_total"),
    *FINAL_EXPENDITURE_LINES,
]
# A line numbered `(1)` under one numbered `1、` is its part (西安: `1、财政拨款` then `(1)一般公共预算拨款`,
# `(2)政府性基金拨款`, `(3)国有资本经营预算收入`): keyed as the part, never as a line of its own, so that
# 本年收入合计 = Σ lines counts the appropriation once (as the 高等学校 final keys its 其中 lines).
PART_LINES = {
    "appropriation_income": {
        "general_budget_appropriation": "appropriation_income_general_budget",
        "government_fund_appropriation": "appropriation_income_government_fund",
        "state_capital_appropriation": "appropriation_income_state_capital",
    },
}

# T01's, with the lines a budget adds: 财政专户管理资金 among the income; 西安's 上年实户资金余额 and the
# 2020 template's 用事业基金弥补收支差额 carried in, 未安排支出的实户资金 carried out.
IDENTITIES = [
    *summary_table(
        "b01",
        income_lines=["appropriation_income", "general_budget_appropriation", "government_fund_appropriation",
                      "state_capital_appropriation", "special_account_income", "superior_subsidy", "business_income",
                      "operating_income", "affiliated_remittance", "other_income"],
        carried_in=["use_of_non_appropriation_balance", "business_fund_offset", "prior_year_account_balance", "opening_balance"],
        carried_out=["balance_distribution", "unallocated_account_funds", "closing_balance"],
        text={
            "income_subtotal": ("本年收入合计 = Σ 收入 lines",
                                "B01: the budget year's income subtotal equals the sum of its income lines (财政拨款 printed "
                                "as one line or as its three funds)"),
            "expenditure_subtotal": ("本年支出合计 = Σ 类",
                                     "B01: the budget year's expenditure subtotal equals the sum of the expenditure classes"),
            "income_total": ("收入总计 = 本年收入合计 + 使用非财政拨款结余 + 用事业基金弥补收支差额 + 上年实户资金余额 + 上年结转",
                             "B01: total income equals the subtotal plus balances used and carried in"),
            "expenditure_total": ("支出总计 = 本年支出合计 + 未安排支出的实户资金 + 年终结转",
                                  "B01: total expenditure equals the subtotal plus what is left unallocated and carried to next year"),
            "balance": ("收入总计 = 支出总计", "B01: the budget's two sides balance"),
        }),
    # 财政拨款 = its funds, where the funds are printed as its `(1)…` parts.
    Linear(check_id="b01_appropriation_parts", rule="财政拨款 = (1) 一般公共预算 + (2) 政府性基金 + (3) 国有资本经营",
           description="B01: the appropriation line equals its funds, where they are printed as its parts (西安)",
           actual=("appropriation_income", "amount"),
           addends=tuple((part, "amount") for part in PART_LINES["appropriation_income"].values()),
           adds_rows=False, skip_if_addends_blank=True),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_summary(region, unit, TABLE_KEY, COLUMNS, INCOME_LINES, EXPENDITURE_LINES, PART_LINES)
