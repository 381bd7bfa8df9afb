"""Read a report file: bytes to text, whatever encoding the publisher used."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.errors import LoadError
from juesuan.read.formats import LineLocation, read_document
from juesuan.read.formats.document import pipe_rows_as_grid
from juesuan.parse.layout import names_a_table
from juesuan.read.pdf_text import pdf_to_text
from juesuan.parse.tables import TITLES

# Publishers save reports as UTF-8 (sometimes with a BOM) or as GB18030/GBK; GB18030 is a
# superset of GBK and GB2312, so one fallback covers all three.
_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class SourceFile:
    """One file of a report, and the lines of the report's text it gave."""

    path: Path
    sha256: str
    encoding: str  # the text's encoding, or the form (`pdf`, `xlsx`, …)
    first_line: int
    last_line: int


@dataclass(frozen=True)
class SourceText:
    path: Path  # the file, or for a report of several files the folder holding them
    sha256: str
    encoding: str
    text: str
    # The line each page starts on, page 1 first: a form feed (a PDF's page break in its text)
    # begins a page. Taken before `line_breaks` turns form feeds into line breaks.
    page_starts: tuple[int, ...] = (1,)
    # Said of the file as read, for the report's load issues (a file cut inside a character).
    warnings: tuple[str, ...] = ()
    # Where each line was printed in a web page, workbook or Word file (`Sheet1!C7`), by line
    # number; empty for text and PDF, whose line (and page) is the place.
    locations: dict[int, LineLocation] = field(default_factory=dict)
    files: tuple[SourceFile, ...] = ()  # the files read, in the order their text follows

    @property
    def report_id(self) -> str:
        return report_id_of_digest(self.sha256)


def digest_of_files(digests) -> str:
    """The digest of a report of several files: of their digests, in any order, so that the same
    files make the same report wherever they lie and however they are named."""
    return hashlib.sha256("\n".join(sorted(digests)).encode()).hexdigest()


def read_sources(paths: list[Path], folder: Path) -> SourceText:
    """The files of one report (a tables workbook, a narrative document, 自评表 files) as one text,
    each beginning a page. Every line keeps its place as `<file>: <place in the file>`."""
    parts = [read_source(p) for p in paths]
    text, starts, locations, files, warnings, offset = [], [], {}, [], [], 0
    for part in parts:
        lines = part.text.split("\n")
        name = part.path.name
        starts += [offset + s for s in part.page_starts]
        for n in range(1, len(lines) + 1):
            own = part.locations.get(n)
            if own is not None:
                locations[offset + n] = LineLocation(f"{name}: {own.place}", tuple(f"{name}: {c}" for c in own.cells))
            else:
                locations[offset + n] = LineLocation(f"{name}: {_page_line(part.page_starts, n)}")
        files.append(SourceFile(part.path, part.sha256, part.encoding, offset + 1, offset + len(lines)))
        warnings += [f"{name}: {w}" for w in part.warnings]
        text.append(part.text)
        offset += len(lines)
    return SourceText(path=folder, sha256=digest_of_files(p.sha256 for p in parts),
                      encoding="+".join(dict.fromkeys(p.encoding for p in parts)), text="\n".join(text),
                      page_starts=tuple(starts), warnings=tuple(warnings), locations=locations, files=tuple(files))


def _page_line(starts: tuple[int, ...], line: int) -> str:
    """`line 12`, or `p. 3, line 4` in a text of several pages."""
    if len(starts) == 1:
        return f"line {line}"
    page = bisect_right(starts, line)
    return f"p. {page}, line {line - starts[page - 1] + 1}"


def report_id_of_digest(sha256_hex: str) -> str:
    """The report id: stable for the same content, wherever the file lives or however it is named."""
    return sha256_hex[:16]


def page_starts(text: str) -> tuple[int, ...]:
    """The line each page starts on, counting lines as `line_breaks` makes them (a form feed
    ends a line)."""
    if "\f" not in text:
        return (1,)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    starts, line, pos = [1], 1, 0
    while (ff := text.find("\f", pos)) >= 0:
        line += text.count("\n", pos, ff) + 1
        starts.append(line)
        pos = ff + 1
    return tuple(starts)


def _source(path: Path, digest: str, encoding: str, decoded: str, *warnings: str,
            locations: dict[int, LineLocation] | None = None) -> SourceText:
    """The text as the parsers read it, with the pages it was printed on."""
    text = line_breaks(decoded)
    return SourceText(path=path, sha256=digest, encoding=encoding, text=text, page_starts=page_starts(decoded),
                      warnings=warnings, locations=locations or {},
                      files=(SourceFile(path, digest, encoding, 1, text.count("\n") + 1),))


def line_breaks(text: str) -> str:
    """One line break for all: CRLF and CR as LF; form feeds (page breaks of extracted text) too,
    so a PDF's pages and their text number their lines the same way."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


# UTF-8 with a few bytes that are not (a flipped bit, a bad copy) is read with those bytes
# replaced by U+FFFD, up to this share of the characters; the table readers refuse any cell a
# replacement lands in, so a damaged number is never read as another one.
_MAX_DAMAGED_SHARE = 0.001


def _damaged_utf8(data: bytes, path: Path, digest: str) -> SourceText | None:
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if not bad or bad > _MAX_DAMAGED_SHARE * len(text):
        return None
    first = text[: text.index("\ufffd")].count("\n") + 1
    return _source(path, digest, "utf-8", text,
                   f"{bad} byte sequence(s) are not valid UTF-8 (the first on line {first}): each was read as \ufffd, "
                   "and a table row it falls in is not loaded")


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
        return _source(path, digest, "pdf", pdf_to_text(data, str(path)))
    # A sheet named after its table (of either kind of document) is its title.
    document = read_document(data, path, lambda text: any(names_a_table(text, t) for t in TITLES.values()))
    if document is not None:
        form, text, locations = document
        return _source(path, digest, form, text, locations=locations)
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            if encoding.startswith("utf-8") and err.reason == "unexpected end of data":
                # UTF-8 to its last bytes, which start a character the file does not finish:
                # a download or copy cut short. Read what is there and say so.
                return _source(path, digest, "utf-8", data[: err.start].decode(encoding),
                               f"the file ends inside a UTF-8 character (byte {err.start} of {len(data)}): it was cut "
                               "short, and what follows was never read")
            continue
        return _source(path, digest, encoding, pipe_rows_as_grid(text))
    damaged = _damaged_utf8(data, path, digest)
    if damaged is not None:
        return damaged
    raise LoadError(
        str(path),
        "text is neither UTF-8 nor GB18030/GBK",
        hint="re-save the file as UTF-8 or load the PDF it came from",
    )
