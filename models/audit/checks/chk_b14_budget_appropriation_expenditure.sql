-- 财政拨款支出表 (B14, a budget's appropriation expenditure of every fund) identities: B05's.
{{ check_row_total('b14_row_sum', 'B14', 'total', [['basic', 'personnel', 'public'], 'project']) }}
union all
{{ check_row_total('b14_basic_parts', 'B14', 'basic', ['personnel', 'public'], skip_if_terms_blank=true, skip_if_total_blank=true) }}
union all
{{ check_children_sum('b14_rollup', 'B14', ['total', 'basic', 'personnel', 'public', 'project', 'project_excluding_construction']) }}
