"""The narrative as one string with a map back to source lines.

Lines wrap anywhere, even inside a number or a word (`减` / `少519.14万元`), so the section is
joined into one string and every character remembers the line it was printed on. Headings
(`五、…`, `（三）…`) are kept apart, to name the section of each figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.read.lines import Line, is_page_furniture

# `情况说明`, `第三部分 情况说明`, or a numbered part of the explanations (`三、决算报表说明`, 高等学校).
_START = re.compile(r"^\s*(第[一二三四五六七八九十]+部分\s*)?情况说明\s*$|^\s*[一二三四五六七八九十]+、\s*决算报表说明\s*$")
_END = re.compile(r"^\s*(第[一二三四五六七八九十]+部分|(?:[一二三四五六七八九十]+、\s*)?名词解释|项目支出绩效自评)")
_SECTION = re.compile(r"^\s*([一二三四五六七八九十]+)、\s*(.*)$")
_SUBSECTION = re.compile(r"^\s*(?:[（(]([一二三四五六七八九十]+)[)）]|(\d{1,2})[．.、])\s*(.*)$")


# The running title a page repeats, run into the sentence it interrupts (`…占“三公”经费的 0%；公务用车购置`
# / `苏州市数据局2026年度部门预算公开` / `及运行维护费…`). lines.content_lines keeps a budget's (its report
# title where no table names the unit); inside the narrative it is furniture.
_RUNNING_TITLE = re.compile(r"^\s*\S{2,40}\d{4}\s*年(度)?\s*(部门|单位)(决算|预算)(公开)?(报告)?\s*$")

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[)）])")


@dataclass(frozen=True)
class Span:
    """A run of narrative text under one heading."""

    section: str  # `五、一般公共预算财政拨款支出决算情况说明`
    subsection: str | None  # `（三）一般公共预算财政拨款支出决算具体情况`
    text: str
    lines: list[int]  # source line of each character of `text`

    def line_at(self, offset: int) -> int:
        return self.lines[min(max(offset, 0), len(self.lines) - 1)]


# A part heading at the start of a line, or glued to the end of the sentence before it (page
# text whose paragraphs run together: `…故本表无数据。第三部分 <部门> 2025 年度`).
_PART = re.compile(r"(?:^|(?<=[。；;]))\s*(第[一二三四五六七八九十]+部分.*)$")
# A heading's wrapped remainder: a short line of words (`部门决算情况说明`, `说明`, `2024`).
_HEADING_TAIL = 12


def _starts_narrative(lines: list[Line], i: int) -> tuple[bool, int]:
    """Whether line i opens the 情况说明 part, and how many of the next lines its heading takes:
    `第三部分 情况说明`, or `第三部分 <部门> 年度部门决算情况` / `2024` / `说明`, or
    `第三部分 <部门> 2025 年度` / `部门决算情况说明` (上海)."""
    raw = lines[i].text.strip(" \xa0\u3000\t")
    if "说明" in raw and _START.match(raw):
        return True, 0
    # A substring test first: this runs on every line before the narrative (the tables).
    m = _PART.search(raw) if "部分" in raw else None
    if not m:
        return False, 0
    joined, used = re.sub(r"\s", "", m.group(1)), 0
    for nxt in lines[i + 1 : i + 3]:
        if re.sub(r"\d{4}", "", joined).endswith("情况说明"):
            break
        t = re.sub(r"\s", "", nxt.text)
        if len(t) > _HEADING_TAIL or re.search(r"[，。；、：:,]", t):
            break
        joined, used = joined + t, used + 1
    if re.sub(r"\d{4}", "", joined).endswith("情况说明"):
        return True, used
    return False, 0


# A 自评表 form's title glued after the narrative's last sentence (陕西: `…拨付到位。西安市卫生健康委员会
# 部门整体支出绩效自评表`): the forms follow, not the narrative.
_FORM_TITLE = re.compile(r"(?:^|(?<=[。；;]))\s*([^\s。；;，]{0,40}绩效自评表)\s*$")


# The part after the 情况说明 that explains the 三公, 机关运行经费, 政府采购 and assets (西安's budgets:
# `第三部分：其他重要事项说明`) goes on explaining the same figures: it is the narrative's, not its end.
_GOES_ON = re.compile(r"其他重要事项")


def _ends_narrative(raw: str) -> int | None:
    """Where the part after the narrative begins in the line (0: the line is its heading), if it
    does: `第四部分 名词解释`, `项目支出绩效自评…`, also glued after the last sentence, and a form's
    `…绩效自评表` title glued there."""
    m = _PART.search(raw) if "部分" in raw else None
    if m and _GOES_ON.search(m.group(1)):
        return None
    if _END.match(raw):
        return 0
    if m is None and "自评表" in raw:
        m = _FORM_TITLE.search(raw)
    return m.start(1) if m else None


def narrative_spans(lines: list[Line]) -> list[Span]:
    spans: list[Span] = []
    inside = False
    section, subsection = "", None
    text, where = [], []

    def flush():
        if text:
            spans.append(Span(section, subsection, "".join(text), list(where)))
        text.clear()
        where.clear()

    skip = 0
    # The 目录's first section under the narrative's part (`一、部门情况说明`): where the document prints
    # its part heading only in the 目录 (北京's budgets), the narrative starts where that section does.
    listed_first = None
    for i, ln in enumerate(lines):
        raw = ln.text.strip(" \xa0\u3000\t")
        if skip:
            skip -= 1
            continue
        if not inside:
            inside, skip = _starts_narrative(lines, i)
            if not inside and listed_first and re.sub(r"\s", "", raw) == listed_first:
                inside, listed_first = True, None
            else:
                continue
        if listed_first is None and not spans and not text and _SECTION.match(raw) and not section:
            listed_first = re.sub(r"\s", "", raw)
        end = _ends_narrative(raw)
        if end is not None:
            if end and (spans or text):  # the last sentence, then the next part's heading
                text.append(raw[:end])
                where.extend([ln.number] * end)
            if any("。" in t for t in text) or any("。" in sp.text for sp in spans):
                break
            # The 目录 lists the part and its sections, some wrapped (`九、…支出决` / `算情况说明`),
            # but no sentence: the narrative is further on.
            spans.clear()
            text.clear()
            where.clear()
            inside = False
            continue
        if not raw or is_page_furniture(ln.text) or _RUNNING_TITLE.match(raw):
            continue
        m, s = _SECTION.match(raw), _SUBSECTION.match(raw)
        if m and len(raw) <= 40 and not re.search(r"\d", m.group(2)[:4]):
            flush()
            section, subsection = raw, None
            continue
        if s and len(raw) <= 40 and not re.search(r"[，；,;。]", raw.rstrip("。")) \
                and (s.group(1) or raw.rstrip("。").endswith("说明")):
            # A heading (`（二）培训费支出情况说明。`, `2．公务用车购置费支出情况说明。`); `（一）2022年度政府采购
            # 支出总额共272,067.69万元，其` is a paragraph's first line.
            flush()
            subsection = raw
            continue
        if _NUMBERED.match(raw):
            # A numbered paragraph (`1、履职完成情况。`, `（1）坚守初心，…`) opens a topic of its own: the
            # subject of the paragraph before does not carry into its counts of clinics and cases.
            flush()
        text.append(raw)
        where.extend([ln.number] * len(raw))
    flush()
    return spans
