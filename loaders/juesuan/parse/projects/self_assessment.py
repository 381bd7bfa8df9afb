"""Section 三 of a self-evaluation, which restates the scores and the grade in a sentence:

    综合考虑预算执行情况得分 3.13 分、… 指标完成情况得分 85 分，… 总得分 88.13 分，属于"良"。
"""

from __future__ import annotations

import re

_SECTION = re.compile(r"^\s*三、\s*项目自评结果")
_EXECUTION = re.compile(r"预算执行情况得分\s*([\d.]+)\s*分")
_INDICATOR = re.compile(r"指标完成情况得分\s*([\d.]+)\s*分")
_TOTAL = re.compile(r"总得分\s*([\d.]+)\s*分")
_GRADE = re.compile(r"属于\s*[\"“”「]?\s*(优|良|中|差)")


def read_scores(lines) -> dict[str, str | None]:
    text, inside = "", False
    for ln in lines:
        if _SECTION.match(ln.text):
            inside = True
        elif inside and re.match(r"^\s*2[.．、]", ln.text):
            break  # 2.全年目标实际完成情况: the scores are all in item 1
        if inside:
            text += ln.text.strip()
    def first(p):
        m = p.search(text)
        return m.group(1) if m else None
    return {
        "execution": first(_EXECUTION),
        "indicator": first(_INDICATOR),
        "total": first(_TOTAL),
        "grade": first(_GRADE),
    }
