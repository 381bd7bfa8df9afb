-- Last year's figures, as the narrative implies them: prior = current − stated change. A single
-- report thus already gives a two-year comparison; where last year's report is loaded too, its
-- own figure is beside it (audit check nr_prior_year compares them).
with changes as (
    select c.*, r.department_key, r.department_name, r.fiscal_year, r.document_kind, coalesce(r.scope, '') as scope
    from {{ ref('int_narrative__changes') }} as c
    inner join {{ ref('dim_report') }} as r using (report_id)
),

-- One report per department (department_key, as every join across reports: dim_department), kind,
-- scope and year: a budget's change is over last year's budget, a final's over last year's final
-- accounts, a 本级 report's over last year's 本级 one. Where a year was loaded twice (a re-issued
-- report), the most recently loaded one; prior_report_candidates says how many there were.
prior_reports as (
    select department_key, document_kind, scope, fiscal_year, report_id as prior_report_id,
        candidates as prior_report_candidates
    from (
        select
            department_key,
            document_kind,
            coalesce(scope, '') as scope,
            fiscal_year,
            report_id,
            count(*) over (partition by department_key, document_kind, coalesce(scope, ''), fiscal_year) as candidates,
            row_number() over (partition by department_key, document_kind, coalesce(scope, ''), fiscal_year
                               order by loaded_at desc, report_id) as n
        from {{ ref('dim_report') }}
    )
    where n = 1
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
    p.prior_report_candidates,
    c.source_line,
    {{ source_page("c.report_id", 'c.source_line') }} as source_page,
    {{ page_line("c.report_id", 'c.source_line') }} as page_line
from changes as c
left join prior_reports as p
    on p.department_key = c.department_key and p.document_kind = c.document_kind and p.scope = c.scope
   and p.fiscal_year = c.fiscal_year - 1
