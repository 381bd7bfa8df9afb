"""One parser per standard table, each in a module named after the table's key (`t05_…`, `b18_…`):
found by its name, registered nowhere else. A module declares its table: TITLE and TITLE_ALIASES (the titles it is found by), TITLE_EN (its name in English),
DOCUMENT (`final`, the default, or `budget`), LIKE (the final table whose shape and keys a budget
table shares), COLUMNS (the national form's, in order), EXTRA_COLUMNS (printed by some forms beyond
it), PART_OF (a `其中` column: the column it is a part of, never summed into a row) and, for a
budget table, FINAL_COLUMNS (a column beside its final twin's column of another key), IDENTITIES
(its own accounting identities, see `identities`) and ACROSS (those with the tables before it).
`column_reference()`, `table_reference()` and `identity_reference()` are what
reference.ref_table_column, ref_standard_table and ref_identity's within and across rows hold, and
`within_checks_sql()` and `across_checks_sql()` are the check models audit.chk_within_tables and
chk_across_tables (`python -m juesuan.parse.tables` writes them); `TITLES` is what layout.find_tables
looks for in each kind of document."""

import importlib
import pkgutil
import re

from juesuan.parse.layout import Titles
from juesuan.parse.model import NATIONAL_TABLES, UNIVERSITY_TABLES, layout_of
from juesuan.parse.tables.identities import RowSum

# A table kind is a module named after its key (`t05_…`, `b18_…`): found here, nowhere registered.
_TABLE_MODULE = re.compile(r"^([tb]\d\d)_")


def _table_modules() -> list:
    """Every table module, the final accounts' (T…) first, each family in key order."""
    names = sorted((m.name for m in pkgutil.iter_modules(__path__) if _TABLE_MODULE.match(m.name)),
                   key=lambda name: (name[0] != "t", name))
    return [importlib.import_module(f".{name}", __name__) for name in names]


PARSERS = {module.TABLE_KEY: module for module in _table_modules()}
# A budget (部门预算) prints its own family (DOMAIN.md, "Budget reports"); those read so far.
BUDGET_TABLES = tuple(key for key, module in PARSERS.items() if getattr(module, "DOCUMENT", "final") == "budget")
# A budget is whole without the regional tables (B14, 财政拨款支出表, is no table of the national form: 北京's
# thirteen do not print it); missing ones are those of the national form (B01–B12, DOMAIN's numbering) read.
BUDGET_FORM_TABLES = tuple(key for key in BUDGET_TABLES if int(key[1:]) <= 12)
LAYOUT_TABLES = {"national": NATIONAL_TABLES, "university": UNIVERSITY_TABLES, "budget": BUDGET_FORM_TABLES}


def expected_tables(tables: dict, document_kind: str = "final") -> tuple[str, ...]:
    """The tables a report of this layout prints: a report with fewer than the national ten is still
    whole when its titles say it is of the 高等学校 layout."""
    return LAYOUT_TABLES[layout_of(tables, document_kind)]


def _titles(document: str, **how) -> Titles:
    return Titles({key: (m.TITLE, *getattr(m, "TITLE_ALIASES", ())) for key, m in PARSERS.items()
                   if getattr(m, "DOCUMENT", "final") == document}, **how)


# A 三公 title names its table whatever else it lists (`…“三公”经费及会议费、培训费支出决算表`),
# though it ends as 支出决算表 (公开03表) does.
# A budget's tables not read yet, by the titles they are printed under (DOMAIN.md, "Budget
# reports"): found, so that the table before them ends where they begin.
BUDGET_TABLES_NOT_READ = (
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
    layouts = (("national", NATIONAL_TABLES), ("university", UNIVERSITY_TABLES), ("budget", BUDGET_TABLES))
    return [{"table_key": key, "table_title": module.TITLE, "table_title_en": module.TITLE_EN,
             "layouts": ",".join(name for name, keys in layouts if key in keys), "final_twin": getattr(module, "LIKE", "")}
            for key, module in PARSERS.items()]


def _roles(module) -> dict[str, str]:
    """Each column's place in its table's row sum, 合计 = Σ terms (the RowSum declared over `total`):
    `total`; `subtotal`, a term printed as the sum of columns of its own (公务用车购置及运行维护费 小计 =
    购置费 + 运行维护费, T09's declared row sum); `addend`, a term that is no such sum (a kind of
    expenditure, a source of income, a 三公 item); `part`, a 其中 column (PART_OF), whose whole is the
    addend. Others have none (a summary's amount, a fund table's balances)."""
    sums = {i.total: i for i in module.IDENTITIES if isinstance(i, RowSum)}
    part_of = getattr(module, "PART_OF", {})
    roles: dict[str, str] = {}

    def columns(row_sum: RowSum) -> list[str]:
        return [c for t in row_sum.terms for c in ((t,) if isinstance(t, str) else t)]

    def visit(row_sum: RowSum) -> None:
        for c in columns(row_sum):
            inner = sums.get(c)
            if inner is not None and inner is not row_sum and not set(columns(inner)) & set(part_of):
                roles[c] = "subtotal"
                visit(inner)
            else:
                roles.setdefault(c, "addend")

    if "total" in sums:
        roles["total"] = "total"
        visit(sums["total"])
    return {**roles, **{c: "part" for c in part_of}}


def column_reference() -> list[dict[str, str]]:
    """Every column of every table as ref_table_column holds it, in each table's printed order."""
    from juesuan.parse.tables import t04_appropriation_summary as t04

    rows = []
    for key, module in PARSERS.items():
        columns = (list(t04.LEFT_COLUMNS) if key == "T04" else []) + list(module.COLUMNS) + list(getattr(module, "EXTRA_COLUMNS", []))
        part_of, roles = getattr(module, "PART_OF", {}), _roles(module)
        # A budget column is beside its final twin's column of the same key, unless it declares another.
        twin = getattr(module, "FINAL_COLUMNS", {}) if hasattr(module, "LIKE") else None
        rows += [{"table_key": key, "column_key": c, "column_label": label, "column_order": str(i),
                  "part_of": part_of.get(c, ""), "final_column": "" if twin is None else twin.get(c, c),
                  "row_role": roles.get(c, "")}
                 for i, (c, label) in enumerate(columns, 1)]
    return rows


def identity_reference() -> list[dict[str, str]]:
    """Every table's own identities (scope `within`) and those across a report's tables (`across`)
    as reference.ref_identity holds them, one row per check id (an identity checked in several
    columns is one row)."""
    rows: dict[str, dict[str, str]] = {}
    declared = [(identity, key) for key, module in PARSERS.items() for identity in module.IDENTITIES]
    declared += [(identity, None) for module in PARSERS.values() for identity in getattr(module, "ACROSS", [])]
    for identity, key in declared:
        row = identity.catalog_row(key)
        assert rows.setdefault(row["check_id"], row) == row, f"{row['check_id']} is declared twice, differently"
    return list(rows.values())


def _generated(what: str, where: str) -> str:
    return f"""\
-- {what}, one macro call (macros/identities/) per declaration.
-- Generated by `python -m juesuan.parse.tables` from {where}:
-- edit those, not this file (tests/loaders/test_reference_seeds.py fails when it is stale).
"""


def within_checks_sql() -> str:
    """The check model audit.chk_within_tables: every table's IDENTITIES, as SQL."""
    blocks = [f"-- {key} {module.TITLE}\n" + "\nunion all\n".join(i.sql(key) for i in module.IDENTITIES)
              for key, module in PARSERS.items()]
    header = _generated("Every table's own identities", "the IDENTITIES each table module declares (loaders/juesuan/parse/tables/)")
    return header + "\n" + "\nunion all\n".join(blocks) + "\n"


def across_checks_sql() -> str:
    """The check model audit.chk_across_tables: the identities across a report's tables, as SQL."""
    header = _generated("Identities across a report's tables", "the ACROSS each table module declares (loaders/juesuan/parse/tables/)")
    blocks = [f"-- {key} {module.TITLE} with the tables before it\n" + "\nunion all\n".join(i.sql() for i in module.ACROSS)
              for key, module in PARSERS.items() if getattr(module, "ACROSS", None)]
    return header + "\n" + "\nunion all\n".join(blocks) + "\n"
