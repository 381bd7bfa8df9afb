-- Each report's pages as ranges of source lines, so a line can be given as `p. 12, line 7`
-- (users of a PDF think in pages; its extracted text counts a page break as a line). The list of
-- page starts is read with split_part over a numbers seed: list functions do not port
-- (`juesuan export --dialect`).
with starts as (
    select
        r.report_id,
        n.n as page,
        cast(split_part(r.page_starts, ',', n.n) as integer) as first_line
    from {{ ref('stg_parsed__reports') }} as r
    inner join {{ ref('ref_number') }} as n on n.n <= {{ key_list_length('r.page_starts') }}
)

select
    report_id,
    page,
    first_line,
    coalesce(lead(first_line) over (partition by report_id order by page) - 1, 2147483647) as last_line
from starts
