"""Cells of a table line.

The text extraction prints a table row as its cells joined by single ASCII spaces; an empty
cell is printed as non-breaking spaces (U+00A0). That convention lets us place every number in
its column without guessing: a token of NBSPs alone is a blank cell.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import Enum
from typing import NamedTuple

from juesuan.read.lines import Line


class Kind(Enum):
    BLANK = "blank"  # an empty cell: nothing reported
    NA = "na"  # `────`: not applicable, distinct from blank
    # A number with decimals, e.g. 12290.04 or 12,290.04 (北京's budgets print six), or a whole number
    # below zero (a decrease in whole 元, 西安 2022: `-20400`), since no code, 行次 or count is negative.
    AMOUNT = "amount"
    INT = "int"  # a whole number: a code, a line number (行次) or a count
    # Mostly digits with a decimal point or separator, but not a number (`16G.59`, `1,2O3.45`):
    # an amount the source damaged. Never part of a name, never read as a value: its row is an error.
    GARBLED = "garbled"
    TEXT = "text"


class Token(NamedTuple):
    # A tuple, not a frozen dataclass: a report has ~2,000 tokens, made on every parse, and a
    # frozen dataclass sets each field through object.__setattr__ (3× the cost).
    kind: Kind
    text: str  # as printed, NBSP indentation removed
    line: int
    column: int | None = None  # the grid column it was printed in (grid input only)

    @property
    def is_value(self) -> bool:
        return self.kind in (Kind.BLANK, Kind.NA, Kind.AMOUNT)


_BLANK_CHARS = "\xa0\u3000\t "
_AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)\.\d{1,6}$")
_INT = re.compile(r"^\d+$")
_NEGATIVE_WHOLE = re.compile(r"^-\d+$")
_NA = re.compile(r"^[─━—\-]{2,}$")
# An amount's shape with a letter or two where digits belong (OCR and retyping confuse 0/O, 1/l,
# 6/G, 5/S, 8/B), or with U+FFFD where the source had bytes that were not text.
_AMOUNT_SHAPE = re.compile(r"^-?([\dA-Za-z\ufffd]{1,3}(,[\dA-Za-z\ufffd]{3})+|[\dA-Za-z\ufffd]+)\.[\dA-Za-z\ufffd]{1,6}$")


def _garbled(text: str) -> bool:
    letters = sum(1 for ch in text if (ch.isascii() and ch.isalpha()) or ch == "\ufffd")
    digits = sum(1 for ch in text if ch.isdigit())
    return 1 <= letters <= 2 and digits >= 2 and bool(_AMOUNT_SHAPE.match(text))


# Tokens made by tuple's own constructor (all four fields given): a NamedTuple's __new__ is a
# Python function, ~0.3 µs of each of a report's ~2,000 tokens.
_new = tuple.__new__


def classify(raw: str, line: int) -> Token | None:
    text = raw.strip(_BLANK_CHARS)
    if not text:
        return _new(Token, (Kind.BLANK, "", line, None)) if raw else None
    if _AMOUNT.match(text) or _NEGATIVE_WHOLE.match(text):
        return _new(Token, (Kind.AMOUNT, text, line, None))
    if _INT.match(text):
        return _new(Token, (Kind.INT, text, line, None))
    if _NA.match(text):
        return _new(Token, (Kind.NA, text, line, None))
    if "." in text and _garbled(text):  # an amount's shape has its decimal point
        return _new(Token, (Kind.GARBLED, text, line, None))
    return _new(Token, (Kind.TEXT, text, line, None))


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
