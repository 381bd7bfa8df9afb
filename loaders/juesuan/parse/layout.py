"""Where the standard tables sit in a report, and what its header says.

A table is found by its number line (`公开03表`, sometimes broken as `公开02` / `表`) and its
title; it runs until the next table or the end of the tables part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from juesuan.read.formats.document import GRID_SEPARATOR
from juesuan.read.lines import Line, is_page_furniture

UNREAD = "unread:"

# The titles a kind of document prints are declared by each table's module (`TITLE`,
# `TITLE_ALIASES`) and given to the functions here as a `Titles` (tables.TITLES).
@dataclass(frozen=True)
class Titles:
    """The tables one kind of document prints, by title: {table key: (title, aliases…)}.
    `numbered`: a `公开NN表` line whose title cannot be read names table TNN, the final accounts'
    national numbering (a budget's numbering is each region's own, so its titles must be read).
    `three_public`: the key a `…“三公”…支出…表` title names whatever else it lists."""

    by_key: dict[str, tuple[str, ...]]
    numbered: bool = False
    three_public: tuple[str, str] | None = None  # (key, the title's ending)
    # Tables of the document not read (yet): found, so that the table before ends where they begin,
    # each under its own key `unread:<title>`.
    unread: tuple[str, ...] = ()
    # A title may begin with the department's name (`西南大学收支预算总表`), which is no declared
    # title's: the longest title a short name-like line ends with is its table.
    named: bool = False

    @cached_property
    def longest_first(self) -> list[tuple[str, str]]:
        # Longest title first: 收入支出决算总表 is a suffix of 财政拨款收入支出决算总表.
        pairs = [(k, t) for k, ts in self.by_key.items() for t in ts] + [(UNREAD + t, t) for t in self.unread]
        return sorted(pairs, key=lambda kv: -len(kv[1]))

    @cached_property
    def exact(self) -> dict[str, str]:
        # Each title without its quotes, as `_exact_title_key` compares a line with it: made once,
        # where it was made again for every title and every line (half of parsing a PDF's text).
        return {re.sub(r"[“”\"]", "", title): key for key, title in reversed(self.longest_first)}

    def title(self, key: str) -> str:
        return self.by_key[key][0]


_NUMBER_LINE = re.compile(r"公开\s*(\d{1,2})\s*(表)?\s*$")
_NUMBER_TAIL = re.compile(r"^\s*表\s*$")
_TABLE_NUMBER_ALONE = re.compile(r"^\s*(?:附?表\s*\d{1,2}|预算\s*\d{1,2}\s*表)\s*$")
# The part after the tables: `第三部分 …`, `情况说明`, or a numbered part heading of the explanations
# (`三、决算报表说明`, 高等学校).
_TABLES_END = re.compile(r"^\s*第[三四五六七八九十]+部分|^\s*情况说明\s*$|^\s*[一二三四五六七八九十]+、[^\d，。,；;]{0,20}说明\s*$")
# `部门名称：`, `单位名称：`, `编制单位：`, `编制部门：` (陕西), `填报单位：`, and a bare `部门：` / `部门:` (web pages) at the
# start of a line or cell; not `本部门：` in a sentence, and not the unit line `单位：万元`.
_DEPARTMENT = re.compile(
    r"(?:(?:部门|单位)名称|编制(?:单位|部门)|填报单位|(?:^|(?<=\s))部门)\s*[:：]\s*(?!(?:金额)?单位\s*[:：])(.+?)\s*(?:(\d{4})\s*年度?.*|(?:金额)?单位\s*[:：].*)?$"
)
_YEAR = re.compile(r"^\s*(\d{4})\s*年度\s*$")
# A form's year printed alone under its title, in brackets (北京's 预算13表: `（2026年度）`).
_YEAR_UNDER_TITLE = re.compile(r"^\s*[（(]\s*(\d{4})\s*年度?\s*[)）]\s*$")
# A grid's header row of two cells, the label and its value (北京's 预算13表: `部门名称 | 北京市统计局`):
# a form that prints the department in a cell of its own, not after a colon.
_DEPARTMENT_CELLS = ("部门名称", "单位名称")
_UNIT = re.compile(r"单位\s*[:：]\s*(万?元)")
_AMOUNT_LIKE = re.compile(r"^[\d,.\-]+$")
_NO_DATA = re.compile(r"本表无数据")


@dataclass(frozen=True)
class TableRegion:
    table_key: str
    title: str
    title_line: int
    lines: list[Line]  # from the title to the last line before the next table
    # The same table printed again as a table of its own, after other tables (a file holding two
    # copies of a report, or two departments' reports): not read as this table, and reported.
    repeats: tuple["TableRegion", ...] = ()

    @property
    def repeated_at(self) -> tuple[int, ...]:
        return tuple(r.title_line for r in self.repeats)

    @property
    def no_data(self) -> bool:
        return any(_NO_DATA.search(ln.text) for ln in self.lines)

    @property
    def is_grid(self) -> bool:
        """Read from a ruled grid (PDF input): rows are TAB-separated cells."""
        return any(GRID_SEPARATOR in ln.text for ln in self.lines)


def _normalise_title(text: str) -> str:
    return re.sub(r"[\s\xa0\u3000]", "", text).replace('"', "“")


_TITLE_SPACES_AND_QUOTES = re.compile(r"[\s\xa0\u3000“”\"]")


def _title_key(text: str, titles: Titles) -> str | None:
    t = _normalise_title(text)
    # A 三公 title is 公开09表 whatever else it lists (`…“三公”经费及会议费、培训费支出决算表`), though
    # it ends as 支出决算表 (公开03表) does.
    if titles.three_public and "三公" in t and t.endswith(titles.three_public[1]):
        return titles.three_public[0]
    for key, title in titles.longest_first:
        if t.endswith(_normalise_title(title)) or t == _normalise_title(title).replace("“", "").replace("”", ""):
            return key
    return None


def _find_number_lines(lines: list[Line]) -> list[tuple[int, int]]:
    """(index into lines, printed table number) for each `公开NN表` line."""
    found = []
    for i, ln in enumerate(lines):
        m = _NUMBER_LINE.search(ln.text) if "公开" in ln.text else None  # a search per line cost ~1 ms a report
        if not m:
            continue
        if not m.group(2):
            # `公开02` with `表` on one of the next lines.
            nxt = [x for x in lines[i + 1 : i + 4] if x.text.strip(" \xa0")]
            if not nxt or not _NUMBER_TAIL.match(nxt[0].text):
                continue
        found.append((i, int(m.group(1))))
    return found


# What may stand before or after a title on its line: a numbering (`表一`, `附表2`, `三、`, `(3)`,
# `4.`), the department and year (`上海市普陀区财政局2024年度`), a `（公开02表）`.
_TITLE_PREFIX = re.compile(
    r"^(?:附?表[一二三四五六七八九十\d]+[-－—、.．:：]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d{1,2}[、.．]|\S{0,30}?\d{4}年度?|预算\d{1,2}表|预算表\d{1,2})*"
)
# A line of Chinese alone (a name and a title), not a sentence; what stands before the title is a
# name, not more of a title (`政府性基金收支总表` is no 收支总表 of a department named 政府性基金).
_NAMED_TITLE = re.compile(r"[\u4e00-\u9fff（）()]{4,50}")
_TABLE_WORDS = re.compile(r"预算|决算|拨款|基金|财政|支出|收入|经费|资金|采购")
_TITLE_SUFFIX = re.compile(r"[（(](?:公开|附)?(?:\d{1,2}|[一二三四五六七八九十]+)表[)）]$")
# A table qualified by the money it leaves out (西安: `（不含上年结转）`, `（按支出功能分类科目-不含上年结转）`) is
# the same table of the year's money alone: the qualifier names no other table.
_LEAVES_OUT = re.compile(r"[-－—]?不含上年结转")
_EMPTY_BRACKETS = re.compile(r"[（(][)）]")


def _exact_title_key(text: str, titles: Titles) -> str | None:
    """The table a line names when the line is a title and nothing else (spaces, quotes, a
    numbering, the department and year aside): `财政拨款 三公 经费支出决算表` and `表一 收入支出决算总表`
    are titles; a sentence that mentions a table is not."""
    if "表" not in text:  # every title ends in 表: most lines are over here
        return None
    t = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", _TITLE_SPACES_AND_QUOTES.sub("", text)))
    if "不含" in t:
        t = _EMPTY_BRACKETS.sub("", _LEAVES_OUT.sub("", t))
    key = titles.exact.get(t)
    if key is None and titles.named and _NAMED_TITLE.fullmatch(t):
        key = next((k for k, title in titles.longest_first if t.endswith(title.replace("“", "").replace("”", ""))
                    and len(t) > len(title) and not _TABLE_WORDS.search(t[: len(t) - len(title)])), None)
    return key


def names_a_table(text: str, titles: Titles) -> bool:
    """The text is a table's title or its `公开NN表` number (a sheet's name, a heading)."""
    return _exact_title_key(text, titles) is not None or bool(_NUMBER_LINE.search(text.strip()))


# A 目录 row: the table's number in a cell of its own, then its title and more cells.
_TOC_ENTRY = re.compile(r"^\s*(?:附?表\d{1,2}|预算\d{1,2}表)\t+\S")
# What follows a table's title before its rows: the unit line (`单位：万元`, `金额单位：万元`).
_UNIT_LINE = re.compile(r"^\s*(?:金额)?单位\s*[:：]\s*万?元\s*$")


def _find_titled_grids(lines: list[Line], titles: Titles) -> tuple[list[tuple[int, str, str, int]], list[tuple[int, str, str, int]]]:
    """Tables of a report without `公开NN表` lines: a title line followed by a table, i.e. a grid
    row (PDF input) or the unit line of a table printed as plain text. (starts, repeats): a title
    printed again while its table is the one running is the table's next page; printed again
    after another table began, it is a second copy (`find_tables`)."""
    starts, repeats, seen, current = [], [], set(), None
    for i, ln in enumerate(lines):
        key, last = _title_at(lines, i, titles)
        if key is None:
            continue
        # A 目录 entry reads as a title too, but the next thing after it is another entry, not a table:
        # a title, or a table's number in a cell of its own before more cells (`表9\t…收支表\t是\t不涉及`).
        for nxt in lines[last + 1 : last + 8]:
            if _exact_title_key(nxt.text, titles) or _TOC_ENTRY.match(nxt.text):
                break
            if GRID_SEPARATOR in nxt.text or _UNIT_LINE.match(nxt.text.replace("\xa0", " ")):
                if key not in seen:
                    starts.append((i, key, ln.text.strip(), ln.number))
                    seen.add(key)
                elif key != current:
                    repeats.append((i, key, ln.text.strip(), ln.number))
                current = key
                break
    return starts, repeats


def _title_at(lines: list[Line], i: int, titles: Titles) -> tuple[str | None, int]:
    """(The table a title at line i names, the index of the title's last line), or (None, i)."""
    key = _exact_title_key(lines[i].text, titles)
    return (key, i) if key else _wrapped_title(lines, i, titles)


def _wrapped_title(lines: list[Line], i: int, titles: Titles) -> tuple[str | None, int]:
    """A title whose bracketed part is printed on the line below it (`…支出明细表（按支出功能分类科` over
    `目-不含上年结转）`; `…支出明细表` over `（按经济分类科目分）`; `…“三公”经费、` over `会议费、培训费表`): (its
    table, the index of that line), or (None, i). Only a bracket or a list left open (`、`), or a line
    that is a bracket alone, carries a title on."""
    text = lines[i].text
    if i + 1 >= len(lines) or GRID_SEPARATOR in text or ("表" not in text and "表" not in lines[i + 1].text):
        return None, i
    below = lines[i + 1].text.strip(" \xa0")
    opened = text.count("（") + text.count("(") > text.count("）") + text.count(")") or text.rstrip(" \xa0").endswith("、")
    if GRID_SEPARATOR in below or not (opened or (below[:1] in "（(" and below[-1:] in "）)" and below)):
        return None, i
    key = _exact_title_key(text.strip(" \xa0") + below, titles)
    return (key, i + 1) if key else (None, i)


def _title_below(lines: list[Line], idx: int, titles: Titles) -> tuple[str, int] | None:
    """(table key, index) of a title among the three lines below a number line, before the table's
    unit line or first grid row."""
    seen = 0
    for j in range(idx + 1, min(idx + 8, len(lines))):
        text = lines[j].text
        if GRID_SEPARATOR in text:
            # A grid row of one cell may be the title, printed inside the table's frame.
            cells = [c for c in text.split(GRID_SEPARATOR) if c.strip(" \xa0")]
            if len(cells) != 1 or not _exact_title_key(cells[0], titles):
                return None
            text = cells[0]
        if _UNIT_LINE.match(text.replace("\xa0", " ")) or _NUMBER_LINE.search(text):
            return None
        if not text.strip(" \xa0") or is_page_furniture(text):
            continue
        key = _exact_title_key(text, titles)
        if key:
            return key, j
        seen += 1
        if seen == 3:
            return None
    return None


def find_tables(lines: list[Line], titles: Titles) -> list[TableRegion]:
    numbers = _find_number_lines(lines)
    starts: list[tuple[int, str, str, int]] = []  # (start index, key, title, title line)
    cuts: list[int] = []  # where the table before each number line ends: at its number or its title
    repeats: list[tuple[int, str, str, int]] = []  # the same, for a table printed again
    for idx, printed_no in numbers:
        # The title is just below the number line (the national form prints `公开01表` above it),
        # on it, or the nearest non-empty line above it (the sample's habit).
        below = _title_below(lines, idx, titles)
        key, title, title_idx = (below[0], lines[below[1]].text.replace(GRID_SEPARATOR, " ").strip(" \xa0"), below[1]) if below else (None, "", idx)
        for j in (range(idx, max(idx - 12, -1), -1) if below is None else ()):
            text = lines[j].text
            if j == idx:
                text = _NUMBER_LINE.sub("", text)
            if not text.strip(" \xa0") or is_page_furniture(text):
                continue
            key = _title_key(text, titles)
            if key:
                title, title_idx = text.strip(" \xa0"), j
                break
        if key is None and titles.numbered and 1 <= printed_no <= 10:
            key = f"T{printed_no:02d}"  # title unreadable: fall back on the printed number
            title = titles.title(key)
        if key and all(k != key for _, k, _, _ in starts):
            starts.append((title_idx, key, title, lines[title_idx].number))
            cuts.append(min(idx, title_idx))
        elif key:
            repeats.append((title_idx, key, title, lines[title_idx].number))
            cuts.append(min(idx, title_idx))
    if not starts:
        starts, repeats = _find_titled_grids(lines, titles)
        cuts = [start for start, *_ in starts + repeats]
    # A table's number alone on its line (西安's `表2`) begins the next table even where its title
    # is not read (`2021年部综合预算收入总表`, a 门 short): the table before ends there. Above a title
    # that is read, it is that table's (a start, or its next page's heading: no cut).
    cuts = sorted(cuts + [i for i, ln in enumerate(lines[:-1]) if _TABLE_NUMBER_ALONE.match(ln.text)
                          and not _title_at(lines, i + 1, titles)[0]])

    def region(start: int, key: str, title: str, title_line: int, repeated=()) -> TableRegion:
        # A table ends where the next one (or a repeat) begins, or at the end of the tables.
        end = next((c for c in cuts if c > start), len(lines))
        for j in range(start + 1, end):
            if _TABLES_END.match(lines[j].text):
                end = j
                break
        return TableRegion(key, title, title_line, lines[start:end], tuple(repeated))

    return [region(*start, [region(*r) for r in repeats if r[1] == start[1]]) for start in sorted(starts)]


@dataclass(frozen=True)
class ReportHeader:
    department_name: str | None
    fiscal_year: int | None
    amount_unit: str | None
    source_line: int | None


def read_header(region: TableRegion) -> ReportHeader:
    """Department, fiscal year and amount unit from a table's header lines."""
    dept = year = unit = None
    src = None
    texts = [ln for ln in region.lines[:30]]
    for k, ln in enumerate(texts):
        text = ln.text.replace("\xa0", " ")
        if dept is None and k <= 3:
            y = _YEAR_UNDER_TITLE.match(text)
            year = int(y.group(1)) if y else year
        cells = [c.strip() for c in text.split(GRID_SEPARATOR) if c.strip()] if GRID_SEPARATOR in text else []
        if dept is None and len(cells) == 2 and cells[0] in _DEPARTMENT_CELLS and not _AMOUNT_LIKE.match(cells[1]):
            dept, src = cells[1], ln.number
            continue
        m = _DEPARTMENT.search(text)
        if m and dept is None:
            dept, src = m.group(1).strip(), ln.number
            if m.group(2):
                year = int(m.group(2))
            else:
                for nxt in texts[k + 1 : k + 4]:
                    y = _YEAR.match(nxt.text.replace("\xa0", " "))
                    if y:
                        year = int(y.group(1))
                        break
        if unit is None:
            # `金额单位：万` / `元` is printed broken across lines in some tables.
            joined = "".join(x.text for x in texts[k : k + 3]).replace("\xa0", "").replace(" ", "")
            u = _UNIT.search(joined)
            if u and "单位" in text:
                unit = u.group(1)
    return ReportHeader(dept, year, unit, src)


# `第三部分 上海市普陀区财政局2024年度部门决算情况说明`, `中共…社会工作部 2024 年度部门决算表`,
# `第一部分 上海市普陀区财政局概况`: where a form prints no 部门名称 line, the department is the
# one its part headings and table-part title name.
_REPORT_TITLE = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分)?(?P<dept>[^\d\s].*?)(?P<year>\d{4})?年度?部门决算(?:表|情况(?:说明)?|公开)?$"
    # A budget's: `无锡市交通运输局（本级）2026年度单位预算公开`, `西安市交通运输局2022年部门综合预算`;
    # `北京市信访办公室部门 2026 年度部门预算` names the department `北京市信访办公室`.
    r"|^(?:第[一二三四五六七八九十]+部分|附件[:：])?(?P<bdept>[^\d\s].*?)(?:部门)?(?P<byear>\d{4})年度?(?:部门|单位)(?:综合)?预算"
    r"(?:表|报表|情况(?:说明)?|公开(?:说明|报表)?|信息(?:公开(?:目录)?)?)?$"
    # The year first (苏州's cover): `2026年度苏州市审计局部门预算公开`.
    r"|^(?P<year1>\d{4})年度?(?P<dept1>[^\d\s度][^\d\s]*?)(?:部门|单位)(?:综合)?预算(?:公开)?$"
)
_OVERVIEW_TITLE = re.compile(r"^第一部分[:：]?(?P<dept>.+?)概况$")
_YEAR_ALONE = re.compile(r"^\d{4}$")
# A title whose name is no department's: a part's own label (`第二部分 2022年度部门决算情况说明`
# read as the name `第二部分`) or the generic word (`第一部分 部门概况`).
_NO_NAME = re.compile(r"(?:第[一二三四五六七八九十]+部分)?[:：]?(?:本?部门|本?单位)?")
# The cover printed on two lines (陕西): the department's name alone, then `2022年度部门决算`.
_COVER_NAME = re.compile(r"^[^\d\s:：。，,；;、]{4,40}$")
_YEAR_TITLE = re.compile(r"^(?P<year>\d{4})年度?(?:部门决算|(?:部门|单位)(?:综合)?预算(?:公开(?:说明)?|信息公开)?)$")
# A title broken after its year (北京: `北京市人力资源和社会保障局 2026 年度` / `部门预算信息公开`).
_BROKEN_AT_YEAR = re.compile(r"\d{4}年度?$")
_TITLE_TAIL = re.compile(r"^(?:部门|单位)(?:综合)?(?:决算|预算)")


@dataclass(frozen=True)
class ReportTitle:
    department_name: str | None
    fiscal_year: int | None
    source_line: int | None
    variants: dict[str, int]  # every department name printed, with how often: more than one is a finding


def _first_group(m: re.Match, *names: str) -> str | None:
    groups = m.groupdict()
    return next((groups[n] for n in names if groups.get(n)), None)


# What a document says it is, in its titles (short lines): `2026年度部门预算`, `单位预算公开`,
# `预算01表` for a budget; `部门决算`, `…决算表` for final accounts. Counted, not first-found: a
# final report's narrative may name the budget, and the other way round.
_BUDGET_TITLE = re.compile(r"(?:部门|单位)(?:综合)?预算(?:公开|情况说明|报表|$)|预算\d{1,2}表")
_FINAL_TITLE = re.compile(r"(?:部门|单位)决算(?:公开|情况说明|报表|表|$)|决算表")


def document_kind(lines: list[Line]) -> str:
    """`budget` (部门预算) where more of the document's title lines name a budget than final
    accounts, else `final` (部门决算)."""
    budget = final = 0
    for ln in lines:
        text = _TITLE_SPACES_AND_QUOTES.sub("", ln.text)
        if len(text) > 60:
            continue
        budget += bool(_BUDGET_TITLE.search(text))
        final += bool(_FINAL_TITLE.search(text))
    return "budget" if budget > final else "final"


# A document whose titles call it a unit's (`…2026年度单位预算公开`, `第二部分 2026 年度单位预算表`) and
# never a department's is one unit's own accounts (苏州 publishes a department's 部门预算 and its own
# 单位预算 apart; 无锡 its units' 单位预算).
_UNIT_DOCUMENT = re.compile(r"单位(?:综合)?(?:预算|决算)(?:公开|情况说明|报表|表|$)")
_DEPARTMENT_DOCUMENT = re.compile(r"部门(?:综合)?(?:预算|决算)(?:公开|情况说明|报表|表|$)")


def document_scope(lines: list[Line]) -> str | None:
    """`own` where the document's title lines name it a 单位 budget or final accounts and never a
    部门 one; None where they do not say (report_scope reads the name's own mark)."""
    unit = department = 0
    for ln in lines:
        text = _TITLE_SPACES_AND_QUOTES.sub("", ln.text)
        if len(text) > 60 or GRID_SEPARATOR in ln.text:
            continue  # a table's header cell (`部门预算支出经济分类科目`) is no title
        unit += bool(_UNIT_DOCUMENT.search(text))
        department += bool(_DEPARTMENT_DOCUMENT.search(text))
    return "own" if unit and not department else None


def read_report_title(lines: list[Line]) -> ReportTitle:
    names: dict[str, int] = {}
    first_line: dict[str, int] = {}
    years: dict[int, int] = {}
    for k, ln in enumerate(lines):
        text = re.sub(r"[\s\xa0\u3000]", "", ln.text)
        if GRID_SEPARATOR in ln.text:
            continue
        if _BROKEN_AT_YEAR.search(text) and k + 1 < len(lines):
            tail = re.sub(r"[\s\xa0\u3000]", "", lines[k + 1].text)
            text += tail if _TITLE_TAIL.match(tail) else ""
        m = _REPORT_TITLE.match(text) or _OVERVIEW_TITLE.match(text)
        if not m:
            m = _YEAR_TITLE.match(text)
            previous = re.sub(r"[\s\xa0\u3000]", "", lines[k - 1].text) if k else ""
            if not m or not _COVER_NAME.match(previous) or _NO_NAME.fullmatch(previous):
                continue
            dept = previous
        else:
            dept = _first_group(m, "dept", "bdept", "dept1")
        year = _first_group(m, "year", "byear", "year1")
        if _NO_NAME.fullmatch(dept):
            if year:
                years[int(year)] = years.get(int(year), 0) + 1
            continue
        names[dept] = names.get(dept, 0) + 1
        first_line.setdefault(dept, ln.number)
        if year is None and m.re is _REPORT_TITLE:
            # The year printed detached, on the line below or above the title.
            near = [x.text.strip() for x in lines[max(k - 1, 0) : k + 2] if x is not ln]
            year = next((y for y in near if _YEAR_ALONE.match(y)), None)
        if year:
            years[int(year)] = years.get(int(year), 0) + 1
    year = max(years, key=years.get) if years else None
    if not names:
        return ReportTitle(None, year, None, {})
    dept = max(names, key=lambda n: (names[n], -first_line[n]))
    return ReportTitle(dept, year, first_line[dept], names)


# `（汇总）` sums the department's units; `（本级）` is the department's own accounts (陕西 prints either
# after the name on its cover and part titles).
_SCOPE = {"汇总": "consolidated", "本级": "own"}
_SCOPE_MARK = re.compile(r"[（(](汇总|本级)[)）]")
# The divisions a department's name begins with (`上海市普陀区财政局`, `西安市卫生健康委员会`): each
# two to seven characters ending in the division's word; a party organ's `中共` before them.
_REGION = re.compile(r"^(?:中共|中国共产党)?((?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|自治州|地区|盟|州|县|区|旗))+)")


def report_scope(department_name: str | None) -> str | None:
    """`consolidated` or `own` where the report's name says which, else None (not printed)."""
    m = _SCOPE_MARK.search(department_name or "")
    return _SCOPE[m.group(1)] if m else None


def report_region(department_name: str | None) -> str | None:
    """The 省/市/县 the department's name begins with (`西安市`, `上海市普陀区`), None for a name
    that begins with none (a central department, a university: `西南大学`)."""
    m = _REGION.match(department_name or "")
    return m.group(1) if m else None
