-- Every checked identity instance of every report, with its status: held, rounding (within
-- the printed rounding), discrepancy (beyond it) or skipped (its inputs are absent).
with checks as (
    {{ identity_rows(ref('chk_t01_income_expenditure_summary')) }}
    union all
    {{ identity_rows(ref('chk_t02_income')) }}
    union all
    {{ identity_rows(ref('chk_t03_expenditure')) }}
    union all
    {{ identity_rows(ref('chk_t04_appropriation_summary')) }}
    union all
    {{ identity_rows(ref('chk_t05_general_budget_expenditure')) }}
    union all
    {{ identity_rows(ref('chk_t06_basic_expenditure')) }}
    union all
    {{ identity_rows(ref('chk_t07_t08_fund_tables')) }}
    union all
    {{ identity_rows(ref('chk_t09_t10_statistics')) }}
    union all
    {{ identity_rows(ref('chk_across_tables')) }}
    union all
    {{ identity_rows(ref('chk_projects')) }}
    union all
    {{ identity_rows(ref('chk_narrative')) }}
)

select
    checks.report_id,
    checks.check_id,
    catalog.scope,
    catalog.rule,
    catalog.description,
    catalog.unit,
    checks.object,
    cast(checks.expected as decimal(18, 4)) as expected,
    cast(checks.actual as decimal(18, 4)) as actual,
    cast({{ identity_difference() }} as decimal(18, 4)) as difference,
    {{ identity_tolerance() }} as tolerance,
    checks.addends,
    checks.comparison,
    {{ identity_status() }} as status,
    checks.actual_source,
    checks.source_lines
from checks
left join {{ ref('ref_identity') }} as catalog using (check_id)
