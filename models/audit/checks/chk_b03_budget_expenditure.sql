-- 支出总表 (B03, a budget's) identities: T03's, for the budget year.
{% set kinds = ['basic', 'project', 'remit_to_superior', 'operating', 'subsidy_to_affiliates'] %}
{{ check_columns_sum('b03_row_sum', 'B03', 'total', kinds) }}
union all
{{ check_children_sum('b03_rollup', 'B03', ['total'] + kinds) }}
