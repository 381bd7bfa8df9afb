"""Every schema, model and table of the warehouse that Python names: the queries the CLI prints,
the incremental build's merge, the export and the query shell's search path. The models themselves
are dbt's; nothing else in the package spells their names."""

from __future__ import annotations

PUBLIC_SCHEMAS = ("marts", "audit")  # exported, and searched unqualified by `juesuan query`
# Schemas an incremental build merges report by report (the global models are rebuilt whole).
MERGED_SCHEMAS = ("staging", "intermediate", "marts", "audit")
GLOBAL_TAG = "global"  # the dbt tag of the models that span every report
BUILD_INFO = "main.juesuan_build_info"  # one row: the code hash and mode of the build that made the file

# Named in messages to the user.
DIM_REPORT = "marts.dim_report"
LOAD_ISSUES = "staging.stg_parsed__load_issues"
REPORT_SUMMARY = "audit.report_summary"
FINDINGS = "audit.findings"
# Reports a build left out because a model or test failed on their rows (juesuan.warehouse.quarantine).
QUARANTINE_TABLE = "audit.build_quarantine"

HEADLINE_SQL = """
select department_name, fiscal_year, report_id, income_yuan, expenditure_yuan, basic_yuan, project_yuan,
       three_public_final_yuan, vehicles, tables_missing, load_issue_count, document_kind, three_public_budget_yuan
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

QUARANTINED_SQL = f"""
select report_id, node, reason, failing_rows, source_lines, source_file, department_name, fiscal_year
from {QUARANTINE_TABLE}
order by department_name, fiscal_year, report_id
"""

# A department's budget and final accounts of one year are two documents, not one loaded twice.
TWICE_SQL = """
select department_name, fiscal_year, count(*), string_agg(source_file, ', ' order by source_file)
from marts.dim_report
group by department_name, fiscal_year, document_kind, scope  -- a 单位预算 beside its 部门预算 is no second copy
having count(*) > 1
order by department_name, fiscal_year
"""

REPORTS_SQL = f"""
select r.report_id, 'built' as status, r.department_name, r.fiscal_year, r.source_file, r.table_count as tables,
       r.tables_missing, r.tables_incomplete, s.discrepancy_findings as discrepancies,
       s.rounding_findings as rounding
from marts.dim_report as r
left join audit.report_summary as s using (report_id)
union all
select report_id, 'quarantined', department_name, fiscal_year, source_file, null, null, null, null, null
from {QUARANTINE_TABLE}
order by department_name, fiscal_year, report_id
"""

# One report, chosen by id, file name or department (as a substring); money in 万元 as printed.
FINDINGS_SQL = f"""
select department_name, fiscal_year, severity, check_id, object,
       case when unit = '元' then cast(actual / 10000 as decimal(18, 6)) else actual end as printed,
       case when unit = '元' then cast(expected / 10000 as decimal(18, 6)) else expected end as expected,
       case when unit = '元' then '万元' else unit end as unit,
       actual_source, source_page, page_line, source_lines
from audit.findings as f
where ? is null
   or f.report_id = ?
   or f.report_id in (select report_id from marts.dim_report where source_file = ? or contains(department_name, ?)
                      union all
                      select report_id from {QUARANTINE_TABLE} where source_file = ? or contains(department_name, ?))
order by department_name, fiscal_year, severity = 'quarantined' desc, severity = 'discrepancy' desc,
         severity = 'incomplete' desc,
         abs(actual - expected) desc nulls last, check_id, object
"""

# `juesuan findings REPORT`: the reports REPORT names, as FINDINGS_SQL matches them.
MATCHING_REPORTS_SQL = f"""
select count(*) from (
    select report_id, source_file, department_name from marts.dim_report
    union all
    select report_id, source_file, department_name from {QUARANTINE_TABLE}
)
where report_id = ? or source_file = ? or contains(department_name, ?)
"""

# The incremental build.
# A report left out of the last build (audit.build_quarantine) counts as built: it is not tried
# again until the models change or `build --full`.
BUILT_REPORTS_SQL = f"""
select report_id, department_name, fiscal_year, document_kind from marts.dim_report
union all
select report_id, department_name, fiscal_year, cast(null as varchar) from {QUARANTINE_TABLE}
"""
# Projects are keyed by project_id only in some tables: they are mapped through the project list.
PROJECTS_TABLE = "staging.stg_parsed__projects"

# `juesuan report`: the static site. Each query is written beside the pages (queries.sql) and named
# on the page section it fills, so every figure shown can be reproduced.
SITE_QUERIES = {
    "reports": """
select r.report_id, r.department_name, r.fiscal_year, r.document_kind, r.source_file, r.file_count, r.tables_found,
       r.tables_missing, r.tables_incomplete, h.income_yuan, h.expenditure_yuan, h.basic_yuan, h.project_yuan,
       h.three_public_budget_yuan, h.three_public_final_yuan, h.vehicles, s.identities_checked, s.identities_held, s.rounding_findings,
       s.discrepancy_findings
from marts.dim_report as r
join marts.report_headline as h using (report_id)
left join audit.report_summary as s using (report_id)
order by r.fiscal_year desc, r.department_name, r.document_kind""",
    "report_files": """
select report_id, file_seq, source_file, source_path, source_sha256, first_line, last_line
from staging.stg_parsed__report_files
order by report_id, file_seq""",
    "classes": """
select report_id, row_code, row_label, printed_value, amount_yuan
from marts.fct_table_cell
where table_key in ('T03', 'B03') and column_key = 'total' and length(row_code) = 3
order by report_id, amount_yuan desc""",
    "kuan": """
select report_id, row_code, row_label, printed_value, amount_yuan
from marts.fct_table_cell
where table_key in ('T03', 'B03') and column_key = 'total' and length(row_code) = 5
order by report_id, amount_yuan desc""",
    "economic_items": """
select c.report_id, c.row_code, c.row_label, c.printed_value, b.cost_category
from marts.fct_table_cell as c
left join marts.fct_basic_expenditure as b
    on b.report_id = c.report_id and b.econ_code = c.row_key
where c.table_key = 'T06' and length(c.row_code) = 5
order by c.report_id, c.row_code""",
    "economic_classes": """
select report_id, row_key, row_code, row_label, printed_value, amount_yuan
from marts.fct_table_cell
where table_key = 'T06' and (length(row_code) = 3 or row_key in ('personnel_total', 'public_total'))
order by report_id, row_key""",
    "three_public": """
select report_id, item, phase, amount_yuan
from marts.fct_three_public_costs
order by report_id, item, phase""",
    "projects": """
select report_id, project_name, annual_budget_yuan, executed_yuan, execution_rate_pct, total_score, grade
from marts.dim_project
order by report_id, execution_rate_pct nulls last, project_name""",
    "indicators_missed": """
select p.report_id, p.project_name, i.indicator_name, i.target_text, i.actual_text, i.weight, i.score
from marts.fct_project_indicator as i
join marts.dim_project as p using (project_id)
where i.score < i.weight or i.target_met = false
order by p.report_id, p.project_name, i.row_order""",
    "findings": """
select report_id, severity, check_id, object, unit, actual, expected, difference, actual_source, source_lines,
       source_page, page_line
from audit.findings
where severity in ('discrepancy', 'rounding', 'estimate', 'incomplete')
order by report_id, severity = 'discrepancy' desc, severity = 'incomplete' desc, abs(difference) desc nulls last,
         check_id, object""",
    "budget_vs_final": """
select budget_report_id as report_id, final_report_id as other_report_id, budget_table_key, final_table_key, row_key,
       column_key, row_label, budget_yuan, final_yuan, difference_yuan, execution_rate_pct
from marts.fct_budget_vs_final
union all
select final_report_id, budget_report_id, budget_table_key, final_table_key, row_key, column_key, row_label,
       budget_yuan, final_yuan, difference_yuan, execution_rate_pct
from marts.fct_budget_vs_final
order by report_id, budget_table_key, row_key, column_key""",
    "coverage": """
select report_id, table_key, table_title, found, printed_rows, value_cells, inferred_cells, rows_ambiguous,
       parse_errors, identities_checked, identities_held
from audit.table_coverage
order by report_id, table_key""",
}
