"""A table's own identities, declared once in its module as `IDENTITIES` (issue #33).

Each declaration is one accounting identity of the table, with its catalog text (the printed rule
and a description) and the shape it has:
- `RowSum`: in every row, a column = the sum of others (合计 = 基本 + 项目);
- `Rollup`: down the code tree, a parent = the sum of its children, column by column (类 = Σ 款);
- `Linear`: one cell = a signed sum of named cells (本年收入合计 = Σ the income lines).
From them `python -m juesuan.parse.tables` writes the within rows of reference.ref_identity and the
check model audit.chk_within_tables (one macro call of macros/identities/ per declaration), and
placement reads the row sums it may rely on (`placement_identities`), and ref_table_column the
place of each column in its table's row sum (`row_role`). Identities across a report's tables
(`SameFigure`, `PartWithinWhole`, `RowsAgree`) are declared as `ACROSS` in the module of the later
table they read and written the same way (their rows and audit.chk_across_tables). Those across
documents and years, the narrative's and the projects' stay in their check models and the catalog
rows written beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

Term = str | tuple[str, ...]  # a column, or (whole, part, …): the whole where printed, else its parts
Cell = tuple[str, str] | tuple[str, str, int]  # (row, column), with -1 as a third element to subtract


def _jinja(value) -> str:
    """A Python value as a Jinja literal (lists for tuples, lower-case booleans)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_jinja(v) for v in value) + "]"
    return str(value)


def _call(macro: str, *args, **flags) -> str:
    shown = [_jinja(a) for a in args] + [f"{k}={_jinja(v)}" for k, v in flags.items() if v]
    return "{{ " + f"{macro}({', '.join(shown)})" + " }}"


@dataclass(frozen=True, kw_only=True)
class Identity:
    scope = "within"  # a table's own; `across` for an identity over two or more of a report's tables

    check_id: str
    rule: str  # as the form would print it: `合计 = 基本 + 项目`
    description: str  # what it says, in English, beginning with the table key
    unit: str = "元"

    # Whether its expected side adds up rows: judged on a table with unreadable rows, a missing row
    # would show as a false discrepancy (audit.identity_checks skips it there).
    @property
    def sums_rows(self) -> bool:
        raise NotImplementedError

    def sql(self, table: str) -> str:
        """The check model's macro call (`table`: the table whose identity it is)."""
        raise NotImplementedError

    def catalog_row(self, table: str) -> dict[str, str]:
        return {"check_id": self.check_id, "scope": self.scope, "rule": self.rule, "description": self.description,
                "unit": self.unit, "reads_tables": table, "sums_rows": str(self.sums_rows).lower()}


@dataclass(frozen=True, kw_only=True)
class RowSum(Identity):
    """In every row, `total` = Σ `terms` − Σ `minus`. With `skip_if_terms_blank` a row printing no term
    is no instance, with `skip_if_total_blank` a row not printing the total is none. `places`: the
    identity holds with blank cells read as zero, so placement may rely on it (see placement)."""

    total: str
    terms: tuple[Term, ...]
    minus: tuple[str, ...] = ()
    skip_if_terms_blank: bool = False
    skip_if_total_blank: bool = False
    places: bool = True

    @property
    def sums_rows(self) -> bool:
        return False

    def sql(self, table: str) -> str:
        if all(isinstance(t, str) for t in self.terms) and not (self.skip_if_terms_blank or self.skip_if_total_blank):
            return _call("check_columns_sum", self.check_id, table, self.total, list(self.terms),
                         minus_columns=list(self.minus))
        assert not self.minus, "check_row_total subtracts no column"
        return _call("check_row_total", self.check_id, table, self.total, list(self.terms),
                     skip_if_terms_blank=self.skip_if_terms_blank, skip_if_total_blank=self.skip_if_total_blank)

    def coefficients(self) -> dict[str, int]:
        """The identity as coefficients summing to zero over a row's cells, a term read as its whole."""
        return {self.total: 1, **{(t if isinstance(t, str) else t[0]): -1 for t in self.terms},
                **{c: 1 for c in self.minus}}


@dataclass(frozen=True, kw_only=True)
class Rollup(Identity):
    """Down the code tree, in each of `columns`: a parent = Σ its children, 合计 (`total_row`) = Σ 类."""

    columns: tuple[str, ...]
    total_row: str = "total"

    @property
    def sums_rows(self) -> bool:
        return True

    def sql(self, table: str) -> str:
        extra = {"total_row": self.total_row} if self.total_row != "total" else {}
        return _call("check_children_sum", self.check_id, table, list(self.columns), **extra)


@dataclass(frozen=True, kw_only=True)
class Linear(Identity):
    """The cell `actual` = the signed sum of the cells `addends`, once per report. With
    `skip_if_addends_blank` a report printing none of the addends has no instance (a line printed
    whole without the parts it may list); with `skip_if_actual_blank` one not printing `actual`."""

    actual: Cell
    addends: tuple[Cell, ...]
    adds_rows: bool = True  # the catalog's sums_rows: False where the addends are one figure, or two stated
    skip_if_addends_blank: bool = False
    skip_if_actual_blank: bool = False

    @property
    def sums_rows(self) -> bool:
        return self.adds_rows

    def sql(self, table: str) -> str:
        return _call("check_linear", self.check_id, [table, *self.actual], [[table, *a] for a in self.addends],
                     skip_if_actual_blank=self.skip_if_actual_blank, skip_if_addends_blank=self.skip_if_addends_blank)


def summary_table(prefix: str, income_lines: list[str], carried_in: list[str], carried_out: list[str],
                  text: dict[str, tuple[str, str]]) -> list[Identity]:
    """The identities of a 收支总表 (T01, B01, and their appropriation twins T04/B04 in part), as
    `<prefix>_…`: 本年收入合计 = Σ the income lines, 本年支出合计 = Σ 类, 收入总计 = 本年收入合计 + what
    is carried in, 支出总计 = 本年支出合计 + what is distributed and carried out, 收入总计 = 支出总计.
    Each list is the table's own lines; `text` gives each suffix its (rule, description)."""
    def line(rows):
        return tuple((row, "amount") for row in rows)

    def identity(kind, suffix, **shape):
        rule, description = text[suffix]
        return kind(check_id=f"{prefix}_{suffix}", rule=rule, description=description, **shape)

    return [
        identity(Linear, "income_subtotal", actual=("income_subtotal", "amount"), addends=line(income_lines)),
        identity(Rollup, "expenditure_subtotal", columns=("amount",), total_row="expenditure_subtotal"),
        identity(Linear, "income_total", actual=("income_total", "amount"), addends=line(["income_subtotal", *carried_in])),
        identity(Linear, "expenditure_total", actual=("expenditure_total", "amount"),
                 addends=line(["expenditure_subtotal", *carried_out])),
        identity(Linear, "balance", actual=("income_total", "amount"), addends=(("expenditure_total", "amount"),),
                 adds_rows=False),
    ]


TableCell = tuple[str, str, str]  # (table, row, column)


@dataclass(frozen=True, kw_only=True)
class Across(Identity):
    """An identity over cells of two or more of a report's tables (scope `across`)."""

    scope = "across"

    def tables(self) -> set[str]:
        raise NotImplementedError

    def catalog_row(self, table: str | None = None) -> dict[str, str]:
        return super().catalog_row(" ".join(sorted(self.tables())))


@dataclass(frozen=True, kw_only=True)
class SameFigure(Across):
    """A figure of one table = the sum of figures of another (`Linear`'s, with each cell's table)."""

    actual: TableCell
    addends: tuple[TableCell, ...]
    adds_rows: bool = False
    skip_if_addends_blank: bool = False
    skip_if_actual_blank: bool = False

    @property
    def sums_rows(self) -> bool:
        return self.adds_rows

    def tables(self) -> set[str]:
        return {self.actual[0], *(a[0] for a in self.addends)}

    def sql(self, table: str | None = None) -> str:
        return _call("check_linear", self.check_id, list(self.actual), [list(a) for a in self.addends],
                     skip_if_actual_blank=self.skip_if_actual_blank, skip_if_addends_blank=self.skip_if_addends_blank)


@dataclass(frozen=True, kw_only=True)
class PartWithinWhole(Across):
    """A part never exceeds its whole: `part` ≤ `whole`."""

    part: TableCell
    whole: TableCell

    @property
    def sums_rows(self) -> bool:
        return False

    def tables(self) -> set[str]:
        return {self.part[0], self.whole[0]}

    def sql(self, table: str | None = None) -> str:
        return _call("check_part_within_whole", self.check_id, list(self.part), list(self.whole))


@dataclass(frozen=True, kw_only=True)
class RowsAgree(Across):
    """Two tables state the same figure on every row both print by code: `a` and `b` are (table,
    column); rows match on their key among the codes `row_pattern` matches (class codes by default)."""

    a: tuple[str, str]
    b: tuple[str, str]
    row_pattern: str | None = None

    @property
    def sums_rows(self) -> bool:
        return False

    def tables(self) -> set[str]:
        return {self.a[0], self.b[0]}

    def sql(self, table: str | None = None) -> str:
        extra = {"row_pattern": self.row_pattern} if self.row_pattern else {}
        return _call("check_rows_agree", self.check_id, list(self.a), list(self.b), **extra)


def placement_identities(identities: list[Identity]) -> list[dict[str, int]]:
    """The row sums placement may rely on, as coefficients (see placement)."""
    return [i.coefficients() for i in identities if isinstance(i, RowSum) and i.places]


# The levels of a code tree as the catalog states them: function codes (类, 款, 项) and economic codes
# (类, 款).
FUNCTION_LEVELS = "类 = Σ 款; 款 = Σ 项; 合计 = Σ 类"
ECONOMIC_LEVELS = "类 = Σ 款; 合计 = Σ 类"


def code_rollup(check_id: str, table_label: str, columns, levels: str = FUNCTION_LEVELS,
                description: str | None = None) -> Rollup:
    """The roll-up every coded table has, with the catalog's usual words."""
    return Rollup(check_id=check_id, rule=levels, columns=tuple(columns),
                  description=description or f"{table_label}: each parent code equals the sum of its children (each column)")
