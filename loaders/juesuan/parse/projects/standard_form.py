"""The Ministry of Finance's standard 项目支出绩效自评表 form (DOMAIN.md, "The standard
项目支出绩效自评表 form"), and its 部门整体支出绩效自评表 twin.

    项目支出绩效自评表（2023年度）
    项目名称 | <code>-<name>
    主管部门 | …            | 实施单位 | …
    项目资金（万元） |       | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
                     | 年度资金总额 | …
                     | 其中：当年财政拨款 | …
    年度总体目标 | 预期目标 | 实际完成情况
    绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
             | 产出指标 | 数量指标 | …
    总分 | … | 100 | 95.5

Read from rows of cells: a grid row (TAB-separated: a web page, workbook, Word table or ruled PDF)
or a `|`-separated line; a form printed without separators (rows flattened onto a line, or one
cell per line) by its structure, in `flat_rows`. Every column is placed by its header cell, never by position, so a form
with 指标性质 and 度量单位 columns, or 权重 for 分值, reads the same. A merged 一级/二级指标 cell
(printed once, blank below) applies to the rows under it. A blank 完成值 or 得分 stays blank.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from juesuan.read.lines import Line
from juesuan.parse.model import Issue, Project, ProjectBudgetRow, ProjectIndicator
from juesuan.parse.projects.flat_rows import flat_rows, fund_values, indicator_values, is_unseparated
from juesuan.parse.projects.layout import split_coded
from juesuan.parse.projects.targets import figures

# `项目支出绩效自评表（2023年度）`, and with the project's or department's name before it as 陕西
# prints them (`西安市级2022年病媒生物防制项目绩效自评表`, `西安市卫生健康委员会部门整体支出绩效自评表`);
# never a sentence that mentions one (no punctuation of a sentence before it).
_TITLE = re.compile(r"^[^，。；：:,;]{0,60}?(项目支出|部门整体支出|项目)绩效自评表(?:[（(](\d{4})年度?[)）])?$")
_YEAR = re.compile(r"^[（(]?(\d{4})年度?[)）]?$")
_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")
_OPERATOR = re.compile(r"^[＝=≥≤><≧≦＞＜]+$")
_GRADES = ("优", "良", "中", "差")


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0|]", "", text)


def cells(line: Line) -> list[str]:
    """A printed row as cells: TAB-separated (a grid; `|`-separated rows of a text file are made
    grids when it is read, `formats.document.pipe_rows_as_grid`), or the line as one cell."""
    text = line.text
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    return [text.strip()]


def form_titles(lines: list[Line], title: re.Pattern, words: tuple[str, ...]) -> list[tuple[int, re.Match, int | None]]:
    """(index, match, fiscal year) of each line that is a form's title: `title` matched by the line
    without spaces, the year its title prints (its last group) or the line below prints alone."""
    out = []
    for i, ln in enumerate(lines):
        # Substring tests first: this runs on every line of every report (~9,000), and the squeeze
        # that lets a letter-spaced title match costs ~1.5 µs a line.
        if not all(w in ln.text for w in words):
            continue
        m = title.match(_squeeze(ln.text))
        if not m:
            continue
        year = m.group(m.re.groups)
        if year is None and i + 1 < len(lines):
            y = _YEAR.match(_squeeze(lines[i + 1].text))
            year = y.group(1) if y else None
        out.append((i, m, int(year) if year else None))
    return out


def find_forms(lines: list[Line]) -> list[tuple[str, int | None, int, list[Line]]]:
    """(form, fiscal year, title line, body lines) of each 自评表 among the report's lines."""
    starts = [(i, "department" if m.group(1) == "部门整体支出" else "standard", year)
              for i, m, year in form_titles(lines, _TITLE, ("评", "表"))]
    out = []
    for n, (i, form, year) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        out.append((form, year, lines[i].number, lines[i + 1 : end]))
    return out


def _find(row: list[str], *words: str) -> int | None:
    return next((c for c, text in enumerate(row) if any(w in _squeeze(text) for w in words)), None)


def _value_after(row: list[str], c: int) -> str:
    """The value printed after a label cell: `项目名称 | X` or `项目名称：X` in one cell."""
    label = row[c]
    if re.search(r"[:：]\s*\S", label):
        return re.split(r"[:：]", label, maxsplit=1)[1].strip()
    return next((t for t in row[c + 1 :] if t and not _is_label(t)), "")


_LABELS = ("项目名称", "主管部门", "实施单位", "项目单位", "单位名称", "部门名称", "部门（单位）名称", "项目资金", "年度总体目标")


def _is_label(text: str) -> bool:
    return any(_squeeze(text).startswith(label) for label in _LABELS)


def _column_map(row: list[str], spec: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> dict[str, int]:
    """Each key's column: the first header cell containing one of its words and none of its
    exclusions, each cell claimed once (`执行率` before `执行数`, which it would also match)."""
    found: dict[str, int] = {}
    for key, words, exclude in spec:
        for c, text in enumerate(row):
            t = _squeeze(text)
            if c not in found.values() and any(w in t for w in words) and not any(x in t for x in exclude):
                found[key] = c
                break
    return found


_FUND_COLUMNS = [
    ("rate", ("执行率",), ()),
    ("budget_start", ("年初预算",), ()),
    ("budget_annual", ("全年预算", "调整后预算", "全年批复"), ()),
    ("executed", ("执行数", "实际支出", "全年执行"), ("执行率",)),
    ("weight", ("分值", "权重"), ()),
    ("score", ("得分",), ()),
]
_INDICATOR_COLUMNS = [
    ("level1", ("一级指标",), ()),
    ("level2", ("二级指标",), ()),
    ("name", ("三级指标", "指标名称", "绩效指标内容"), ()),
    ("nature", ("指标性质",), ()),
    ("unit", ("度量单位", "计量单位"), ()),
    ("target", ("指标值", "年度指标", "年度目标", "预期目标", "目标值"), ("实际",)),
    ("actual", ("实际完成值", "实际完成", "实际值", "完成值"), ()),
    ("weight", ("分值", "权重"), ()),
    ("score", ("得分",), ()),
    ("reason", ("偏差原因", "原因分析"), ()),
]


# What a form prints in a cell it has no figure for (得分 `—` where nothing was scored): no
# figure, as a blank is, not a misprint.
_PLACEHOLDERS = frozenset({"-", "--", "—", "——", "－", "/", "／", "─"})


def _indicator_header(joined: str) -> bool:
    """The indicators' header row (its cells joined): it names their 一级 and 二级指标."""
    return "一级指标" in joined and "二级指标" in joined


def _decimal(text: str) -> Decimal | None:
    t = text.replace(",", "").strip()
    if not t or t in _PLACEHOLDERS:
        return None
    try:
        number = Decimal(t)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _figure_text(text: str | None) -> str | None:
    """A rate, weight or score cell as printed, None where it prints no figure."""
    t = (text or "").strip()
    return None if not t or t in _PLACEHOLDERS else t


def _cell(row: list[str], col: dict[str, int], key: str) -> str:
    c = col.get(key)
    return row[c].strip() if c is not None and c < len(row) else ""


def parse_form(form: str, title_line: int, body: list[Line], seq: int) -> Project:
    issues: list[Issue] = []
    if is_unseparated(body):  # flattened rows, or one cell per line: read by the form's structure
        rows = [(_merge_fields(r.tokens), r.line, r) for r in flat_rows(body)]
    else:
        rows = [(cells(ln), ln.number, None) for ln in body if ln.text.strip()]
    fields: dict[str, str] = {}
    goal = ""
    budget: list[ProjectBudgetRow] = []
    indicators: list[ProjectIndicator] = []
    total_score = grade = None
    fund_cols: dict[str, int] | None = None
    ind_cols: dict[str, int] | None = None
    level1 = level2 = ""
    goal_col: int | None = None
    for row, line, flat in rows:
        joined = _squeeze("".join(row))
        for label in ("项目名称", "主管部门", "实施单位", "项目单位", "单位名称", "部门名称", "部门（单位）名称"):
            c = _find(row, label)
            if c is not None and label not in fields and ind_cols is None:
                fields[label] = _value_after(row, c)
        grade_at = _find(row, "自评等级", "评价等级", "绩效等级")
        if grade_at is not None:
            grade = next((t for t in row[grade_at + 1 :] if t in _GRADES), grade)
        if "年初预算" in joined and ("执行数" in joined or "执行率" in joined):
            fund_cols, ind_cols = _column_map(row, _FUND_COLUMNS), None
            continue
        if _indicator_header(joined):
            ind_cols, fund_cols = _column_map(row, _INDICATOR_COLUMNS), None
            continue
        if "年度总体目标" in joined or "总体目标" in joined and "预期" in joined:
            fund_cols = None
        if joined.startswith(("总分", "合计", "总得分")) and ind_cols is not None:
            score_col = ind_cols.get("score")
            numbers = [t for t in row if _NUMBER.match(t.replace(" ", ""))]
            if flat is None:
                total_score = _cell(row, ind_cols, "score") or (numbers[-1] if numbers else None)
            elif len(numbers) >= 2:  # 分值 then 得分
                total_score = numbers[-1]
            elif numbers:
                issues.append(Issue("warning", "project", line, f"the 总分 row prints one figure ({numbers[0]}): "
                                    "whether it is the 分值 or the 得分 is not printed, so no 总得分 is taken"))
                score_col = -1
            ind_cols = None
            if not total_score and score_col is None:
                issues.append(Issue("warning", "project", line, "the 总分 row prints no 得分"))
            continue
        if fund_cols is not None:
            if "预期目标" in joined or "实际完成情况" in joined or joined.startswith(("年度总体目标", "总体目标")):
                fund_cols = None
            elif flat is not None:
                got = fund_values(flat, _in_order(fund_cols))
                if isinstance(got, str):
                    issues.append(Issue("error", "project_budget", line, f"{got}; the row is not loaded"))
                    continue
                label, values = got
            else:
                first_value = min(fund_cols.values()) if fund_cols else len(row)
                label = next((t for t in reversed(row[:first_value]) if t and "项目资金" not in _squeeze(t)), "")
                values = {k: _cell(row, fund_cols, k) for k in fund_cols}
            if fund_cols is not None and not label and not any(values.values()):
                continue
            if fund_cols is not None:
                amounts = {}
                for key in ("budget_start", "budget_annual", "executed"):
                    amounts[key] = _decimal(values.get(key, ""))
                    if values.get(key) and amounts[key] is None and values[key].strip() not in _PLACEHOLDERS:
                        issues.append(Issue("error", "project_budget", line,
                                            f"{label}: {values[key]!r} is not an amount; not loaded"))
                budget.append(ProjectBudgetRow(
                    row_order=len(budget) + 1, funding_source=label or "(no name)", target_declared=None,
                    budget_compiled=amounts["budget_start"], annual_budget=amounts["budget_annual"],
                    executed=amounts["executed"], balance=None,
                    execution_rate_text=_figure_text(values.get("rate", "").rstrip("%％")),
                    score_text=_figure_text(values.get("score")), deviation_reason=None, source_line=line,
                    weight_text=_figure_text(values.get("weight")), amount_unit="万元"))
                continue
        if goal_col is not None and fund_cols is None and ind_cols is None:
            if flat is not None:
                # 预期目标 then 实际完成情况, without a separator: two texts split at their one
                # space; otherwise the line as printed (the goal cannot be cut from it).
                texts = [t for t in row if t]
                goal = texts[0] if len(texts) == 2 else " ".join(texts)
            else:
                goal = row[goal_col].strip() if goal_col < len(row) else ""
            goal_col = None
        elif fund_cols is None and ind_cols is None and "预期目标" in joined and not goal:
            # `预期目标：…` in its cell, or a header over the column the next row fills.
            goal_col = _find(row, "预期目标")
            if goal_col is not None and re.search(r"[:：]\s*\S", row[goal_col]):
                goal, goal_col = _value_after(row, goal_col), None
        if ind_cols is not None:
            if flat is not None:
                keys = [k for k in _in_order(ind_cols) if k not in ("level1", "level2")]
                values, problem = indicator_values(flat, keys, (level1, level2))
                level1, level2 = values["level1"], values["level2"]
                if problem:
                    issues.append(Issue("error", "project_indicator", line,
                                        f"indicator row {' '.join(flat.tokens)!r}: {problem}; not loaded"))
                    continue
            else:
                values = {k: _cell(row, ind_cols, k) for k in ind_cols}
                level1 = values.get("level1") or level1
                level2 = values.get("level2") or level2
            name, target, actual = values.get("name", ""), values.get("target", ""), values.get("actual", "")
            if not name and not target and not actual:
                continue
            nature, unit = values.get("nature") or None, values.get("unit") or None
            printed_target = target
            if nature and _OPERATOR.match(nature) and not _OPERATOR.match(target[:1] or " "):
                printed_target = f"{nature}{target}{unit or ''}"
            elif unit and _NUMBER.match(target):
                printed_target = f"{target}{unit}"
            indicators.append(ProjectIndicator(
                row_order=len(indicators) + 1, level1=level1, level2=level2, name=name,
                target_text=printed_target, actual_text=actual, weight_text=_figure_text(values.get("weight")) or "",
                score_text=_figure_text(values.get("score")) or "", deviation_reason=values.get("reason") or None,
                source_line=line, nature=nature, measure_unit=unit, **figures(printed_target, actual)))
    # 陕西's 部门整体支出绩效自评表 prints `部门（单位）名称`.
    name = fields.get("项目名称") or fields.get("单位名称") or fields.get("部门名称") or fields.get("部门（单位）名称") or ""
    code, bare = split_coded(name)
    unit_code, unit_name = split_coded(fields.get("实施单位") or fields.get("项目单位") or "")
    sup_code, sup_name = split_coded(fields.get("主管部门", ""))
    if not budget:
        issues.append(Issue("error", "project_budget", title_line, f"{bare or 'self-evaluation'}: no 项目资金 rows found"))
    if not indicators and form == "standard":
        issues.append(Issue("error", "project_indicator", title_line, f"{bare or 'self-evaluation'}: no 绩效指标 rows found"))
    return Project(
        seq=seq, name=bare or "", unit_code=unit_code, unit_name=unit_name, supervisor_code=sup_code,
        supervisor_name=sup_name, sections={"goal_annual": goal} if goal else {}, budget=budget,
        indicators=indicators, stated_execution_score=None, stated_indicator_score=None,
        stated_total_score=total_score, stated_grade=grade, title_line=title_line, issues=issues, form=form,
        code=code)


def _in_order(columns: dict[str, int]) -> list[str]:
    """The header's column keys in print order."""
    return sorted(columns, key=columns.get)


def _merge_fields(tokens: list[str]) -> list[str]:
    """A flattened header row (`项目名称 510000-食品安全 监管抽检 …`): each label's value is the
    words up to the next label, joined (a space inside a name is the print's, not the name's)."""
    if not tokens or not _is_label(tokens[0]) or _squeeze(tokens[0]).startswith(("项目资金", "年度总体目标")):
        return tokens
    out: list[str] = []
    for token in tokens:
        if _is_label(token) or not out or _is_label(out[-1]):
            out.append(token)
        else:
            out[-1] += token
    return out


def parse_standard_forms(forms) -> list[Project]:
    """The 自评表 forms `find_forms` found, as projects."""
    return [parse_form(form, title, body, n) for n, (form, _, title, body) in enumerate(forms, 1)]


def forms_year(forms) -> int | None:
    """The fiscal year the forms' titles state most often."""
    years = [year for _, year, _, _ in forms if year]
    return max(set(years), key=years.count) if years else None
