"""One parser per standard table, each in a module named after the table. A module declares its
table: TITLE and TITLE_ALIASES (the titles it is found by), TITLE_EN (its name in English),
DOCUMENT (`final`, the default, or `budget`), LIKE (the final table whose shape and keys a budget
table shares), COLUMNS (the national form's, in order), EXTRA_COLUMNS (printed by some forms beyond
it), PART_OF (a `其中` column: the column it is a part of, never summed into a row) and, for a
budget table, FINAL_COLUMNS (a column beside its final twin's column of another key), and
IDENTITIES (its own accounting identities, see `identities`).
`column_reference()`, `table_reference()` and `identity_reference()` are what
reference.ref_table_column, ref_standard_table and ref_identity's within and across rows hold, and
`within_checks_sql()` and `across_checks_sql()` are the check models audit.chk_within_tables and
chk_across_tables (`python -m juesuan.tables` writes them); `TITLES` is what layout.find_tables looks for in each kind of document."""

from ..layout import Titles
from . import (
    across,
    b01_budget_summary,
    b02_budget_income,
    b03_budget_expenditure,
    b04_budget_appropriation_summary,
    b05_budget_general_expenditure,
    b06_budget_basic_expenditure,
    b07_budget_government_fund,
    b08_budget_state_capital,
    b09_budget_three_public_costs,
    b12_budget_procurement,
    b14_budget_appropriation_expenditure,
    b15_budget_running_costs,
    b16_budget_appropriation_basic_expenditure,
    b17_budget_basic_by_function,
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
    "B01": b01_budget_summary,
    "B02": b02_budget_income,
    "B03": b03_budget_expenditure,
    "B04": b04_budget_appropriation_summary,
    "B05": b05_budget_general_expenditure,
    "B06": b06_budget_basic_expenditure,
    "B07": b07_budget_government_fund,
    "B08": b08_budget_state_capital,
    "B09": b09_budget_three_public_costs,
    "B12": b12_budget_procurement,
    "B14": b14_budget_appropriation_expenditure,
    "B15": b15_budget_running_costs,
    "B16": b16_budget_appropriation_basic_expenditure,
    "B17": b17_budget_basic_by_function,
}


def _titles(document: str, **how) -> Titles:
    return Titles({key: (m.TITLE, *getattr(m, "TITLE_ALIASES", ())) for key, m in PARSERS.items()
                   if getattr(m, "DOCUMENT", "final") == document}, **how)


# A 三公 title names its table whatever else it lists (`…“三公”经费及会议费、培训费支出决算表`),
# though it ends as 支出决算表 (公开03表) does.
# A budget's tables not read yet, by the titles they are printed under (DOMAIN.md, "Budget
# reports"): found, so that the table before them ends where they begin.
BUDGET_TABLES_NOT_READ = (
    "部门综合预算一般公共预算支出明细表（按支出经济分类科目）",
    "部门综合预算政府性基金收支表", "部门综合预算政府性基金收支总表",
    "项目支出表", "部门综合预算专项业务经费支出表",
    "部门综合预算财政拨款上年结转资金支出表", "项目支出绩效目标表", "部门专项业务经费绩效目标表", "部门整体支出绩效目标表",
    "部门综合预算政府采购（资产配置、购买服务）预算表", "财政拨款政府购买服务明细表",
    "部门综合预算支出总表",  # 西安's is by unit and fund, not by kind: not B03
)
TITLES = {"final": _titles("final", numbered=True, three_public=("T09", "支出决算表")),
          "budget": _titles("budget", unread=BUDGET_TABLES_NOT_READ, named=True)}


def table_reference() -> list[dict[str, str]]:
    """Every table as ref_standard_table holds it: its title, English name, the layouts that print
    it and, for a budget table, its final twin (LIKE)."""
    from ..model import BUDGET_TABLES, NATIONAL_TABLES, UNIVERSITY_TABLES

    layouts = (("national", NATIONAL_TABLES), ("university", UNIVERSITY_TABLES), ("budget", BUDGET_TABLES))
    return [{"table_key": key, "table_title": module.TITLE, "table_title_en": module.TITLE_EN,
             "layouts": ",".join(name for name, keys in layouts if key in keys), "final_twin": getattr(module, "LIKE", "")}
            for key, module in PARSERS.items()]


def column_reference() -> list[dict[str, str]]:
    """Every column of every table as ref_table_column holds it, in each table's printed order."""
    from . import t04_appropriation_summary as t04

    rows = []
    for key, module in PARSERS.items():
        columns = (list(t04.LEFT_COLUMNS) if key == "T04" else []) + list(module.COLUMNS) + list(getattr(module, "EXTRA_COLUMNS", []))
        part_of = getattr(module, "PART_OF", {})
        # A budget column is beside its final twin's column of the same key, unless it declares another.
        twin = getattr(module, "FINAL_COLUMNS", {}) if hasattr(module, "LIKE") else None
        rows += [{"table_key": key, "column_key": c, "column_label": label, "column_order": str(i),
                  "part_of": part_of.get(c, ""), "final_column": "" if twin is None else twin.get(c, c)}
                 for i, (c, label) in enumerate(columns, 1)]
    return rows


def identity_reference() -> list[dict[str, str]]:
    """Every table's own identities (scope `within`) and those across a report's tables (`across`)
    as reference.ref_identity holds them, one row per check id (an identity checked in several
    columns is one row)."""
    rows: dict[str, dict[str, str]] = {}
    declared = [(identity, key) for key, module in PARSERS.items() for identity in module.IDENTITIES]
    for identity, key in declared + [(identity, None) for identity in across.IDENTITIES]:
        row = identity.catalog_row(key)
        assert rows.setdefault(row["check_id"], row) == row, f"{row['check_id']} is declared twice, differently"
    return list(rows.values())


def _generated(what: str, where: str) -> str:
    return f"""\
-- {what}, one macro call (macros/identities/) per declaration.
-- Generated by `python -m juesuan.tables` from {where}:
-- edit those, not this file (tests/loaders/test_reference_seeds.py fails when it is stale).
"""


def within_checks_sql() -> str:
    """The check model audit.chk_within_tables: every table's IDENTITIES, as SQL."""
    blocks = [f"-- {key} {module.TITLE}\n" + "\nunion all\n".join(i.sql(key) for i in module.IDENTITIES)
              for key, module in PARSERS.items()]
    header = _generated("Every table's own identities", "the IDENTITIES each table module declares (loaders/juesuan/tables/)")
    return header + "\n" + "\nunion all\n".join(blocks) + "\n"


def across_checks_sql() -> str:
    """The check model audit.chk_across_tables: the identities across a report's tables, as SQL."""
    header = _generated("Identities across a report's tables", "the declarations in loaders/juesuan/tables/across.py")
    blocks = [f"-- {title}\n" + "\nunion all\n".join(i.sql() for i in identities)
              for title, identities in (("A final report's tables", across.FINAL), ("A budget's tables", across.BUDGET))]
    return header + "\n" + "\nunion all\n".join(blocks) + "\n"
