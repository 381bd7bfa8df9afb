"""The narrative's subjects are searched one alternation per first character (figures.subject_matches),
which must find what one alternation of every subject in order finds: the same subject at each
place, none overlapping. That holds only while each subject's first characters are known
(figures._first_chars), so a subject pattern whose start it misreads fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from juesuan.read.lines import content_lines
from juesuan.parse.narrative.figures import SUBJECTS, subject_alternatives, subject_matches
from juesuan.parse.narrative.text import narrative_spans
from juesuan.reference import function_class_by_name
from juesuan.parse.source import read_source

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
REPORTS = sorted([*SAMPLES.glob("reports/*.txt"), *SAMPLES.glob("text/*.txt"), *SAMPLES.glob("pdf/*.pdf")])


def one_alternation(text: str) -> list[tuple]:
    alternatives, groups = subject_alternatives()
    pattern = re.compile("|".join(group for _, group in alternatives))
    return [(m.start(), m.end(), *groups[m.lastgroup]) for m in pattern.finditer(text)]


def narrative(path: Path) -> str:
    """A bundled report's narrative as one text, the file read as `juesuan` reads it."""
    return "\n".join(span.text for span in narrative_spans(content_lines(read_source(path).text)))


def made_up() -> str:
    """Every class as printed, with （类） and quoted without its 支出, and the subjects whose
    start is optional or one of several alternatives, in the forms the patterns allow."""
    classes = [f"{n}、{name}（类）。“{name[:-2]}”。{name}" for n, name in enumerate(function_class_by_name())]
    others = ["“三公”经费", "\"三公\"经费", "三公经费", "因公出国（境）费", "出国(境)团组", "外宾接待支出",
              "接待外宾", "国（境）外接待费", "副部（省）级及以上领导干部用车", "主要负责人用车"]
    literal = [p for p, _ in SUBJECTS if re.escape(p) == p]
    return "，".join(classes + others + literal)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_a_reports_subjects_are_those_of_one_alternation(path):
    text = narrative(path)
    found = subject_matches(text)
    assert found
    assert found == one_alternation(text)


def test_every_subjects_printed_forms_are_found_as_by_one_alternation():
    text = made_up()
    found = subject_matches(text)
    assert found == one_alternation(text)
    subjects = {s for _, _, s, _ in found}
    assert {"class", "three_public", "overseas", "reception_foreign_affairs", "reception_overseas",
            "vehicles_senior_leader", "vehicles_principal"} <= subjects
    # Each class found in its three printed forms (two for 预备费, which has no 支出 to leave out).
    forms = sum(3 if name.endswith("支出") else 2 for name in function_class_by_name())
    assert sum(1 for _, _, s, _ in found if s == "class") == forms
