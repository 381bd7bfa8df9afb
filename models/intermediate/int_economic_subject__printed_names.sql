-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- Every 经济分类 code printed in table 06, with its most common printed name.
with named as (
    select
        r.row_code as econ_code,
        r.row_label as econ_name,
        count(*) as times_printed,
        max(rep.fiscal_year) as latest_year
    from {{ ref('stg_parsed__table_rows') }} as r
    inner join {{ ref('stg_parsed__reports') }} as rep using (report_id)
    where r.table_key = 'T06' and r.row_code is not null
    group by r.row_code, r.row_label
)

select econ_code, econ_name, name_variant_count
from (
    select
        *,
        count(*) over (partition by econ_code) as name_variant_count,
        row_number() over (partition by econ_code order by times_printed desc, latest_year desc, econ_name) as name_rank
    from named
)
where name_rank = 1
