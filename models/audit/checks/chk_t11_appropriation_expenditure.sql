-- 财政拨款支出决算表 (T11, the 高等学校 layout's 表4) identities. Its 其中：基本建设资金支出 column is a
-- part of 项目支出: rolled up over codes, never summed into the row.
{{ check_columns_sum('t11_row_sum', 'T11', 'total', ['basic', 'project']) }}
union all
{{ check_children_sum('t11_rollup', 'T11', ['total', 'basic', 'project', 'project_capital_construction']) }}
