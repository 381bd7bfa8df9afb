select
    report_id,
    table_key,
    row_key,
    row_code,
    coalesce(row_label, '') as row_label,
    line_number,
    row_order,
    source_line,
    nullif(source_location, '') as source_location
from {{ source('parsed', 'table_rows') }}
