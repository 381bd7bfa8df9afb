select
    report_id,
    severity,
    table_key,
    source_line,
    message
from {{ source('parsed', 'load_issues') }}
