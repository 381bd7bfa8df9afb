-- 基本支出明细 (T06): basic expenditure of each 款-level economic code, as 人员经费 (personnel)
-- or 公用经费 (public) by its class. The printed 类 rows and the two totals stay in fct_table_cell.
select
    c.report_id,
    c.row_key as econ_code,
    cls.cost_category,
    c.amount_yuan,
    c.source_line,
    c.source_page,
    c.page_line
from {{ ref('int_table_cells__values') }} as c
inner join {{ ref('int_table_rows__leaf') }} as leaf using (report_id, table_key, row_key)
left join {{ ref('stg_reference__economic_class') }} as cls
    on cls.econ_class_code = left(c.row_key, 3)
where c.table_key = 'T06'
  and leaf.is_leaf
  and length(c.row_key) = 5
