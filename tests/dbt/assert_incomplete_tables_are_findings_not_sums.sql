-- A table with unreadable rows must surface as a `parse_incomplete` finding, and no identity
-- that sums over its rows may be judged on what was read of it: a missing row would show up as
-- a false discrepancy. Rows returned here are either an incomplete table without its finding
-- or a judged instance that sums the rows of one.
select i.report_id, i.table_key, 'no parse_incomplete finding' as problem
from {{ ref('int_load_issues__incomplete_tables') }} as i
left join {{ ref('findings') }} as f
    on f.report_id = i.report_id and f.check_id = 'parse_incomplete' and f.object = i.table_key
where f.report_id is null

union all

select c.report_id, i.table_key, 'judged ' || c.check_id || ' ' || c.object as problem
from {{ ref('identity_checks') }} as c
inner join {{ ref('ref_identity') }} as catalog using (check_id)
inner join {{ ref('int_load_issues__incomplete_tables') }} as i
    on i.report_id = c.report_id
   and {{ instance_reads_table('i.table_key', 'catalog.reads_tables', 'c.source_lines', 'c.actual_source') }}
where c.status <> 'skipped'
  and catalog.sums_rows
