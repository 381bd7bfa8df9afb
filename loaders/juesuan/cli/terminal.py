"""Text from reports on a terminal: control characters shown, never obeyed.

A department's name, a file name or a cell of a report is somebody else's text. Printed raw, an
escape sequence in it retitles the window, clears the screen or rewrites what the user reads;
a bidirectional override reorders it. Everything juesuan prints goes through `SafeStream`, which
shows such characters as `\\uXXXX` (a form JSON also reads, so JSON output stays JSON).
"""

from __future__ import annotations

import contextlib
import re
import sys
from typing import Iterator

# C0 but TAB and newline, DEL, C1, and the bidirectional embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_CELL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def escaped(text: str) -> str:
    """`text` with every control character shown as `\\uXXXX`; TAB and newline kept."""
    return _UNSAFE.sub(_shown, text)


def one_line(text: str) -> str:
    """`text` as one line of a table cell: TAB and newline shown too."""
    return _UNSAFE_IN_CELL.sub(_shown, text)


class SafeStream:
    """A text stream that escapes what it is given before passing it on; `raw` writes as is
    (juesuan's own carriage returns, a data stream that is not a terminal)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escaped(text))

    def raw(self, text: str) -> int:
        return self._stream.write(text)

    def __getattr__(self, name):  # flush, isatty, fileno, encoding, buffer …
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Standard output and error escaped for the block."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def write_raw(stream, text: str) -> None:
    """`text` to `stream` unescaped where it is a SafeStream (juesuan's own control characters)."""
    (stream.raw if isinstance(stream, SafeStream) else stream.write)(text)
