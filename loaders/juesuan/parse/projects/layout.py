"""Where each self-evaluation starts and ends, its header, and its sections.

Each one opens with the title `项目支出绩效自评分析报告`; some carry a table of contents
(`目 录` and lines of dots), which is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.read.lines import Line

TITLE = re.compile(r"^\s*项目支出绩效自评(分析)?报告\s*$")
_TOC_HEADING = re.compile(r"^\s*目\s*录\s*$")
_TOC_ENTRY = re.compile(r"\.{6,}\s*\d*\s*$")
_HEADER = re.compile(r"^\s*(项目名称|项目单位|主管部门)\s*[:：]\s*(.*?)\s*$")
# `054-高平市公安局` (自评报告), `510000230000000012345-食品安全监管` (standard 自评表).
_CODED_NAME = re.compile(r"^\s*([0-9A-Za-z]+)\s*[-－—_]\s*(.+?)\s*$")


# (part, heading, words every such heading prints: a line without them is tested no further).
_PART_HEADINGS = [
    ("budget", re.compile(r"^\s*[（(]一[)）]\s*预算执行情况"), "预算执行情况"),
    ("indicators", re.compile(r"^\s*[（(]二[)）]\s*(绩效)?指标完成情况"), "指标完成情况"),
    ("results", re.compile(r"^\s*三、"), "三、"),
]


@dataclass(frozen=True)
class ProjectRegion:
    title_line: int
    lines: list[Line]  # content lines: no empty lines, page furniture or table of contents
    # The lines of each part, each with its heading: `description` (一、), `budget` (（一）预算执行情况),
    # `indicators` (（二）绩效指标完成情况), `results` (三、 onwards). Split once, so each parser
    # reads only its part.
    parts: dict[str, list[Line]]


def split_parts(lines: list[Line]) -> dict[str, list[Line]]:
    parts: dict[str, list[Line]] = {"description": [], "budget": [], "indicators": [], "results": []}
    current, following = "description", 0
    for ln in lines:
        if following < len(_PART_HEADINGS):
            part, heading, words = _PART_HEADINGS[following]
            if words in ln.text and heading.match(ln.text):
                current = part
                following += 1
        parts[current].append(ln)
    return parts


def find_projects(lines: list[Line]) -> list[ProjectRegion]:
    """Regions of the self-evaluations among content lines (lines.content_lines: no page furniture)."""
    starts = [i for i, ln in enumerate(lines) if "绩效自评" in ln.text and TITLE.match(ln.text)]
    regions = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = [
            ln for ln in lines[start + 1 : end]
            if not ("录" in ln.text and _TOC_HEADING.match(ln.text))
            and not ("......" in ln.text and _TOC_ENTRY.search(ln.text))
        ]
        regions.append(ProjectRegion(lines[start].number, body, split_parts(body)))
    return regions


@dataclass(frozen=True)
class Header:
    name: str
    unit_code: str | None
    unit_name: str | None
    supervisor_code: str | None
    supervisor_name: str | None


def split_coded(value: str) -> tuple[str | None, str | None]:
    """`054001-高平市公安局` → ('054001', '高平市公安局')."""
    m = _CODED_NAME.match(value)
    return (m.group(1), m.group(2)) if m else (None, value or None)


def read_header(region: ProjectRegion) -> Header:
    fields: dict[str, str] = {}
    current = None
    for ln in region.lines[:12]:
        m = _HEADER.match(ln.text)
        if m:
            current = m.group(1)
            fields[current] = m.group(2)
        elif current == "项目名称" and "项目单位" not in fields:
            fields[current] += ln.text.strip()  # a name wrapped onto the next line
        elif current:
            current = None
    unit_code, unit_name = split_coded(fields.get("项目单位", ""))
    sup_code, sup_name = split_coded(fields.get("主管部门", ""))
    return Header(fields.get("项目名称", "").replace(" ", ""), unit_code, unit_name, sup_code, sup_name)


# Descriptive sections: (key, heading pattern). A section runs to the next heading of any kind.
# Keys: 项目概况 overview, 立项依据 basis, 项目设立的必要性 necessity, 保证项目实施的措施与制度
# safeguards, 项目实施期绩效目标 goal_period, 项目年度目标 goal_annual, 项目实施计划 implementation_plan.
SECTIONS = [
    ("overview", re.compile(r"^\s*项目概况\s*[:：]\s*")),
    ("basis", re.compile(r"^\s*立项依据\s*[:：]\s*")),
    ("necessity", re.compile(r"^\s*项目设立的必要性\s*[:：]\s*")),
    ("safeguards", re.compile(r"^\s*保证项目实施的措施与制度\s*[:：]\s*")),
    ("goal_period", re.compile(r"^\s*[（(]1[)）]\s*项目实施期绩效目标\s*")),
    ("goal_annual", re.compile(r"^\s*[（(]2[)）]\s*项目年度目标\s*")),
    ("implementation_plan", re.compile(r"^\s*[（(]三[)）]\s*项目实施计划\s*")),
]
SECTION_KEYS = [key for key, _ in SECTIONS]
_ANY_SECTION = re.compile("|".join(f"(?P<{key}>{p.pattern})" for key, p in SECTIONS))
_DESCRIPTION_END = re.compile(r"^\s*二、")
_ANY_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|\d+[.．、])")


def read_sections(region: ProjectRegion) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    current = None
    for ln in region.parts["description"]:
        text = ln.text.strip(" \xa0\u3000")
        if _DESCRIPTION_END.match(text):
            break  # 二、项目绩效完成情况: the description is over
        m = _ANY_SECTION.match(text)
        if m:
            current = m.lastgroup
            out[current] = [text[m.end():]]
        elif _ANY_HEADING.match(text) or text.startswith("资金来源"):
            current = None
        elif current:
            out[current].append(text)
    return {k: "".join(v).strip() for k, v in out.items()}
