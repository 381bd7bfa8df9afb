"""A project's 预算执行情况 table: one row per funding source.

    资金来源 | 年初预算数 (目标申报, 预算编制) | 全年预算数 | 全年执行数 | 资金结(转)余 | 执行率 | 得分 | 偏差原因

The 合计 row prints seven numbers (执行率 and 得分 included); a source row usually prints the
five amounts and its reason. A source name may wrap (`市县区财政资` / `金`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from juesuan.parse.model import Issue, ProjectBudgetRow

_HEADER_END = re.compile(r"目标申报.*预算编制")
_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")
AMOUNT_COLUMNS = 5  # 目标申报, 预算编制, 全年预算数, 全年执行数, 结余


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def table_lines(part):
    """The body lines of the table: its part of the project (layout.split_parts, from the heading
    `（一）预算执行情况` to the next part), after the column header."""
    for i, ln in enumerate(part):
        if _HEADER_END.search(ln.text):
            return part[i + 1 :]
    return []


def figures_start(tokens: list[str]) -> int | None:
    """Index of the first run of five figures: a number inside a reason (`编制费为 85000 元`) is not a row."""
    for i in range(len(tokens) - AMOUNT_COLUMNS + 1):
        if all(_NUMBER.match(t) for t in tokens[i : i + AMOUNT_COLUMNS]):
            return i
    return None


def _split_pending(pending: list[str]) -> tuple[list[str], list[str]]:
    """Lines between two rows: the end of the previous row's reason, then the next row's name.

    A reason ends at the fragment that closes its sentence (`。`); without one, all of it is
    taken as the next name, which shows in the funding-source name rather than in a figure.
    """
    for i, text in enumerate(pending):
        if text.endswith("。"):
            return pending[: i + 1], pending[i + 1 :]
    return [], pending


def parse_budget(part, issues: list[Issue]) -> list[ProjectBudgetRow]:
    rows: list[dict] = []
    pending: list[tuple[str, int]] = []  # lines without figures, not yet assigned
    for ln in table_lines(part):
        tokens = ln.text.split()  # str.split splits at \xa0 too
        numbers_at = figures_start(tokens)
        if numbers_at is None:
            figures = sum(1 for t in tokens if _NUMBER.match(t))
            if figures >= 2:  # a row cut short; one number alone is part of a reason (`编制费为 85000`)
                issues.append(Issue("error", "project_budget", ln.number,
                                    f"budget line {' '.join(tokens)!r} prints {figures} figures, fewer than the "
                                    f"{AMOUNT_COLUMNS} amounts of a row; not loaded"))
                continue
            pending.append(("".join(tokens), ln.number))
            continue
        reason_tail, name_lines = _split_pending([t for t, _ in pending]) if rows and rows[-1]["reason"] else ([], [t for t, _ in pending])
        if rows:
            rows[-1]["reason"].extend(reason_tail)
        name_line = pending[len(reason_tail)][1] if len(pending) > len(reason_tail) else ln.number
        name = "".join(name_lines) + "".join(tokens[:numbers_at])
        pending = []
        rest = tokens[numbers_at:]
        values = []
        while rest and _NUMBER.match(rest[0]) and len(values) < AMOUNT_COLUMNS + 2:
            values.append(rest.pop(0))
        rows.append({"name": name, "values": values, "reason": ["".join(rest)] if rest else [], "line": name_line})
    if pending:
        if rows:
            rows[-1]["reason"].extend(t for t, _ in pending)  # the last row's wrapped reason
        else:
            issues.append(Issue("error", "project_budget", pending[0][1], "budget table has no row with figures"))
    out = []
    for i, r in enumerate(rows, 1):
        v = r["values"]
        out.append(ProjectBudgetRow(
            row_order=i,
            funding_source=r["name"],
            target_declared=_amount(v[0]),
            budget_compiled=_amount(v[1]),
            annual_budget=_amount(v[2]),
            executed=_amount(v[3]),
            balance=_amount(v[4]),
            execution_rate_text=v[5] if len(v) > 5 else None,
            score_text=v[6] if len(v) > 6 else None,
            deviation_reason="".join(r["reason"]) or None,
            source_line=r["line"],
        ))
    return out
