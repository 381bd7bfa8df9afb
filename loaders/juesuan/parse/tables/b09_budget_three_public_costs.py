"""预算09表 财政拨款“三公”经费支出表 (the budget's "three public costs"): 公开09表's items as columns
(T09's column keys, 会议费 and 培训费 where printed) over one row of figures, the budget year's
(`budget`). 北京 names its total `“三公”经费财政拨款预算总额` and prints 公务接待费 before the vehicles;
the header says which column is which, so the order does not matter. 西安 prints last year's budget,
this year's and the change side by side (上年 | 当年 | 增减变化情况), a row per unit under its 合计: the
合计's three groups are the rows `prior_budget`, `budget` and `change`, each group's own 合计 (the 三公
with 会议费 and 培训费) `total_with_meeting_training`; the units' rows are counted, not loaded."""

from __future__ import annotations

import re

from juesuan.parse import grid
from juesuan.parse.layout import TableRegion
from juesuan.parse.model import Issue, ParsedTable, Row
from juesuan.parse.tables.identities import Linear, RowSum
from juesuan.parse.tables.t09_three_public_costs import COLUMNS, EXTRA_COLUMNS, item_of

TABLE_KEY = "B09"
LIKE = "T09"
DOCUMENT = "budget"
TITLE = "财政拨款“三公”经费支出表"
TITLE_EN = "Budget three public costs, one row for the budget year (T09's items; 会议费 and 培训费 where printed)"
TITLE_ALIASES = ("一般公共预算“三公”经费、会议费、培训费支出表", "财政拨款“三公”经费支出预算表",
                 "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表",
                 "部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表")  # 西安 2022
# 西安's groups each print their own 合计: the 三公 with 会议费 and 培训费.
EXTRA_COLUMNS = [*EXTRA_COLUMNS, ("total_with_meeting_training", "合计（含会议费、培训费）")]
__all__ = ["COLUMNS", "EXTRA_COLUMNS"]


def _item(label: tuple[str, ...]) -> str | None:
    return item_of(label) or ("total" if label and "总额" in label[-1] else None)


# 西安's column groups: last year's budget, this year's, and the change between them.
PHASE_GROUPS = {"上年": "prior_budget", "当年": "budget", "增减变化情况": "change"}
PHASE_LABELS = {"prior_budget": "上年预算数", "budget": "预算数", "change": "增减变化"}

# T09's, on each row (the budget year's; 西安's last year's and the change too); 西安's groups each
# print their own 合计, the 三公 with 会议费 and 培训费, and the change is this year's less last year's.
IDENTITIES = [
    RowSum(check_id="b09_total", rule="合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
           description="B09: the budget's 三公 total equals its three items",
           total="total", terms=("overseas", "vehicle_subtotal", "reception")),
    RowSum(check_id="b09_vehicle_subtotal", rule="公务用车购置及运行维护费 = 购置费 + 运行维护费",
           description="B09: the budget's vehicle costs equal purchase plus operation",
           total="vehicle_subtotal", terms=("vehicle_purchase", "vehicle_operation")),
    RowSum(check_id="b09_with_meeting_training", rule="合计 = 三公 + 会议费 + 培训费",
           description="B09: where each group prints its own 合计 (西安), it is the three public costs plus meetings and training",
           total="total_with_meeting_training", terms=("total", "meeting", "training"), skip_if_total_blank=True),
    *(Linear(check_id="b09_change", rule="增减变化 = 当年 − 上年",
             description="B09: the change 西安 prints is this year's budget less last year's, in each column",
             actual=("change", column), addends=(("budget", column), ("prior_budget", column, -1)), adds_rows=False,
             skip_if_actual_blank=True)
      for column in ("total_with_meeting_training", "total", "overseas", "reception", "vehicle_subtotal", "vehicle_purchase",
                     "vehicle_operation", "meeting", "training")),
]


def parse(region: TableRegion, unit: str) -> ParsedTable:
    """The header (items, 公务用车 over its 小计, 购置费 and 运行维护费) down to the one row of figures."""
    table = ParsedTable(TABLE_KEY, region.title, region.title_line, no_data=region.no_data)
    g = grid.read_grid(TABLE_KEY, region.lines)
    table.issues.extend(g.issues)
    rows, width = g.rows, g.width
    total_row = next((i for i, r in enumerate(rows) if _is_total_row(r.cells)), None)
    if region.is_grid and total_row:
        labels = grid.column_labels(rows[:total_row], width)
        groups = _phase_groups(labels)
        if groups:
            return _parse_phase_groups(table, rows[total_row:], labels, groups, width, unit)
    first = next((i for i, r in enumerate(rows) if not r.is_empty() and not grid.is_numbering_row(r.cells)
                  and all(grid.is_amount_or_blank(c) for c in r.cells)), None)
    if not region.is_grid or first is None or first == 0:
        table.issues.append(Issue("error", TABLE_KEY, region.title_line, "no header of 三公 items over a row of figures; table not read"))
        return table
    labels = grid.column_labels(rows[:first], width)
    items = {c: _item(lab) for c, lab in enumerate(labels) if lab}
    data = [r for r in rows[first:] if not r.is_empty() and not grid.is_numbering_row(r.cells)]
    for c, item in items.items():
        if item is None and any(c < len(r.cells) and r.cells[c] for r in data):
            table.issues.append(Issue("error", TABLE_KEY, rows[first - 1].line, f"column {'/'.join(labels[c])!r} is no 三公 item; not loaded"))
    if len(data) > 1:
        table.issues.append(Issue("error", TABLE_KEY, data[1].line, f"{len(data)} rows of figures where the form has one; only the first is read"))
    cells = (data[0].cells + [""] * width)[:width]
    table.rows.append(Row(TABLE_KEY, "budget", None, "预算数", None, 1, data[0].line))
    placed = _one_column_each(table, {c: item for c, item in items.items() if item is not None}, labels, data[0].line,
                              lambda item: f"{item} of 预算数")
    for c, item in placed.items():
        grid.add_value_cell(table, "budget", item, cells[c], unit, data[0].line, c)
    return table


def _one_column_each(table: ParsedTable, columns: dict[int, object], labels: list[tuple[str, ...]], line: int,
                     what) -> dict[int, object]:
    """`columns` ({column: the cell it is read as}) without those read as one cell with another (a
    header whose labels are broken up, xian_15's vertical text): neither is placed, and that is an
    error naming both (`what(cell)` says which)."""
    claimed: dict[object, list[int]] = {}
    for c, key in columns.items():
        claimed.setdefault(key, []).append(c)
    twice = {c for at in claimed.values() if len(at) > 1 for c in at}
    for key, at in claimed.items():
        if len(at) > 1:
            table.issues.append(Issue("error", TABLE_KEY, line, f"columns {', '.join('/'.join(labels[c]) for c in at)!r} "
                                      f"are each read as {what(key)}; none is loaded"))
    return {c: key for c, key in columns.items() if c not in twice}


def _is_total_row(cells: list[str]) -> bool:
    """The 合计 row: its name, the first cell printing neither nothing nor a number (a 序号 `1` and a unit
    code before it are passed over: 西安 2022's `1 | | 合计`), is 合计 or 总计, and figures follow it (a
    header's 合计 is followed by labels)."""
    at = next((i for i, c in enumerate(cells) if c and not c.isdigit()), None)
    return at is not None and cells[at] in ("合计", "总计") and all(map(grid.is_amount_or_blank, cells[at + 1:])) \
        and any(map(grid.is_figure, cells[at + 1:]))


_YEAR_GROUP = re.compile(r"^(\d{4})年$")


def _phase_groups(labels: list[tuple[str, ...]]) -> dict[str, str]:
    """{top label: row key} where the header's top labels are 西安's groups: 上年 / 当年 / 增减变化情况, or
    the two years (2020's template: `2019年` / `2020年`, the later the budget year's)."""
    tops = {lab[0] for lab in labels if lab}
    groups = {t: PHASE_GROUPS[t] for t in tops if t in PHASE_GROUPS}
    years = sorted(t for t in tops if _YEAR_GROUP.match(t))
    if len(years) == 2 and int(years[1][:4]) - int(years[0][:4]) == 1 and "增减变化情况" in tops:
        groups.update({years[0]: "prior_budget", years[1]: "budget"})
    return groups if "budget" in groups.values() and "prior_budget" in groups.values() else {}


def _parse_phase_groups(table: ParsedTable, rows: list[grid.GridRow], labels: list[tuple[str, ...]],
                        groups: dict[str, str], width: int, unit: str) -> ParsedTable:
    """西安's 三公 by unit: the 合计 row (the first of `rows`) read once per column group (上年, 当年, 增减变化
    情况), each group's columns by the items under it; the units' rows after it are counted."""
    columns: dict[int, tuple[str, str]] = {}
    for c, lab in enumerate(labels):
        if not lab or lab[0] not in groups:
            continue
        item = "total_with_meeting_training" if lab[1:] == ("合计",) else _item(lab[1:])
        if item is None:
            table.issues.append(Issue("error", TABLE_KEY, rows[0].line, f"column {'/'.join(lab)!r} is no 三公 item; not loaded"))
        else:
            columns[c] = (groups[lab[0]], item)
    columns = _one_column_each(table, columns, labels, rows[0].line, lambda key: f"{key[1]} of {PHASE_LABELS[key[0]]}")
    cells = (rows[0].cells + [""] * width)[:width]
    for phase in dict.fromkeys(p for p, _ in columns.values()):
        table.rows.append(Row(TABLE_KEY, phase, None, PHASE_LABELS[phase], None, len(table.rows) + 1, rows[0].line))
        for c, (p, item) in columns.items():
            if p == phase:
                grid.add_value_cell(table, phase, item, cells[c], unit, rows[0].line, c)
    units = [r for r in rows[1:] if r.cells and any(map(grid.is_figure, r.cells[2:]))]
    if units:
        table.issues.append(Issue("warning", TABLE_KEY, units[0].line, f"{len(units)} rows give each unit's 三公 "
                                  "under the 合计; the 合计 is the department's, and only it is loaded"))
    return table
