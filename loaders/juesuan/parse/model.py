"""Plain data passed between the parse stages and written to the seed CSVs."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# The ten standard tables in the national numbering (公开01表 … 公开10表).
NATIONAL_TABLES = tuple(f"T{i:02d}" for i in range(1, 11))
# The 高等学校 layout of universities (and many schools and hospitals) prints four tables: three
# of the national shape, and a 财政拨款支出决算表 of every appropriation fund that is none of the
# ten (公开05表 holds the general budget's only), so it has a key of its own.
UNIVERSITY_TABLES = ("T01", "T02", "T03", "T11")
# A layout's tables are named `高等学校…` in their titles; a report of that layout is whole with its four.
UNIVERSITY_TITLE = "高等学校"


def layout_of(tables: dict, document_kind: str = "final") -> str:
    """`budget` for a budget; for final accounts `university` where a table's title says it is of
    the 高等学校 layout, else `national`."""
    if document_kind == "budget":
        return "budget"
    return "university" if any(UNIVERSITY_TITLE in t.title for t in tables.values()) else "national"


@dataclass(frozen=True)
class Cell:
    """One printed cell of a standard table, as printed."""

    table_key: str  # national numbering: T01 … T10; T11 the 高等学校 layout's appropriation table; B01 … a budget's
    row_key: str  # subject code, or a normalised line name (`income_subtotal`)
    column_key: str  # normalised column name (`total`, `basic`, `project`, …)
    state: str  # `value`, `blank` (nothing printed) or `na` (`────`)
    value_text: str  # the text as printed ('' for blank)
    value: Decimal | None  # the printed number, in `unit`
    unit: str  # 万元 for money; 辆 / 台套 for counts
    source_line: int
    # The grid column the cell was printed in (grid input: PDF rules, web page, workbook, Word),
    # which with the line locates it in the form's own terms (`Sheet1!C7`).
    source_column: int | None = None
    # `printed`: the cell's column is where it was printed (a grid, or a row printing every cell);
    # `inferred`: plain text left blank cells out and the table's identities forced this column
    # (see placement).
    placement: str = "printed"


@dataclass(frozen=True)
class Row:
    """One printed row (a subject code or a named line) of a standard table."""

    table_key: str
    row_key: str
    row_code: str | None  # classification code as printed, joined (`2010601`)
    row_label: str  # the printed name, wrapped text joined
    line_number: int | None  # the printed 行次 where the table has one
    row_order: int  # position in the table as printed, from 1
    source_line: int  # the line where the row starts


@dataclass(frozen=True)
class Issue:
    """Something the parse noticed and could not settle; loaded and surfaced, never hidden."""

    severity: str  # `error` (part of a table was not loaded) or `warning`
    table_key: str | None
    source_line: int | None
    message: str
    printed_text: str | None = None  # the source line as printed, filled in by `report`
    # For an error: `refused` (a row that could not be read), `ambiguous` (read, but its figures'
    # columns are not known), `repeated` (printed again; the repeat not loaded). None for warnings.
    kind: str | None = None


@dataclass
class ParsedTable:
    table_key: str
    title: str
    title_line: int
    rows: list[Row] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    no_data: bool = False  # the report states 本表无数据 for this table
    # The header of another classification printed beside each row (西安's `政府经济科目编码` beside its
    # 部门 economic codes): a code may be printed once per code of it.
    beside_classification: str | None = None


@dataclass
class ParsedReport:
    report_id: str
    source_file: str
    source_sha256: str
    source_encoding: str
    department_name: str
    fiscal_year: int
    amount_unit: str
    tables: dict[str, ParsedTable]
    issues: list[Issue]
    projects: list["Project"] = field(default_factory=list)
    narrative: list = field(default_factory=list)  # NarrativeFigure records
    page_starts: tuple[int, ...] = (1,)  # the source line each page starts on (form feeds)
    # Where each line was printed in a web page, workbook or Word file (see formats.document).
    locations: dict = field(default_factory=dict)
    files: tuple = ()  # source.SourceFile of each file read, in the order of the text
    document_kind: str = "final"  # `final` (部门决算) or `budget` (部门预算)
    # `own` where its titles call it a unit's (单位预算) and never a department's (layout.document_scope);
    # a name's own mark (`（汇总）`, `（本级）`) is read from the name where it is written (seeds).
    scope: str | None = None
    # The tables its layout prints that were not found (tables.expected_tables).
    missing_tables: list[str] = field(default_factory=list)

    @property
    def layout(self) -> str:
        """`budget`; `university` for the 高等学校 four-table layout, else `national` (the ten tables)."""
        return layout_of(self.tables, self.document_kind)


@dataclass(frozen=True)
class ProjectBudgetRow:
    """One funding-source row of a project's 预算执行情况 table (amounts in 元 as printed)."""

    row_order: int
    funding_source: str  # 合计 or the source (市县区财政资金, …)
    target_declared: Decimal | None  # 年初预算数 目标申报
    budget_compiled: Decimal | None  # 年初预算数 预算编制
    annual_budget: Decimal | None  # 全年预算数
    executed: Decimal | None  # 全年执行数
    balance: Decimal | None  # 资金结(转)余
    execution_rate_text: str | None  # 执行率 as printed (%)
    score_text: str | None  # 得分 as printed
    deviation_reason: str | None  # 偏差原因
    source_line: int
    weight_text: str | None = None  # 分值 (权重) of the funds row, where the form prints one
    amount_unit: str = "元"  # the 自评报告 prints 元; the standard 自评表 prints 万元


@dataclass(frozen=True)
class ProjectIndicator:
    """One row of a project's 绩效指标完成情况 table."""

    row_order: int
    level1: str  # 一级指标 (产出指标, 效益指标, 满意度指标)
    level2: str  # 二级指标 (数量指标, 社会效益, …)
    name: str  # 指标名称
    target_text: str  # 年初指标 as printed
    actual_text: str  # 实际完成值 as printed
    weight_text: str  # 权重
    score_text: str  # 得分
    deviation_reason: str | None
    source_line: int
    nature: str | None = None  # 指标性质 (`≥`, `=`, `定性`) where the form prints it as a column
    measure_unit: str | None = None  # 度量单位 where the form prints it as a column
    # The target and actual read as numbers (projects.targets.figures), where each indicator is made.
    target_op: str | None = None  # =, >=, <=, >, <; None for a qualitative target
    target_value: Decimal | None = None
    target_unit: str | None = None
    actual_value: Decimal | None = None  # None for a qualitative actual (达成预期指标)


@dataclass
class Project:
    """One 项目支出绩效自评 (project performance self-evaluation)."""

    seq: int  # order in the report, from 1
    name: str
    unit_code: str | None
    unit_name: str | None
    supervisor_code: str | None
    supervisor_name: str | None
    sections: dict[str, str]  # descriptive sections by key (overview, basis, …)
    budget: list[ProjectBudgetRow]
    indicators: list[ProjectIndicator]
    stated_execution_score: str | None  # 预算执行情况得分, section 三
    stated_indicator_score: str | None  # 指标完成情况得分
    stated_total_score: str | None  # 总得分
    stated_grade: str | None  # 优 / 良 / 中 / 差
    title_line: int
    issues: list[Issue] = field(default_factory=list)
    # `report`: the 项目支出绩效自评报告 (narrative with two tables); `standard`: the Ministry of
    # Finance's 项目支出绩效自评表 form; `department`: its 部门整体支出绩效自评表 twin.
    form: str = "report"
    code: str | None = None  # the project code where the name is printed as `<code>-<name>`
