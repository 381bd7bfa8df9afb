import pytest

from juesuan.read.lines import content_lines
from juesuan.parse.projects import parse_projects


@pytest.fixture(scope="session")
def projects(sample):
    return {p.name: p for p in sample.projects}


def parse_text(text):
    return parse_projects(content_lines(text))
