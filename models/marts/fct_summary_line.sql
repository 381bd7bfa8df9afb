-- The summary lines of 收入支出决算总表 (T01) and 财政拨款收入支出决算总表 (T04): income lines,
-- 本年收入/支出合计, carry-overs and 总计. Expenditure by class lives in fct_table_cell
-- (row_code = class code).
select
    c.report_id,
    c.table_key,
    case
        when c.row_key in ('expenditure_subtotal', 'balance_distribution', 'expenditure_total')
            or c.row_key like 'closing\_balance%' escape '\'
            then 'expenditure'
        else 'income'
    end as side,
    c.row_key as line_key,
    case when c.column_key in ('amount', 'total') then 'all' else c.column_key end as fund,
    r.row_label,
    r.line_number,
    c.amount_yuan,
    c.source_line,
    {{ source_page("c.report_id", 'c.source_line') }} as source_page,
    {{ page_line("c.report_id", 'c.source_line') }} as page_line
from {{ ref('stg_parsed__table_cells') }} as c
inner join {{ ref('stg_parsed__table_rows') }} as r using (report_id, table_key, row_key)
where c.table_key in ('T01', 'T04')
  and r.row_code is null
  and c.cell_state = 'value'
