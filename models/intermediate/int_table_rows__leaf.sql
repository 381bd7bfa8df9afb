-- A coded row is a leaf when no other row of the same table and report has a code under it.
-- Facts keep leaves only, so sums never count a 类 and its 款 twice. Defining leaves by what
-- was printed (not by code length) keeps a 款 that a report prints without 项 rows.
with coded as (
    select * from {{ ref('stg_parsed__table_rows') }}
    where row_code is not null
)

select
    r.*,
    not exists (
        select 1
        from coded as c
        where c.report_id = r.report_id
          and c.table_key = r.table_key
          and c.row_code <> r.row_code
          and {{ starts_with('c.row_code', 'r.row_code') }}
    ) as is_leaf
from coded as r
