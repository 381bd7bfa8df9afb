-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- Every 支出功能分类 code a report printed, with the name it is printed under most often.
-- Names drift across years (医疗卫生与计划生育支出 → 卫生健康支出), so the most common name wins,
-- then the most recent.
with printed as (
    select
        r.row_code as subject_code,
        regexp_replace(r.row_label, '^[一二三四五六七八九十]+[、.．]', '') as subject_name,
        rep.fiscal_year,
        r.report_id
    from {{ ref('stg_parsed__table_rows') }} as r
    inner join {{ ref('stg_parsed__reports') }} as rep using (report_id)
    where r.table_key in ('T01', 'T02', 'T03', 'T04', 'T05', 'T07', 'T08')
      and r.row_code is not null
),

named as (
    select
        subject_code,
        subject_name,
        count(*) as times_printed,
        max(fiscal_year) as latest_year
    from printed
    group by subject_code, subject_name
),

ranked as (
    select
        *,
        count(*) over (partition by subject_code) as name_variant_count,
        row_number() over (
            partition by subject_code order by times_printed desc, latest_year desc, subject_name
        ) as name_rank
    from named
)

select
    ranked.subject_code,
    ranked.subject_name,
    ranked.name_variant_count,
    reports.report_count
from ranked
inner join (
    select subject_code, count(distinct report_id) as report_count from printed group by subject_code
) as reports using (subject_code)
where name_rank = 1
