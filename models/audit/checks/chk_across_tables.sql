-- Identities across tables: the same figure stated in two tables, and parts within wholes.
{{ check_linear('x01_02_income', ['T01', 'income_subtotal', 'amount'], [['T02', 'total', 'total']]) }}
union all
{{ check_linear('x01_03_expenditure', ['T01', 'expenditure_subtotal', 'amount'], [['T03', 'total', 'total']]) }}
union all
{{ check_rows_agree('x01_03_class', ['T01', 'amount'], ['T03', 'total']) }}
union all
{{ check_linear('x02_04_appropriation', ['T02', 'total', 'fiscal_appropriation'], [['T04', 'income_subtotal', 'amount']]) }}
union all
{{ check_linear('x04_05_total', ['T04', 'expenditure_subtotal', 'general_budget'], [['T05', 'total', 'total']]) }}
union all
{{ check_rows_agree('x04_05_class', ['T04', 'general_budget'], ['T05', 'total']) }}
union all
{{ check_linear('x05_06_basic', ['T05', 'total', 'basic'], [
    ['T06', 'personnel_total', 'amount'], ['T06', 'public_total', 'amount']]) }}
union all
{{ check_linear('x06_10_running_cost', ['T10', 'running_cost_admin_units', 'amount'], [
    ['T06', 'public_total', 'amount']], skip_if_actual_blank=true) }}
union all
{{ check_part_within_whole('p06_09_overseas', ['T06', '30212', 'amount'], ['T09', 'final', 'overseas']) }}
union all
{{ check_part_within_whole('p06_09_reception', ['T06', '30217', 'amount'], ['T09', 'final', 'reception']) }}
union all
{{ check_part_within_whole('p06_09_vehicle_operation', ['T06', '30231', 'amount'], ['T09', 'final', 'vehicle_operation']) }}
union all
{{ check_part_within_whole('p06_09_vehicle_purchase', ['T06', '31013', 'amount'], ['T09', 'final', 'vehicle_purchase']) }}
