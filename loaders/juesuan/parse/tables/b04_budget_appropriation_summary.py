"""预算04表 财政拨款收支总表 (the budget's appropriation income and expenditure summary): the shape of
its 收支总表 (B01), one 预算数 per line, for the appropriations alone. 公开04表 splits each line into
the three funds; a budget prints the funds as income lines instead, and again as the parts of
上年结转 (北京 `上年结转结余` then `一、一般公共预算拨款`; 无锡 `二、上年结转` then `（一）…`). 西安 heads
each side with 一、财政拨款 and numbers the funds `1、` under it."""

from __future__ import annotations

from juesuan.parse.layout import TableRegion
from juesuan.parse.model import ParsedTable
from juesuan.parse.tables.identities import Linear, SameFigure, summary_table
from juesuan.parse.tables.t01_income_expenditure_summary import parse_summary

TABLE_KEY = "B04"
LIKE = "T04"
DOCUMENT = "budget"
TITLE = "财政拨款收支总表"
TITLE_EN = "Budget appropriation income and expenditure summary (B01's shape, for the appropriations)"
TITLE_ALIASES = ("财政拨款收支预算总表", "部门综合预算财政拨款收支总表")
COLUMNS = [("amount", "预算数")]

_FUNDS = [
    (("一般公共预算拨款", "一般公共预算资金"), "general_budget"),
    (("政府性基金预算拨款", "政府性基金拨款", "政府性基金预算资金", "政府性基金收入"), "government_fund"),
    (("国有资本经营预算拨款", "国有资本经营预算收入", "国有资本经营预算资金"), "state_capital"),
]
# (printed name prefix, row key), the first prefix that matches wins.
INCOME_LINES = [
    ("部门预算", "department_budget_income"),  # 西安 2020: `一、部门预算` heads the side, printed blank
    ("本年收入合计", "income_subtotal"),
    ("本年收入", "income_subtotal"),  # 无锡: `一、本年收入` heads its funds
    ("其中：专项资金", "general_budget_special_funds"),
    *[(name, f"{fund}_appropriation") for names, fund in _FUNDS for name in names],
    ("财政拨款", "appropriation_income"),
    ("上年结转", "opening_balance"),
    ("收入总计", "income_total"),
]
EXPENDITURE_LINES = [
    ("部门预算", "department_budget_expenditure"),
    ("本年支出合计", "expenditure_subtotal"),
    ("本年支出", "expenditure_subtotal"),
    ("财政拨款", "appropriation_expenditure"),  # 西安: `一、财政拨款` heads its classes
    ("年终结转", "closing_balance"),
    ("结转下年", "closing_balance"),
    ("支出总计", "expenditure_total"),
]
# The funds under 财政拨款 (西安) and under 上年结转 are parts of it, never lines of their own.
PART_LINES = {
    head: {f"{fund}_appropriation": f"{head}_{fund}" for _, fund in _FUNDS}
    for head in ("appropriation_income", "opening_balance")
}

# A 收支总表's (B01's) over the appropriations alone: its income lines are the three funds, or 财政拨款
# with the funds as its parts (西安); 上年结转 may list the funds as its parts.
IDENTITIES = [
    *summary_table(
        "b04",
        income_lines=["appropriation_income", *(f"{fund}_appropriation" for _, fund in _FUNDS)],
        carried_in=["opening_balance"],
        carried_out=["closing_balance"],
        text={
            "income_subtotal": ("本年收入合计 = Σ 财政拨款 lines",
                                "B04: the budget year's appropriation income equals its funds (or 财政拨款, printed with "
                                "the funds as its parts)"),
            "expenditure_subtotal": ("本年支出合计 = Σ 类",
                                     "B04: the budget year's appropriation expenditure equals the sum of its classes"),
            "income_total": ("收入总计 = 本年收入合计 + 上年结转",
                             "B04: total appropriation income equals the subtotal plus what is carried in"),
            "expenditure_total": ("支出总计 = 本年支出合计 + 年终结转",
                                  "B04: total appropriation expenditure equals the subtotal plus what is carried to next year"),
            "balance": ("收入总计 = 支出总计", "B04: the appropriation summary's two sides balance"),
        }),
    Linear(check_id="b04_appropriation_parts", rule="财政拨款 = 1 一般公共预算 + 2 政府性基金 + 3 国有资本经营",
           description="B04: the appropriation line equals its funds, where they are printed as its parts (西安)",
           actual=("appropriation_income", "amount"),
           addends=tuple((part, "amount") for part in PART_LINES["appropriation_income"].values()),
           adds_rows=False, skip_if_addends_blank=True),
    Linear(check_id="b04_opening_parts", rule="上年结转 = Σ 其 funds",
           description="B04: the opening balance equals its funds, where they are printed as its parts",
           actual=("opening_balance", "amount"), addends=tuple((part, "amount") for part in PART_LINES["opening_balance"].values()),
           adds_rows=False, skip_if_addends_blank=True),
]

# With the tables before it (scope `across`).
ACROSS = [
    SameFigure(check_id="xb01_04_general_budget", rule="B01 一般公共预算拨款收入 = B04 一般公共预算拨款",
               description="A budget's general-budget appropriation income in its summary equals the appropriation summary's",
               actual=("B01", "general_budget_appropriation", "amount"),
               addends=(("B04", "general_budget_appropriation", "amount"),)),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_summary(region, unit, TABLE_KEY, COLUMNS, INCOME_LINES, EXPENDITURE_LINES, PART_LINES)
