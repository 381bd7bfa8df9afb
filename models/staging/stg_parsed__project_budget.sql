-- Project amounts are printed in 元. Rates and scores keep their printed text, whose number of
-- decimals sets the rounding tolerance of the identity checks.
select
    project_id,
    row_order,
    funding_source,
    funding_source = '合计' as is_total,
    target_declared as target_declared_yuan,
    budget_compiled as budget_compiled_yuan,
    annual_budget as annual_budget_yuan,
    executed as executed_yuan,
    balance as balance_yuan,
    cast(execution_rate_text as decimal(9, 2)) as execution_rate_pct,
    execution_rate_text,
    cast(score_text as decimal(9, 2)) as score,
    score_text,
    deviation_reason,
    source_line
from {{ source('parsed', 'project_budget') }}
