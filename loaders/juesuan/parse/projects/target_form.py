"""A budget's project 绩效目标表 (performance targets, DOMAIN.md "Budget reports"): the targets a
project will be judged against, the standard 自评表's twin before the year. It declares only what
differs from the 自评表 (`standard_form`):

    236 中央高校教育教学改革专项绩效目标表
    (2023 年度)
    项目名称 | 236中央高校教育教学改革专项                  (西安: 资金金额（万元）, 年度目标)
    主管部门及代码 | 教育部105 | 实施单位 | 西南大学本级
    项目资金（万元） | 年度资金总额： | 2112.76 | 执行率分值（10）
                     | 其中：财政拨款 | 2112.00
                     | 上年结转 | 0.76
    年度总体目标 | 1.持续推进“四新”建设，…
    绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值（90）
             | 产出指标 | 数量指标 | 建设一流本科课程数 | 20门 | 5

- Its funds are label and amount pairs (no 年初预算/执行数 header): each is a `ProjectBudgetRow`
  with its amount as `annual_budget` (the budget the year's execution will be measured against).
- Its indicator rows carry a target and a weight (西安's 2022 template: no weight), no actual and
  no score.
- The department's own form (部门整体支出绩效目标表, form `department_target`) is the same but for its
  name, `部门（单位）名称`, and its funds: the year's main tasks (年度主要任务: 任务名称, 主要内容, and
  预算金额 as 总额, 财政拨款, 其他资金), each task's 总额 a row, and their 金额合计 with its funds. A continued page prints
  them with its blank columns left out (`质量指标 | 学生参加竞赛获奖数量 | 20人次 | 5` under a header
  of seven cells), so a row is read from its right: the 分值 (a number), the 指标值 before it, the
  indicator's name before that, and before the name its 二级 and 一级指标 where printed (a merged
  level printed once applies to the rows below it).
"""

from __future__ import annotations

import bisect
import re

from juesuan.read.lines import Line
from juesuan.parse.model import Issue, Project, ProjectBudgetRow, ProjectIndicator
from juesuan.parse.projects.layout import split_coded
from juesuan.parse.projects.standard_form import (_column_map, _decimal, _find, _indicator_header, _squeeze, _value_after, cells,
                                                  form_titles)
from juesuan.parse.projects.targets import figures

# `236 中央高校教育教学改革专项绩效目标表`, `项目支出绩效目标表（2023年度）`, not a sentence that mentions
# one. The department's own (`部门整体支出绩效目标表`) is a form of its own kind.
_TITLE = re.compile(r"^[^，。；：:,;]{0,60}?绩效目标表(?:[（(](\d{4})年度?[)）])?$")
_DEPARTMENT_FORM = "部门整体"
# The forms a budget sets targets in: a project's, and the department's own.
TARGET_FORMS = ("target", "department_target")
# What names the form's subject in its first rows: a project, or the department (`部门（单位）名称`).
_NAMES = {"target": ("项目名称",), "department_target": ("部门（单位）名称", "部门名称")}
# The department form's funds: its year's main tasks, under 预算金额's 总额 | 财政拨款 | 其他资金.
_TASKS = "年度主要任务"
_TASK_TOTAL = "金额合计"
_TASK_FUNDS = ("总额", "财政拨款", "其他资金")
_WEIGHT = re.compile(r"^\d+(?:\.\d+)?$")
# An amount, with the unit printed in its cell where it is (`280.7万元`).
_AMOUNT = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(万元|元)?$")
# A template's indicator row left unfilled: its numbering alone (`指标1：`), no target.
_NUMBERING_ONLY = re.compile(r"^指标\d+[:：]?$")
_YUAN = re.compile(r"[（(]元[)）]")  # funds printed in 元 (the form's are in 万元)
# The indicator header's columns (standard_form's, with 西安's `指标内容`).
_INDICATOR_COLUMNS = [
    ("level1", ("一级指标",), ()),
    ("level2", ("二级指标",), ()),
    ("name", ("三级指标", "指标名称", "指标内容"), ()),
    ("target", ("指标值", "年度指标", "目标值"), ()),
    ("weight", ("分值", "权重"), ()),
]
_ELLIPSIS = re.compile(r"[.…。、]*")  # the template's `......` in a row left unfilled
_FIELDS = ("项目名称", "主管部门", "实施单位", "项目单位")
# The funds' and the goal's labels: 西安 prints `资金金额（万元）` and `年度目标`.
_FUNDS = ("项目资金", "资金金额")
_GOAL = ("年度总体目标", "总体目标", "年度目标")


def find_target_forms(lines: list[Line], table_titles: tuple[int, ...] = ()) -> list[tuple[str, int | None, int, list[Line]]]:
    """(form `target`, fiscal year, title line, body lines) of each project 绩效目标表 in `lines`.
    `table_titles`: the lines where the report's tables are titled; a form ends at the next one (a
    table printed after the forms is none of the last form's rows)."""
    starts = [(i, year, _DEPARTMENT_FORM in lines[i].text) for i, _, year in form_titles(lines, _TITLE, ("目标表",))]
    titled = {lines[i].number for i, _, _ in starts}
    stops = sorted(t for t in table_titles if t not in titled)
    numbers = [ln.number for ln in lines]  # ascending: a table title's index by bisection
    out = []
    for n, (i, year, department) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        stop = next((t for t in stops if t > lines[i].number), None)
        if stop is not None:
            end = min(end, bisect.bisect_left(numbers, stop))
        out.append(("department_target" if department else "target", year, lines[i].number, lines[i + 1 : end]))
    # A form is one with a 项目名称 row (部门名称, the department's): a title in the 目录 or a heading above
    # the form is none, and so is a list of every project's targets (北京's 预算12表: `项目名称 | 项目总额
    # | … | 一级指标 | …`). The department's form is read where its indicators are headed by their levels
    # (一级指标, 二级指标) as a project's are; 北京's 预算13表 heads them `活动 | 绩效指标 | 指标性质`, not read yet.
    return [f for f in out if _is_form(f[0], f[3])]


def _is_form(form: str, body: list[Line]) -> bool:
    """Whether a titled form's body names its subject in its first rows (and, the department's, heads
    its indicators by their levels)."""
    first = [_squeeze(ln.text) for ln in body[:4]]
    named = any(any(name in text for name in _NAMES[form]) and "一级指标" not in text for text in first)
    return named and (form == "target" or any(_indicator_header(_squeeze(ln.text)) for ln in body))


def parse_target_form(title_line: int, body: list[Line], seq: int, form: str = "target") -> Project:
    """One 绩效目标表 (`body`: its lines after the title) as a Project of form `target`, or the
    department's (`department_target`)."""
    issues: list[Issue] = []
    fields: dict[str, str] = {}
    goal = ""
    budget: list[ProjectBudgetRow] = []
    indicators: list[ProjectIndicator] = []
    part = "header"  # header → funds → goal → indicators
    level1 = level2 = ""
    weighted = True
    header: tuple[int, dict[str, int]] | None = None  # the indicator header's width and columns
    unit = "万元"
    heads: list[str] = []  # the labels of side-by-side funds' first row
    task_columns: dict[str, int] = {}  # the department form's 总额, 财政拨款, 其他资金 columns
    for ln in body:
        row = cells(ln)
        printed = [c for c in row if c and not _ELLIPSIS.fullmatch(c)]
        if not printed:
            continue
        joined = _squeeze("".join(row))
        if part == "header":
            for label in (*_FIELDS, *_NAMES["department_target"]):
                c = _find(row, label)
                if c is not None and label not in fields:
                    fields[label] = _value_after(row, c)
        if _indicator_header(joined):
            # 西安's 2022 template prints no 分值 column: its rows end with the 指标值 (or a 备注).
            part, weighted = "indicators", "分值" in joined or "权重" in joined
            header = (len(row), _column_map(row, _INDICATOR_COLUMNS))
            continue
        if form == "department_target" and joined.startswith(_TASKS):
            part = "tasks"
            continue
        if part == "tasks" and not joined.startswith(_GOAL):
            if not task_columns:
                task_columns = {label: c for c, text in enumerate(row) for label in _TASK_FUNDS if _squeeze(text) == label}
                if task_columns:
                    continue
            tasks = _task_funds(printed[0], row, task_columns)
            budget += [_funds_row(len(budget) + k, name, amount, "万元", ln.number) for k, (name, amount) in enumerate(tasks, 1)]
            continue
        if joined.startswith(_FUNDS):
            part = "funds"
            unit = "元" if _YUAN.search(joined) else "万元"
        elif joined.startswith(_GOAL):
            part = "goal"
            goal = next((c for c in printed[1:] if not _squeeze(c).startswith(_GOAL)), "")
            continue
        if part == "funds":
            # Each amount with the label before it. 西安 prints the period's and the year's side by
            # side (`实施期资金总额： | 2400000万元 | 年度资金总额： | 100000万元`), the rows below under the
            # same labels: a row's second amount is named by its column's head.
            pairs, label = [], ""
            for c in printed:
                amount = _AMOUNT.match(c.replace(",", ""))
                if amount is None:
                    label = "" if _squeeze(c).startswith(_FUNDS) else c.rstrip(":：")
                elif label:  # not a page number between the fund rows
                    pairs.append((label, amount))
                    label = ""
            if len(pairs) > 1 and not heads:
                heads = [name for name, _ in pairs]
            elif heads:
                pairs = [(name if k == 0 or k >= len(heads) else f"{name}（{heads[k]}）", a) for k, (name, a) in enumerate(pairs)]
            budget += [_funds_row(len(budget) + k, name, amount, unit, ln.number) for k, (name, amount) in enumerate(pairs, 1)]
        elif part == "indicators" and header and len(row) == header[0] and "name" in header[1] and "target" in header[1]:
            # A row of the header's cells: each read under its column.
            values = {k: "" if _ELLIPSIS.fullmatch(row[c].strip()) else row[c].strip() for k, c in header[1].items()}
            level1, level2 = values.get("level1") or level1, values.get("level2") or level2
            if not _blank(values["name"], values["target"]):
                indicators.append(_indicator(len(indicators) + 1, level1, level2, values["name"], values["target"],
                                             values.get("weight", ""), ln.number))
        elif part == "indicators":
            if len(printed) < 2 + weighted or (weighted and not _WEIGHT.match(printed[-1])):
                if len(printed) > 1 + weighted:  # not a page number, nor a level printed with no indicator
                    issues.append(Issue("error", "project_indicator", ln.number,
                                        f"indicator row {' | '.join(printed)!r}: no 分值 at its end; not loaded"))
                continue  # a page number, a page's header
            *levels, name, target, weight = printed if weighted else [*printed, ""]
            if len(levels) >= 2:
                level1, level2 = levels[-2], levels[-1]
            elif levels:
                level2 = levels[-1]
            if not _blank(name, target):
                indicators.append(_indicator(len(indicators) + 1, level1, level2, name, target, weight, ln.number))
    code, bare = split_coded(fields.get("项目名称", "")) if form == "target" else \
        (None, fields.get("部门（单位）名称") or fields.get("部门名称", ""))
    unit_code, unit_name = split_coded(fields.get("实施单位") or fields.get("项目单位") or "")
    sup_code, sup_name = split_coded(fields.get("主管部门", ""))
    if not budget:
        issues.append(Issue("error", "project_budget", title_line, f"{bare or 'target form'}: no 项目资金 rows found"))
    if not indicators:
        issues.append(Issue("error", "project_indicator", title_line, f"{bare or 'target form'}: no 绩效指标 rows found"))
    return Project(
        seq=seq, name=bare or "", unit_code=unit_code, unit_name=unit_name, supervisor_code=sup_code,
        supervisor_name=sup_name, sections={"goal_annual": goal} if goal else {}, budget=budget,
        indicators=indicators, stated_execution_score=None, stated_indicator_score=None, stated_total_score=None,
        stated_grade=None, title_line=title_line, issues=issues, form=form, code=code)


def _task_funds(name: str, row: list[str], columns: dict[str, int]) -> list[tuple[str, re.Match]]:
    """(label, amount) of a main task's row: its 总额, named by the task; of the 金额合计 row, its 总额,
    财政拨款 and 其他资金 as the form's funds (`其中：财政拨款`, `其他资金`), as a project's are printed."""
    labels = {"总额": name} if _squeeze(name) != _TASK_TOTAL else \
        {"总额": _TASK_TOTAL, "财政拨款": "其中：财政拨款", "其他资金": "其他资金"}
    out = []
    for column, label in labels.items():
        text = row[columns[column]].strip().replace(",", "") if column in columns and columns[column] < len(row) else ""
        amount = _AMOUNT.match(text)
        if amount:
            out.append((label, amount))
    return out


def _funds_row(order: int, label: str, amount: re.Match, unit: str, line: int) -> ProjectBudgetRow:
    """A funds row of a target form: an amount the year's execution will be measured against, in the
    unit printed in its cell, else the form's."""
    return ProjectBudgetRow(
        row_order=order, funding_source=label, target_declared=None, budget_compiled=None,
        annual_budget=_decimal(amount.group(1)), executed=None, balance=None, execution_rate_text=None,
        score_text=None, deviation_reason=None, source_line=line, amount_unit=amount.group(2) or unit)


def _blank(name: str, target: str) -> bool:
    return not target and (not name or bool(_NUMBERING_ONLY.match(_squeeze(name))))


def _indicator(order: int, level1: str, level2: str, name: str, target: str, weight: str, line: int) -> ProjectIndicator:
    return ProjectIndicator(row_order=order, level1=level1, level2=level2, name=name, target_text=target,
                            actual_text="", weight_text=weight, score_text="", deviation_reason=None, source_line=line,
                            **figures(target, ""))


def parse_target_forms(forms) -> list[Project]:
    """The forms `find_target_forms` found, as projects; a form left blank (西安 prints its
    `专项资金总体绩效目标表` template with no project, fund or target) is none."""
    projects = [parse_target_form(title, body, 0, form) for form, _, title, body in forms]
    projects = [p for p in projects if p.name or p.indicators or any(b.annual_budget for b in p.budget)]
    for n, project in enumerate(projects, 1):
        project.seq = n
    return projects
