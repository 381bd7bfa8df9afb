-- 政府采购 (T10 section 一): government procurement by category. 合计 stays in fct_table_cell.
select
    report_id,
    replace(row_key, 'procurement_', '') as procurement_category,
    amount_yuan,
    source_line,
    {{ source_page("report_id", 'source_line') }} as source_page,
    {{ page_line("report_id", 'source_line') }} as page_line
from {{ ref('stg_parsed__table_cells') }}
where table_key = 'T10'
  and row_key in ('procurement_goods', 'procurement_works', 'procurement_services')
  and cell_state = 'value'
