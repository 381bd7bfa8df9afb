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
A row may also have cells that other rows fix (`PrintedRow.fixed`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

HALF_CENT = Decimal("0.005")


@dataclass(frozen=True)
class PrintedRow:
    """A row as printed: its key (`total` or a code), and either its cells by column (a row whose
    every cell is in place) or its figures in printed order (a row with cells left out)."""

    key: str
    code: str | None
    placed: dict[str, Decimal | None] | None = None
    figures: tuple[Decimal | None, ...] = ()
    # Cells other rows of the table fix (表四's 本年支出合计 of a fund = its income, when nothing was
    # carried over): a candidate must give them these values.
    fixed: dict[str, Decimal] | None = None


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
        if all(_holds(eq, values) for eq in identities) and \
                all(abs(values[c] - v) <= HALF_CENT for c, v in (row.fixed or {}).items()):
            out.append(tuple(cand))
    return out


def _values(row: PrintedRow, cand: Candidate, columns: list[str]) -> dict[str, Decimal]:
    if row.placed is not None:
        return {c: row.placed.get(c) or Decimal(0) for c in columns}
    return {c: (row.figures[i] or Decimal(0)) if i is not None else Decimal(0) for c, i in zip(columns, cand)}


def _holds(equation: dict[str, int], values: dict[str, Decimal]) -> bool:
    terms = [k * values[c] for c, k in equation.items()]
    return abs(sum(terms)) <= HALF_CENT * (len(terms))


def _families(rows: list[PrintedRow], total_key: str) -> list[tuple[int, list[int]]]:
    """(parent, children) by code: a 项's parent is its 款 if printed, else its 类; a 类's is the
    row keyed `total_key` (合计; 表四's 本年支出合计)."""
    index = {r.code: i for i, r in enumerate(rows) if r.code}
    total = next((i for i, r in enumerate(rows) if r.key == total_key), None)
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
    partial sums to follow: the columns every candidate of every member agrees on hold), or
    `unknown` (a member has no candidate, so nothing can be tested).

    The combinations are not listed one by one (a 表四 of twelve classes, each with three ways to
    place its fund figure, has 3^12): the kids' partial sums are followed row by row, keeping only
    those that can still reach the parent's figures, so the work grows with the distinct sums."""
    members = [parent, *kids]
    tolerance = 5 * (len(kids) + 1)
    if any(not domains[m] for m in members):
        # A member no placement of its own fits (the report's own error in that row): the
        # family's sums cannot be tested, so they neither force nor doubt anything.
        return "unknown", []
    options = [[(cand, vectors[k][cand]) for cand in domains[k]] for k in kids]
    tops = [(cand, vectors[parent][cand]) for cand in domains[parent]]
    # A column whose roll-up no placement satisfies is broken by the report's own figures (a
    # finding later): it tells nothing about placement. The others must all hold.
    intact = []
    for n in range(width):
        reach = _sums_reaching(options, tops, (n,), tolerance)
        if reach is None:
            return _unsearched(vectors, domains, members, width, tolerance), []
        if reach[0]:
            intact.append(n)
    if not intact:
        return "broken", []
    reach = _sums_reaching(options, tops, tuple(intact), tolerance)
    if reach is None:
        return _unsearched(vectors, domains, members, width, tolerance), []
    supported = reach
    return ("fits" if supported[0] else "broken"), supported


# Distinct partial sums followed per row of a family before it counts as too large to search.
MAX_SUMS = 20_000


def _sums_reaching(options, tops, columns: tuple[int, ...], tolerance: int) -> list[set[Candidate]] | None:
    """For the parent and each kid, the candidates used by some choice whose kids' sums equal the
    parent's figures in `columns` (within `tolerance`); None when the sums grow past MAX_SUMS."""
    width = len(columns)
    # Each kid's distinct contributions in these columns, with the candidates that give them.
    steps: list[dict[tuple[int, ...], list[Candidate]]] = []
    for row in options:
        step: dict[tuple[int, ...], list[Candidate]] = {}
        for cand, vec in row:
            step.setdefault(tuple(vec[n] for n in columns), []).append(cand)
        steps.append(step)
    # The least and most the kids from i on can still add: a partial sum that cannot reach the
    # target from there is dropped.
    low = [[0] * width for _ in range(len(steps) + 1)]
    high = [[0] * width for _ in range(len(steps) + 1)]
    for i in range(len(steps) - 1, -1, -1):
        for j in range(width):
            low[i][j] = low[i + 1][j] + min(v[j] for v in steps[i])
            high[i][j] = high[i + 1][j] + max(v[j] for v in steps[i])
    supported: list[set[Candidate]] = [set() for _ in range(len(steps) + 1)]
    by_target: dict[tuple[int, ...], list[Candidate]] = {}
    for cand, top in tops:
        by_target.setdefault(tuple(top[n] for n in columns), []).append(cand)
    for target, top_cands in by_target.items():
        layers = [{(0,) * width}]
        for i, step in enumerate(steps):
            nxt = {tuple(a + b for a, b in zip(total, v)) for total in layers[-1] for v in step}
            nxt = {t for t in nxt if all(t[j] + low[i + 1][j] <= target[j] + tolerance
                                         and t[j] + high[i + 1][j] >= target[j] - tolerance for j in range(width))}
            if len(nxt) > MAX_SUMS:
                return None
            layers.append(nxt)
        good = {t for t in layers[-1] if all(abs(a - b) <= tolerance for a, b in zip(t, target))}
        if not good:
            continue
        supported[0].update(top_cands)
        for i in range(len(steps) - 1, -1, -1):
            before = set()
            for total in layers[i]:
                for v, cands in steps[i].items():
                    if tuple(a + b for a, b in zip(total, v)) in good:
                        supported[i + 1].update(cands)
                        before.add(total)
            good = before
    return supported


def _unsearched(vectors, domains, members: list[int], width: int, tolerance: int) -> str:
    """Too many sums to follow: the columns every candidate of every member agrees on must hold."""
    parent, kids = members[0], members[1:]
    fixed = [n for n in range(width) if all(len({vectors[m][cand][n] for cand in domains[m]}) == 1 for m in members)]
    top = vectors[parent][domains[parent][0]]
    below = [vectors[k][domains[k][0]] for k in kids]
    holds = [abs(top[n] - sum(v[n] for v in below)) <= tolerance for n in fixed]
    return "unsearched" if holds and all(holds) else "broken"


def place(rows: list[PrintedRow], columns: list[str], identities: list[dict[str, int]],
          total_key: str = "total") -> list[dict[str, int | None]]:
    """For each row, the columns whose figure every fitting placement agrees on (column → index of
    the figure, None for a cell left blank). Empty for a row with figures left out that no
    placement fits, or that sits in a family of rows whose roll-ups no placement fits (rows
    printed out of order, as a damaged text layer prints them: their figures may not be theirs).
    Rows printed whole come back with all their columns."""
    domains = [_candidates(r, columns, identities) for r in rows]
    vectors = [{cand: _vector(r, cand, columns) for cand in domain} for r, domain in zip(rows, domains)]
    families = _families(rows, total_key)
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
