-- 政府采购预算明细表 (B12, a budget's) identities: 合计 = 货物 + 工程 + 服务 in each column printed, and
-- each row's 总计 = its sources of funds where they are printed (北京 prints one 金额).
{% for column in ['total', 'general_budget', 'government_fund', 'other_funds', 'opening_balance'] %}
{{ check_linear('b12_categories', ['B12', 'total', column], [['B12', 'goods', column], ['B12', 'works', column],
    ['B12', 'services', column]]) }}
union all
{% endfor %}
{{ check_row_total('b12_row_sum', 'B12', 'total', ['general_budget', 'government_fund', 'other_funds', 'opening_balance'],
    skip_if_terms_blank=true) }}
