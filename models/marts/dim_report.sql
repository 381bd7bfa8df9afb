with issues as (
    select
        report_id,
        count(*) filter (where severity = 'error') as load_error_count,
        count(*) filter (where severity = 'warning') as load_warning_count
    from {{ ref('stg_parsed__load_issues') }}
    group by report_id
),

files as (
    select report_id, count(*) as file_count
    from {{ ref('stg_parsed__report_files') }}
    group by report_id
),

incomplete as (
    select report_id, {{ ordered_join('table_key', "','") }} as tables_incomplete
    from {{ ref('int_load_issues__incomplete_tables') }}
    group by report_id
)

select
    r.report_id,
    r.department_name,
    {{ department_key('r.department_name') }} as department_key,
    r.fiscal_year,
    r.document_kind,
    r.region,
    r.scope,
    r.layout,
    r.source_file,
    r.source_sha256,
    f.file_count,
    r.source_encoding,
    r.amount_unit as printed_amount_unit,
    r.tables_found,
    r.tables_missing,
    coalesce(n.tables_incomplete, '') as tables_incomplete,
    {{ key_list_length('r.tables_found') }} as table_count,
    coalesce(i.load_error_count, 0) as load_error_count,
    coalesce(i.load_warning_count, 0) as load_warning_count,
    r.parser_version,
    r.loaded_at
from {{ ref('stg_parsed__reports') }} as r
left join issues as i using (report_id)
left join incomplete as n using (report_id)
left join files as f using (report_id)
