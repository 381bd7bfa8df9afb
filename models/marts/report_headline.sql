-- One row per report: the figures `juesuan run` prints for it, in 元 (the CLI shows 万元). A
-- budget's are its 收支总表's, 支出总表's and 三公 table's (B01, B03, B09), a final report's its T01's,
-- T03's and T09's.
with summary_lines as (
    select
        report_id,
        max(amount_yuan) filter (where row_key = 'income_subtotal') as income_yuan,
        max(amount_yuan) filter (where row_key = 'expenditure_subtotal') as expenditure_yuan
    from {{ ref('fct_table_cell') }}
    where table_key in ('T01', 'B01') and column_key = 'amount'
    group by report_id
),

expenditure_totals as (
    select
        report_id,
        max(amount_yuan) filter (where column_key = 'basic') as basic_yuan,
        max(amount_yuan) filter (where column_key = 'project') as project_yuan
    from {{ ref('fct_table_cell') }}
    where table_key in ('T03', 'B03') and row_key = 'total'
    group by report_id
),

three_public as (
    select report_id, cast(sum(amount_yuan) as decimal(18, 2)) as three_public_final_yuan
    from {{ ref('fct_three_public_costs') }}
    where phase = 'final'
    group by report_id
),

-- The 三公 budget: a budget's own (B09, its `budget` row's 合计), a final report's 年初预算 column (T09).
three_public_budget as (
    select report_id, max(amount_yuan) as three_public_budget_yuan
    from {{ ref('fct_table_cell') }}
    where table_key = 'B09' and row_key = 'budget' and column_key = 'total'
    group by report_id
    union all
    select report_id, cast(sum(amount_yuan) as decimal(18, 2)) as three_public_budget_yuan
    from {{ ref('fct_three_public_costs') }}
    where phase = 'budget'
    group by report_id
),

vehicles as (
    select report_id, cast(sum(quantity) as integer) as vehicles
    from {{ ref('fct_asset_holding') }}
    where asset_kind = 'vehicle'
    group by report_id
)

select
    r.report_id,
    r.department_name,
    r.fiscal_year,
    r.document_kind,
    s.income_yuan,
    s.expenditure_yuan,
    e.basic_yuan,
    e.project_yuan,
    b.three_public_budget_yuan,
    t.three_public_final_yuan,
    v.vehicles,
    r.tables_missing,
    r.load_warning_count + r.load_error_count as load_issue_count
from {{ ref('dim_report') }} as r
left join summary_lines as s using (report_id)
left join expenditure_totals as e using (report_id)
left join three_public_budget as b using (report_id)
left join three_public as t using (report_id)
left join vehicles as v using (report_id)
