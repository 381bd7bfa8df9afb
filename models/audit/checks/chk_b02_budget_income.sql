-- 收入总表 (B02, a budget's) identities, on every row (the 合计, each unit, each subject):
-- 合计 = 本年收入 + what is carried in (上年结转结余, 使用非财政拨款结余, …), 本年收入 and 上年结转结余
-- read as their 小计 where printed, else as the sum of their sources (西安 and 高等学校 print no 小计);
-- 本年收入小计 = Σ its sources, 上年结转结余小计 = Σ its funds, where both sides are printed.
{% set sources = ['general_budget', 'government_fund', 'state_capital', 'fiscal_appropriation', 'special_account',
                  'business', 'operating', 'superior_subsidy', 'affiliated_remittance', 'other'] %}
{% set opening = ['opening_general_budget', 'opening_government_fund', 'opening_state_capital',
                  'opening_special_account', 'opening_unit_funds'] %}
{{ check_row_total('b02_row_sum', 'B02', 'income_total', [['total'] + sources, ['opening_balance'] + opening,
    'use_of_non_appropriation_balance', 'business_fund_offset', 'prior_year_account_balance'], skip_if_total_blank=true) }}
union all
{{ check_row_total('b02_income_parts', 'B02', 'total', sources, skip_if_terms_blank=true, skip_if_total_blank=true) }}
union all
{{ check_row_total('b02_opening_parts', 'B02', 'opening_balance', opening, skip_if_terms_blank=true, skip_if_total_blank=true) }}
union all
{{ check_children_sum('b02_rollup', 'B02', ['income_total', 'total', 'opening_balance'] + sources) }}
