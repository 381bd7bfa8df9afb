"""Every schema, model and table of the warehouse that Python names: the queries the CLI prints,
the incremental build's merge, the export and the query shell's search path. The models themselves
are dbt's; nothing else in the package spells their names."""

from __future__ import annotations

PUBLIC_SCHEMAS = ("marts", "audit")  # exported, and searched unqualified by `juesuan query`
# Schemas an incremental build merges report by report (the global models are rebuilt whole).
MERGED_SCHEMAS = ("staging", "intermediate", "marts", "audit")
GLOBAL_MODELS = "tag:global"  # dbt selector of the models that span every report
BUILD_INFO = "main.juesuan_build_info"  # one row: the code hash and mode of the build that made the file

# Named in messages to the user.
DIM_REPORT = "marts.dim_report"
LOAD_ISSUES = "staging.stg_parsed__load_issues"
REPORT_SUMMARY = "audit.report_summary"
FINDINGS = "audit.findings"

HEADLINE_SQL = """
select department_name, fiscal_year, report_id, income_yuan, expenditure_yuan, basic_yuan, project_yuan,
       three_public_final_yuan, vehicles, tables_missing, load_issue_count
from marts.report_headline
order by department_name, fiscal_year
limit ?
"""

REPORT_COUNT_SQL = "select count(*) from marts.dim_report"

TOTALS_SQL = """
select count(*), coalesce(sum(rounding_findings), 0), coalesce(sum(discrepancy_findings), 0)
from audit.report_summary
"""

SUMMARY_SQL = """
select department_name, fiscal_year, identities_checked, identities_held, rounding_findings,
       discrepancy_findings, families_skipped
from audit.report_summary
order by discrepancy_findings desc, department_name, fiscal_year
"""

# Discrepancies first, largest gap first; then rounding findings.
_FINDINGS_BY_WEIGHT = """
select department_name, fiscal_year, severity, check_id, object, unit, expected, actual, difference, actual_source,
       source_page, page_line{more}
from audit.findings
order by severity = 'discrepancy' desc, abs(difference) desc, department_name, check_id, object
"""
TOP_FINDINGS_SQL = _FINDINGS_BY_WEIGHT.format(more="") + "limit ?"
# `juesuan check`: every finding, with the lines its figures were printed on.
CHECK_FINDINGS_SQL = _FINDINGS_BY_WEIGHT.format(more=", source_lines")

INCOMPLETE_SQL = """
select report_id, department_name, fiscal_year, source_file, tables_incomplete
from marts.dim_report
where tables_incomplete <> ''
order by department_name, fiscal_year, report_id
"""

TWICE_SQL = """
select department_name, fiscal_year, count(*), string_agg(source_file, ', ' order by source_file)
from marts.dim_report
group by department_name, fiscal_year
having count(*) > 1
order by department_name, fiscal_year
"""

REPORTS_SQL = """
select r.report_id, r.department_name, r.fiscal_year, r.source_file, r.table_count as tables,
       r.tables_missing, r.tables_incomplete, s.discrepancy_findings as discrepancies,
       s.rounding_findings as rounding
from marts.dim_report as r
left join audit.report_summary as s using (report_id)
order by r.department_name, r.fiscal_year, r.report_id
"""

# One report, chosen by id, file name or department (as a substring); money in 万元 as printed.
FINDINGS_SQL = """
select department_name, fiscal_year, severity, check_id, object,
       case when unit = '元' then cast(actual / 10000 as decimal(18, 6)) else actual end as printed,
       case when unit = '元' then cast(expected / 10000 as decimal(18, 6)) else expected end as expected,
       case when unit = '元' then '万元' else unit end as unit,
       actual_source, source_page, page_line, source_lines
from audit.findings as f
where ? is null
   or f.report_id = ?
   or f.report_id in (select report_id from marts.dim_report
                      where source_file = ? or contains(department_name, ?))
order by department_name, fiscal_year, severity = 'discrepancy' desc, severity = 'incomplete' desc,
         abs(actual - expected) desc nulls last, check_id, object
"""

# The incremental build.
BUILT_REPORTS_SQL = "select report_id, department_name, fiscal_year from marts.dim_report"
# Projects are keyed by project_id only in some tables: they are mapped through the project list.
PROJECTS_TABLE = "staging.stg_parsed__projects"
