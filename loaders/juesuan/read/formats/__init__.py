"""Publication forms other than text and PDF: web pages, workbooks, Word documents.

`read_document` tells a file's form by its first bytes (the name's suffix only where the bytes
allow two readings) and returns its page text and where each line was printed; `None` for plain
text, which `source` decodes itself.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

from juesuan.errors import LoadError
from juesuan.read.formats.document import MAX_UNPACKED_BYTES, LineLocation, TooLarge, render
from juesuan.read.formats.excel import check_merges, read_xls, read_xlsx
from juesuan.read.formats.html import looks_like_html, read_html
from juesuan.read.formats.word import read_docx, refuse_doc

__all__ = ["LineLocation", "read_document", "DOCUMENT_SUFFIXES"]

DOCUMENT_SUFFIXES = {".html", ".htm", ".xlsx", ".xls", ".docx", ".doc"}

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def read_document(data: bytes, path: Path, names_a_table: Callable[[str], bool] = lambda text: False,
                  ) -> tuple[str, str, dict[int, LineLocation]] | None:
    """(form, page text, line locations) of a web page, workbook or Word file; None for text."""
    name, suffix = str(path), path.suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        return _zipped(data, name, names_a_table)
    try:
        if data.startswith(_OLE):
            if _ENCRYPTED in data:
                raise LoadError(name, "the file is protected by a password (an encrypted Office document)",
                                hint="open it with its password and save an unprotected copy, then load that")
            if _WORD_STREAM in data:
                raise refuse_doc(name)
            return "xls", *render(read_xls(data, name, names_a_table))
        if suffix in (".html", ".htm") or looks_like_html(data):
            # Sites often serve a web page of tables under an .xls name ("export to Excel"): read as what it is.
            return "html", *render(read_html(data, name))
    except TooLarge as exc:
        raise LoadError(name, str(exc), hint="a damaged or hostile file looks like this; check the file") from None
    if suffix in (".xlsx", ".docx", ".xls", ".doc"):
        raise LoadError(name, f"the file is named {suffix} but is not one (its first bytes are {data[:8]!r})",
                        hint="download the file again; a partial download or an error page looks like this")
    return None


def _zipped(data: bytes, name: str, names_a_table: Callable[[str], bool]):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise LoadError(name, f"the file is a damaged zip archive ({exc}); an .xlsx or .docx cut short looks like this",
                        hint="download the file again") from exc
    members = {i.filename for i in infos}
    # Python's zipfile reads a member no further than its declared size, so the declared sizes
    # bound what any reader below can unpack.
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise LoadError(name, f"its parts unpack to {unpacked:,} bytes, more than the {MAX_UNPACKED_BYTES:,} a "
                        "report's workbook or document may (a zip bomb looks like this)", hint="check the file")
    try:
        if "word/document.xml" in members:
            return "docx", *render(read_docx(data, name))
        if "xl/workbook.xml" in members:
            check_merges(archive, infos)
            return "xlsx", *render(read_xlsx(data, name, names_a_table))
    except TooLarge as exc:
        raise LoadError(name, str(exc), hint="a damaged or hostile file looks like this; check the file") from None
    raise LoadError(name, "a zip archive that is neither a Word document nor an Excel workbook",
                    hint="unpack it and load the reports inside")
