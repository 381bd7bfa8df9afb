-- Expenditure of each leaf function code by kind, from the expenditure tables: 支出决算表 (T03),
-- 一般公共预算财政拨款支出决算表 (T05), the two fund tables (T07 政府性基金, T08 国有资本经营) and the
-- 高等学校 layout's 财政拨款支出决算表 (T11, every fund). T05 ⊂ T03, so filter on table_key before summing.
select
    c.report_id,
    c.table_key,
    c.row_key as subject_code,
    c.column_key as expenditure_kind,
    c.amount_yuan,
    c.source_line,
    c.source_page,
    c.page_line
from {{ ref('int_table_cells__values') }} as c
inner join {{ ref('int_table_rows__leaf') }} as leaf using (report_id, table_key, row_key)
-- The kinds are the addends of the table's row sum (合计 = 基本 + 项目 …, reference.ref_table_column.row_role):
-- not its 合计, a `其中` column (项目支出 其中：基本建设资金支出) or a fund table's balances.
inner join {{ ref('ref_table_column') }} as col
    on col.table_key = c.table_key and col.column_key = c.column_key and col.row_role = 'addend'
where c.table_key in ('T03', 'T05', 'T07', 'T08', 'T11')
  and leaf.is_leaf
