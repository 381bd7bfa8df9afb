-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- One department across documents and years: its reports' names without the scope mark (a
-- `（汇总）` or `（本级）` report is of the department all the same; dim_report.scope says which).
-- The region is the one its name begins with (dim_report.region).
select
    department_key,
    department_key as department_name,
    max(region) as region,
    min(fiscal_year) as first_year,
    max(fiscal_year) as last_year,
    count(*) filter (where document_kind = 'final') as final_reports,
    count(*) filter (where document_kind = 'budget') as budget_reports
from {{ ref('dim_report') }}
group by department_key
