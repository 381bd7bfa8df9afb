-- "三公"经费 (T09): budget and final amounts of the four items. 合计 and the vehicle 小计 are
-- sums of these and stay in fct_table_cell.
select
    report_id,
    row_key as phase,
    column_key as item,
    amount_yuan,
    source_line,
    source_page,
    page_line
from {{ ref('int_table_cells__values') }}
where table_key = 'T09'
  and column_key in ('overseas', 'vehicle_purchase', 'vehicle_operation', 'reception')
