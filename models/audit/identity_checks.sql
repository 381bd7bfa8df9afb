-- Every checked identity instance of every report, with its status: held, rounding (within
-- the printed rounding), discrepancy (beyond it) or skipped: its inputs are absent, or it sums
-- the rows of a table with rows the parser could not read, or misses a cell of such a table.
-- A table's own identity over cells none of which is printed (a column left blank down a code's
-- rows) says nothing and is no instance: counted skipped, it buried the checks that could not be
-- made (西南大学's blank 项目 and 经营 columns were 114 of its 146 skipped).
with checks as (
    {{ identity_rows(ref('chk_within_tables')) }}
    union all
    {{ identity_rows(ref('chk_across_tables')) }}
    union all
    {{ identity_rows(ref('chk_projects')) }}
    union all
    {{ identity_rows(ref('chk_narrative')) }}
    union all
    {{ identity_rows(ref('chk_across_documents')) }}
    union all
    {{ identity_rows(ref('chk_across_years')) }}
),


incomplete as (
    select report_id, table_key from {{ ref('int_load_issues__incomplete_tables') }}
),

flagged as (
    select
        checks.*,
        catalog.scope,
        catalog.rule,
        catalog.description,
        catalog.unit,
        -- A sum over rows of a table with unreadable rows, or a comparison one of whose printed
        -- cells is missing there: judged, it could only be a false discrepancy. A narrative
        -- figure whose table figure was not found, in a report with unreadable rows, likewise:
        -- the figure may be in a row that could not be read.
        (
            (coalesce(catalog.sums_rows, false) or checks.actual is null or checks.expected is null) and exists (
                select 1
                from incomplete as i
                where i.report_id = checks.report_id
                  and {{ instance_reads_table('i.table_key', 'catalog.reads_tables', 'checks.source_lines', 'checks.actual_source') }}
            )
        ) or (
            catalog.scope = 'narrative' and (checks.actual is null or checks.expected is null)
            and exists (select 1 from incomplete as i where i.report_id = checks.report_id)
        ) as reads_incomplete_table
    from checks
    left join {{ ref('ref_identity') }} as catalog using (check_id)
)

select
    report_id,
    check_id,
    scope,
    rule,
    description,
    unit,
    object,
    cast(expected as decimal(18, 4)) as expected,
    cast(actual as decimal(18, 4)) as actual,
    cast({{ identity_difference() }} as decimal(18, 4)) as difference,
    {{ identity_tolerance() }} as tolerance,
    addends,
    comparison,
    case when reads_incomplete_table then 'skipped' else {{ identity_status() }} end as status,
    case
        when reads_incomplete_table then 'parse_incomplete'
        when inputs_present = 0 then 'no_inputs'
    end as skip_reason,
    actual_source,
    actual_line,
    source_lines
from flagged
where reads_incomplete_table or inputs_present > 0 or coalesce(scope, '') <> 'within'
