select
    report_id,
    file_seq,
    source_file,
    source_path,
    source_sha256,
    source_encoding,
    first_line,
    last_line
from {{ source('parsed', 'report_files') }}
