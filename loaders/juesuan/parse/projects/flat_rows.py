"""A 自评表 printed without cell separators, read by the form's structure.

Two prints lose the grid (DOMAIN.md, "The standard 项目支出绩效自评表 form"):

- **flattened rows**: each row on one line, its cells joined by spaces and blank cells left out
  (`产出指标 数量指标 委托业务项目数量 ≥50个 50 8 8`), as a PDF's plain text gives it;
- **one cell per line**, as a web page's table copied as text gives it.

Neither says which column a figure is in once a cell is left out, so a row's cells are placed by
what the form prints, never by counting from the left alone: a 项目资金 row is its source's name and
either every figure the header has columns for, or exactly its three amounts (年初预算数, 全年预算数,
全年执行数; the form greys out 分值, 执行率 and 得分 below its 年度资金总额 row); an indicator row is
its levels (words of the form's own 一级/二级指标 vocabulary, printed once for the rows under them),
its name, its target, then 实际完成值, 分值 and 得分, and any words after them its 偏差原因. A row
whose figures fit neither is reported, not placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from juesuan.read.lines import Line

_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?%?$|^-?\d+(\.\d+)?[%％]?$")
_PLACEHOLDER = {"-", "—", "--", "/", "——", "－"}
_OPERATOR = re.compile(r"^[＝=≥≤><≧≦＞＜]")
_OPERATOR_ONLY = re.compile(r"^[＝=≥≤><≧≦＞＜]+$")
# The form's level vocabulary. 成本指标 is a 一级指标 of the 2021 form and a 二级指标 under 产出指标
# of the earlier one: under 产出指标 it is read as the latter.
_LEVEL1 = re.compile(r"^(?:产出|效益|满意度|成本)指标$")
_LEVEL2 = re.compile(r"^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度"
                     r"|满意度)(?:指标)?$")
# A unit printed apart from its target's figure (`≥500 平方米`).
_UNIT_WORD = (r"(?:个|次|人|人次|户|家|项|件|台|台套|套|辆|元|万元|亿元|平方米|平方公里|公里|千米|米|亩|公顷|吨|天|日|月"
              r"|年|小时|分钟|%|％|批次|批|份|册|本|场|所|座|条|处|篇|期|类|种|张|只|头|株|棵|间|床|支|部|名|个百分点"
              r"|百分点|分)")
_UNIT = re.compile(rf"^{_UNIT_WORD}(?:[/／]{_UNIT_WORD})?$")  # 元/月, 人次/年
_FIELD_LABELS = ("项目名称", "主管部门", "实施单位", "项目单位", "单位名称", "部门名称")
_FUND_HEADER_WORDS = ("年初预算", "全年预算", "调整后预算", "全年批复", "执行数", "全年执行", "实际支出",
                      "分值", "权重", "执行率", "得分", "项目资金")
_INDICATOR_HEADER_WORDS = ("绩效指标", "一级指标", "二级指标", "三级指标", "指标名称", "指标性质", "指标值",
                           "度量单位", "计量单位", "年度指标", "实际完成", "完成值", "分值", "权重", "得分",
                           "偏差原因", "原因分析", "改进措施")


def is_figure(token: str) -> bool:
    return bool(_NUMBER.match(token)) or token in _PLACEHOLDER


@dataclass
class FlatRow:
    """A row read from unseparated text: its tokens in print order and the line it starts on."""

    tokens: list[str]
    line: int
    issues: list[str] = field(default_factory=list)


def is_unseparated(body: list[Line]) -> bool:
    """True where the form prints no grid row (cells TAB-separated, or `|`-separated in the file):
    its rows are flattened or one cell per line."""
    printed = [ln.text for ln in body if ln.text.strip()]
    return bool(printed) and not any("\t" in t for t in printed)


def tokens_of(text: str) -> list[str]:
    """A flattened line's cells: split at spaces, an operator printed apart from its figure
    (`≥ 50个`) joined to it."""
    out: list[str] = []
    for token in text.replace("\u3000", " ").replace("\xa0", " ").split():
        if out and _OPERATOR_ONLY.match(out[-1]):
            out[-1] += token
        else:
            out.append(token)
    return out


def flat_rows(body: list[Line]) -> list[FlatRow]:
    """The form's rows: one per line where lines hold several cells (flattened rows); rebuilt from
    the form's structure where each line holds one cell."""
    lines = [(tokens_of(ln.text), ln.number) for ln in body if ln.text.strip()]
    single = sum(1 for tokens, _ in lines if len(tokens) == 1)
    if single < 0.7 * len(lines):
        return [FlatRow(tokens, number) for tokens, number in lines]
    return _rows_from_cells([(" ".join(tokens), number) for tokens, number in lines])


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]", "", text)


def _is_header_word(token: str, words) -> bool:
    t = _squeeze(token)
    return any(w in t for w in words) and len(t) <= 16


def _rows_from_cells(cells: list[tuple[str, int]]) -> list[FlatRow]:
    """One cell per line back into rows: a row starts at a field label, a header, a funding
    source's name, a level word, or an indicator's name; see the module's grammar."""
    rows: list[FlatRow] = []
    section = "head"
    i = 0
    while i < len(cells):
        text, line = cells[i]
        t = _squeeze(text)
        if t.startswith(_FIELD_LABELS):
            # A label and its value: the value is the next cell, unless printed in the label's.
            if re.search(r"[:：]\S", t) or i + 1 >= len(cells):
                rows.append(FlatRow([text], line))
                i += 1
            else:
                rows.append(FlatRow([text, cells[i + 1][0]], line))
                i += 2
            continue
        if t.startswith("项目资金") or (section != "indicators" and _is_header_word(text, _FUND_HEADER_WORDS[:7])):
            j = i
            while j < len(cells) and _is_header_word(cells[j][0], _FUND_HEADER_WORDS):
                j += 1
            rows.append(FlatRow([c for c, _ in cells[i:j]], line))
            section, i = "funds", max(j, i + 1)
            continue
        if t.startswith(("年度总体目标", "总体目标")):
            # 年度总体目标 | 预期目标 | 实际完成情况, then the two texts.
            j = i + 1
            while j < len(cells) and _squeeze(cells[j][0]) in ("预期目标", "实际完成情况", "目标", "实际完成"):
                j += 1
            rows.append(FlatRow([c for c, _ in cells[i:j]], line))
            texts = []
            while j < len(cells) and len(texts) < 2 and not _starts_indicators(cells[j][0]):
                texts.append(cells[j])
                j += 1
            if texts:
                rows.append(FlatRow(["", *(c for c, _ in texts)], texts[0][1]))
            section, i = "goal", j
            continue
        if _starts_indicators(text):
            j = i
            while j < len(cells) and _is_header_word(cells[j][0], _INDICATOR_HEADER_WORDS) \
                    and not _is_level(cells[j][0]):
                j += 1
            rows.append(FlatRow([c for c, _ in cells[i:j]], line))
            section, i = "indicators", max(j, i + 1)
            continue
        if t.startswith(("总分", "总得分", "合计")) or t in ("自评等级", "评价等级") or section == "funds":
            # A label and the figures after it: 总分, a grade, a funding source's row.
            j = i + 1
            while j < len(cells) and is_figure(cells[j][0]):
                j += 1
            rows.append(FlatRow([c for c, _ in cells[i:j]], line))
            i = j
            continue
        if section == "indicators":
            row, i = _indicator_cells(cells, i)
            rows.append(row)
            continue
        rows.append(FlatRow([text], line))
        i += 1
    return rows


def _starts_indicators(text: str) -> bool:
    t = _squeeze(text)
    return t in ("绩效指标", "一级指标")


def _indicator_cells(cells: list[tuple[str, int]], i: int) -> tuple[FlatRow, int]:
    """An indicator row from one cell per line: [一级指标] [二级指标] name target [实际完成值 in
    words] its figures (实际完成值, 分值, 得分: three at most), then its 偏差原因: the words up to the
    next row, which starts at a level word, 总分, or a name followed by its target (a cell
    starting with ≥, =, ≤ …). Where words run into the next row's figures, only two of them
    (the next name and target) say the row has no reason; more cannot be told apart from a
    reason, and the row is reported."""
    start_line = cells[i][1]
    out: list[str] = []
    j = i
    while j < len(cells) and len(out) < 2 and _is_level(cells[j][0]):
        out.append(cells[j][0])
        j += 1
    out += [c for c, _ in cells[j : j + 2]]  # the name and the target
    j += 2
    if j < len(cells) and not is_figure(cells[j][0]) and not _ends_row(cells, j) \
            and not _next_starts_named_row(cells, j):
        out.append(cells[j][0])  # 实际完成值 in words (达成预期)
        j += 1
    figures = 0
    while j < len(cells) and figures < 3 and is_figure(cells[j][0]):
        out.append(cells[j][0])
        figures += 1
        j += 1
    k = j
    while k < len(cells) and not is_figure(cells[k][0]) and not _ends_row(cells, k) \
            and not _next_starts_named_row(cells, k):
        k += 1
    row = FlatRow(out, start_line)
    if k < len(cells) and is_figure(cells[k][0]):
        words = [c for c, _ in cells[j:k]]
        run = 0
        while k + run < len(cells) and run < 3 and is_figure(cells[k + run][0]):
            run += 1
        if run == 3 and len(words) >= 2:
            # Three figures are the next row's 实际完成值, 分值 and 得分: its name and target are
            # the two words before them, and the words before those this row's reason.
            row.tokens += words[:-2]
            return row, k - 2
        if len(words) == 2:
            return row, j  # the next row's name and target: this row has no reason
        row.issues.append(f"the words {' / '.join(words)!r} after it are its 偏差原因 and the next indicator's name "
                          "and target, and where one ends is not printed (both rows are left out)")
        k += run
        while k < len(cells) and not is_figure(cells[k][0]) and not _ends_row(cells, k) \
                and not _next_starts_named_row(cells, k):
            k += 1
    row.tokens += [c for c, _ in cells[j:k]]
    return row, k


def _is_level(text: str) -> bool:
    t = _squeeze(text)
    return bool(_LEVEL1.match(t) or _LEVEL2.match(t))


def _levels(tokens: list[str], level1: str, level2: str) -> tuple[str, str, list[str]]:
    """The row's 一级 and 二级指标 (those of the rows above where it prints none) and its other cells."""
    rest = list(tokens)
    first = _squeeze(rest[0]) if rest else ""
    second_is_level = len(rest) > 1 and _is_level(rest[1])
    if _LEVEL1.match(first) and not (first == "成本指标" and _squeeze(level1) == "产出指标" and not second_is_level):
        level1, level2 = rest.pop(0), ""
    if len(rest) > 1 and _LEVEL2.match(_squeeze(rest[0])):
        level2 = rest.pop(0)
    return level1, level2, rest


def _ends_row(cells, k: int) -> bool:
    t = _squeeze(cells[k][0])
    return _is_level(cells[k][0]) or t.startswith(("总分", "总得分", "合计", "自评等级", "评价等级"))


def _next_starts_named_row(cells, k: int) -> bool:
    """Cell k is a name whose target (the next cell) starts with an operator."""
    return k + 1 < len(cells) and bool(_OPERATOR.match(cells[k + 1][0])) and not is_figure(cells[k][0])


_AMOUNTS = ("budget_start", "budget_annual", "executed")


def fund_values(row: FlatRow, keys: list[str]) -> tuple[str, dict[str, str]] | str:
    """(source name, {column key: text}) of a 项目资金 row; `keys` in the header's order. Its
    figures fill every column; or, the form printing 分值 only on its 年度资金总额 row, every column
    but 分值; or only the three amounts. A figure with `%` is the 执行率 and splits the row: the
    figures before it are the columns before 执行率, those after it the columns after it. A
    reason (str) where the figures fit none of these."""
    label_end = next((n for n, t in enumerate(row.tokens) if is_figure(t)), len(row.tokens))
    label = "".join(row.tokens[:label_end])
    figures = row.tokens[label_end:]
    if any(not is_figure(t) for t in figures):
        return f"{label}: words among its figures ({' '.join(figures)!r})"
    if not figures:
        return label, {}
    total = _squeeze(label).startswith(("年度资金总额", "资金总额", "合计", "总计"))
    layouts = [keys] + ([[k for k in keys if k != "weight"]] if not total and "weight" in keys else [])
    rates = [n for n, f in enumerate(figures) if f.endswith(("%", "％"))]
    for layout in layouts:
        if len(rates) == 1 and "rate" in layout:
            r, p = layout.index("rate"), rates[0]
            before, after = figures[:p], figures[p + 1 :]
            if len(before) == r and len(after) in (0, len(layout) - r - 1):
                return label, dict(zip(layout, before + [figures[p]] + after))
        elif not rates and len(figures) == len(layout):
            return label, dict(zip(layout, figures))
    amounts = [k for k in keys if k in _AMOUNTS]
    if not rates and len(figures) == len(amounts) and keys[: len(amounts)] == amounts:
        return label, dict(zip(amounts, figures))
    return (f"{label}: {len(figures)} figures ({' '.join(figures)}) for the {len(keys)} columns "
            f"{', '.join(keys)}: which columns they are in is not printed")


def indicator_values(row: FlatRow, keys: list[str], levels: tuple[str, str]) -> tuple[dict[str, str], str | None]:
    """({column key: text}, a reason where the row cannot be placed) of an indicator row; `keys`
    the header's columns after 二级指标 in order, `levels` those of the rows above."""
    level1, level2, tokens = _levels(row.tokens, *levels)
    values = {"level1": level1, "level2": level2}
    if row.issues:
        return values, row.issues[0]
    if set(keys) - {"name", "target", "actual", "weight", "score", "reason"}:
        # 指标性质 / 度量单位 columns: only a row that prints every cell is placed.
        if len(tokens) == len(keys):
            values.update(zip(keys, tokens))
            return values, None
        return values, f"{len(tokens)} cells for the {len(keys)} columns {', '.join(keys)}"
    if len(tokens) < 2:
        return values, "an indicator row without its name and target"
    # The target: the first cell after the name that starts with an operator, else the second.
    t = next((n for n in range(1, len(tokens)) if _OPERATOR.match(tokens[n])), 1)
    values["name"], values["target"] = "".join(tokens[:t]), tokens[t]
    while t + 1 < len(tokens) and values["target"][-1:].isdigit() and _UNIT.match(tokens[t + 1]):
        values["target"] += tokens[t + 1]
        t += 1
    rest = tokens[t + 1 :]
    last = max((n for n, tok in enumerate(rest) if is_figure(tok)), default=None)
    if last is None:
        return values, f"no 分值 or 得分 printed ({' '.join(rest)!r})"
    values["reason"] = "".join(rest[last + 1 :])
    middle = rest[: last + 1]
    if len(middle) == 3 and is_figure(middle[-2]):
        values["actual"], values["weight"], values["score"] = middle
        return values, None
    if len(middle) > 3 and is_figure(middle[-2]):
        return values, (f"{' '.join(tokens[t:t + len(middle) - 1])!r}: where the target ends and the 实际完成值 "
                        "begins is not printed")
    return values, (f"the figures {' '.join(middle)!r} after the target could be 实际完成值, 分值 or 得分: "
                    "which columns they are in is not printed")
