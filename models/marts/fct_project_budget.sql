-- 预算执行情况: each project's budget execution per funding source (合计 included, flagged).
select
    project_id,
    row_order,
    funding_source,
    is_total,
    target_declared_yuan,
    budget_compiled_yuan,
    annual_budget_yuan,
    executed_yuan,
    balance_yuan,
    execution_rate_pct,
    score,
    weight,
    printed_unit,
    deviation_reason,
    source_line,
    {{ source_page("split_part(project_id, '-', 1)", 'source_line') }} as source_page,
    {{ page_line("split_part(project_id, '-', 1)", 'source_line') }} as page_line
from {{ ref('stg_parsed__project_budget') }}
