import pytest

from juesuan.lines import split_lines
from juesuan.projects import parse_projects


@pytest.fixture(scope="session")
def projects(sample):
    return {p.name: p for p in sample.projects}


def parse_text(text):
    return parse_projects(split_lines(text))
