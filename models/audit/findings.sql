-- One row per identity that does not hold in one report: the report's own arithmetic, as
-- printed. `rounding` is within the printed rounding tolerance, `discrepancy` beyond it. And one
-- row per standard table with rows that could not be read (`incomplete`), so a reader knows
-- which tables were checked only in part.
with findings as (
select
    c.report_id,
    r.department_name,
    r.fiscal_year,
    c.check_id,
    c.description,
    c.rule,
    c.object,
    c.unit,
    c.expected,
    c.actual,
    c.difference,
    c.tolerance,
    c.addends,
    c.status as severity,
    c.actual_source,
    c.actual_line,
    c.source_lines
from {{ ref('identity_checks') }} as c
inner join {{ ref('dim_report') }} as r using (report_id)
where c.status in ('rounding', 'discrepancy', 'estimate')
union all
select
    i.report_id,
    r.department_name,
    r.fiscal_year,
    'parse_incomplete' as check_id,
    catalog.description,
    catalog.rule,
    i.table_key as object,
    catalog.unit,
    cast(0 as decimal(18, 4)) as expected,
    cast(i.parse_errors as decimal(18, 4)) as actual,
    cast(i.parse_errors as decimal(18, 4)) as difference,
    cast(0 as decimal(18, 4)) as tolerance,
    cast(null as bigint) as addends,
    'incomplete' as severity,
    i.table_key || ':' || coalesce(cast(i.first_error_line as string), '?') as actual_source,
    i.first_error_line as actual_line,
    i.error_lines as source_lines
from {{ ref('int_load_issues__incomplete_tables') }} as i
inner join {{ ref('dim_report') }} as r using (report_id)
left join {{ ref('ref_identity') }} as catalog on catalog.check_id = 'parse_incomplete'
)

select
    f.*,
    p.page as source_page,
    f.actual_line - p.first_line + 1 as page_line
from findings as f
left join {{ ref('int_report__pages') }} as p
    on p.report_id = f.report_id and f.actual_line between p.first_line and p.last_line
