"""Figures stated in the narrative, each as subject × attribute.

A figure is a number with a unit (`519.14万元`, `4.05%`, `93辆`). Its subject is the last known
subject named before it in the same sentence (`收入总计`, a 类 such as `公共安全支出`, a 三公
item, …); its attribute comes from the words between that subject and the number (`减少` →
change, `占比` → share, `年初预算` → initial budget, …) and from its unit. A clause that names no
subject continues the previous one, across sentence ends under the same heading: in
`收入总计减少519.14万元，下降4.05%` both figures are of 收入总计. The metric is `<subject>_<attribute>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable
from functools import lru_cache
from decimal import Decimal

from juesuan.read.lines import Line
from juesuan.reference import function_class_by_name
from juesuan.parse.narrative.text import Span, narrative_spans

# (pattern, subject key). Order matters: longer and more specific names first.
SUBJECTS: list[tuple[str, str]] = [
    (r"财政拨款收入支出总计", "appropriation_expenditure_total"),
    (r"财政拨款收入总计", "appropriation_income_total"),
    (r"财政拨款支出总计", "appropriation_expenditure_total"),
    (r"收入总计", "income_total"),
    (r"支出总计", "expenditure_total"),
    (r"收入合计", "income_subtotal"),
    (r"支出合计", "expenditure_subtotal"),
    # The general budget's own 基本支出 (公开05/06表), not the 基本支出 of every fund (公开03表).
    (r"一般公共预算财政拨款基本支出", "general_budget_basic_expenditure"),
    (r"一般公共预算财政拨款(决算)?支出", "general_budget_expenditure"),
    # Section 八's fund: not the appropriation income of the whole year (section 四).
    (r"政府性基金预算财政拨款收入", "fund_appropriation_income"),
    (r"政府性基金预算财政拨款(决算)?支出", "fund_appropriation_expenditure"),
    (r"一般公共预算项目支出", "projects_general_budget"),
    (r"财政拨款收入", "appropriation_income"),
    (r"上级补助收入", "superior_subsidy"),
    (r"事业收入", "business_income"),
    (r"经营收入", "operating_income"),
    (r"附属单位上缴收入", "affiliated_remittance"),
    (r"其他收入", "other_income"),
    (r"基本支出", "basic_expenditure"),
    (r"项目支出", "project_expenditure"),
    (r"人员经费", "personnel_cost"),
    (r"公用经费", "public_cost"),
    (r"工资福利支出", "econ_301"),
    (r"对个人和家庭的补助", "econ_303"),
    (r"商品和服务支出", "econ_302"),
    (r"资本性支出[（(]基本建设[)）]", "econ_309"),  # 西安: beside 资本性支出（310）
    (r"资本性支出", "econ_310"),
    (r"[“\"]?三公[”\"]?经费", "three_public"),
    (r"因公出国[（(]境[)）]经?费|出国[（(]境[)）]团组", "overseas"),
    # The pair first: `公务用车购置及运行维护费 37.35` is both, not the 购置 alone.
    (r"公务用车购置[及和]运行(维护)?费", "vehicle_costs"),  # 北京: 购置和运行维护费
    (r"公务用车购置(费)?", "vehicle_purchase"),
    (r"公务用车运行及?维护(费|支出)", "vehicle_operation"),  # 广东: 公务用车运行及维护支出
    (r"公务用车保有量", "vehicles_held"),
    (r"国内接待费", "reception_domestic"),
    (r"外事接待费|外宾接待(支出|费)?|接待外宾", "reception_foreign_affairs"),
    (r"国[（(]境[)）]外接待费", "reception_overseas"),
    (r"公务接待(费)?", "reception"),  # 上海: `列明公务接待2批次`
    # 陕西 states them beside the 三公 (`财政拨款安排培训费预算2,795.78万元`): their own subjects.
    (r"会议费", "meeting"),
    (r"培训费", "training"),
    (r"机关运行经费", "running_cost"),
    # 上海: `政府采购金额（以合同签订为准）为 1062.09 万元，其中：货物采购金额 80.98 万元、…`.
    (r"政府采购(支出总额|金额)", "procurement_total"),
    (r"政府采购货物支出|货物采购金额", "procurement_goods"),
    (r"政府采购工程支出|工程采购金额", "procurement_works"),
    (r"政府采购服务支出|服务采购金额", "procurement_services"),
    # 上海's 中小企业 sentence: reserved budgets, then what firms of each size were awarded (in the
    # reserved projects, and in the others: a figure of its own, often 0).
    (r"面向中小企业预留", "procurement_sme_reserved"),
    (r"面向小微企业预留", "procurement_small_micro_reserved"),
    (r"在其他政府采购项目中[，,]?由中小企业供应商中标或成交", "procurement_other_sme_awarded"),
    (r"由中小企业供应商中标或成交", "procurement_sme_awarded"),
    (r"由小微企业供应商中标或成交", "procurement_small_micro_awarded"),
    (r"授予中小企业合同金额", "procurement_sme"),
    (r"授予小微企业合同金额", "procurement_small_micro"),
    (r"共有车辆", "vehicles_total"),
    # The categories of the 国有资产占有使用情况 sentence (上海 lists them all, most at 0 辆);
    # without their own names each count would be read as the 共有车辆 total before them.
    (r"部级领导(干部)?用车|副部[（(]省[)）]级及以上领导(干部)?用车", "vehicles_senior_leader"),
    (r"主要(领导干部|负责人)用车", "vehicles_principal"),
    (r"机要通信用车", "vehicles_confidential"),
    (r"应急保障用车", "vehicles_emergency"),
    (r"特种专业技术用车", "vehicles_special_technical"),
    (r"离退休干部(服务)?用车", "vehicles_retiree_service"),
    (r"执法执勤用车", "vehicles_law_enforcement"),
    (r"其他用车", "vehicles_other"),
    # `购置单价100万元以上的设备221台（套）`: bought this year, not held (`…以上设备901台（套）`).
    # 北京 names the threshold 单位价值: `购置单位价值 100 万元以上的设备 0 台（套）`.
    (r"购置(?:单价|单位价值)\s*\d+\s*万元(?:[（(]含[)）])?以上的?设备", "equipment_over_1m_purchased"),
    (r"以上的?设备", "equipment_over_1m"),
    (r"二级项目", "projects"),
    # 广东: `7 个…项目…，其中一级项目 6 个，二级项目 1 个`: a part of the projects counted, not a restatement.
    (r"一级项目", "projects_level1"),
    # 上海's 全过程绩效管理 sentence: three sets of projects, each with its count and budget.
    (r"绩效自评的(\d{4}\s*年度)?项目", "projects"),
    (r"编报绩效目标的(\d{4}\s*年度)?项目", "projects_with_targets"),
    (r"绩效跟踪评价的(\d{4}\s*年度)?项目", "projects_tracked"),
    # `绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个`: problems, not projects.
    (r"发现问题", "evaluation_problems"),
    (r"完成整改", "evaluation_problems_fixed"),
    (r"正在整改", "evaluation_problems_in_progress"),
]

# (pattern in the words between subject and number, attribute); first match wins.
ATTRIBUTES_MONEY = [
    (r"年初预算", "initial_budget"),
    (r"全年预算", "budget"),
    (r"完成预算", "budget"),  # 广东: `支出决算为 0.16万元，完成预算 0万元的 0%`: the budget, not the spending
    (r"预算数?[为是:：]?\s*$", "budget"),  # 陕西: `公务接待费预算1.86万元，支出决算0.11万元`
    (r"减少|增加", "change"),
    (r"决算", "final"),
]
ATTRIBUTES_PERCENT = [
    (r"完成.*预算", "completion_rate"),
    (r"完成", "progress"),  # `项目支出规划服务较年初完成92%`: how far a piece of work got
    (r"占", "share"),
    (r"下降|降低|增长|增加|减少", "change_rate"),
]
ATTRIBUTES_COUNT = {"辆": "vehicles", "个": "count", "人次": "people", "批次": "batches", "台（套）": "count", "台(套)": "count"}
UNITS = ("万元", "%", "％", "辆", "人次", "批次", "个", "台[（(]套[)）]")


@dataclass(frozen=True)
class Vocabulary:
    """What one kind of narrative calls its subjects and attributes, and the units it counts in. A
    variant declares only what differs (`extended`): a budget's 情况说明 (budget.py) names its totals
    收入预算 and 支出预算, and its `预算` is the figure itself, not a budget beside an actual."""

    subjects: tuple[tuple[str, str], ...]
    money: tuple[tuple[str, str], ...]
    percent: tuple[tuple[str, str], ...]
    counts: tuple[tuple[str, str], ...]
    units: tuple[str, ...]
    # (section pattern, subject, subject there): a 项 stated under a section of all appropriation
    # funds is not the general budget's.
    section_subjects: tuple[tuple[str, str, str], ...] = ()

    def extended(self, subjects=(), money=None, counts=(), units=(), section_subjects=()) -> "Vocabulary":
        """This vocabulary with `subjects` tried first, `money` attributes instead of its own, more
        count units, and `section_subjects` (renames by section) tried first."""
        return Vocabulary(
            subjects=tuple(subjects) + self.subjects,
            money=tuple(money) if money is not None else self.money,
            percent=self.percent,
            counts=tuple(counts) + self.counts,
            units=tuple(units) + self.units,
            section_subjects=tuple(section_subjects) + self.section_subjects,
        )


FINAL = Vocabulary(tuple(SUBJECTS), tuple(ATTRIBUTES_MONEY), tuple(ATTRIBUTES_PERCENT),
                   tuple(ATTRIBUTES_COUNT.items()), UNITS)


@dataclass(frozen=True)
class _Compiled:
    attributes: dict[str, list[tuple[re.Pattern, str]]]
    counts: dict[str, str]
    figure: re.Pattern
    section_subjects: list[tuple[re.Pattern, str, str]]


@lru_cache(maxsize=4)
def _compiled(vocabulary: Vocabulary) -> _Compiled:
    """Compiled once per vocabulary: re.search of a pattern's text looks it up in re's cache on
    every call."""
    # A longer unit first: `台（套）` before a variant's `台`.
    units = "|".join(sorted(vocabulary.units, key=len, reverse=True))
    return _Compiled(
        attributes={unit: [(re.compile(pattern), attribute) for pattern, attribute in table]
                    for unit, table in (("%", vocabulary.percent), ("万元", vocabulary.money))},
        counts=dict(vocabulary.counts),
        # `单价100万元以上`, `单位价值 100 万元以上`: a threshold, not a figure.
        figure=re.compile(r"(?<![\d.,])(?<!单价)(?<!单价\s)(?<!价值)(?<!价值\s)"
                          rf"(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*({units})"),
        section_subjects=[(re.compile(p), a, b) for p, a, b in vocabulary.section_subjects],
    )


_NEGATIVE = re.compile(r"减少|下降|降低")
_CATEGORIES = ("procurement_goods", "procurement_works", "procurement_services")
# A clause naming its own 支出 or 收入 that is none of SUBJECTS (`3.上缴上级支出 0万元`, `涉及一般公共预算
# 支出 0 万元` of the projects evaluated): its figure is of that unknown subject, not of the one
# carried from before, and is not read.
_OWN_UNKNOWN_SUBJECT = re.compile(r"[\u4e00-\u9fff]{2,}(?:支出|收入)(?:决算)?(?:数)?(?:为|是)?\s*$")
# The budgets other than the general one: a sentence naming one speaks of its own scope (`组织对 0 个
# 政府性基金预算项目开展绩效自评，共涉及资金 0 万元`), and a subject carried into it from the general
# budget's sentences is not its subject (a 类 or 项 carried by its code is, whatever its budget).
_OTHER_SCOPE = re.compile(r"政府性基金|国有资本经营")
_OTHER_SCOPE_SUBJECTS = ("fund_", "capital_")
# `1 个单位`, `0 个第三方机构`: a count printed before its noun counts that noun. Read only where the
# noun is the projects the narrative counts.
_COUNTED_NOUN = re.compile(r"\s*([\u4e00-\u9fff]{1,4})")
_COUNTED_PROJECTS = ("项", "一级项目", "二级项目")

_SENTENCE = re.compile(r"[。；;]")
_GRADE_COUNT = re.compile(r"(\d+)个项目自评等级为\s*[“\"]?(优|良|中|差)")
# 上海: `绩效评级为“优”的项目48个`: the count after its subject.
_GRADE_COUNT_AFTER = re.compile(r"绩效评级为\s*[“\"]?(优|良|中|差|合格|不合格)[”\"]?的项目\s*(\d+)\s*个")
_CLASS_SUFFIX = re.compile(r"[（(]类[)）]")
# `一般公共服务支出（类）财政事务（款）行政运行（项）`: one 项 of the general budget, named by its
# path (上海 states the budget and final of each 项 this way; the national form, each 类).
# A name may hold a bracketed word of its own: `中医（民族）医院（项）`, `政府办公厅（室）及相关机构事务（款）`.
_NAME_WORD = r"(?:[^、，。；：（()）]|[（(][^（()）款项类]{1,4}[)）])"
_ITEM = re.compile(rf"([^、，。；：（(\d]+)[（(]类[)）]({_NAME_WORD}+)[（(]款[)）]({_NAME_WORD}+)[（(]项[)）]")

# `统计信息事务（款）行政运行（项）` under a heading naming the 类 (江苏's budgets and finals).
_ITEM_IN_CLASS = re.compile(r"((?:[^、，。；：（()）\d.．]|[（(][^（()）款项类]{1,4}[)）])+)[（(]款[)）]"
                            rf"({_NAME_WORD}+)[（(]项[)）]")
_CLASS_NAME = re.compile(r"([^、，。；：（()）\s\d]+)[（(]类[)）]")
_REASON = re.compile(r"原因")
# A sentence that is only an enumerated name: `（一）因公出国（境）费用。`, `（二）公务接待费。`.
_ENUMERATED_NAME = re.compile(r"^\s*(?:其中[：:]\s*)?(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}[．.、])\s*([^，,：:；;\d]{2,30}?)\s*[。.]?\s*$")

# `小学教育（2050202）`: a 项 named with its code printed beside it (高等学校).
_ITEM_WITH_CODE = re.compile(r"([^、，。；：（(\d.．]+)[（(](\d{7})[)）]")

# Resolves a printed 项 path (类 name, 款 name, 项 name) to its code through the report's own tables.
ItemCodes = Callable[[str, str, str], "str | None"]


@dataclass(frozen=True)
class NarrativeFigure:
    section: str
    subsection: str | None
    subject: str  # `income_total`, `class`, `grade_count`, …
    subject_code: str | None  # the 类 code for class figures; the grade for grade counts
    attribute: str  # `amount`, `change`, `change_rate`, `share`, `initial_budget`, …
    value: Decimal  # signed: a 减少/下降 is negative
    unit: str  # 万元, %, 辆, 个, 人次, 批次, 台套; 分 (a self-evaluation score)
    denominator: str | None  # for a share stated as `占<subject>的…%`: that subject
    text: str  # the words as printed, from the subject (or clause) to the number and unit
    source_line: int

    @property
    def metric(self) -> str:
        return f"{self.subject}_{self.attribute}"


def subject_alternatives(vocabulary: Vocabulary = FINAL) -> tuple[list[tuple[set[str], str]], dict[str, tuple[str, str | None]]]:
    """Every subject as a named group, in the order they are tried, with the characters each can
    start with: 类 names first (longest first: `公共安全支出` is a class, not a `…支出`), then
    the vocabulary's subjects in their order; and each group's (subject, code)."""
    groups: dict[str, tuple[str, str | None]] = {}
    alternatives: list[tuple[set[str], str]] = []
    classes = sorted(function_class_by_name().items(), key=lambda kv: -len(kv[0]))
    for n, (name, code) in enumerate(classes):
        groups[f"c{n}"] = ("class", code)
        # `“一般公共服务”306.90 万元`: a class quoted without its `支出` is the class too.
        quoted = f"|[“\"]{re.escape(name[:-2])}[”\"]" if name.endswith("支出") else ""
        firsts = {name[0], "“", "\""} if quoted else {name[0]}
        alternatives.append((firsts, f"(?P<c{n}>{re.escape(name)}(?:[（(]类[)）])?{quoted})"))
    for n, (pattern, key) in enumerate(vocabulary.subjects):
        groups[f"s{n}"] = (key, None)
        alternatives.append((_first_chars(pattern), f"(?P<s{n}>{pattern})"))
    return alternatives, groups


@lru_cache(maxsize=4)
def _subject_patterns(vocabulary: Vocabulary) -> tuple[re.Pattern, dict[str, re.Pattern], dict[str, tuple[str, str | None]]]:
    """The subjects as one alternation per first character, with the pattern that finds those
    characters. At each position the first subject that matches wins, as in one alternation of
    them all; but Python's re tries every alternative of that at every position where any could
    start (~100 of them: 8× slower over a report's narrative)."""
    alternatives, groups = subject_alternatives(vocabulary)
    firsts = set().union(*(chars for chars, _ in alternatives))
    by_first = {c: re.compile("|".join(group for chars, group in alternatives if c in chars)) for c in firsts}
    return re.compile("[" + re.escape("".join(sorted(firsts))) + "]"), by_first, groups


def _first_chars(pattern: str) -> set[str]:
    """Characters a SUBJECTS pattern can start with: literals, leading classes, optional prefixes
    and top-level alternatives (the patterns above use no other syntax at their start)."""
    chars: set[str] = set()
    depth, start = 0, 0
    alternatives = []
    for i, c in enumerate(pattern):
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
    alternatives.append(pattern[start:])
    for alt in alternatives:
        while True:
            m = re.match(r"\[([^\]]*)\](\?)?", alt)
            if m:
                chars.update(m.group(1))
                if m.group(2):
                    alt = alt[m.end():]
                    continue
            else:
                chars.add(alt[1] if alt.startswith("\\") else alt[0])
            break
    return chars


def subject_matches(text: str, vocabulary: Vocabulary = FINAL) -> list[tuple[int, int, str, str | None]]:
    """(start, end, subject, code) of every subject named in `text`, classes included: left to
    right, none overlapping (as re.finditer of one alternation of them all)."""
    starts, by_first, groups = _subject_patterns(vocabulary)
    out = []
    at = 0
    while (start := starts.search(text, at)) is not None:
        at = start.start()
        m = by_first[text[at]].match(text, at)
        if m is None:
            at += 1
            continue
        out.append((at, m.end(), *groups[m.lastgroup]))
        at = m.end()  # every subject prints at least one character
    return out


def _attribute(words: str, unit: str, compiled: _Compiled) -> str:
    table = compiled.attributes.get(unit)
    if table is None:
        return compiled.counts.get(unit, "count")
    for pattern, attribute in table:
        if pattern.search(words):
            return attribute
    return "amount" if unit == "万元" else "share"


def _item_subjects(sentence: str, item_codes: ItemCodes | None, heading: str = "") -> list[tuple[int, int, str, str | None]]:
    """The 项 named in `sentence`: by their path, by their code, or by 款 and 项 under a heading
    naming their 类 (`（一）一般公共服务支出（类）` / `1.统计信息事务（款）行政运行（项）支出 1,429.11 万元`)."""
    out = []
    for m in _ITEM.finditer(sentence):
        # `15.卫生健康支出（类）…`: the paragraph's number is no part of the 类's name.
        code = item_codes(*(g.strip(" .．、") for g in m.groups())) if item_codes else None
        out.append((m.start(), m.end(), "function_item", code))
    class_name = _CLASS_NAME.search(heading)
    for m in _ITEM_IN_CLASS.finditer(sentence) if class_name else ():
        if any(a <= m.start() < b for a, b, _, _ in out):
            continue
        code = item_codes(class_name.group(1), *(g.strip() for g in m.groups())) if item_codes else None
        out.append((m.start(), m.end(), "function_item", code))
    for m in _ITEM_WITH_CODE.finditer(sentence):
        out.append((m.start(), m.end(), "function_item", m.group(2)))
    return sorted(out)


def figures_of(span: Span, item_codes: ItemCodes | None = None, vocabulary: Vocabulary = FINAL) -> list[NarrativeFigure]:
    compiled = _compiled(vocabulary)
    out: list[NarrativeFigure] = []
    text = span.text
    start = 0
    # The subject carries over sentence ends within one heading: `…用于支付…等。较上年决算减少
    # 194.60万元` is still about the 类 named in the sentence before. A paragraph's heading names the
    # subject it opens with (`2．公务用车购置费支出情况说明。` / `…购置公务用车5辆，预算136.48万元`).
    named_in_heading = subject_matches(span.subsection, vocabulary) if span.subsection else []
    current = (0, 0, *named_in_heading[-1][2:]) if named_in_heading else None  # (start, end, subject, code)
    for sentence_end in [m.end() for m in _SENTENCE.finditer(text)] + [len(text)]:
        sentence = text[start:sentence_end]
        base = start
        start = sentence_end
        items = _item_subjects(sentence, item_codes, span.subsection or "")
        found = list(compiled.figure.finditer(sentence))
        # The subjects named here matter only to a figure of this sentence (`current` moves at a
        # figure or at a 项 path), and the subject pattern is the narrative's costliest.
        subjects = subject_matches(sentence, vocabulary) if found else []
        # (A 项 path that the patterns above could not read names no 类 as the subject either.)
        enumerated = None if found or items or re.search(r"[（(][款项][)）]", sentence) else _ENUMERATED_NAME.match(sentence)
        if enumerated and (named_here := subject_matches(enumerated.group(1), vocabulary)):
            # `（一）因公出国（境）费用。2026 年预算数 45.19 万元`: a heading run into its paragraph names
            # the subject of the figures that follow, as a heading line does.
            current = (0, 0, *named_here[-1][2:])
        if items:
            # A 项 path names the subject of the figures that follow, in this sentence or the next
            # (`1、…行政运行（项）。主要用于：…。年初预算为…`); the 类 inside it is not a subject.
            inside = [(a, b) for a, b, _, _ in items]
            subjects = [s for s in subjects if not any(a <= s[0] < b for a, b in inside)]
            subjects = sorted(subjects + items)
            current = items[-1]
        graded = set()  # `20个项目自评等级为“优”`: the count comes before its subject
        counts = [(m, 1, 2) for m in _GRADE_COUNT.finditer(sentence)]
        counts += [(m, 2, 1) for m in _GRADE_COUNT_AFTER.finditer(sentence)]
        for m, number, grade in counts:
            graded.add(m.start(number))
            out.append(NarrativeFigure(
                span.section, span.subsection, "projects_graded", m.group(grade), "count", Decimal(m.group(number)),
                "个", None, m.group(0), span.line_at(base + m.start(number)),
            ))
        for m in _DEPARTMENT_SCORE.finditer(sentence):
            out.append(NarrativeFigure(
                span.section, span.subsection, "department_score", None, "amount", Decimal(m.group(1)),
                "分", None, m.group(0), span.line_at(base + m.start(1)),
            ))
        previous_end = 0
        for m in found:
            if m.start() in graded:
                continue
            named = [s for s in subjects if s[1] <= m.start() and s[0] >= previous_end
                     and not _enclosed(sentence, s[0], m.start())]
            # `占本年支出合计的100.00%`: a subject after 占 is the whole of a share, not a new subject.
            denominator = None
            # `占部门预算项目支出总额的65.9%`: 占 and the whole's name may stand a few words apart.
            before = sentence[max(named[-1][0] - 6, previous_end) : named[-1][0]] if named else ""
            if named and "占" in before and not re.search(r"[\d，,、。；]", before[before.rfind("占"):]):
                denominator = named[-1][2]
                named = named[:-1]
            if named and not named[-1][2].startswith(_OTHER_SCOPE_SUBJECTS) \
                    and _OTHER_SCOPE.search(sentence, max(named[-1][0] - 8, 0), named[-1][0]):
                # `政府性基金预算项目支出`: the subject of another budget than the general one's.
                previous_end = m.end()
                current = None
                continue
            if named:
                current = named[-1]
            clause = _clause_start(sentence, m.start())
            since_figure = max(clause, previous_end)
            previous_end = m.end()
            if current is None:
                continue
            if _REASON.search(sentence, 0, m.start()):
                # `主要原因是新增…工程（转拨）31000 万元`, `…整治工程在农林水支出（类）支出列支 13800 万元`: a
                # reason's figures are parts of what it explains, never its restatement.
                continue
            if not named and _not_of_carried_subject(sentence, m, current, subjects, since_figure):
                # `事业单位经营支出 0 万元，占 0%`: the share is of that unknown subject too.
                current = None
                continue
            if _counts_another_noun(sentence, m):
                # `组织对…1个专项资金项目进行自评，涉及预算金额52110万元`: the sentence is about the noun it
                # counts, so the subject carried into it is not the subject of its other figures either.
                current = None
                continue
            unit = m.group(2).replace("％", "%").replace("(", "（").replace(")", "）")
            # Named here: the words since the name; carried over: the words of this clause, for an amount
            # those since the clause's figure before it (`增加 629.7 万元（去年预算数为 0 万元`: the 0 is last
            # year's budget, no change); a rate names what it is of anywhere in its clause (`完成预算 0万元的 0%`).
            words = sentence[current[1] : m.start()] if named \
                else sentence[since_figure if unit != "%" else clause : m.start()]
            attribute = _attribute(words, unit, compiled)
            if unit == "台" and current[2].startswith("vehicles"):
                attribute = "vehicles"  # 北京: `共有车辆 39 台`
            value = Decimal(m.group(1).replace(",", ""))
            if attribute in ("change", "change_rate") and _NEGATIVE.search(words):
                value = -value
            of = current
            if not named and attribute in ("change", "change_rate"):
                # `当年预算收入 344,447.70万元，其中：A…、B…、C…，较上年减少129,422.00万元`: a change stated
                # after the list of a total's parts is the total's.
                of = _head_of_list(sentence, subjects, m.start()) or current
            snippet_start = min(current[0], m.start()) if named else clause
            if denominator:
                attribute = "share"
                if current[2].startswith(("procurement_sme", "procurement_small_micro")) and denominator in _CATEGORIES:
                    # `授予中小企业合同金额占政府采购货物支出合同的4.07%`: the firms' share within the
                    # goods, of an amount within the goods that is not stated: not the total's share.
                    continue
            subject = _qualified(of[2], sentence, text[text.rfind("。", 0, base + of[0]) + 1 : base + of[0]])
            subject = next((there for pattern, here, there in compiled.section_subjects
                            if here == subject and pattern.search(span.section)), subject)
            out.append(NarrativeFigure(
                span.section, span.subsection, subject, of[3], attribute, value,
                unit.replace("台（套）", "台套"), denominator, sentence[snippet_start : m.end()].strip("，、："),
                span.line_at(base + m.start()),
            ))
    return out


def _not_of_carried_subject(sentence: str, m: re.Match, current: tuple, subjects: list, since_figure: int) -> bool:
    """Whether a figure whose clause names no subject is not of the subject carried into it: its
    clause names a 支出/收入 of its own that is no known subject (`3.上缴上级支出 0万元`), or its
    sentence, from the carried subject (or its start) to the figure's clause end, names another
    budget than the general one's (a 类 or 项 carried by its code and a fund subject excepted)."""
    if _OWN_UNKNOWN_SUBJECT.search(sentence[since_figure : m.start()]):
        return True
    return (current[3] is None and not current[2].startswith(_OTHER_SCOPE_SUBJECTS)
            and _OTHER_SCOPE.search(sentence, current[1] if current in subjects else 0,
                                    _clause_end(sentence, m.end())) is not None)


def _head_of_list(sentence: str, subjects: list, end: int) -> tuple | None:
    """The subject named before `其中` where two or more subjects are listed after it, before `end`."""
    at = sentence.rfind("其中", 0, end)
    if at < 0:
        return None
    parts = [s for s in subjects if s[0] > at and s[1] <= end]
    heads = [s for s in subjects if s[1] <= at]
    return heads[-1] if len(parts) >= 2 and heads else None


def _enclosed(sentence: str, start: int, end: int) -> bool:
    """Whether the subject at `start` stands in brackets closed before `end` (the figure): `占财政性
    资金(人员类和运转类中的公用经费项目支出除外)总额的比例为 100%` is no share of 项目支出."""
    depth = 0
    for c in sentence[:start]:
        depth += c in "（("
        depth -= c in "）)" and depth > 0
    if depth == 0:
        return False
    inner = 0
    for c in sentence[start:end]:
        if c in "（(":
            inner += 1
        elif c in "）)":
            if inner == 0:
                return True
            inner -= 1
    return False


def _counts_another_noun(sentence: str, m: re.Match) -> bool:
    """`1 个单位`: a count printed before a noun other than the projects the narrative counts."""
    noun = _COUNTED_NOUN.match(sentence, m.end()) if m.group(2) == "个" else None
    return noun is not None and not noun.group(1).startswith(_COUNTED_PROJECTS)


def _qualified(subject: str, sentence: str, before: str = "") -> str:
    """`财政拨款收入总计…，支出总计…`: the bare 支出总计 shares the 财政拨款 of its sentence. `财政拨款支出
    总计为 237,100.00 万元，其中基本支出 199,015.13 万元…；项目支出 38,084.87 万元`: the parts of an
    appropriation's total are the appropriation's (`before`: the sentence up to the part, from its
    last 。)."""
    if subject in ("income_total", "expenditure_total") and re.search(r"财政拨款(收入|支出)总计", sentence):
        return "appropriation_" + subject
    if subject in ("basic_expenditure", "project_expenditure") and _PART_OF_APPROPRIATION.search(before):
        return "appropriation_" + subject
    return subject


# `部门整体支出自评得分99.5`: the score of the 部门整体支出绩效自评表, printed with or without its 分
# (a number with no unit, which the figure pattern does not take).
_DEPARTMENT_SCORE = re.compile(r"部门整体(?:支出)?(?:绩效)?自评(?:综合)?得分(?:为|是)?\s*(\d{1,3}(?:\.\d+)?)(?![\d.%％])")

_PART_OF_APPROPRIATION = re.compile(r"财政拨款支出(总计|合计)?[^。]*其中")


def _clause_end(sentence: str, offset: int) -> int:
    ends = [i for i in (sentence.find(c, offset) for c in "，、：:") if i >= 0]
    return min(ends, default=len(sentence))


def _clause_start(sentence: str, offset: int) -> int:
    cut = max(sentence.rfind(c, 0, offset) for c in "，、：:")
    return cut + 1


# The 高等学校 layout's vocabulary, where it differs: its form prints no 总计 line, and its
# explanations call the year's income and expenditure 收入总计 and 支出总计 (西南大学: 430,725.03, its
# 本年收入合计, whose change of −23,616.80 gives the −5.20% it states); a 项 it states in its
# 财政拨款支出 section is of every appropriation fund (its 表4, T11), not the general budget's (T05).
UNIVERSITY_SUBJECTS = {"income_total": "income_subtotal", "expenditure_total": "expenditure_subtotal",
                       "function_item": "appropriation_item"}


def parse_narrative(lines: list[Line], item_codes: ItemCodes | None = None,
                    subjects: dict[str, str] | None = None, vocabulary: Vocabulary = FINAL) -> list[NarrativeFigure]:
    """Every figure of the narrative in `lines`, the report's content lines (lines.content_lines).
    `item_codes` names the code of a 项 path; without it a 项's figures carry no code. `subjects`
    renames subjects where a layout's words mean another line (UNIVERSITY_SUBJECTS)."""
    figures = [f for span in narrative_spans(lines) for f in figures_of(span, item_codes, vocabulary)]
    if subjects:
        figures = [replace(f, subject=subjects.get(f.subject, f.subject)) for f in figures]
    return figures
