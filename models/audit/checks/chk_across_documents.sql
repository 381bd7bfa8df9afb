-- Across documents (`xd_`): what a department's final accounts restate of its budget. The final
-- narrative states each 类's, 项's and the general budget's 年初预算 (and, in some regions, the 三公's):
-- the budget report of the same department, scope and year printed them (B05 by code, B09). A
-- difference is a restated budget, a finding of its own kind, not an error of either document.
-- Only 年初预算 is compared: a 全年预算 is the budget as adjusted during the year. The budget cell a
-- figure restates is the one the budget's own narrative would restate under the same subject
-- (reference.ref_narrative_metric, document_kind `budget`, attribute `amount`); a final with no
-- budget loaded beside it has no instance.
with reports as (
    select report_id, department_key, coalesce(scope, '') as scope, fiscal_year, document_kind, loaded_at
    from {{ ref('dim_report') }}
),

-- One budget per department, scope and year: where a year's budget was loaded twice (re-issued),
-- the most recently loaded one.
budgets as (
    {{ latest_report_per_year("reports where document_kind = 'budget'", 'budget_report_id') }}
),

stated as (
    select
        f.report_id, f.metric, f.subject, f.subject_code, f.value_yuan, f.source_line, r.department_key, r.scope,
        r.fiscal_year,
        count(*) over (partition by f.report_id, f.metric, f.subject_code, f.source_line) as on_line,
        row_number() over (partition by f.report_id, f.metric, f.subject_code, f.source_line order by f.figure_order) as nth
    from {{ ref('stg_parsed__narrative_figures') }} as f
    inner join reports as r on r.report_id = f.report_id and r.document_kind = 'final'
    where f.attribute = 'initial_budget' and f.unit = '万元'
),

cells as (
    select report_id, table_key, row_key, column_key, amount_yuan, source_line
    from {{ ref('stg_parsed__table_cells') }}
)

select
    s.report_id,
    'xd_initial_budget' as check_id,
    s.metric || coalesce(' ' || s.subject_code, '') || ' line ' || s.source_line
    || case when s.on_line > 1 then ' #' || s.nth else '' end as object,
    s.value_yuan as actual,
    'narrative:' || s.source_line as actual_source,
    s.source_line as actual_line,
    c.amount_yuan as expected,
    0 as addends,
    -- A line the budget does not print (blank, or a 项 it states only within its 类) says nothing.
    case when c.amount_yuan is null then 0 else 2 end as inputs_present,
    'equal' as comparison,
    50 as tolerance_per_addend,
    concat_ws(', ', 'narrative:' || s.source_line, b.budget_report_id || ' ' || m.table_key || ':' || c.source_line) as source_lines
from stated as s
inner join budgets as b
    on b.department_key = s.department_key and b.scope = s.scope and b.fiscal_year = s.fiscal_year
inner join {{ ref('ref_narrative_metric') }} as m
    on m.subject = s.subject and m.attribute = 'amount' and m.document_kind = 'budget' and m.table_key is not null
left join cells as c
    on c.report_id = b.budget_report_id and c.table_key = m.table_key
   and c.row_key = replace(m.row_key, '{code}', coalesce(s.subject_code, '')) and c.column_key = m.column_key
-- A 项 path the final's tables do not print (no code) names no budget line either.
where not (m.row_key like '%{code}%' and s.subject_code is null)
