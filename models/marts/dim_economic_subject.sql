-- Spans every report: an incremental build rebuilds it whole (tag global), never merges it.
{{ config(tags=['global']) }}
-- 部门预算支出经济分类 codes printed in table 06, plus every 类 of the reference list.
with codes as (
    select econ_code from {{ ref('int_economic_subject__printed_names') }}
    union
    select econ_class_code from {{ ref('stg_reference__economic_class') }}
)

select
    codes.econ_code,
    coalesce(printed.econ_name, cls_self.econ_class_name) as econ_name,
    case length(codes.econ_code) when 3 then 1 when 5 then 2 end as level,
    case when length(codes.econ_code) = 5 then left(codes.econ_code, 3) end as parent_code,
    left(codes.econ_code, 3) as class_code,
    cls.econ_class_name as class_name,
    cls.cost_category,
    coalesce(printed.name_variant_count, 0) as name_variant_count
from codes
left join {{ ref('int_economic_subject__printed_names') }} as printed using (econ_code)
left join {{ ref('stg_reference__economic_class') }} as cls
    on cls.econ_class_code = left(codes.econ_code, 3)
left join {{ ref('stg_reference__economic_class') }} as cls_self
    on cls_self.econ_class_code = codes.econ_code
