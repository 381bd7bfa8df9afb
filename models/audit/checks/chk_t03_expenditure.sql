-- 支出决算表 (T03) identities.
{% set kinds = ['basic', 'project', 'remit_to_superior', 'operating', 'subsidy_to_affiliates'] %}
{{ check_columns_sum('t03_row_sum', 'T03', 'total', kinds) }}
union all
{{ check_children_sum('t03_rollup', 'T03', ['total'] + kinds) }}
