-- One project self-evaluation (项目支出绩效自评): the scores and grade its section 三 states,
-- the totals of its 预算执行情况 table, and its description; or one project's targets as a budget
-- sets them (绩效目标表, stage `budget`): its funds and indicators, no execution and no scores.
with budget_total as (
    select * from {{ ref('stg_parsed__project_budget') }} where is_total
),

indicators as (
    select
        project_id,
        count(*) as indicator_count,
        sum(weight) as weight_sum,
        sum(score) as indicator_score_sum
    from {{ ref('stg_parsed__project_indicators') }}
    group by project_id
)

select
    p.project_id,
    p.report_id,
    p.project_seq,
    p.project_name,
    p.project_code,
    p.project_form,
    {{ project_stage('p.project_form') }} as stage,
    p.project_unit_name as project_unit,
    p.project_unit_code,
    p.supervisor_name,
    p.supervisor_code,
    p.stated_execution_score as execution_score,
    p.stated_indicator_score as indicator_score,
    p.stated_total_score as total_score,
    p.stated_grade as grade,
    b.annual_budget_yuan,
    b.executed_yuan,
    b.balance_yuan,
    b.execution_rate_pct,
    b.score as budget_table_score,
    coalesce(i.indicator_count, 0) as indicator_count,
    i.weight_sum,
    i.indicator_score_sum,
    p.parse_error_count,
    p.section_overview as overview,
    p.section_basis as basis,
    p.section_necessity as necessity,
    p.section_safeguards as safeguards,
    p.section_goal_period as goal_period,
    p.section_goal_annual as goal_annual,
    p.section_implementation_plan as implementation_plan,
    p.title_line as source_line,
    {{ source_page("p.report_id", 'p.title_line') }} as source_page,
    {{ page_line("p.report_id", 'p.title_line') }} as page_line
from {{ ref('stg_parsed__projects') }} as p
left join budget_total as b using (project_id)
left join indicators as i using (project_id)
