-- 财政拨款“三公”经费支出表 (B09, a budget's) identities: T09's, on its one row (the budget year's).
{{ check_columns_sum('b09_total', 'B09', 'total', ['overseas', 'vehicle_subtotal', 'reception']) }}
union all
{{ check_columns_sum('b09_vehicle_subtotal', 'B09', 'vehicle_subtotal', ['vehicle_purchase', 'vehicle_operation']) }}
