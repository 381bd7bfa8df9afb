-- 无锡's and 苏州's regional budget tables: 机关运行经费 (B15) by economic code, its roll-ups; 财政拨款基本
-- 支出表（经济科目） (B16) has B06's identities over every appropriation fund; 西安's 基本支出 by function (B17)
-- B06's over function codes.
{{ check_children_sum('b15_rollup', 'B15', ['amount']) }}
union all
{{ check_row_total('b16_row_sum', 'B16', 'total', ['personnel', 'public']) }}
union all
{{ check_children_sum('b16_rollup', 'B16', ['total', 'personnel', 'public']) }}
union all
-- 西安's 基本支出 by function code (B17): 合计 = 人员经费 + 公用经费, and its roll-ups.
{{ check_row_total('b17_row_sum', 'B17', 'total', ['personnel', 'public']) }}
union all
{{ check_children_sum('b17_rollup', 'B17', ['total', 'personnel', 'public']) }}
