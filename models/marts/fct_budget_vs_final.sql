-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- Budget against final accounts (部门预算 vs 部门决算): each figure a department's budget printed for
-- a year beside the figure its final accounts for that year printed in the same row and column of
-- the table of the same shape (reference.ref_standard_table.final_twin: B01/T01 … B09/T09, B14/T11;
-- B06's 合计 beside T06's 决算数, reference.ref_table_column.final_column), of one department
-- (dim_department) and one scope: a budget of the department's
-- own accounts (`（本级）`) is not set beside final accounts of the department with its units. A row
-- is a figure printed on both sides: a budget line the final accounts do not print (西南大学's 229
-- in its 财政拨款支出表) has no final figure to set beside it.
with reports as (
    select report_id, department_key, department_name, coalesce(scope, '') as scope, fiscal_year, document_kind
    from {{ ref('dim_report') }}
),

budget as (
    select r.department_key, r.department_name, r.scope, r.fiscal_year, c.report_id, t.final_twin, c.table_key, c.row_key, c.column_key,
        coalesce(col.final_column, c.column_key) as final_column, c.row_label, c.amount_yuan, c.source_line
    from {{ ref('fct_table_cell') }} as c
    inner join reports as r on r.report_id = c.report_id and r.document_kind = 'budget'
    inner join {{ ref('ref_standard_table') }} as t on t.table_key = c.table_key and t.final_twin is not null
    -- A column is beside its twin's column of the same key, or the one its table declares (B06 合计 → T06 决算数).
    left join {{ ref('ref_table_column') }} as col on col.table_key = c.table_key and col.column_key = c.column_key
    where c.amount_yuan is not null
),

final as (
    select r.department_key, r.scope, r.fiscal_year, c.report_id, c.table_key, c.row_key, c.column_key, c.amount_yuan,
        c.source_line
    from {{ ref('fct_table_cell') }} as c
    inner join reports as r on r.report_id = c.report_id and r.document_kind = 'final'
    where c.amount_yuan is not null
)

select
    b.department_key,
    b.department_name,
    b.fiscal_year,
    b.table_key as budget_table_key,
    f.table_key as final_table_key,
    b.row_key,
    b.column_key,
    b.row_label,
    b.amount_yuan as budget_yuan,
    f.amount_yuan as final_yuan,
    cast(f.amount_yuan - b.amount_yuan as decimal(18, 2)) as difference_yuan,
    case when b.amount_yuan <> 0 then cast(round(100 * f.amount_yuan / b.amount_yuan, 2) as decimal(18, 2)) end
        as execution_rate_pct,
    b.report_id as budget_report_id,
    f.report_id as final_report_id,
    b.source_line as budget_source_line,
    f.source_line as final_source_line
from budget as b
inner join final as f
    on f.department_key = b.department_key
   and f.scope = b.scope
   and f.fiscal_year = b.fiscal_year
   and f.table_key = b.final_twin
   -- A table of phases (the 三公: rows `budget`, `final`) sets the budget year's budget beside
   -- what the final accounts say was spent, not beside the budget they restate.
   and f.row_key = case when b.row_key = 'budget' then 'final' else b.row_key end
   and f.column_key = b.final_column
