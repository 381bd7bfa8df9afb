-- 收入决算表 (T02) identities.
{% set sources = ['fiscal_appropriation', 'superior_subsidy', 'business', 'operating', 'affiliated_remittance', 'other'] %}
{{ check_columns_sum('t02_row_sum', 'T02', 'total', sources) }}
union all
{{ check_children_sum('t02_rollup', 'T02', ['total'] + sources) }}
