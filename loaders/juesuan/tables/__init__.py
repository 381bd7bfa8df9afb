"""One parser per standard table, each in a module named after the table. A module declares its
table's columns: COLUMNS (the national form's, in order), EXTRA_COLUMNS (printed by some forms
beyond it) and PART_OF (a `其中` column: the column it is a part of, never summed into a row).
`column_reference()` is what reference.ref_table_column holds (`python -m juesuan.tables` writes it)."""

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


def column_reference() -> list[dict[str, str]]:
    """Every column of every table as ref_table_column holds it, in each table's printed order."""
    from . import t04_appropriation_summary as t04

    rows = []
    for key, module in PARSERS.items():
        columns = (list(t04.LEFT_COLUMNS) if key == "T04" else []) + list(module.COLUMNS) + list(getattr(module, "EXTRA_COLUMNS", []))
        part_of = getattr(module, "PART_OF", {})
        rows += [{"table_key": key, "column_key": c, "column_label": label, "column_order": str(i),
                  "part_of": part_of.get(c, "")} for i, (c, label) in enumerate(columns, 1)]
    return rows
