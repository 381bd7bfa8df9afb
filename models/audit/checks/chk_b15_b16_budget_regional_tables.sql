-- 无锡's and 苏州's regional budget tables: 机关运行经费 (B15) by economic code, its roll-ups; 财政拨款基本
-- 支出表（经济科目） (B16) has B06's identities over every appropriation fund.
{{ check_children_sum('b15_rollup', 'B15', ['amount']) }}
union all
{{ check_row_total('b16_row_sum', 'B16', 'total', ['personnel', 'public']) }}
union all
{{ check_children_sum('b16_rollup', 'B16', ['total', 'personnel', 'public']) }}
