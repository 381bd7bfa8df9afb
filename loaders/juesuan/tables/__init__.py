"""One parser per standard table, each in a module named after the table."""

from . import (
    t01_income_expenditure_summary,
    t02_income,
    t03_expenditure,
    t04_appropriation_summary,
    t05_general_budget_expenditure,
    t06_basic_expenditure,
    t07_government_fund,
    t08_state_capital,
    t09_three_public_costs,
    t10_statistics,
    t11_appropriation_expenditure,
)

PARSERS = {
    "T01": t01_income_expenditure_summary,
    "T02": t02_income,
    "T03": t03_expenditure,
    "T04": t04_appropriation_summary,
    "T05": t05_general_budget_expenditure,
    "T06": t06_basic_expenditure,
    "T07": t07_government_fund,
    "T08": t08_state_capital,
    "T09": t09_three_public_costs,
    "T10": t10_statistics,
    "T11": t11_appropriation_expenditure,
}
