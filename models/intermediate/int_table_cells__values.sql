{{ config(materialized="table") }}
-- A table, not a view: eight marts read it, and as a view each ran the join with the pages again
-- (the build of 10,000 reports peaked at 6.2 GB).
-- The printed numbers of the standard tables (cell_state = 'value'), each with its row and the
-- page it was printed on: what every table fact reads, so the value filter and the page
-- arithmetic are written once. Blank and `────` cells stay in staging.stg_parsed__table_cells.
select
    c.report_id,
    c.table_key,
    c.row_key,
    c.column_key,
    r.row_code,
    r.row_label,
    r.line_number,
    c.amount_yuan,
    c.quantity,
    c.printed_value,
    c.printed_unit,
    c.value_text,
    c.source_line,
    p.page as source_page,
    c.source_line - p.first_line + 1 as page_line,
    r.source_line as row_source_line,
    c.source_location,
    c.placement
from {{ ref('stg_parsed__table_cells') }} as c
left join {{ ref('stg_parsed__table_rows') }} as r using (report_id, table_key, row_key)
left join {{ ref('int_report__pages') }} as p
    on p.report_id = c.report_id and c.source_line between p.first_line and p.last_line
where c.cell_state = 'value'
