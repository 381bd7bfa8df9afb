-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- Indicator categories (一级/二级指标) for BI: the reference list plus any printed pair it lacks.
with printed as (
    select distinct level1, level2 from {{ ref('stg_parsed__project_indicators') }}
)

select
    coalesce(r.level1, p.level1) as level1,
    coalesce(r.level2, p.level2) as level2,
    r.level1_en,
    r.level2_en,
    r.sort_order,
    r.level2 is not null as in_reference
from {{ ref('stg_reference__indicator_category') }} as r
full outer join printed as p using (level1, level2)
