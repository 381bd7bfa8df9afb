from decimal import Decimal

from juesuan.read.lines import Line, content_lines
from juesuan.parse.tokens import Kind, parse_amount, tokenize_line

NBSP3 = "\xa0\xa0\xa0"


def kinds(text):
    return [(t.kind, t.text) for t in tokenize_line(Line(1, text))]


def test_blank_cells_are_nbsp_runs_between_single_spaces():
    # 支出决算表 line 352: 执法办案 prints total, a blank 基本支出, then 项目支出.
    line = f"2040220 执法办案 26.44 {NBSP3} 26.44 {NBSP3} {NBSP3} {NBSP3}"
    assert kinds(line) == [
        (Kind.INT, "2040220"), (Kind.TEXT, "执法办案"), (Kind.AMOUNT, "26.44"), (Kind.BLANK, ""),
        (Kind.AMOUNT, "26.44"), (Kind.BLANK, ""), (Kind.BLANK, ""), (Kind.BLANK, ""),
    ]


def test_not_applicable_is_not_blank():
    assert kinds("30901 \xa0\xa0房屋建筑物购建 ────") == [
        (Kind.INT, "30901"), (Kind.TEXT, "房屋建筑物购建"), (Kind.NA, "────"),
    ]


def test_amounts_with_thousands_separators_are_exact():
    assert kinds("12,290.04") == [(Kind.AMOUNT, "12,290.04")]
    assert parse_amount("12,290.04") == Decimal("12290.04")
    assert parse_amount("0.08") == Decimal("0.08")


def test_page_furniture_is_removed():
    text = "a\n-31-\n\n高平市公安局2024年部门决算公开报告\n@#@#@一、收入支出决算总表@#@#@\nb"
    assert [ln.text for ln in content_lines(text)] == ["a", "b"]
    # Line numbers stay those of the file.
    assert [ln.number for ln in content_lines(text)] == [1, 6]
