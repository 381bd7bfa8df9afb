"""Where a row's figures go when the text does not say: only where the table's identities force it.

A coded table printed as plain text with its blank cells left out (`201 306.90 306.90` under
合计 / 基本支出 / 项目支出) gives a row's figures in column order, not their columns. Every way to
put its k figures into the n columns in order is a candidate. A candidate must satisfy the row's
own identities (合计 = 基本 + 项目), and the rows together must satisfy the table's roll-ups
(类 = Σ 款 = Σ 项, 合计 = Σ 类, column by column); a blank counts as zero, and a sum may miss by the
printed rounding ((n + 1) × 0.005). A cell that holds the same figure (or stays blank) in every
candidate that survives is placed, and marked inferred. Where two candidates still fit, their
cells are not placed: nothing is chosen among placements that all fit. A column whose roll-up no
placement satisfies (the report's own error, such as a digit left out) tells nothing and is left
out of its family's test. A family that no placement fits at all places none of its rows: its
figures may not even be its own (a damaged text layer prints rows out of their codes' order).
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


def _vector(row: PrintedRow, cand: Candidate, columns: list[str]) -> tuple[int, ...]:
    """The row's cells under `cand` in thousandths of the unit (exact for printed amounts, and
    the half-cent tolerance is a whole 5), so a family's sums are integer additions."""
    values = _values(row, cand, columns)
    return tuple(int(values[c] * 1000) for c in columns)


def _fit(vectors, domains, parent: int, kids: list[int], width: int) -> tuple[str, list[set[Candidate]]]:
    """How a family's roll-ups fit its rows' candidates: `fits` (with the candidates of each member
    that some fitting combination uses), `broken` (no combination fits), `unsearched` (too many
    combinations: the columns every candidate of every member agrees on hold), or `unknown` (a
    member has no candidate, so nothing can be tested)."""
    members = [parent, *kids]
    tolerance = 5 * (len(kids) + 1)
    if any(not domains[m] for m in members):
        # A member no placement of its own fits (the report's own error in that row): the
        # family's sums cannot be tested, so they neither force nor doubt anything.
        return "unknown", []
    size = 1
    for m in members:
        size *= len(domains[m])
    if size > MAX_COMBINATIONS:
        fixed = [n for n in range(width) if all(len({vectors[m][cand][n] for cand in domains[m]}) == 1 for m in members)]
        top = vectors[parent][domains[parent][0]]
        below = [vectors[k][domains[k][0]] for k in kids]
        holds = [abs(top[n] - sum(v[n] for v in below)) <= tolerance for n in fixed]
        return ("unsearched" if holds and all(holds) else "broken"), []
    columns = range(width)
    holding = []  # (choice, the columns whose roll-up it satisfies)
    for choice in product(*(domains[m] for m in members)):
        top = vectors[parent][choice[0]]
        sums = [sum(col) for col in zip(*(vectors[k][cand] for k, cand in zip(kids, choice[1:])))] or [0] * width
        holding.append((choice, frozenset(n for n in columns if abs(top[n] - sums[n]) <= tolerance)))
    # A column whose roll-up no placement satisfies is broken by the report's own figures (a
    # finding later): it tells nothing about placement. The others must all hold.
    intact = frozenset().union(*(cols for _, cols in holding))
    supported: list[set[Candidate]] = [set() for _ in members]
    for choice, cols in holding:
        if cols == intact:
            for n, cand in enumerate(choice):
                supported[n].add(cand)
    return ("fits" if intact and supported[0] else "broken"), supported


def place(rows: list[PrintedRow], columns: list[str], identities: list[dict[str, int]]) -> list[dict[str, int | None]]:
    """For each row, the columns whose figure every fitting placement agrees on (column → index of
    the figure, None for a cell left blank). Empty for a row with figures left out that no
    placement fits, or that sits in a family of rows whose roll-ups no placement fits (rows
    printed out of order, as a damaged text layer prints them: their figures may not be theirs).
    Rows printed whole come back with all their columns."""
    domains = [_candidates(r, columns, identities) for r in rows]
    vectors = [{cand: _vector(r, cand, columns) for cand in domain} for r, domain in zip(rows, domains)]
    families = _families(rows)
    status: dict[int, str] = {}
    changed = True
    while changed:
        changed = False
        for parent, kids in families:
            status[parent], supported = _fit(vectors, domains, parent, kids, len(columns))
            if status[parent] != "fits":
                continue
            for n, m in enumerate([parent, *kids]):
                kept = [cand for cand in domains[m] if cand in supported[n]]
                if len(kept) < len(domains[m]):
                    domains[m] = kept
                    changed = True
    # The statuses of the last pass are those of the final candidates (nothing changed in it).
    doubtful = {m for parent, kids in families if status[parent] == "broken" for m in (parent, *kids)}
    # Below a row in doubt, a family that adds up may still hold another row's figures (a damaged
    # text layer shifts a whole run of rows, and a 款 with one 项 equals it either way).
    grew = True
    while grew:
        grew = False
        for parent, kids in families:
            if parent in doubtful and not doubtful.issuperset(kids):
                doubtful.update(kids)
                grew = True
    out: list[dict[str, int | None]] = []
    for n, (row, domain) in enumerate(zip(rows, domains)):
        if not domain or (row.placed is None and n in doubtful):
            out.append({})
            continue
        out.append({c: domain[0][k] for k, c in enumerate(columns) if all(cand[k] == domain[0][k] for cand in domain)})
    return out
