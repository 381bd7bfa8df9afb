"""预算01表 收支总表 (the budget's income and expenditure summary): 公开01表's shape and row keys,
for the budget year. What it declares is only where it differs from 公开01表: its titles, its
column (预算数) and the income and closing lines a budget prints (拨款收入, 财政专户管理资金,
上年结转, 年终结转)."""

from __future__ import annotations

from ..layout import TableRegion
from ..model import ParsedTable
from .t01_income_expenditure_summary import EXPENDITURE_LINES as FINAL_EXPENDITURE_LINES
from .t01_income_expenditure_summary import INCOME_LINES as FINAL_INCOME_LINES
from .t01_income_expenditure_summary import parse_summary

TABLE_KEY = "B01"
LIKE = "T01"
DOCUMENT = "budget"
TITLE = "收支总表"
# 部门综合预算收支总表 (西安), 收支预算总表 (高等学校), 部门收支总表 / 部门收支总体情况表 (other regions).
TITLE_ALIASES = ("收支预算总表", "部门收支总表", "部门收支总体情况表", "部门综合预算收支总表", "部门财务收支总表")
COLUMNS = [("amount", "预算数")]

# (printed name prefix, row key), tried before the final table's: the budget names the funds
# `…拨款收入`, adds 财政专户管理资金, and calls the balances 上年结转 / 年终结转 / 结转下年.
INCOME_LINES = [
    ("一般公共预算拨款", "general_budget_appropriation"),
    ("政府性基金预算拨款", "government_fund_appropriation"),
    ("国有资本经营预算拨款", "state_capital_appropriation"),
    ("财政专户管理资金", "special_account_income"),
    ("事业单位经营收入", "operating_income"),
    ("财政拨款", "appropriation_income"),
    ("上年结转", "opening_balance"),
    ("收入总计", "income_total"),
    *FINAL_INCOME_LINES,
]
EXPENDITURE_LINES = [
    ("年终结转", "closing_balance"),
    ("结转下年", "closing_balance"),
    ("支出总计", "expenditure_total"),
    *FINAL_EXPENDITURE_LINES,
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_summary(region, unit, TABLE_KEY, COLUMNS, INCOME_LINES, EXPENDITURE_LINES)
