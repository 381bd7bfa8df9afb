"""Result sets to files (CSV, JSON, parquet, xlsx), written atomically and from data alone.

A result arrives here as Arrow data, never as SQL: no column name or value, whoever chose it, can
become a statement on the way to a file. Every file is written under a temporary name beside its
target and renamed into place, so a reader never sees half of one.

Nor can report text become a formula in the spreadsheet a user opens the file in: an xlsx cell
of text is always a string cell, and a CSV text cell that a spreadsheet would read as a formula
(it begins with `=`, `+`, `-`, `@`, TAB or CR) gets the usual leading apostrophe, unless the
caller asks for the raw text (`--raw`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import uuid
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

# Excel opens UTF-8 Chinese text correctly only with a byte-order mark.
CSV_ENCODING = "utf-8-sig"


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed onto it when the block ends without an error."""
    tmp = path.with_name(f".{path.name}.partial-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def text_value(value) -> str:
    """A cell as text, exact: decimals keep their printed scale (107666100.00, never 1.076661e8)."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def batch_rows(batches: Iterable) -> Iterator[tuple]:
    """Rows of Arrow record batches as tuples of Python values (decimals as Decimal)."""
    for batch in batches:
        columns = [c.to_pylist() for c in batch.columns]
        yield from zip(*columns)


# What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe where it would start a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_value(value, raw: bool = False) -> str:
    """A CSV cell: numbers exact, text guarded against formulas unless `raw`."""
    if isinstance(value, str):
        return value if raw else spreadsheet_text(value)
    return text_value(value)


def write_csv_rows(stream, columns: list[str], rows: Iterable[tuple], raw: bool = False) -> int:
    """The header and `rows`; the number of rows written."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([csv_value(c, raw) for c in columns])
    count = 0
    for row in rows:
        writer.writerow([csv_value(v, raw) for v in row])
        count += 1
    return count


def csv_text(columns: list[str], rows: Iterable[tuple], raw: bool = False) -> str:
    buffer = io.StringIO()
    write_csv_rows(buffer, columns, rows, raw)
    return buffer.getvalue()


def _json_value(value):
    if isinstance(value, Decimal):
        # A JSON number, exact where a double holds it exactly (every 0.01 万元 figure does).
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def json_text(columns: list[str], rows: Iterable[tuple]) -> str:
    records = [{c: _json_value(v) for c, v in zip(columns, row)} for row in rows]
    return json.dumps(records, ensure_ascii=False)


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_file(path) as tmp:
        tmp.write_text(text, encoding=encoding)


def write_csv(path: Path, columns: list[str], rows: Iterable[tuple], raw: bool = False) -> int:
    with atomic_file(path) as tmp:
        with tmp.open("w", encoding=CSV_ENCODING, newline="") as stream:
            return write_csv_rows(stream, columns, rows, raw)


def with_descriptions(schema, description: str = "", columns: dict[str, str] | None = None):
    """The Arrow schema with each column's description (and the table's) as field metadata, where
    BI tools that read parquet look for them."""
    columns = columns or {}
    fields = [
        f.with_metadata({b"description": columns[f.name].encode()}) if columns.get(f.name) else f
        for f in schema
    ]
    import pyarrow as pa

    meta = dict(schema.metadata or {})
    if description:
        meta[b"description"] = description.encode()
    return pa.schema(fields, metadata=meta or None)


def write_parquet(path: Path, reader, description: str = "", columns: dict[str, str] | None = None) -> int:
    """Stream an Arrow RecordBatchReader (or Table) to parquet; decimals stay decimals. Rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = with_descriptions(reader.schema, description, columns)
    batches = reader.to_batches() if isinstance(reader, pa.Table) else reader
    rows = 0
    with atomic_file(path) as tmp:
        with pq.ParquetWriter(tmp, schema) as writer:
            for batch in batches:
                writer.write_batch(pa.RecordBatch.from_arrays(batch.columns, schema=schema))
                rows += batch.num_rows
    return rows


# Characters the xlsx format cannot hold (openpyxl refuses them); shown as `\uXXXX` instead.
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_cell(page, value, cell_class):
    """A value as an xlsx cell: text always a string cell (never a formula), numbers as numbers."""
    if value is None or isinstance(value, (int, float, Decimal, date, datetime)):
        return value
    text = _XLSX_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", value if isinstance(value, str) else str(value))
    cell = cell_class(page, value=text)
    cell.data_type = "s"  # openpyxl makes a text beginning with `=` a formula: it is text here
    return cell


def write_xlsx(path: Path, columns: list[str], rows: Iterable[tuple], sheet: str) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    page = book.create_sheet(_XLSX_ILLEGAL.sub("_", sheet)[:31])
    page.append([_xlsx_cell(page, c, WriteOnlyCell) for c in columns])
    count = 0
    for row in rows:
        page.append([_xlsx_cell(page, v, WriteOnlyCell) for v in row])
        count += 1
    with atomic_file(path) as tmp:
        book.save(tmp)
    return count


def swap_in_dir(tmp: Path, target: Path, aside: str | None = None) -> None:
    """Put the folder `tmp` in the place of `target` (which may exist): the old one is renamed
    aside first (to `aside`, a name in the same folder) and removed after, so a reader sees the
    old or the new folder, whole."""
    import shutil

    if target.exists():
        old = target.with_name(aside or f".old-{target.name}-{uuid.uuid4().hex[:8]}")
        os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, target)

