-- 收支总表 (B01, a budget's) identities: T01's, with the income line a budget adds (财政专户管理资金).
{{ check_summary_table('b01', 'B01', [
    'appropriation_income', 'general_budget_appropriation', 'government_fund_appropriation',
    'state_capital_appropriation', 'special_account_income', 'superior_subsidy', 'business_income',
    'operating_income', 'affiliated_remittance', 'other_income']) }}
