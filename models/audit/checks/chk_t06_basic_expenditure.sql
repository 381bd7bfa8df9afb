-- 一般公共预算财政拨款基本支出决算明细表 (T06) identities.
{{ check_children_sum('t06_rollup', 'T06', ['amount'], total_row='(none)') }}
union all
{{ check_linear('t06_personnel_total', ['T06', 'personnel_total', 'amount'], [
    ['T06', '301', 'amount'], ['T06', '303', 'amount']]) }}
union all
{{ check_linear('t06_public_total', ['T06', 'public_total', 'amount'], [
    ['T06', '302', 'amount'], ['T06', '307', 'amount'], ['T06', '309', 'amount'], ['T06', '310', 'amount'],
    ['T06', '311', 'amount'], ['T06', '312', 'amount'], ['T06', '313', 'amount'], ['T06', '399', 'amount']]) }}
