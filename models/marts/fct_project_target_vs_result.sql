-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- A project's targets as its budget set them (绩效目标表, stage `budget`) beside its self-evaluation
-- of the same year (stage `final`): one row per indicator both print. The two projects are one
-- department's (dim_department), of one scope and year, and one project: the same code where both
-- print one, else the same name where it names one project on each side (the department's own
-- targets beside its 部门整体 self-evaluation, a project's beside a project's). An indicator is the
-- same name (spaces aside), printed once in each (forms name their categories differently, `社会效益`
-- and `社会效益指标`; a name printed twice in a project is left out, not guessed). The actual is
-- judged against the budget's target (`met_budget_target`, where both targets are of one unit),
-- which the self-evaluation may restate otherwise (`final_target_text`).
with projects as (
    select p.project_id, p.stage, p.project_name, p.project_code, p.project_form, r.department_key,
        coalesce(r.scope, '') as scope,
        r.fiscal_year,
        -- A name two projects of one report share (two units' projects in a 汇总 budget) names neither.
        count(*) over (partition by p.report_id, p.project_name) as named_alike
    from {{ ref('dim_project') }} as p
    inner join {{ ref('dim_report') }} as r using (report_id)
),

pairs as (
    select b.project_id as budget_project_id, f.project_id as final_project_id, b.department_key, b.fiscal_year,
        b.project_name
    from projects as b
    inner join projects as f
        on f.stage = 'final' and b.stage = 'budget'
       and f.department_key = b.department_key and f.scope = b.scope and f.fiscal_year = b.fiscal_year
       -- The department's targets beside its 部门整体 self-evaluation, a project's beside a project's.
       and (b.project_form = 'department_target') = (f.project_form = 'department')
       and case when b.project_code is not null and f.project_code is not null then b.project_code = f.project_code
                else b.project_name = f.project_name and b.named_alike = 1 and f.named_alike = 1 end
),

indicators as (
    select * from (
        select *, replace(indicator_name, ' ', '') as name_key,
            count(*) over (partition by project_id, replace(indicator_name, ' ', '')) as printed
        from {{ ref('fct_project_indicator') }}
    ) as i
    where printed = 1
)

select
    p.department_key,
    p.fiscal_year,
    p.project_name,
    p.budget_project_id,
    p.final_project_id,
    b.level1,
    b.level2,
    b.indicator_name,
    b.target_text as budget_target_text,
    f.target_text as final_target_text,
    f.actual_text,
    f.actual_value,
    case when coalesce(b.target_unit, '') = coalesce(f.target_unit, '')
         then {{ meets_target('b.target_op', 'b.target_value', 'f.actual_value') }} end as met_budget_target,
    f.target_met as met_final_target,
    b.weight as budget_weight,
    f.weight as final_weight,
    f.score,
    b.source_line as budget_source_line,
    f.source_line as final_source_line
from pairs as p
inner join indicators as b on b.project_id = p.budget_project_id
inner join indicators as f
    on f.project_id = p.final_project_id
   and f.name_key = b.name_key
