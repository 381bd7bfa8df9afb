-- 政府采购 (T10 section 一): government procurement by category. 合计 stays in fct_table_cell.
select
    report_id,
    replace(row_key, 'procurement_', '') as procurement_category,
    amount_yuan,
    source_line,
    source_page,
    page_line
from {{ ref('int_table_cells__values') }}
where table_key = 'T10'
  and row_key in ('procurement_goods', 'procurement_works', 'procurement_services')
