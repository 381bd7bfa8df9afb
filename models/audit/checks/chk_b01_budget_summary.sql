-- 收支总表 (B01, a budget's) identities: T01's, with the lines a budget adds: 财政专户管理资金 among
-- the income; 西安's 上年实户资金余额 and the 2020 template's 用事业基金弥补收支差额 carried in, and
-- 未安排支出的实户资金 carried out. 西安 prints 财政拨款 with its funds as `(1)…` parts
-- (appropriation_income_*), which are not lines of their own.
{{ check_summary_table('b01', 'B01',
    income_lines=['appropriation_income', 'general_budget_appropriation', 'government_fund_appropriation',
                  'state_capital_appropriation', 'special_account_income', 'superior_subsidy', 'business_income',
                  'operating_income', 'affiliated_remittance', 'other_income'],
    carried_in=['use_of_non_appropriation_balance', 'business_fund_offset', 'prior_year_account_balance',
                'opening_balance'],
    carried_out=['balance_distribution', 'unallocated_account_funds', 'closing_balance']) }}
union all
-- 财政拨款 = its funds, where the funds are printed as its `(1)…` parts.
{{ check_linear('b01_appropriation_parts', ['B01', 'appropriation_income', 'amount'], [
    ['B01', 'appropriation_income_general_budget', 'amount'], ['B01', 'appropriation_income_government_fund', 'amount'],
    ['B01', 'appropriation_income_state_capital', 'amount']], skip_if_addends_blank=true) }}
