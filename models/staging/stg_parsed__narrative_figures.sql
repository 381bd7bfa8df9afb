-- Figures stated in the narrative. Money is stated in 万元; value_yuan converts it exactly.
select
    report_id,
    figure_order,
    section,
    subsection,
    subject,
    subject_code,
    attribute,
    metric,
    value,
    unit,
    case when unit = '万元' then cast(value * 10000 as decimal(18, 2)) end as value_yuan,
    denominator,
    value_text,
    source_line,
    nullif(source_location, '') as source_location
from {{ source('parsed', 'narrative_figures') }}
