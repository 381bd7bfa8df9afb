from decimal import Decimal

import pytest

from juesuan.parse.projects.targets import Target, parse_actual, parse_target


@pytest.mark.parametrize("text, expected", [
    ("≥500 平方米", Target(">=", Decimal("500"), "平方米")),
    ("＝100%", Target("=", Decimal("100"), "%")),
    ("≤30 分钟", Target("<=", Decimal("30"), "分钟")),
    ("＝ 4402000元", Target("=", Decimal("4402000"), "元")),
    ("≥3次", Target(">=", Decimal("3"), "次")),
    ("＝4000 元/年", Target("=", Decimal("4000"), "元/年")),
    ("≥6.9 亩", Target(">=", Decimal("6.9"), "亩")),
    ("＝10003891.1元", Target("=", Decimal("10003891.1"), "元")),
    ("> 1,000 人", Target(">", Decimal("1000"), "人")),  # not in the sample: other wording
    ("提高", Target(None, None, None)),
    ("12月前", Target(None, None, None)),
    ("每季度", Target(None, None, None)),
    ("6月 26 日", Target(None, None, None)),
])
def test_targets(text, expected):
    assert parse_target(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("500", Decimal("500")), ("3979.35", Decimal("3979.35")), ("92%", Decimal("92")),
    ("达成预期指标", None), ("未完成预期指标且效果较差", None),
])
def test_actuals(text, expected):
    assert parse_actual(text) == expected
