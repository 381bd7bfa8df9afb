-- 国有资产占用 (T10 section 三): vehicles held by category and equipment of 100万元 or more.
-- The printed 车辆数合计 stays in fct_table_cell.
select
    report_id,
    case when {{ starts_with('row_key', "'vehicles_'") }} then 'vehicle' else 'equipment' end as asset_kind,
    case
        when {{ starts_with('row_key', "'vehicles_'") }} then replace(row_key, 'vehicles_', '')
        else row_key
    end as asset_category,
    quantity,
    printed_unit as quantity_unit,
    source_line,
    source_page,
    page_line
from {{ ref('int_table_cells__values') }}
where table_key = 'T10'
  and ({{ starts_with('row_key', "'vehicles_'") }} or row_key = 'equipment_over_1m')
  and row_key <> 'vehicles_total'
