select
    project_id,
    row_order,
    level1,
    level2,
    indicator_name,
    target_text,
    target_op,
    target_value,
    target_unit,
    actual_text,
    actual_value,
    weight,
    score,
    deviation_reason,
    source_line
from {{ source('parsed', 'project_indicators') }}
