-- Project amounts as 元: the 自评报告 prints 元, the standard 自评表 万元 (converted exactly). Rates
-- and scores keep their printed text, whose number of decimals sets the rounding tolerance of the
-- identity checks.
select
    project_id,
    row_order,
    funding_source,
    -- 合计 in the 自评报告; 年度资金总额 in the standard 自评表; 金额合计 of the tasks in a budget's
    -- 部门整体支出绩效目标表.
    funding_source in ('合计', '年度资金总额', '金额合计') as is_total,
    {% for column in ['target_declared', 'budget_compiled', 'annual_budget', 'executed', 'balance'] -%}
    cast(case amount_unit when '万元' then {{ column }} * 10000 else {{ column }} end as decimal(18, 2))
        as {{ column }}_yuan,
    {% endfor -%}
    cast(execution_rate_text as decimal(9, 2)) as execution_rate_pct,
    execution_rate_text,
    cast(score_text as decimal(9, 2)) as score,
    score_text,
    cast(weight_text as decimal(9, 2)) as weight,
    deviation_reason,
    amount_unit as printed_unit,
    source_line
from {{ source('parsed', 'project_budget') }}
