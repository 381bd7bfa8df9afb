-- 绩效指标完成情况: one row per performance indicator, with its target parsed where it is
-- quantitative and whether the numeric actual value meets it; a budget's 绩效目标表 (stage `budget`)
-- sets targets only.
select
    i.project_id,
    i.row_order,
    {{ project_stage('p.project_form') }} as stage,
    i.level1,
    i.level2,
    i.indicator_name,
    i.target_text,
    i.target_op,
    i.target_value,
    i.target_unit,
    i.actual_text,
    i.actual_value,
    {{ meets_target('i.target_op', 'i.target_value', 'i.actual_value') }} as target_met,
    i.weight,
    i.score,
    i.deviation_reason,
    i.indicator_nature,
    i.measure_unit,
    i.source_line,
    {{ source_page("split_part(i.project_id, '-', 1)", 'i.source_line') }} as source_page,
    {{ page_line("split_part(i.project_id, '-', 1)", 'i.source_line') }} as page_line
from {{ ref('stg_parsed__project_indicators') }} as i
inner join {{ ref('stg_parsed__projects') }} as p using (project_id)
