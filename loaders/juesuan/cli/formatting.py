"""How a figure and the place it was printed are shown, the same on every surface (the CLI's
summaries and findings, the site's pages): money in 万元 as the reports print it, other units as
stated, and a printed line with its page where the source has pages. Surfaces escape the text
for their medium; the rules are here once."""

from __future__ import annotations

from decimal import Decimal


def wan(yuan, sign: bool = False, missing: str = "–") -> str:
    """元 as 万元 with thousands separators and two decimals (`1,069.29`), as the reports print them."""
    if yuan is None:
        return missing
    return f"{Decimal(yuan) / 10000:{'+' if sign else ''},.2f}"


def figure(value, unit: str | None, sign: bool = False, missing: str = "–") -> str:
    """A figure with its unit: money held in 元 shown in 万元 (`6,667.31 万元`); a count or rate as
    stated (`31 projects`, `1,000 %`, `98.5 %`)."""
    if value is None:
        return missing
    if unit == "元":
        return f"{wan(value, sign)} 万元"
    value = Decimal(value)
    plus = "+" if sign else ""
    shown = f"{value:{plus},.0f}" if value == value.to_integral_value() else f"{value.normalize():{plus},f}"
    return f"{shown} {'' if unit in (None, 'as stated') else unit}".rstrip()


def place(at: str | None, page: int | None, page_line: int | None, missing: str = "–") -> str:
    """`T06:757`, and where the source has pages and the line on its page differs from the line
    in the whole text (a PDF), `T06:757 (p. 12, line 7)`."""
    if not at:
        return missing
    line = at.rsplit(":", 1)[-1]
    if page is None or page_line is None or str(page_line) == line:
        return at
    return f"{at} (p. {page}, line {page_line})"
