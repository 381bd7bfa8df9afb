-- 一般公共预算基本支出表 (B06), 政府性基金预算支出表 (B07) and 国有资本经营预算支出表 (B08), a budget's,
-- identities. B06 is a tree of economic codes: 合计 = 人员经费 + 公用经费 on each row, 类 = Σ 款.
-- B07 and B08 have B05's columns and identities.
{{ check_row_total('b06_row_sum', 'B06', 'total', ['personnel', 'public']) }}
union all
{{ check_children_sum('b06_rollup', 'B06', ['total', 'personnel', 'public']) }}
{% for key in ['B07', 'B08'] %}
{%- set prefix = key | lower %}
union all
{{ check_row_total(prefix ~ '_row_sum', key, 'total', [['basic', 'personnel', 'public'], 'project']) }}
union all
{{ check_row_total(prefix ~ '_basic_parts', key, 'basic', ['personnel', 'public'], skip_if_terms_blank=true, skip_if_total_blank=true) }}
union all
{{ check_children_sum(prefix ~ '_rollup', key, ['total', 'basic', 'personnel', 'public', 'project']) }}
{% endfor %}
