-- Every printed number of the ten standard tables, as printed, with the line it came from.
-- Blank and `────` cells are not here; they stay in staging.stg_parsed__table_cells.
select
    report_id,
    table_key,
    row_key,
    column_key,
    row_code,
    row_label,
    line_number,
    amount_yuan,
    quantity,
    printed_value,
    printed_unit,
    value_text,
    source_line,
    source_page,
    page_line,
    row_source_line,
    source_location,
    placement
from {{ ref('int_table_cells__values') }}
