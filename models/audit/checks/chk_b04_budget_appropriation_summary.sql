-- 财政拨款收支总表 (B04, a budget's) identities: a 收支总表's (B01's) over the appropriations alone.
-- Its income lines are the three funds, or 财政拨款 with the funds as its parts (西安); 上年结转
-- may list the funds as its parts.
{{ check_summary_table('b04', 'B04',
    income_lines=['appropriation_income', 'general_budget_appropriation', 'government_fund_appropriation',
                  'state_capital_appropriation'],
    carried_in=['opening_balance'],
    carried_out=['closing_balance']) }}
union all
{{ check_linear('b04_appropriation_parts', ['B04', 'appropriation_income', 'amount'], [
    ['B04', 'appropriation_income_general_budget', 'amount'], ['B04', 'appropriation_income_government_fund', 'amount'],
    ['B04', 'appropriation_income_state_capital', 'amount']], skip_if_addends_blank=true) }}
union all
{{ check_linear('b04_opening_parts', ['B04', 'opening_balance', 'amount'], [
    ['B04', 'opening_balance_general_budget', 'amount'], ['B04', 'opening_balance_government_fund', 'amount'],
    ['B04', 'opening_balance_state_capital', 'amount']], skip_if_addends_blank=true) }}
