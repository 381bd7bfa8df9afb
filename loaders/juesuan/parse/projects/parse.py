"""All self-evaluations of a report, from text lines to Project records."""

from __future__ import annotations

from juesuan.read.lines import Line
from juesuan.parse.model import Issue, Project
from juesuan.parse.projects.budget_execution import parse_budget
from juesuan.parse.projects.indicators import parse_indicators
from juesuan.parse.projects.layout import find_projects, read_header, read_sections
from juesuan.parse.projects.self_assessment import read_scores
from juesuan.parse.projects.standard_form import find_forms, parse_standard_forms


def parse_projects(lines: list[Line], forms=None) -> list[Project]:
    """All self-evaluations in `lines`, the report's content lines (lines.content_lines): the
    自评报告 narrative form, then the standard 自评表 forms (`forms`: find_forms of the same lines,
    where the caller has them already)."""
    return _parse_reports(lines) + parse_standard_forms(find_forms(lines) if forms is None else forms)


def _parse_reports(lines: list[Line]) -> list[Project]:
    projects = []
    for seq, region in enumerate(find_projects(lines), start=1):
        issues: list[Issue] = []
        header = read_header(region)
        budget = parse_budget(region.parts["budget"], issues)
        indicators = parse_indicators(region.parts["indicators"], issues)
        scores = read_scores(region.parts["results"])
        if not header.name:
            issues.append(Issue("warning", "project", region.title_line, "self-evaluation without 项目名称"))
        if not budget:
            issues.append(Issue("error", "project_budget", region.title_line, f"project {header.name!r}: no 预算执行情况 rows found"))
        if not indicators:
            issues.append(Issue("error", "project_indicator", region.title_line, f"project {header.name!r}: no 绩效指标 rows found"))
        projects.append(Project(
            seq=seq,
            name=header.name,
            unit_code=header.unit_code,
            unit_name=header.unit_name,
            supervisor_code=header.supervisor_code,
            supervisor_name=header.supervisor_name,
            sections=read_sections(region),
            budget=budget,
            indicators=indicators,
            stated_execution_score=scores["execution"],
            stated_indicator_score=scores["indicator"],
            stated_total_score=scores["total"],
            stated_grade=scores["grade"],
            title_line=region.title_line,
            issues=issues,
        ))
    return projects
