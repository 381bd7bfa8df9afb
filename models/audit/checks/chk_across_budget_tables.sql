-- A budget's tables stating the same figure (its final twins' x01_03, x05_06): the 收支总表's
-- expenditure against the 支出总表 (all funds, in total and per 类), and the general budget's basic
-- expenditure in 一般公共预算支出表 against 一般公共预算基本支出表 (whole, 人员经费, 公用经费), and the
-- general budget's appropriation in the 收支总表 against the 财政拨款收支总表.
{{ check_linear('xb01_03_expenditure', ['B01', 'expenditure_subtotal', 'amount'], [['B03', 'total', 'total']]) }}
union all
{{ check_rows_agree('xb01_03_class', ['B01', 'amount'], ['B03', 'total']) }}
union all
{{ check_linear('xb05_06_basic', ['B05', 'total', 'basic'], [['B06', 'total', 'total']], skip_if_actual_blank=true) }}
union all
{{ check_linear('xb05_06_personnel', ['B05', 'total', 'personnel'], [['B06', 'total', 'personnel']], skip_if_actual_blank=true) }}
union all
{{ check_linear('xb05_06_public', ['B05', 'total', 'public'], [['B06', 'total', 'public']], skip_if_actual_blank=true) }}
union all
{{ check_linear('xb01_04_general_budget', ['B01', 'general_budget_appropriation', 'amount'], [['B04', 'general_budget_appropriation', 'amount']]) }}
union all
{{ check_linear('xb01_02_income', ['B01', 'income_subtotal', 'amount'], [['B02', 'total', 'total']], skip_if_addends_blank=true) }}
union all
{{ check_linear('xb01_02_income_total', ['B01', 'income_total', 'amount'], [['B02', 'total', 'income_total']], skip_if_addends_blank=true) }}
union all
-- 机关运行经费 are 日常公用经费 of the general budget's basic expenditure: within B06's 公用经费; and the
-- general budget's basic expenditure is within every appropriation fund's (B16).
{{ check_part_within_whole('xb06_15_running_cost', ['B15', 'total', 'amount'], ['B06', 'total', 'public']) }}
union all
{{ check_part_within_whole('xb06_16_basic', ['B06', 'total', 'total'], ['B16', 'total', 'total']) }}
union all
-- 西安 prints the general budget's basic expenditure twice by function code: in 一般公共预算支出表 (B05) as
-- 人员经费支出 and 公用经费支出, and in its 基本支出明细表 (B17). Code by code they agree.
{{ check_rows_agree('xb05_17_personnel', ['B05', 'personnel'], ['B17', 'personnel'], row_pattern='[0-9]{3}([0-9]{2}){0,2}') }}
union all
{{ check_rows_agree('xb05_17_public', ['B05', 'public'], ['B17', 'public'], row_pattern='[0-9]{3}([0-9]{2}){0,2}') }}
