-- Money printed in 万元 becomes exact 元 (× 10000); counts (辆, 台套) stay counts.
select
    report_id,
    table_key,
    row_key,
    column_key,
    cell_state,
    value_text,
    value as printed_value,
    unit as printed_unit,
    case unit
        when '万元' then cast(value * 10000 as decimal(18, 2))
        when '元' then cast(value as decimal(18, 2))
    end as amount_yuan,
    case when unit in ('辆', '台套') then cast(value as integer) end as quantity,
    source_line,
    nullif(source_location, '') as source_location,
    placement
from {{ source('parsed', 'table_cells') }}
