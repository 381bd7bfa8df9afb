-- 一般公共预算支出表 (B05, a budget's) identities: T05's 合计 = 基本 + 项目, where 基本支出 is printed
-- whole or only by its parts (西安: 人员经费支出 + 公用经费支出); 基本 = 人员经费 + 公用经费 where both
-- are printed; code roll-ups in every column.
{{ check_row_total('b05_row_sum', 'B05', 'total', [['basic', 'personnel', 'public'], 'project']) }}
union all
{{ check_row_total('b05_basic_parts', 'B05', 'basic', ['personnel', 'public'], skip_if_terms_blank=true, skip_if_total_blank=true) }}
union all
{{ check_children_sum('b05_rollup', 'B05', ['total', 'basic', 'personnel', 'public', 'project', 'project_excluding_construction']) }}
