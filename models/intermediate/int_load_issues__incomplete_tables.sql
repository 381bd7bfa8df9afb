-- The standard tables of each report that have rows the parser could not read (load issues of
-- severity `error`). Their readable rows are published; the identities that sum over their rows
-- are skipped, and each such table is a `parse_incomplete` finding.
select
    report_id,
    table_key,
    count(*) as parse_errors,
    count(*) filter (where kind = 'refused') as rows_refused,
    count(*) filter (where kind = 'ambiguous') as rows_ambiguous,
    count(*) filter (where kind = 'repeated') as rows_repeated,
    min(source_line) as first_error_line,
    {{ ordered_join("table_key || ':' || source_line", "', '", distinct=true, where='source_line is not null') }}
        as error_lines
from {{ ref('stg_parsed__load_issues') }}
where severity = 'error'
  -- Every declared table, a budget's too (B01 …): a budget table with a row not read sums short.
  and table_key in (select table_key from {{ ref('ref_standard_table') }})
group by report_id, table_key
