-- 财政拨款“三公”经费支出表 (B09, a budget's) identities: T09's, on each row (the budget year's; 西安's last year's and the change too).
{{ check_columns_sum('b09_total', 'B09', 'total', ['overseas', 'vehicle_subtotal', 'reception']) }}
union all
{{ check_columns_sum('b09_vehicle_subtotal', 'B09', 'vehicle_subtotal', ['vehicle_purchase', 'vehicle_operation']) }}
union all
-- 西安's groups: each 合计 is the 三公 with 会议费 and 培训费; the change is this year's less last year's.
{{ check_row_total('b09_with_meeting_training', 'B09', 'total_with_meeting_training', ['total', 'meeting', 'training'],
    skip_if_total_blank=true) }}
{% for column in ['total_with_meeting_training', 'total', 'overseas', 'reception', 'vehicle_subtotal', 'vehicle_purchase',
                  'vehicle_operation', 'meeting', 'training'] %}
union all
{{ check_linear('b09_change', ['B09', 'change', column], [['B09', 'budget', column], ['B09', 'prior_budget', column, -1]],
    skip_if_actual_blank=true) }}
{% endfor %}
