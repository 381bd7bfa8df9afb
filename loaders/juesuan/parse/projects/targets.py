"""Indicator targets and actual values: quantitative ones as operator, value and unit.

    `≥500 平方米` → ('>=', 500, '平方米')      `＝ 4402000元` → ('=', 4402000, '元')
    `≤30 分钟` → ('<=', 30, '分钟')            `＝100%` → ('=', 100, '%')
    `提高`, `12月前`, `每季度`, `6月 26 日` → qualitative: (None, None, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_OPERATORS = {"＝": "=", "=": "=", "≥": ">=", "≧": ">=", "≤": "<=", "≦": "<=", ">": ">", "<": "<", "＞": ">", "＜": "<"}
_QUANTITATIVE = re.compile(r"^\s*([＝=≥≧≤≦><＞＜])\s*(\d[\d,]*(?:\.\d+)?)\s*(.*?)\s*$")
_NUMBER = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*(%|％)?\s*$")


@dataclass(frozen=True)
class Target:
    op: str | None
    value: Decimal | None
    unit: str | None

    @property
    def quantitative(self) -> bool:
        return self.op is not None


def parse_target(text: str) -> Target:
    m = _QUANTITATIVE.match(text or "")
    if not m:
        return Target(None, None, None)
    unit = m.group(3).replace(" ", "") or None
    return Target(_OPERATORS[m.group(1)], Decimal(m.group(2).replace(",", "")), unit)


def parse_actual(text: str) -> Decimal | None:
    """A numeric actual value (`500`, `3979.35`, `92%`); None for a qualitative one (`达成预期指标`)."""
    m = _NUMBER.match(text or "")
    return Decimal(m.group(1).replace(",", "")) if m else None


def figures(target_text: str, actual_text: str) -> dict:
    """An indicator's target and actual read as numbers: ProjectIndicator's target_op,
    target_value, target_unit and actual_value, for its constructor."""
    target = parse_target(target_text)
    return {"target_op": target.op, "target_value": target.value, "target_unit": target.unit,
            "actual_value": parse_actual(actual_text)}
