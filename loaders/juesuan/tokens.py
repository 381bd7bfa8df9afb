"""Cells of a table line.

The text extraction prints a table row as its cells joined by single ASCII spaces; an empty
cell is printed as non-breaking spaces (U+00A0). That convention lets us place every number in
its column without guessing: a token of NBSPs alone is a blank cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .lines import Line


class Kind(Enum):
    BLANK = "blank"  # an empty cell: nothing reported
    NA = "na"  # `────`: not applicable, distinct from blank
    AMOUNT = "amount"  # a number with two decimals, e.g. 12290.04 or 12,290.04
    INT = "int"  # a whole number: a code, a line number (行次) or a count
    TEXT = "text"


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str  # as printed, NBSP indentation removed
    line: int

    @property
    def is_value(self) -> bool:
        return self.kind in (Kind.BLANK, Kind.NA, Kind.AMOUNT)


_BLANK_CHARS = "\xa0\u3000\t "
_AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)\.\d{1,2}$")
_INT = re.compile(r"^\d+$")
_NA = re.compile(r"^[─━—\-]{2,}$")


def classify(raw: str, line: int) -> Token | None:
    text = raw.strip(_BLANK_CHARS)
    if not text:
        return Token(Kind.BLANK, "", line) if raw else None
    if _AMOUNT.match(text):
        return Token(Kind.AMOUNT, text, line)
    if _INT.match(text):
        return Token(Kind.INT, text, line)
    if _NA.match(text):
        return Token(Kind.NA, text, line)
    return Token(Kind.TEXT, text, line)


def tokenize_line(line: Line) -> list[Token]:
    out = []
    for raw in line.text.split(" "):
        tok = classify(raw, line.number)
        if tok is not None:
            out.append(tok)
    return out


def tokenize(lines: list[Line]) -> list[Token]:
    return [tok for ln in lines for tok in tokenize_line(ln)]


def parse_amount(text: str) -> Decimal:
    """Exact decimal of a printed amount; thousands separators removed."""
    return Decimal(text.replace(",", ""))
