"""A whole report: find its tables, read its header, parse each table."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from juesuan.errors import LoadError
from juesuan.parse.layout import document_kind, document_scope, find_tables, read_header, read_report_title
from juesuan.read.lines import content_lines
from juesuan.parse.model import Issue, ParsedReport, layout_of
from juesuan.parse.narrative import UNIVERSITY_SUBJECTS, VOCABULARIES, parse_narrative
from juesuan.parse.projects import parse_projects
from juesuan.parse.projects.standard_form import find_forms, forms_year
from juesuan.parse.projects.target_form import TARGET_FORMS, find_target_forms, parse_target_forms
from juesuan.reference import function_class_by_name
from juesuan.parse.source import SourceText, read_source, read_sources
from juesuan.parse.tables import PARSERS, TITLES, expected_tables


def parse_file(path: Path) -> ParsedReport:
    return parse_source(read_source(path))


def parse_files(paths: list[Path], folder: Path) -> ParsedReport:
    """One report published as several files in `folder` (see load.group_parts)."""
    return parse_source(read_sources(paths, folder))


def _refuse_other_departments(name: str, content: list, regions, department: str | None) -> None:
    """A file whose tables are printed again for another department holds two reports: refused
    whole, since reading the first and dropping the second would lose a report silently. Each
    copy's department is read where its own print puts it: the first copy's table headers
    (`department`, as read from them) or the titles printed up to the end of its tables; the
    repeated table's header, else the titles printed between the two copies' tables (a cover,
    part titles)."""
    repeats = sorted((again for region in regions for again in region.repeats), key=lambda r: r.title_line)
    if not repeats:
        return
    first = repeats[0]
    end_of_first = max((ln.number for region in regions for ln in region.lines if ln.number < first.title_line),
                       default=0)
    department = department or read_report_title([ln for ln in content if ln.number <= end_of_first]).department_name
    other = read_header(first).department_name or read_report_title(
        [ln for ln in content if end_of_first < ln.number < first.title_line]).department_name
    if department and other and other != department:
        raise LoadError(name, f"holds the reports of more than one department ({department}; {other} from line "
                        f"{first.title_line}, where {first.table_key} is printed again)", line=first.title_line,
                        hint="split the file into one file per report and load those")


def parse_source(src: SourceText) -> ParsedReport:
    name = str(src.path)
    content = content_lines(src.text)  # computed once: the tables, projects and narrative share it
    kind = document_kind(content)
    regions = find_tables(content, TITLES[kind])
    # Standard 自评表 forms (a file may hold nothing else); a budget's project 绩效目标表 forms.
    forms = find_forms(content) if kind == "final" else find_target_forms(content, tuple(r.title_line for r in regions))
    # A report published as several files has a file of its narrative (情况说明) alone.
    narrative = None
    if not regions and not forms:
        # A narrative alone is a report's part only where its title names the department and year.
        title = read_report_title(content)
        if title.department_name and title.fiscal_year:
            narrative = parse_narrative(content, _item_codes({}), vocabulary=VOCABULARIES[kind])
    # A budget's 情况说明 may state no figure the vocabulary knows; its titled file is still its part.
    if not regions and not forms and (narrative is None if kind == "budget" else not narrative):
        raise LoadError(
            name,
            "not a 部门决算 or 部门预算 report: none of the standard tables (公开01表 … 公开10表, 收支总表 …), no "
            "项目支出绩效自评表, and no 情况说明 under a title naming its department and year was found",
            hint="check that this is a department's final accounts or budget and that its text layer was extracted",
        )
    headers = [read_header(r) for r in regions]
    department = _most_common(h.department_name for h in headers)
    _refuse_other_departments(name, content, regions, department)
    year = _most_common(h.fiscal_year for h in headers)
    unit = _most_common(h.amount_unit for h in headers) or "万元"
    issues: list[Issue] = [Issue("warning", None, None, w) for w in src.warnings]
    parsed_projects = parse_projects(content, forms) if kind == "final" else parse_target_forms(forms)
    if department is None or year is None:
        title = read_report_title(content)
        department = department or title.department_name
        year = year or title.fiscal_year
        if (department is None or year is None) and forms:
            # A file of 自评表 forms alone: the implementing unit (实施单位) and the year of their titles.
            standard = [p for p in parsed_projects if p.form != "report"]
            department = department or _most_common(p.unit_name or p.supervisor_name for p in standard)
            year = year or forms_year(forms)
        if len(title.variants) > 1:
            printed = "; ".join(f"{n!r} ×{c}" for n, c in sorted(title.variants.items(), key=lambda kv: -kv[1]))
            issues.append(Issue("warning", None, title.source_line,
                                f"the report names its department in {len(title.variants)} ways ({printed}); taken: {department!r}"))
    first_line = regions[0].title_line if regions else forms[0][2] if forms else content[0].number
    if department is None:
        raise LoadError(name, "no 部门名称/单位名称 line in any table header", line=first_line)
    if year is None:
        raise LoadError(name, "no fiscal year (`2024年度`) in any table header", line=first_line)
    if unit != "万元" and kind == "final":
        raise LoadError(name, f"amount unit {unit!r} is not supported yet: the standard tables print 万元", line=first_line)

    tables = {}
    title_lines_of_forms = {title for _, _, title, _ in forms}
    for region in regions:
        if region.table_key not in PARSERS and region.title_line in title_lines_of_forms:
            continue  # a 绩效目标表 title: read as a project's targets
        if region.table_key not in PARSERS:
            issues.append(Issue("warning", None, region.title_line,
                                f"table {region.title!r} is printed here and not read yet"))
            continue
        table = PARSERS[region.table_key].parse(region, unit)
        table.issues.extend(_drop_repeated_rows(table))
        for again in region.repeated_at:
            table.issues.append(Issue(
                "error", region.table_key, again,
                f"{region.table_key} is printed again here (first at line {region.title_line}): the file seems to "
                "hold more than one report; only the first is read, so check the file", kind="repeated"))
        tables[region.table_key] = table
        issues.extend(table.issues)
    projects = _drop_repeated_projects(parsed_projects, issues)
    if narrative is None:
        university = layout_of(tables, kind) == "university"
        narrative = parse_narrative(content, _item_codes(tables), UNIVERSITY_SUBJECTS if university else None,
                                    VOCABULARIES[kind])
    for project in projects:
        issues.extend(project.issues)
    issues.extend(_cut_short(content, regions, projects))
    missing = [k for k in expected_tables(tables, kind) if k not in tables]
    if missing:
        issues.append(Issue("warning", None, None, "standard tables not found in the report: " + ", ".join(missing)))
    issues = _with_printed_text(issues, src.text)
    return ParsedReport(
        report_id=src.report_id,
        source_file=src.path.name,
        source_sha256=src.sha256,
        source_encoding=src.encoding,
        department_name=department,
        fiscal_year=year,
        amount_unit=unit,
        tables=tables,
        issues=issues,
        projects=projects,
        narrative=narrative,
        page_starts=src.page_starts,
        locations=src.locations,
        files=src.files,
        document_kind=kind,
        scope=document_scope(content),
        missing_tables=missing,
    )


def _with_printed_text(issues: list[Issue], text: str) -> list[Issue]:
    """Each issue with the line it names, as printed, so a reader sees the problem without the
    file; an error not said otherwise is of kind `refused` (a row that could not be read)."""
    lines = text.split("\n") if any(i.source_line for i in issues) else []
    out = []
    for issue in issues:
        n = issue.source_line
        printed = lines[n - 1].replace("\xa0", " ").strip() if n and 0 < n <= len(lines) else None
        kind = issue.kind or ("refused" if issue.severity == "error" else None)
        out.append(replace(issue, printed_text=printed[:500] if printed else None, kind=kind))
    return out


def _cut_short(content, regions, projects) -> list[Issue]:
    """Warnings for a file that seems to end before the report does: its last line inside a
    table that is read as text (a ruled PDF table ends at its rules), or a last self-evaluation
    without its 总得分 and grade. A copy cut short otherwise loads with no word of what it lost."""
    out = []
    last = content[-1].number if content else 0
    ending = max(regions, key=lambda r: r.title_line) if regions else None
    if ending is not None and ending.lines and ending.lines[-1].number == last and not ending.is_grid and not projects:
        # A warning: a file cut exactly where a table ends reads the same, and its tables are whole.
        out.append(Issue("warning", ending.table_key, last,
                         f"the file ends inside {ending.table_key}, with nothing after it: it may have been cut short, "
                         "so the table may lack rows"))
    if (projects and projects[-1].form not in TARGET_FORMS and projects[-1].stated_total_score is None
            and projects[-1].stated_grade is None):  # a budget's targets have no score yet
        out.append(Issue("warning", None, projects[-1].title_line,
                         f"the last self-evaluation ({projects[-1].name!r}) ends before its 总得分 and grade: "
                         "the file may have been cut short there"))
    return out


def _keep_first(items: list, key, line, what, table_key: str | None = None, same=None) -> tuple[list, list[Issue]]:
    """Each item once, as first printed; a repeat (same `key`) is not loaded and is reported as an
    error naming both lines (`what(item)` says what was repeated). Where `same(repeat, first)`,
    the repeat loses nothing and is a warning."""
    first: dict = {}
    kept, issues = [], []
    for item in items:
        k = key(item)
        if k not in first:
            first[k] = item
            kept.append(item)
            continue
        earlier = line(first[k])
        if same is not None and same(item, first[k]):
            issues.append(Issue("warning", table_key, line(item),
                                f"{what(item)} is printed again, with the same figures, (first at line {earlier}); "
                                "the repeat is not loaded"))
        else:
            issues.append(Issue("error", table_key, line(item),
                                f"{what(item)} is printed again (first at line {earlier}); the repeat is not loaded",
                                kind="repeated"))
    return kept, issues


def _drop_repeated_projects(projects: list, issues: list[Issue]) -> list:
    """One form per project (name, implementing unit, code; by its figures too where it prints
    neither unit nor code): a second one of the same (a file holding two copies of a report) is not
    loaded, and is reported with both places. Within a project, a funding row printed twice and an
    indicator row printed twice to the letter are kept once. A project whose name could not be read
    is named by its place, and that is an error."""
    for project in projects:
        # The project's own issues: counted in its parse_error_count (a pj_parse_complete finding)
        # and listed with the report's.
        if not project.name.strip():
            project.name = f"(name not read, line {project.title_line})"
            project.issues.append(Issue("error", None, project.title_line,
                                        "a self-evaluation's project name could not be read; it is loaded as " + repr(project.name)))
        _drop_repeated_project_rows(project)
    # A project is its name, unit and code: 陕西's consolidated report holds two units' projects of
    # one name (`公共卫生事业发展资金` of 西安市儿童医院 and of 西安市第一医院), neither a copy. A form
    # that prints neither unit nor code (西安's 绩效目标表 name only the 主管部门) is told apart by its
    # figures: one of the same name with other figures is another project (西安市司法局's 汇总 budget
    # sets 司法行政业务培训 five times, for 58.97, 20.14, 12.00, 6.80 and 9.00 万元), loaded with a warning;
    # with the same figures it is a copy, as before.
    def key(p):
        unnamed = not (p.unit_name or p.code)
        return (p.name, p.unit_name or "", p.code or "", _printed_figures(p) if unnamed else None)

    kept, repeats = _keep_first(projects, key, lambda p: p.title_line, lambda p: f"the {_form_name(p)} of {p.name!r}")
    issues.extend(repeats)
    first_of_name: dict[str, object] = {}
    for project in kept:
        earlier = first_of_name.setdefault(project.name, project) if not (project.unit_name or project.code) else project
        if earlier is not project:
            issues.append(Issue("warning", None, project.title_line,
                                f"the {_form_name(project)} of {project.name!r} prints other figures than the one of that name "
                                f"at line {earlier.title_line}, and no unit or code: loaded as another project"))
    for n, project in enumerate(kept, 1):
        project.seq = n
    return kept


def _form_name(project) -> str:
    return "绩效目标表" if project.form in TARGET_FORMS else "self-evaluation"


def _printed_figures(project) -> tuple:
    """What a project form prints beyond its name: its funds, indicators and stated scores."""
    return (tuple((r.funding_source, r.target_declared, r.budget_compiled, r.annual_budget, r.executed, r.balance)
                  for r in project.budget),
            tuple((i.level1, i.level2, i.name, i.target_text, i.actual_text, i.weight_text, i.score_text)
                  for i in project.indicators),
            project.stated_total_score, project.stated_grade)


def _drop_repeated_project_rows(project) -> None:
    budget, repeats = _keep_first(project.budget, lambda r: r.funding_source, lambda r: r.source_line,
                                  lambda r: f"{project.name}: funding row {r.funding_source!r}")
    indicators, more = _keep_first(
        project.indicators,
        lambda i: (i.level1, i.level2, i.name, i.target_text, i.actual_text, i.weight_text, i.score_text),
        lambda i: i.source_line, lambda i: f"{project.name}: indicator {i.name!r}, identical,")
    if repeats or more:
        project.budget = budget
        project.indicators = [replace(ind, row_order=n) for n, ind in enumerate(indicators, 1)]
        project.issues.extend(repeats + more)


def _drop_repeated_rows(table) -> list[Issue]:
    """A row printed twice in one table (a line repeated by a copy-and-paste or a broken
    extraction, a 合计 printed above and below the rows) is kept once, as first printed. A repeat
    with the same figures loses nothing (a warning); one with other figures leaves the table
    without a way to tell which is right (an error: the table is incomplete, its sums unchecked)."""
    figures: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for cell in table.cells:
        figures.setdefault((cell.row_key, cell.source_line), []).append((cell.column_key, cell.value_text))

    def printed(row):
        return figures.get((row.row_key, row.source_line))

    kept, issues = _keep_first(table.rows, lambda r: r.row_key, lambda r: r.source_line,
                               lambda r: f"row {r.row_code or r.row_label!r}", table.table_key,
                               same=lambda r, first: printed(r) == printed(first))
    if not issues:
        return []
    by_unit = _listed_by_unit(table, issues)
    if by_unit:
        return [by_unit]
    if table.beside_classification:
        return _split_by_classification(table, issues)
    seen_cells: set[tuple[str, str]] = set()
    cells = []
    for cell in table.cells:
        key = (cell.row_key, cell.column_key)
        if key not in seen_cells:  # the first printing's cells come first
            seen_cells.add(key)
            cells.append(cell)
    table.rows, table.cells = kept, cells
    return issues


def _drop_rows(table, keys: set[str]) -> None:
    """The table without the rows keyed `keys` and their cells."""
    table.rows = [r for r in table.rows if r.row_key not in keys]
    table.cells = [c for c in table.cells if c.row_key not in keys]


def _split_by_classification(table, issues: list[Issue]) -> list[Issue]:
    """A code printed again, with other figures, in a table that prints another classification beside
    each row (西安市国资委's 30103 奖金 beside 政府 codes 50101 and 50905) is split by that classification:
    none of its rows is the code's whole, so none is loaded (an error: the table is incomplete and its
    sums are not checked); its codes printed once are whole and stay. A repeat with the same figures
    stays a repeat (kept once, a warning)."""
    split = {i.source_line for i in issues if i.severity == "error"}
    keys = {r.row_key for r in table.rows if r.source_line in split and r.row_code}
    if not keys:
        return issues
    lines = {key: [r.source_line for r in table.rows if r.row_key == key] for key in keys}
    _drop_rows(table, keys)
    kept = [i for i in issues if not (i.severity == "error" and i.source_line in split)]
    return kept + [Issue("error", table.table_key, at[0],
                         f"row {key!r} is printed {len(at)} times with other figures (lines {', '.join(map(str, at))}), "
                         f"beside different codes of {table.beside_classification}: no row of it is the code's whole, "
                         "so none is loaded", kind="repeated")
                   for key, at in sorted(lines.items())]


# Subjects printed again with other figures this often are no copy-and-paste: the table lists its
# subjects once per unit (北京市统计局's 预算05表: 2010501 行政运行 once for each of its units, no unit named).
_UNIT_BLOCKS_MIN_REPEATS = 3


def _listed_by_unit(table, issues: list[Issue]) -> Issue | None:
    """A table whose subject rows restart, with other figures, once per unit without naming the unit, or
    once per code of another classification printed beside them (西安's 基本支出 by 部门 × 政府 economic
    code): no subject row is the department's, so only the rows without a code (合计) are kept, and one
    warning says so, where row-by-row errors would call each row a broken repeat."""
    repeats = [i for i in issues if i.severity == "error"]
    if len(repeats) < _UNIT_BLOCKS_MIN_REPEATS:
        return None
    coded = [r for r in table.rows if r.row_code]
    _drop_rows(table, {r.row_key for r in coded})
    return Issue("warning", table.table_key, coded[0].source_line,
                 f"{table.table_key} prints its subjects more than once with other figures ({len(coded)} rows, "
                 f"{len({r.row_code for r in coded})} subjects; {len(repeats)} printed again): once per unit without "
                 "naming the units, or once per code of another classification printed beside them; no subject row is "
                 "the department's whole, so only its total rows are loaded")


def _most_common(values):
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _item_codes(tables: dict):
    """A 项 path (类, 款, 项 names) → its 7-digit code, by the names the report's coded tables print."""
    by_parent: dict[tuple[str, str], str] = {}
    for key in ("T05", "T03", "T02", "B05", "B14", "B03"):
        for row in tables[key].rows if key in tables else []:
            if row.row_code and len(row.row_code) in (5, 7):
                by_parent.setdefault((row.row_code[: len(row.row_code) - 2], row.row_label), row.row_code)
    classes = function_class_by_name()

    def resolve(class_name: str, kuan: str, xiang: str) -> str | None:
        class_code = classes.get(class_name)
        kuan_code = by_parent.get((class_code, kuan)) if class_code else None
        return by_parent.get((kuan_code, xiang)) if kuan_code else None

    return resolve
