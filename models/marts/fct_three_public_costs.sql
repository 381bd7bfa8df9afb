-- "三公"经费 (T09): budget and final amounts of the four items, the addends of its row sum
-- (reference.ref_table_column.row_role, generated from T09's declaration). 合计 and the vehicle 小计
-- are sums of these and stay in fct_table_cell, as do 会议费 and 培训费 where a region prints them.
select
    c.report_id,
    c.row_key as phase,
    c.column_key as item,
    c.amount_yuan,
    c.source_line,
    c.source_page,
    c.page_line
from {{ ref('int_table_cells__values') }} as c
inner join {{ ref('ref_table_column') }} as col
    on col.table_key = c.table_key and col.column_key = c.column_key and col.row_role = 'addend'
where c.table_key = 'T09'
