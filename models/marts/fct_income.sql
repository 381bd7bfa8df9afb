-- 收入决算表 (T02): income of each leaf function code by source; the 合计 column and the
-- 类/款 subtotal rows are left to fct_table_cell.
select
    c.report_id,
    c.row_key as subject_code,
    c.column_key as income_source,
    c.amount_yuan,
    c.source_line,
    c.source_page,
    c.page_line
from {{ ref('int_table_cells__values') }} as c
inner join {{ ref('int_table_rows__leaf') }} as leaf using (report_id, table_key, row_key)
-- The sources are the addends of its row sum (reference.ref_table_column.row_role): not its 合计 or a
-- `其中` column (事业收入 其中：教育收费).
inner join {{ ref('ref_table_column') }} as col
    on col.table_key = c.table_key and col.column_key = c.column_key and col.row_role = 'addend'
where c.table_key = 'T02'
  and leaf.is_leaf
