-- 一般公共预算财政拨款支出决算表 (T05) identities.
{{ check_columns_sum('t05_row_sum', 'T05', 'total', ['basic', 'project']) }}
union all
{{ check_children_sum('t05_rollup', 'T05', ['total', 'basic', 'project']) }}
