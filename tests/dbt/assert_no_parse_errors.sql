-- Parse completeness: a parse error means part of a table was not loaded. The build fails and
-- names the file line, so nothing reaches the marts with a silent gap. (Warnings, such as a
-- table the report does not publish, are in dim_report and do not fail the build.)
select report_id, table_key, source_line, message
from {{ ref('stg_parsed__load_issues') }}
where severity = 'error'
