-- Last year's figures, as the narrative implies them: prior = current − stated change. A single
-- report thus already gives a two-year comparison; where last year's report is loaded too, its
-- own figure is beside it (audit check nr_prior_year compares them).
with changes as (
    select c.*, r.department_name, r.fiscal_year
    from {{ ref('int_narrative__changes') }} as c
    inner join {{ ref('dim_report') }} as r using (report_id)
),

prior_reports as (
    select report_id as prior_report_id, department_name, fiscal_year
    from {{ ref('dim_report') }}
)

select
    c.report_id,
    c.department_name,
    c.fiscal_year,
    c.fiscal_year - 1 as prior_fiscal_year,
    c.section,
    c.subsection,
    c.subject,
    c.subject_code,
    c.unit,
    c.current_value,
    c.change_value,
    c.change_rate as change_rate_pct,
    c.current_value - c.change_value as prior_value,
    case when c.unit = '万元' then cast(c.current_value * 10000 as decimal(18, 2)) end as current_yuan,
    case when c.unit = '万元' then cast((c.current_value - c.change_value) * 10000 as decimal(18, 2)) end as prior_yuan,
    p.prior_report_id,
    c.source_line
from changes as c
left join prior_reports as p
    on p.department_name = c.department_name and p.fiscal_year = c.fiscal_year - 1
