-- 财政拨款收入支出决算总表 (T04) identities.
{% set funds = ['general_budget', 'government_fund', 'state_capital'] %}
{{ check_columns_sum('t04_row_sum', 'T04', 'total', funds) }}
union all
{{ check_linear('t04_income_subtotal', ['T04', 'income_subtotal', 'amount'], [
    ['T04', 'general_budget_appropriation', 'amount'], ['T04', 'government_fund_appropriation', 'amount'],
    ['T04', 'state_capital_appropriation', 'amount']]) }}
union all
{{ check_children_sum('t04_expenditure_subtotal', 'T04', ['total'] + funds, total_row='expenditure_subtotal') }}
union all
{{ check_linear('t04_opening_balance', ['T04', 'opening_balance', 'amount'], [
    ['T04', 'opening_balance_general_budget', 'amount'], ['T04', 'opening_balance_government_fund', 'amount'],
    ['T04', 'opening_balance_state_capital', 'amount']]) }}
union all
{{ check_linear('t04_income_total', ['T04', 'income_total', 'amount'], [
    ['T04', 'income_subtotal', 'amount'], ['T04', 'opening_balance', 'amount']]) }}
union all
{{ check_linear('t04_expenditure_total', ['T04', 'expenditure_total', 'total'], [
    ['T04', 'expenditure_subtotal', 'total'], ['T04', 'closing_balance', 'total']]) }}
union all
{{ check_linear('t04_balance', ['T04', 'income_total', 'amount'], [['T04', 'expenditure_total', 'total']]) }}
{% for fund in funds %}
union all
-- 年末 = 年初 + 本年收入 − 本年支出, per fund.
{{ check_linear('t04_fund_balance_' ~ fund, ['T04', 'closing_balance', fund], [
    ['T04', 'opening_balance_' ~ fund, 'amount'], ['T04', fund ~ '_appropriation', 'amount'],
    ['T04', 'expenditure_subtotal', fund, -1]]) }}
{% endfor %}
