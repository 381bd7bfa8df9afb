-- What each report gave of each standard table of its layout (the national ten, or the 高等学校
-- four): found or not, rows and cells by state, parse issues, and how that table's own identities
-- came out. With a thousand reports, this is where one sees which need a look.
with reports as (
    select report_id, tables_found, layout from {{ ref('stg_parsed__reports') }}
),

grid as (
    select r.report_id, t.table_key, t.table_title, {{ in_key_list('r.tables_found', 't.table_key') }} as found
    from reports as r
    inner join {{ ref('ref_standard_table') }} as t on {{ in_key_list('t.layouts', 'r.layout') }}
),

rows_ as (
    select report_id, table_key, count(*) as printed_rows
    from {{ ref('stg_parsed__table_rows') }}
    group by report_id, table_key
),

cells as (
    select
        report_id,
        table_key,
        count(*) as cells,
        count(*) filter (where cell_state = 'value') as value_cells,
        count(*) filter (where cell_state = 'blank') as blank_cells,
        count(*) filter (where cell_state = 'na') as na_cells,
        count(*) filter (where placement = 'inferred') as inferred_cells,
        count(distinct row_key) filter (where placement = 'inferred') as rows_inferred
    from {{ ref('stg_parsed__table_cells') }}
    group by report_id, table_key
),

warnings as (
    select report_id, table_key, count(*) as parse_warnings
    from {{ ref('stg_parsed__load_issues') }}
    where severity = 'warning'
    group by report_id, table_key
),

skipped as (
    select c.report_id, i.table_key, count(*) as identities_skipped_incomplete
    from {{ ref('identity_checks') }} as c
    left join {{ ref('ref_identity') }} as catalog using (check_id)
    inner join {{ ref('int_load_issues__incomplete_tables') }} as i
        on i.report_id = c.report_id
       and {{ instance_reads_table('i.table_key', 'catalog.reads_tables', 'c.source_lines', 'c.actual_source') }}
    where c.skip_reason = 'parse_incomplete'
    group by c.report_id, i.table_key
),

identities as (
    -- A table's own identities: those the catalog says are within one table and read it.
    select
        c.report_id,
        catalog.reads_tables as table_key,
        {{ identity_status_counts() }}
    from {{ ref('identity_checks') }} as c
    inner join {{ ref('ref_identity') }} as catalog using (check_id)
    where catalog.scope = 'within'
    group by c.report_id, catalog.reads_tables
)

select
    g.report_id,
    g.table_key,
    g.table_title,
    g.found,
    coalesce(r.printed_rows, 0) as printed_rows,
    coalesce(c.cells, 0) as cells,
    coalesce(c.value_cells, 0) as value_cells,
    coalesce(c.blank_cells, 0) as blank_cells,
    coalesce(c.na_cells, 0) as na_cells,
    coalesce(c.inferred_cells, 0) as inferred_cells,
    coalesce(c.rows_inferred, 0) as rows_inferred,
    coalesce(n.parse_errors, 0) as parse_errors,
    coalesce(w.parse_warnings, 0) as parse_warnings,
    coalesce(k.identities_checked, 0) as identities_checked,
    coalesce(k.identities_held, 0) as identities_held,
    coalesce(k.rounding_findings, 0) as rounding_findings,
    coalesce(k.discrepancy_findings, 0) as discrepancy_findings,
    g.found and n.report_id is null as complete,
    coalesce(s.identities_skipped_incomplete, 0) as identities_skipped_incomplete,
    coalesce(n.rows_refused, 0) as rows_refused,
    coalesce(n.rows_ambiguous, 0) as rows_ambiguous,
    coalesce(n.rows_repeated, 0) as rows_repeated
from grid as g
left join rows_ as r using (report_id, table_key)
left join cells as c using (report_id, table_key)
left join warnings as w using (report_id, table_key)
left join identities as k using (report_id, table_key)
left join skipped as s using (report_id, table_key)
left join {{ ref('int_load_issues__incomplete_tables') }} as n using (report_id, table_key)
