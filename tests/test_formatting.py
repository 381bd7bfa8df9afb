"""One way to show a figure and its place (juesuan.cli.formatting), used by the CLI and the site: the
figures of real findings as both surfaces print them."""

from decimal import Decimal

from juesuan.cli.formatting import figure, place, wan


def test_money_is_shown_in_wan_as_the_reports_print_it():
    # 表06 302 of the sample: printed 1,069.29 against its items' 1,069.32 (held in 元).
    assert figure(Decimal("10692900.00"), "元") == "1,069.29 万元"
    assert figure(Decimal("-300.00"), "元", sign=True) == "-0.03 万元"
    assert figure(Decimal("100.00"), "元", sign=True) == "+0.01 万元"
    assert wan(Decimal("2720676900.00")) == "272,067.69"  # 西安's 政府采购
    assert figure(None, "元") == "–" and figure(None, "元", missing="(not stated)") == "(not stated)"


def test_counts_and_rates_as_stated():
    # 西安's forms that print 执行率 1000% for 100%; the sample's 31 projects stated for 30.
    assert figure(Decimal("1000"), "%") == "1,000 %"
    assert figure(Decimal("31"), "projects") == "31 projects"
    assert figure(Decimal("98.50"), "%") == "98.5 %"
    assert figure(Decimal("-900"), "%", sign=True) == "-900 %"
    assert figure(Decimal("900"), "%", sign=True) == "+900 %"
    assert figure(Decimal("3"), "as stated") == "3"


def test_a_place_with_its_page_where_the_source_has_pages():
    assert place("project:2168", 101, 6) == "project:2168 (p. 101, line 6)"
    assert place("T06:757", None, None) == "T06:757"  # a text without page breaks
    assert place("narrative:12", 1, 12) == "narrative:12"  # one page: the line is the page's line
    assert place(None, None, None) == "–" and place(None, None, None, missing="-") == "-"
