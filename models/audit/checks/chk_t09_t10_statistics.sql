-- "三公"经费 (T09) and 统计表 (T10) identities.
{{ check_columns_sum('t09_total', 'T09', 'total', ['overseas', 'vehicle_subtotal', 'reception']) }}
union all
{{ check_columns_sum('t09_vehicle_subtotal', 'T09', 'vehicle_subtotal', ['vehicle_purchase', 'vehicle_operation']) }}
union all
{{ check_linear('t10_procurement_total', ['T10', 'procurement_total', 'amount'], [
    ['T10', 'procurement_goods', 'amount'], ['T10', 'procurement_works', 'amount'], ['T10', 'procurement_services', 'amount']]) }}
union all
{{ check_linear('t10_vehicles_total', ['T10', 'vehicles_total', 'count'], [
    ['T10', 'vehicles_senior_leader', 'count'], ['T10', 'vehicles_principal', 'count'],
    ['T10', 'vehicles_confidential', 'count'], ['T10', 'vehicles_emergency', 'count'],
    ['T10', 'vehicles_law_enforcement', 'count'], ['T10', 'vehicles_special_technical', 'count'],
    ['T10', 'vehicles_retiree_service', 'count'], ['T10', 'vehicles_other', 'count']]) }}
