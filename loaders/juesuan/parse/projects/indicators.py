"""A project's 绩效指标完成情况 table: one row per performance indicator.

    一级指标 | 二级指标 | 指标名称 | 年度指标 (年初, 调整后) | 实际完成值 | 定性值情况说明 | 权重 | 得分 | 偏差原因分析

The extracted text prints each cell in reading order, wrapping inside the cell, so a row reads
(labels) name target actual weight score (reason), with line breaks both inside and between
cells. Level labels break into fragments (`产` / `出指` / `标`) and are recognised against the
known label lists. A wrapped cell ends its own line, so a name printed over several lines is
followed by the target on a new line, while a one-line name shares its line with the target.
Weight and score are the last two numbers of the first run of at least two
numbers (a numeric actual value precedes them); a run never crosses a line. A reason runs on
until a label, a line that opens a target (`名称 ＝100% …`) or the end of a sentence (`。`).
Rows that cannot be read this way are reported, and the weight and score identities
(Σ 权重 = 90, Σ 得分 = stated score) catch any row read wrongly.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from juesuan.parse.model import Issue, ProjectIndicator
from juesuan.parse.projects.targets import figures

LEVEL1 = ["产出指标", "效益指标", "满意度指标"]
LEVEL2 = [
    "数量指标", "质量指标", "时效指标", "成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
    "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度",
]
LABELS = LEVEL1 + LEVEL2
_LABEL_PREFIXES = {label[:n] for label in LABELS for n in range(1, len(label) + 1)}

_OPERATOR = re.compile(r"^[＝=≥≤><≧≦]")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_ACTUAL_WORDS = re.compile(r"^(达成|未达成|未完成|部分|基本|完成|已完成|实现|未实现)")


class _Line(NamedTuple):
    # A tuple, not a dataclass: a report has ~1,700 of these lines, and each is made on each parse.
    number: int
    tokens: list[str]
    compact: str  # the tokens joined: what a wrapped label or reason reads as


# Made by tuple's own constructor: a NamedTuple's __new__ is a Python function.
_new_line = tuple.__new__


def table_lines(part) -> list[_Line]:
    """Body lines of the table: its part of the project (layout.split_parts, from the heading
    `（二）绩效指标完成情况` to 三、), after the column header, which ends once `调整后指标` is printed."""
    out: list[_Line] = []
    header, in_body = "", False
    for ln in part[1:]:  # part[0] is the heading
        if in_body:
            tokens = ln.text.split()  # str.split splits at \xa0 too
            out.append(_new_line(_Line, (ln.number, tokens, "".join(tokens))))
        else:
            header += ln.text.replace("\xa0", " ").strip().replace(" ", "")
            in_body = "调整后指标" in header
    return out


def match_label(lines: list[_Line], i: int) -> tuple[str, int] | None:
    """The label that lines i, i+1, … spell, and the index after it; None if they spell none."""
    buf, best, j = "", None, i
    while j < len(lines):
        candidate = buf + lines[j].compact
        if candidate not in _LABEL_PREFIXES:
            break
        buf, j = candidate, j + 1
        if buf in LABELS:
            best = (buf, j)
    return best


def _opens_row(line: _Line) -> bool:
    """A line that starts a row by itself: a name followed by a target with an operator."""
    return any(_OPERATOR.match(t) for t in line.tokens[:2])


def _join(cell: list[tuple[str, int]]) -> str:
    """Tokens of one cell: a space within a printed line, nothing across a wrap."""
    out, last = "", None
    for text, line in cell:
        out += ("" if last is None or line != last else " ") + text
        last = line
    return out


def parse_indicators(part, issues: list[Issue]) -> list[ProjectIndicator]:
    body = table_lines(part)
    rows: list[ProjectIndicator] = []
    level1 = level2 = ""
    i = 0
    while i < len(body):
        label = match_label(body, i)
        if label:
            text, i = label
            if text in LEVEL1:
                level1, level2 = text, ""
            else:
                level2 = text
            continue
        start_line = body[i].number
        # Name: whole lines of one token, then the first token of the line that opens the target.
        name: list[str] = []
        while i < len(body) and len(body[i].tokens) == 1 and not _OPERATOR.match(body[i].tokens[0]):
            name.append(body[i].tokens[0])
            i += 1
        if i >= len(body):
            issues.append(Issue("error", "project_indicator", start_line, f"indicator {''.join(name)!r} has no target, weight or score"))
            break
        first = body[i].tokens
        # A wrapped cell ends its own line, so after a wrapped name the next line opens the
        # target; an unwrapped name shares its line with the target.
        k = 0 if name or _OPERATOR.match(first[0]) else 1
        name.extend(first[:k])
        # Cells after the name, up to the first run of two or more numbers (weight, score).
        pre: list[tuple[str, int]] = []
        run: list[str] = []
        tail: list[str] = []
        while i < len(body) and not run:
            tokens = body[i].tokens[k:] if body[i].tokens is first else body[i].tokens
            k = 0
            for n, tok in enumerate(tokens):
                if _NUMBER.match(tok) and n + 1 < len(tokens) and _NUMBER.match(tokens[n + 1]):
                    m = n
                    while m < len(tokens) and _NUMBER.match(tokens[m]):
                        m += 1
                    run, tail = tokens[n:m], tokens[m:]
                    break
                pre.append((tok, body[i].number))
            i += 1
        if not run:
            issues.append(Issue("error", "project_indicator", start_line, f"indicator {''.join(name)!r}: no weight and score found"))
            break
        if len(run) >= 3:
            target, actual = pre + [(t, -1) for t in run[:-3]], [(run[-3], -1)]
        else:
            target, actual = _split_target_actual(pre)
        # Reason: the rest of the line, then continuation lines until the next row or label.
        reason = ["".join(tail)] if tail else []
        while reason and i < len(body) and not reason[-1].endswith("。"):
            if match_label(body, i) or _opens_row(body[i]):
                break
            reason.append(body[i].compact)
            i += 1
        target_text, actual_text = _join(target), _join(actual)
        rows.append(ProjectIndicator(
            row_order=len(rows) + 1,
            level1=level1,
            level2=level2,
            name="".join(name),
            target_text=target_text,
            actual_text=actual_text,
            weight_text=run[-2],
            score_text=run[-1],
            deviation_reason="".join(reason) or None,
            source_line=start_line,
            **figures(target_text, actual_text),
        ))
    return rows


def _split_target_actual(pre: list[tuple[str, int]]) -> tuple[list, list]:
    """Target and a non-numeric actual from the cells between the name and the weight."""
    if not pre:
        return [], []
    for n, (tok, _) in enumerate(pre[1:], start=1):
        if _ACTUAL_WORDS.match(tok):
            return pre[:n], pre[n:]
    n = 2 if pre[0][0] in "＝=≥≤><≧≦" and len(pre) > 1 else 1  # a bare operator, then its value
    return pre[:n], pre[n:]
