select
    report_id,
    source_file,
    source_path,
    source_sha256,
    source_encoding,
    department_name,
    fiscal_year,
    amount_unit,
    coalesce(tables_found, '') as tables_found,
    coalesce(tables_missing, '') as tables_missing,
    parser_version,
    loaded_at,
    coalesce(page_starts, '1') as page_starts,
    coalesce(layout, 'national') as layout,
    scope,
    region,
    coalesce(document_kind, 'final') as document_kind
from {{ source('parsed', 'reports') }}
