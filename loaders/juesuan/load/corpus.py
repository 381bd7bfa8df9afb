"""A synthetic corpus for benchmarks: N reports of other departments and years, in the sample's
text layout, whose numbers are new but keep every identity, with a chosen few carrying a planted
discrepancy. Deterministic for a seed.

How: the sample is first made internally consistent (`CONSISTENT_EDITS`: the report's own
rounding gaps and narrative slips, each fixed at one printed figure); then every amount is
multiplied by a whole factor. Sums stay exact, and shares, rates and scores do not change.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path

NBSP = "\xa0"

# (line, printed text, replacement, why). Each must match its line exactly once.
CONSISTENT_EDITS = [
    (350, "5517.07 651.61 4865.46", "5517.07 651.60 4865.47", "T03 2040202: 20402 basic/project = Σ items"),
    (654, "5517.07 651.61 4865.46", "5517.07 651.60 4865.47", "T05 2040202: the same"),
    (773, "津贴补贴 1946.45", "津贴补贴 1946.44", "T06 301 = Σ its items"),
    (969, "222.07 31008", "222.04 31008", "T06 302 = Σ its items"),
    (882, "10.28 30215", "10.29 30215", "T06 303: personnel + public = T05 basic"),
    (944, "奖励金 6.28", "奖励金 6.29", "T06 303 = Σ its items"),
    (987, "人员经费合计 5567.98", "人员经费合计 5567.99", "T06 personnel total = 301 + 303"),
    (1126, "服务 4 1561.38", "服务 4 1561.39", "T10 procurement total = Σ categories"),
    (1256, "基本支出6,667.31万元", "基本支出6,667.32万元", "narrative 六 restates T05"),
    (1258, "人员经费5,567.98万元", "人员经费5,567.99万元", "narrative 六 restates T06"),
    (1258, "补助10.28", "补助10.29", "narrative 六 restates T06 303"),
    (1335, "服务支出1,561.38万元", "服务支出1,561.39万元", "narrative restates T10"),
    (1355, "二级项目31个，资金4898.19万元，其中一般公共预算项目支出4898.19万元",
     "二级项目30个，资金4938.96万元，其中一般公共预算项目支出4938.96万元", "30 self-evaluations attached"),
    (1357, "6个项目自评等级为“良”", "5个项目自评等级为“良”", "grades of the attached ones"),
    (3128, "预算执行情况得分分", "预算执行情况得分 10 分", "project 7 states its execution score"),
    (3132, "总得分 80", "总得分 90", "project 7 total = 10 + 80"),
    (3134, "属于\"良\"", "属于\"优\"", "project 7 grade for 90"),
    (7073, "预算执行情况得分分", "预算执行情况得分 9.87 分", "project 23 states its execution score"),
    (7077, "总得分 90 分", "总得分 99.87 分", "project 23 total = 9.87 + 90"),
]

# Discrepancies a generated report may carry, each with the findings it must produce.
PLANTS = [
    (944, "奖励金 6.29", "奖励金 7.29", [("t06_rollup", "T06 303 amount")]),
    (232, "2040201 行政运行 4335.69 4335.69", "2040201 行政运行 4335.69 4336.69",
     [("t02_row_sum", "T02 2040201 total"), ("t02_rollup", "T02 20402 fiscal_appropriation")]),
]

CITIES = ["高平市", "晋城市", "泽州县", "阳城县", "陵川县", "沁水县", "长治市", "壶关县", "平顺县", "黎城县"]
BUREAUS = ["公安局", "教育局", "财政局", "民政局", "卫生健康委员会", "交通运输局", "水利局", "农业农村局",
           "自然资源局", "住房和城乡建设局", "文化和旅游局", "审计局", "统计局", "司法局", "应急管理局"]

_TABLE_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d])")
_NARRATIVE_MONEY = re.compile(r"(?<![\d.,])(?<!单价)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(\s*万(?:\s*\n)*\s*元)")
_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")


def apply_edits(text: str, edits) -> str:
    lines = text.split("\n")
    for line_no, old, new, *_ in edits:
        line = lines[line_no - 1]
        if line.count(old) != 1:
            raise ValueError(f"corpus template: line {line_no} should hold {old!r} once, holds {line!r}")
        lines[line_no - 1] = line.replace(old, new)
    return "\n".join(lines)


def consistent_template(sample_text: str) -> str:
    return apply_edits(sample_text, CONSISTENT_EDITS)


def _scaled(integer: str, decimals: str | None, factor: int) -> str:
    value = Decimal(integer.replace(",", "") + ("." + decimals if decimals else "")) * factor
    places = len(decimals) if decimals else 0
    text = f"{value:,.{places}f}" if "," in integer else f"{value:.{places}f}"
    return text


def _scale_tables(text: str, factor: int) -> str:
    return _TABLE_AMOUNT.sub(lambda m: _scaled(m.group(1), m.group(2), factor), text)


def _scale_narrative(text: str, factor: int) -> str:
    return _NARRATIVE_MONEY.sub(lambda m: _scaled(m.group(1), m.group(2), factor) + m.group(3), text)


def _scale_project_budgets(text: str, factor: int) -> str:
    """The five amounts of each 预算执行情况 row (not its rate or score)."""
    from juesuan.parse.projects.budget_execution import AMOUNT_COLUMNS, figures_start

    out = []
    for line in text.split("\n"):
        tokens = line.split(" ")
        start = figures_start(tokens)  # the parser's own rule for where a row's amounts are
        if start is not None:
            for j in range(start, start + AMOUNT_COLUMNS):
                m = _NUMBER.match(tokens[j])
                if m is None:
                    raise ValueError(f"corpus template: cannot scale budget amount {tokens[j]!r} in {line!r}")
                tokens[j] = _scaled(m.group(1), m.group(2), factor)
            line = " ".join(tokens)
        out.append(line)
    return "\n".join(out)


def _projects_budget_yuan(template: str) -> Decimal:
    """Σ 年初预算 of the template's self-evaluations: the narrative states it, rounded to 0.01 万元."""
    from juesuan.read.lines import content_lines
    from juesuan.parse.projects import parse_projects

    return sum((p.budget[0].budget_compiled for p in parse_projects(content_lines(template))), Decimal(0))


def _restate_projects_amount(text: str, amount_yuan: Decimal) -> str:
    """The narrative's `资金X万元，其中一般公共预算项目支出X万元` as the rounded sum of scaled budgets
    (scaling the rounded figure instead would drift past the rounding)."""
    wan = f"{(amount_yuan / 10000).quantize(Decimal('0.01'))}"
    return re.sub(r"(二级项目\d+个，资金)[\d.,]+(万元，其中一般公共预算项目支出)[\d.,]+(万元)",
                  lambda m: f"{m.group(1)}{wan}{m.group(2)}{wan}{m.group(3)}", text)


def render(template: str, department: str, year: int, factor: int, projects_yuan: Decimal | None = None) -> str:
    text = re.sub(r"(?<!\d)2023(?=\s*年)", "\x00PRIOR\x00", template)
    text = re.sub(r"(?<!\d)2024(?=\s*年)", str(year), text)
    text = text.replace("\x00PRIOR\x00", str(year - 1)).replace("高平市公安局", department)
    tables_end = text.index("第三部分 情况说明")
    narrative_end = text.index("第四部分 名词解释")
    narrative = _scale_narrative(text[tables_end:narrative_end], factor)
    if projects_yuan is not None:
        narrative = _restate_projects_amount(narrative, projects_yuan * factor)
    return _scale_tables(text[:tables_end], factor) + narrative + _scale_project_budgets(text[narrative_end:], factor)


@dataclass
class GeneratedReport:
    file: str
    department: str
    fiscal_year: int
    factor: int
    planted: list[dict]  # [{"check_id": …, "object": …}]


def generate(sample_text: str, n: int, seed: int, out_dir: Path, plant_every: int = 50) -> list[GeneratedReport]:
    """Write n reports to out_dir (one file each) and MANIFEST.json; every plant_every-th carries a plant."""
    rng = random.Random(seed)
    template = consistent_template(sample_text)
    projects_yuan = _projects_budget_yuan(template)
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(n):
        # One department per report: two years of one department scaled by different factors
        # would rightly break the prior-year check (nr_prior_year).
        department = rng.choice(CITIES) + rng.choice(BUREAUS) + f"第{i + 1}分局"
        year, factor = rng.randint(2019, 2024), rng.randint(2, 9)
        base, planted = template, []
        if plant_every and i % plant_every == plant_every - 1:
            line, old, new, findings = PLANTS[(i // plant_every) % len(PLANTS)]
            base = apply_edits(template, [(line, old, new)])
            planted = [{"check_id": check, "object": obj} for check, obj in findings]
        name = f"{i:05d}.txt"
        (out_dir / name).write_text(render(base, department, year, factor, projects_yuan), encoding="utf-8")
        made.append(GeneratedReport(name, department, year, factor, planted))
    (out_dir / "MANIFEST.json").write_text(
        json.dumps({"seed": seed, "reports": [asdict(r) for r in made]}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return made
