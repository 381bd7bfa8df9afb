-- Parse completeness: a parse error in a standard table means part of it was not loaded. The
-- build fails and names the file line, so nothing reaches the marts with a silent gap.
-- (Warnings, such as a table the report does not publish, are in dim_report. Errors in an
-- attached project self-evaluation load what could be read and become an audit finding,
-- `pj_parse_complete`, instead.)
select report_id, table_key, source_line, message
from {{ ref('stg_parsed__load_issues') }}
where severity = 'error'
  and table_key like 'T%'
