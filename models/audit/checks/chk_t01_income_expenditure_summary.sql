-- 收入支出决算总表 (T01) identities. The 高等学校 form prints the three appropriation funds as one
-- line, 财政拨款收入 (appropriation_income): a report prints one or the other, so both are addends.
{{ check_linear('t01_income_subtotal', ['T01', 'income_subtotal', 'amount'], [
    ['T01', 'appropriation_income', 'amount'],
    ['T01', 'general_budget_appropriation', 'amount'], ['T01', 'government_fund_appropriation', 'amount'],
    ['T01', 'state_capital_appropriation', 'amount'], ['T01', 'superior_subsidy', 'amount'],
    ['T01', 'business_income', 'amount'], ['T01', 'operating_income', 'amount'],
    ['T01', 'affiliated_remittance', 'amount'], ['T01', 'other_income', 'amount']]) }}
union all
{{ check_children_sum('t01_expenditure_subtotal', 'T01', ['amount'], total_row='expenditure_subtotal') }}
union all
{{ check_linear('t01_income_total', ['T01', 'income_total', 'amount'], [
    ['T01', 'income_subtotal', 'amount'], ['T01', 'use_of_non_appropriation_balance', 'amount'],
    ['T01', 'opening_balance', 'amount']]) }}
union all
{{ check_linear('t01_expenditure_total', ['T01', 'expenditure_total', 'amount'], [
    ['T01', 'expenditure_subtotal', 'amount'], ['T01', 'balance_distribution', 'amount'],
    ['T01', 'closing_balance', 'amount']]) }}
union all
{{ check_linear('t01_balance', ['T01', 'income_total', 'amount'], [['T01', 'expenditure_total', 'amount']]) }}
