-- Every figure stated in the narrative (情况说明), with what it is and where it was printed.
select
    report_id,
    figure_order,
    section,
    subsection,
    metric,
    subject,
    subject_code,
    attribute,
    value,
    unit,
    value_yuan,
    denominator,
    value_text,
    source_line,
    {{ source_page("report_id", 'source_line') }} as source_page,
    {{ page_line("report_id", 'source_line') }} as page_line,
    source_location
from {{ ref('stg_parsed__narrative_figures') }}
