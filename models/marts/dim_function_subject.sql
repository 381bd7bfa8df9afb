-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- 支出功能分类 codes: every code any report printed, plus every 类 of the reference list.
with codes as (
    select subject_code from {{ ref('int_function_subject__printed_names') }}
    union
    select class_code from {{ ref('stg_reference__function_class') }}
)

select
    codes.subject_code,
    coalesce(printed.subject_name, cls_self.class_name) as subject_name,
    case length(codes.subject_code) when 3 then 1 when 5 then 2 when 7 then 3 end as level,
    case length(codes.subject_code)
        when 5 then left(codes.subject_code, 3)
        when 7 then left(codes.subject_code, 5)
    end as parent_code,
    left(codes.subject_code, 3) as class_code,
    cls.class_name,
    cls.class_code is not null as class_in_reference,
    coalesce(printed.name_variant_count, 0) as name_variant_count,
    coalesce(printed.report_count, 0) as report_count
from codes
left join {{ ref('int_function_subject__printed_names') }} as printed using (subject_code)
left join {{ ref('stg_reference__function_class') }} as cls
    on cls.class_code = left(codes.subject_code, 3)
left join {{ ref('stg_reference__function_class') }} as cls_self
    on cls_self.class_code = codes.subject_code
