-- 机关运行经费 (T10 section 二): running costs of administrative units and of institutions
-- managed like the civil service.
select
    report_id,
    replace(row_key, 'running_cost_', '') as unit_type,
    amount_yuan,
    source_line,
    source_page,
    page_line
from {{ ref('int_table_cells__values') }}
where table_key = 'T10'
  and {{ starts_with('row_key', "'running_cost_'") }}
