-- 收入支出决算总表 (T01) identities. The 高等学校 form prints the three appropriation funds as one
-- line, 财政拨款收入 (appropriation_income): a report prints one or the other, so both are addends.
{{ check_summary_table('t01', 'T01',
    income_lines=['appropriation_income', 'general_budget_appropriation', 'government_fund_appropriation',
                  'state_capital_appropriation', 'superior_subsidy', 'business_income', 'operating_income',
                  'affiliated_remittance', 'other_income'],
    carried_in=['use_of_non_appropriation_balance', 'opening_balance'],
    carried_out=['balance_distribution', 'closing_balance']) }}
