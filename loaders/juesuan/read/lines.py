"""Physical lines of a report, numbered as in the file, with page furniture removed."""

from __future__ import annotations

import re
from typing import NamedTuple

# Page furniture that the PDF-to-text step leaves inside tables: a bookmark marker line
# (`@#@#@一、收入支出决算总表@#@#@`), a page number footer (`-31-`), the running title
# (`高平市公安局2024年部门决算公开报告`) and part headings (`第二部分 2024年部门决算表`).
_MARKER = re.compile(r"^\s*@#@#@.*@#@#@\s*$")
_PAGE_NUMBER = re.compile(r"^\s*[-－—]\s*\d{1,4}\s*[-－—]\s*$")
_RUNNING_TITLE = re.compile(r"^\s*\S{2,40}\d{4}\s*年(度)?\s*部门决算(公开)?(报告)?\s*$")
_PART_HEADING = re.compile(r"^\s*第[一二三四五六七八九十]+部分")


class Line(NamedTuple):
    # A tuple, not a dataclass: a report has ~9,000 lines and every one is made on each parse.
    number: int  # 1-based line number in the source file
    text: str


def is_page_furniture(text: str) -> bool:
    # Cheap tests first: this runs on every line of every report.
    s = text.strip()
    if not s:
        return False
    if "@#@" in s:
        return bool(_MARKER.match(text))
    if s[0] in "-－—":
        return bool(_PAGE_NUMBER.match(text))
    if s[-1] in "告算开":
        return bool(_RUNNING_TITLE.match(text))
    return False


def is_part_heading(text: str) -> bool:
    return bool(_PART_HEADING.match(text))


def content_lines(text: str) -> list[Line]:
    """The lines of `text` that carry content, numbered as in the file: no empty lines, no page
    furniture. (A Line is made only for these: half of a report's ~9,000 lines are empty.)

    Part headings stay: `第三部分 情况说明` ends the tables part. Inside a table they are page
    furniture too, and the table grammar skips them.
    """
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip(" \xa0\u3000\t"):
            continue
        # is_page_furniture's cheap tests, inline: a call per line was a tenth of a parse.
        s = line.strip()
        if s and ("@#@" in s or s[0] in "-－—" or s[-1] in "告算开") and is_page_furniture(line):
            continue
        out.append(_new_line(Line, (number, line)))
    return out


# A Line made by tuple's own constructor: a NamedTuple's __new__ is a Python function (~0.5 µs,
# a third of this function's time over a report's ~4,500 content lines).
_new_line = tuple.__new__

