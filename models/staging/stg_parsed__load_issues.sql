select
    report_id,
    severity,
    table_key,
    source_line,
    message,
    printed_text,
    kind,
    nullif(source_location, '') as source_location
from {{ source('parsed', 'load_issues') }}
