select
    report_id,
    severity,
    table_key,
    source_line,
    message,
    printed_text,
    kind
from {{ source('parsed', 'load_issues') }}
