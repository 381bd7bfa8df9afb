"""Where a row's figures go when the text does not say: only where the table's identities force it.

A coded table printed as plain text with its blank cells left out (`201 306.90 306.90` under
合计 / 基本支出 / 项目支出) gives a row's figures in column order, not their columns. Every way to
put its k figures into the n columns in order is a candidate. A candidate must satisfy the row's
own identities (合计 = 基本 + 项目), and the rows together must satisfy the table's roll-ups
(类 = Σ 款 = Σ 项, 合计 = Σ 类, column by column); a blank counts as zero, and a sum may miss by the
printed rounding ((n + 1) × 0.005). A cell that holds the same figure (or stays blank) in every
candidate that survives is placed, and marked inferred. Where two candidates still fit, their
cells are not placed: nothing is chosen among placements that all fit, and a family of rows whose
figures fit no placement at all (the report's own error) forces nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, product

HALF_CENT = Decimal("0.005")
# Candidate combinations examined per family of rows; beyond it the family forces nothing (its
# rows keep every candidate their own identities leave), so the search stays small.
MAX_COMBINATIONS = 20_000


@dataclass(frozen=True)
class PrintedRow:
    """A row as printed: its key (`total` or a code), and either its cells by column (a row whose
    every cell is in place) or its figures in printed order (a row with cells left out)."""

    key: str
    code: str | None
    placed: dict[str, Decimal | None] | None = None
    figures: tuple[Decimal | None, ...] = ()


Candidate = tuple[int | None, ...]  # for each column, the index of the figure it holds, or None (blank)


def _candidates(row: PrintedRow, columns: list[str], identities: list[dict[str, int]]) -> list[Candidate]:
    if row.placed is not None:
        return [tuple(range(len(columns)))]
    out = []
    for chosen in combinations(range(len(columns)), len(row.figures)):
        cand: list[int | None] = [None] * len(columns)
        for figure, column in enumerate(chosen):
            cand[column] = figure
        values = _values(row, tuple(cand), columns)
        if all(_holds(eq, values) for eq in identities):
            out.append(tuple(cand))
    return out


def _values(row: PrintedRow, cand: Candidate, columns: list[str]) -> dict[str, Decimal]:
    if row.placed is not None:
        return {c: row.placed.get(c) or Decimal(0) for c in columns}
    return {c: (row.figures[i] or Decimal(0)) if i is not None else Decimal(0) for c, i in zip(columns, cand)}


def _holds(equation: dict[str, int], values: dict[str, Decimal]) -> bool:
    terms = [k * values[c] for c, k in equation.items()]
    return abs(sum(terms)) <= HALF_CENT * (len(terms))


def _families(rows: list[PrintedRow]) -> list[tuple[int, list[int]]]:
    """(parent, children) by code: a 项's parent is its 款 if printed, else its 类; a 类's is 合计."""
    index = {r.code: i for i, r in enumerate(rows) if r.code}
    total = next((i for i, r in enumerate(rows) if r.key == "total"), None)
    children: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        if not r.code:
            continue
        parent = next((index[r.code[:n]] for n in (5, 3) if n < len(r.code) and r.code[:n] in index), None)
        if parent is None and len(r.code) == 3:
            parent = total
        if parent is not None:
            children.setdefault(parent, []).append(i)
    return sorted(children.items())


def place(rows: list[PrintedRow], columns: list[str], identities: list[dict[str, int]]) -> list[dict[str, int | None] | None]:
    """For each row, the columns whose figure every fitting placement agrees on (column → index of
    the figure, None for a cell left blank), or None where the row's own identities fit no
    placement at all. Rows printed whole come back with all their columns."""
    domains = [_candidates(r, columns, identities) for r in rows]
    families = _families(rows)
    changed = True
    while changed:
        changed = False
        for parent, kids in families:
            members = [parent, *kids]
            size = 1
            for m in members:
                size *= max(len(domains[m]), 1)
            if size > MAX_COMBINATIONS or any(not domains[m] for m in members):
                continue
            supported: list[set[Candidate]] = [set() for _ in members]
            tolerance = HALF_CENT * (len(kids) + 1)
            for choice in product(*(domains[m] for m in members)):
                top = _values(rows[parent], choice[0], columns)
                below = [_values(rows[k], cand, columns) for k, cand in zip(kids, choice[1:])]
                if all(abs(top[c] - sum(v[c] for v in below)) <= tolerance for c in columns):
                    for n, cand in enumerate(choice):
                        supported[n].add(cand)
            if not supported[0]:
                continue  # no placement fits this family: the report's own error; force nothing
            for n, m in enumerate(members):
                kept = [cand for cand in domains[m] if cand in supported[n]]
                if len(kept) < len(domains[m]):
                    domains[m] = kept
                    changed = True
    out: list[dict[str, int | None] | None] = []
    for domain in domains:
        if not domain:
            out.append(None)
            continue
        out.append({c: domain[0][n] for n, c in enumerate(columns) if all(cand[n] == domain[0][n] for cand in domain)})
    return out
