-- Reports a build left out because a model or a structural test failed on their rows. dbt makes
-- the table empty, with its columns and their descriptions; `juesuan build` fills it after dbt,
-- once the other reports are built and tested (loaders/juesuan/warehouse/quarantine.py).
select
    cast(null as string) as report_id,
    cast(null as string) as source_file,
    cast(null as string) as department_name,
    cast(null as int) as fiscal_year,
    cast(null as string) as node,
    cast(null as string) as reason,
    cast(null as string) as failing_rows,
    cast(null as string) as source_lines,
    cast(null as timestamp) as quarantined_at
from (select 1 as one) as nothing
where 1 = 0
