"""公开01表 收入支出决算总表 (income and expenditure summary).

Left: income lines 1–8, 本年收入合计, carry-overs and 总计. Right: expenditure by 支出功能分类
类, printed by name with an ordinal (`四、公共安全支出`), mapped to its class code through the
reference seed; then 本年支出合计, 结余分配, 年末结转和结余 and 总计.
"""

from __future__ import annotations

import re

from juesuan.parse.grammar import make_cells
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Issue, ParsedTable, Row
from juesuan.reference import function_class_by_name
from juesuan.parse.tokens import Kind
from juesuan.parse.tables.identities import summary_table
from juesuan.parse.tables.two_sided import SideRow, numbered, parse_sides, parse_sides_grid, parse_sides_unnumbered

TABLE_KEY = "T01"
TITLE = "收入支出决算总表"
TITLE_EN = "Income and expenditure summary"
# The 高等学校 layout (model.UNIVERSITY_TABLES) names its tables after the layout.
TITLE_ALIASES = ("高等学校收支决算总表",)
COLUMNS = [("amount", "金额")]

# (printed name prefix, row key); the first prefix that matches wins.
INCOME_LINES = [
    ("一般公共预算财政拨款", "general_budget_appropriation"),
    ("政府性基金预算财政拨款", "government_fund_appropriation"),
    ("国有资本经营预算财政拨款", "state_capital_appropriation"),
    ("上级补助收入", "superior_subsidy"),
    ("事业收入", "business_income"),
    ("经营收入", "operating_income"),
    ("附属单位上缴收入", "affiliated_remittance"),
    ("其他收入", "other_income"),
    ("本年收入合计", "income_subtotal"),
    ("使用非财政拨款结余", "use_of_non_appropriation_balance"),
    ("年初结转和结余", "opening_balance"),
    ("总计", "income_total"),
    # The 高等学校 layout prints the three funds as one line with a part of it, the opening balance
    # as 上年结转和结余 and the totals as 合计; its 其中 lines are parts, never summed.
    ("财政拨款收入", "appropriation_income"),
    ("其中：政府性基金预算财政拨款", "appropriation_income_government_fund"),
    ("其中：捐赠收入", "other_income_donation"),
    ("上年结转和结余", "opening_balance"),
    ("合计", "income_total"),
]
EXPENDITURE_LINES = [
    ("本年支出合计", "expenditure_subtotal"),
    ("结余分配", "balance_distribution"),
    ("年末结转和结余", "closing_balance"),
    ("总计", "expenditure_total"),
    ("合计", "expenditure_total"),
]

# The 高等学校 form prints the three appropriation funds as one line, 财政拨款收入 (appropriation_income):
# a report prints one or the other, so both are addends.
IDENTITIES = summary_table(
    "t01",
    income_lines=["appropriation_income", "general_budget_appropriation", "government_fund_appropriation",
                  "state_capital_appropriation", "superior_subsidy", "business_income", "operating_income",
                  "affiliated_remittance", "other_income"],
    carried_in=["use_of_non_appropriation_balance", "opening_balance"],
    carried_out=["balance_distribution", "closing_balance"],
    text={
        "income_subtotal": ("本年收入合计 = Σ 收入 lines 1–8",
                            "T01: the year's income subtotal equals the sum of the eight income lines (the 高等学校 form "
                            "prints the three appropriation funds as one, 财政拨款收入)"),
        "expenditure_subtotal": ("本年支出合计 = Σ 类", "T01: the year's expenditure subtotal equals the sum of the expenditure classes"),
        "income_total": ("收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
                         "T01: total income equals the subtotal plus balances used and carried in"),
        "expenditure_total": ("支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
                              "T01: total expenditure equals the subtotal plus balance distribution and carry-over"),
        "balance": ("收入总计 = 支出总计", "T01: the two sides balance"),
    })


def match_line(name: str, table: list[tuple[str, str]]) -> str | None:
    for prefix, key in table:
        if name.startswith(prefix):
            return key
    return None


def class_code(name: str) -> str | None:
    """The class a name names. The 2020 template (西安's budget) prints names without 支出
    (`一般公共服务`) or cut short (`文化旅游`, `灾害防治及应急`): a name of four or more characters that
    begins exactly one class's name is that class."""
    classes = function_class_by_name()
    code = classes.get(name) or classes.get(name + "支出")
    if code is None and len(name) >= 4:
        codes = {c for full, c in classes.items() if full.startswith(name)}
        code = codes.pop() if len(codes) == 1 else None
    return code


def key_side_row(row: SideRow, table_key: str, income: list, expenditure: list) -> tuple[str | None, Issue | None]:
    """Row key of a printed line: a class code, a named line, or None for layout padding."""
    if row.is_empty:
        return None, None
    name = row.bare_name
    if row.side == "income":
        key = match_line(name, income)
    else:
        key = match_line(name, expenditure) or class_code(name)
    if key:
        return key, None
    where = f"行次 {row.line_number}" if row.line_number is not None else f"line {row.source_line}"
    key = f"{row.side}_line_{row.line_number if row.line_number is not None else row.source_line}"
    what = "expenditure class name not in the reference list" if row.side == "expenditure" else "unknown income line"
    return key, Issue("warning", table_key, row.source_line, f"{what}: {row.name!r} ({where}); kept as {key}")


def side_of_line(name: str) -> str | None:
    """Which side a line name alone on its line belongs to: an income line, or an expenditure
    class or line (总计 is on both sides, and alone it is the left's)."""
    if match_line(name, INCOME_LINES):
        return "income"
    if match_line(name, EXPENDITURE_LINES) or class_code(name):
        return "expenditure"
    return None


# The lines printed without an ordinal: each starts a name of its own in text without 行次.
_UNNUMBERED_LINES = ("本年收入合计", "本年支出合计", "使用非财政拨款结余", "结余分配", "年初结转和结余", "年末结转和结余", "总计")


def starts_unnumbered_name(text: str) -> bool:
    return text.startswith(_UNNUMBERED_LINES)


def parse(region: TableRegion, unit: str) -> ParsedTable:
    return parse_summary(region, unit, TABLE_KEY, COLUMNS, INCOME_LINES, EXPENDITURE_LINES)


# A line's ordinal and its depth: `一、` above `（一）` above `1、` above `(1)`; a line without one is 0.
_ORDINALS = (
    re.compile(r"^\s*[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\s*\d{1,2}[、.．]"),
    re.compile(r"^\s*[（(]\d{1,2}[)）]"),
)


def ordinal_depth(name: str) -> int:
    return next((depth for depth, ordinal in enumerate(_ORDINALS, 1) if ordinal.match(name)), 0)


def parse_summary(region: TableRegion, unit: str, table_key: str, columns, income: list, expenditure: list,
                  parts: dict[str, dict[str, str]] | None = None) -> ParsedTable:
    """A 收支总表 of this shape: income lines on the left, classes by name and closing lines on the
    right; `income` and `expenditure` are the table's (printed prefix, row key) vocabulary, and
    `parts` the keys of a line's parts ({line: {what the part names: the part's key}})."""
    table = ParsedTable(table_key, region.title, region.title_line, no_data=region.no_data)
    if region.is_grid:
        sides, issues = parse_sides_grid(region, {c: (name,) for c, name in columns})
    elif numbered(region):
        sides, issues = parse_sides(region, right_columns=len(columns))
    else:
        sides, issues = parse_sides_unnumbered(region, side_of_line, starts_unnumbered_name)
    table.issues.extend(issues)
    heading = None  # (key, depth, printed) of the income line whose parts the next deeper lines are
    seen: set[str] = set()
    for row in sides:
        key, issue = key_side_row(row, table_key, income, expenditure)
        if issue:
            table.issues.append(issue)
        if key is None:
            continue
        if row.side == "income":
            key, heading = _part_or_line(row, key, heading, parts or {}, seen)
            seen.add(key)
        code = key if key.isdigit() else None
        table.rows.append(Row(table_key, key, code, row.name, row.line_number, len(table.rows) + 1, row.source_line))
        table.cells.extend(make_cells(table_key, key, [c for c, _ in columns], row.values, unit, row.source_line))
    return table


def _part_or_line(row: SideRow, key: str, heading, parts: dict[str, dict[str, str]], seen: set[str]):
    """(key, heading) of an income line: a line numbered deeper than the heading above it, of a name
    the heading has parts for, is its part (西安: `1、财政拨款` then `(1)一般公共预算拨款`; 无锡: `二、上年结转`
    then `（一）一般公共预算拨款`; 北京: `上年结转结余` then `一、一般公共预算拨款`). Under a heading printed blank
    (西安's 2020 template: `1、财政拨款` empty, its funds filled) a part is the line itself, unless that
    line was printed already (无锡's funds under 本年收入, again under an empty 上年结转)."""
    depth = ordinal_depth(row.name)
    if heading is not None:
        head, head_depth, printed = heading
        if depth > head_depth and key in parts[head] and (printed or key in seen):
            return parts[head][key], heading
        # A line numbered as deep as the heading, or any line under an unnumbered one, ends it; a
        # `其中` line among the parts does not.
        if (depth and depth <= head_depth) or head_depth == 0:
            heading = None
    if key in parts:
        heading = (key, depth, any(t.kind is Kind.AMOUNT for t in row.values.tokens))
    return key, heading
