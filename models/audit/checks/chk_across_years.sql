-- Across years (`xy_`): a final report's 年初结转和结余 (公开01表) is last year's 年末结转和结余 as the
-- department's final accounts of the year before printed it (same department and scope): a
-- difference is a balance restated between the two years' accounts. A budget's 上年结转 (预算01表) is
-- an estimate of the same balance, made before that year closed: set beside the final accounts'
-- 年末结转和结余 it anticipated, a difference is shown as an `estimate`, not as an error. A report
-- whose year before is not loaded has no instance.
with all_reports as (
    select report_id, department_key, coalesce(scope, '') as scope, fiscal_year, document_kind, loaded_at
    from {{ ref('dim_report') }}
),

reports as (
    select * from all_reports where document_kind = 'final'
),

-- One final report per department, scope and year: where a year was loaded twice (re-issued), the
-- most recently loaded one.
prior as (
    {{ latest_report_per_year('reports', 'prior_report_id') }}
),

balances as (
    select report_id, table_key, row_key, amount_yuan, source_line
    from {{ ref('stg_parsed__table_cells') }}
    where table_key in ('T01', 'B01') and row_key in ('opening_balance', 'closing_balance') and column_key = 'amount'
),

-- What each kind of report says of the balance brought forward, and how it is judged.
openings as (
    select report_id, department_key, scope, fiscal_year,
        case document_kind when 'budget' then 'xy_budget_opening_estimate' else 'xy_opening_balance' end as check_id,
        case document_kind when 'budget' then 'B01' else 'T01' end as table_key,
        case document_kind when 'budget' then 'estimate' else 'equal' end as comparison
    from all_reports
)

select
    r.report_id,
    r.check_id,
    r.table_key || ' opening_balance amount ' || p.fiscal_year as object,
    o.amount_yuan as actual,
    r.table_key || ':' || o.source_line as actual_source,
    o.source_line as actual_line,
    c.amount_yuan as expected,
    0 as addends,
    case when o.amount_yuan is null or c.amount_yuan is null then 0 else 2 end as inputs_present,
    r.comparison,
    50 as tolerance_per_addend,
    concat_ws(', ', r.table_key || ':' || o.source_line, p.prior_report_id || ' T01:' || c.source_line) as source_lines
from openings as r
inner join prior as p
    on p.department_key = r.department_key and p.scope = r.scope and p.fiscal_year = r.fiscal_year - 1
left join balances as o on o.report_id = r.report_id and o.table_key = r.table_key and o.row_key = 'opening_balance'
left join balances as c on c.report_id = p.prior_report_id and c.table_key = 'T01' and c.row_key = 'closing_balance'
