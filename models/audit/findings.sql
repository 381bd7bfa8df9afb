-- One row per identity that does not hold in one report: the report's own arithmetic, as
-- printed. `rounding` is within the printed rounding tolerance, `discrepancy` beyond it.
select
    c.report_id,
    r.department_name,
    r.fiscal_year,
    c.check_id,
    c.description,
    c.rule,
    c.object,
    c.unit,
    c.expected,
    c.actual,
    c.difference,
    c.tolerance,
    c.addends,
    c.status as severity,
    c.actual_source,
    c.source_lines
from {{ ref('identity_checks') }} as c
inner join {{ ref('dim_report') }} as r using (report_id)
where c.status in ('rounding', 'discrepancy')
