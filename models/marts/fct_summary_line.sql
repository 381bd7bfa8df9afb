-- The summary lines of 收入支出决算总表 (T01) and 财政拨款收入支出决算总表 (T04): income lines,
-- 本年收入/支出合计, carry-overs and 总计. Expenditure by class lives in fct_table_cell
-- (row_code = class code).
select
    c.report_id,
    c.table_key,
    case
        when c.row_key in ('expenditure_subtotal', 'balance_distribution', 'expenditure_total')
            or {{ starts_with('c.row_key', "'closing_balance'") }}
            then 'expenditure'
        else 'income'
    end as side,
    c.row_key as line_key,
    case when c.column_key in ('amount', 'total') then 'all' else c.column_key end as fund,
    c.row_label,
    c.line_number,
    c.amount_yuan,
    c.source_line,
    c.source_page,
    c.page_line
from {{ ref('int_table_cells__values') }} as c
where c.table_key in ('T01', 'T04')
  and c.row_code is null
