"""The project performance self-evaluations (项目支出绩效自评) attached to a report."""

from juesuan.parse.projects.parse import parse_projects

__all__ = ["parse_projects"]
