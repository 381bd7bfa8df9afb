-- Each year-on-year change the narrative states (`较上年决算减少194.60万元，下降1.78%`), with the
-- current figure it is a change of (the subject's amount or final stated just before it, under
-- the same heading) and the rate stated just after it.
with f as (
    select * from {{ ref('stg_parsed__narrative_figures') }}
)

select
    c.report_id,
    c.section,
    c.subsection,
    c.subject,
    c.subject_code,
    c.unit,
    c.figure_order,
    c.source_line,
    c.value as change_value,
    (
        select v.value from f as v
        where v.report_id = c.report_id and v.section is not distinct from c.section
          and v.subsection is not distinct from c.subsection
          and v.subject = c.subject and v.subject_code is not distinct from c.subject_code
          and v.attribute in ('final', 'amount') and v.figure_order < c.figure_order
        order by v.figure_order desc
        limit 1
    ) as current_value,
    (
        select r.value from f as r
        where r.report_id = c.report_id and r.section is not distinct from c.section
          and r.subsection is not distinct from c.subsection
          and r.subject = c.subject and r.subject_code is not distinct from c.subject_code
          and r.attribute = 'change_rate' and r.figure_order > c.figure_order
        order by r.figure_order
        limit 1
    ) as change_rate,
    (
        select regexp_extract(r.value_text, '([0-9][0-9,]*([.][0-9]+)?)[ \t\r\n]*(%|％)', 1) from f as r
        where r.report_id = c.report_id and r.section is not distinct from c.section
          and r.subsection is not distinct from c.subsection
          and r.subject = c.subject and r.subject_code is not distinct from c.subject_code
          and r.attribute = 'change_rate' and r.figure_order > c.figure_order
        order by r.figure_order
        limit 1
    ) as change_rate_text  -- the number as printed: its decimals set the check's rounding
from f as c
where c.attribute = 'change'
