"""Read a report file: bytes to text, whatever encoding the publisher used."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import LoadError
from .pdf_text import pdf_to_text

# Publishers save reports as UTF-8 (sometimes with a BOM) or as GB18030/GBK; GB18030 is a
# superset of GBK and GB2312, so one fallback covers all three.
_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class SourceText:
    path: Path
    sha256: str
    encoding: str
    text: str

    @property
    def report_id(self) -> str:
        return report_id_of_digest(self.sha256)


def report_id_of_digest(sha256_hex: str) -> str:
    """The report id: stable for the same content, wherever the file lives or however it is named."""
    return sha256_hex[:16]


def line_breaks(text: str) -> str:
    """One line break for all: CRLF and CR as LF; form feeds (page breaks of extracted text) too,
    so a PDF's pages and their text number their lines the same way."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


def read_source(path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise LoadError(str(path), "file is empty", hint="expected the text of a 部门决算 report")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
        if not data.startswith(b"%PDF-"):
            raise LoadError(str(path), "the file is named .pdf but is not a PDF (no %PDF- header)",
                            hint="download the file again; a web page saved as .pdf looks like this")
        return SourceText(path=path, sha256=digest, encoding="pdf", text=line_breaks(pdf_to_text(data, str(path))))
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return SourceText(path=path, sha256=digest, encoding=encoding, text=line_breaks(text))
    raise LoadError(
        str(path),
        "text is neither UTF-8 nor GB18030/GBK",
        hint="re-save the file as UTF-8 or load the PDF it came from",
    )
