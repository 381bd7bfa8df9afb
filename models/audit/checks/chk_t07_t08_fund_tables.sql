-- 政府性基金 (T07) and 国有资本经营 (T08) appropriation table identities.
{{ check_columns_sum('t07_row_sum', 'T07', 'total', ['basic', 'project']) }}
union all
{{ check_columns_sum('t07_carry_over', 'T07', 'closing_balance', ['opening_balance', 'income'], minus_columns=['total']) }}
union all
{{ check_children_sum('t07_rollup', 'T07', ['opening_balance', 'income', 'total', 'basic', 'project', 'closing_balance']) }}
union all
{{ check_columns_sum('t08_row_sum', 'T08', 'total', ['basic', 'project']) }}
union all
{{ check_children_sum('t08_rollup', 'T08', ['total', 'basic', 'project']) }}
