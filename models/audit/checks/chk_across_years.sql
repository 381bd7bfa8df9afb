-- Across years (`xy_`): a final report's 年初结转和结余 (公开01表) is last year's 年末结转和结余 as the
-- department's final accounts of the year before printed it (same department, scope and kind). A
-- difference is a balance restated between the two years' accounts. A report whose year before is
-- not loaded has no instance.
with reports as (
    select report_id, department_key, coalesce(scope, '') as scope, fiscal_year, document_kind, loaded_at
    from {{ ref('dim_report') }}
    where document_kind = 'final'
),

-- One final report per department, scope and year: where a year was loaded twice (re-issued), the
-- most recently loaded one.
prior as (
    {{ latest_report_per_year('reports', 'prior_report_id') }}
),

balances as (
    select report_id, row_key, amount_yuan, source_line
    from {{ ref('stg_parsed__table_cells') }}
    where table_key = 'T01' and row_key in ('opening_balance', 'closing_balance') and column_key = 'amount'
)

select
    r.report_id,
    'xy_opening_balance' as check_id,
    'T01 opening_balance amount ' || p.fiscal_year as object,
    o.amount_yuan as actual,
    'T01:' || o.source_line as actual_source,
    o.source_line as actual_line,
    c.amount_yuan as expected,
    0 as addends,
    case when o.amount_yuan is null or c.amount_yuan is null then 0 else 2 end as inputs_present,
    'equal' as comparison,
    50 as tolerance_per_addend,
    concat_ws(', ', 'T01:' || o.source_line, p.prior_report_id || ' T01:' || c.source_line) as source_lines
from reports as r
inner join prior as p
    on p.department_key = r.department_key and p.scope = r.scope and p.fiscal_year = r.fiscal_year - 1
left join balances as o on o.report_id = r.report_id and o.row_key = 'opening_balance'
left join balances as c on c.report_id = p.prior_report_id and c.row_key = 'closing_balance'
