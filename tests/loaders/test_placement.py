"""placement: a row's figures go where the table's identities force them, and nowhere else."""

from __future__ import annotations

from decimal import Decimal as D

from juesuan.parse import placement
from juesuan.parse.placement import PrintedRow, place

COLUMNS = ["total", "basic", "project"]
ROW = [{"total": 1, "basic": -1, "project": -1}]  # 小计 = 基本 + 项目


def whole(key, total, basic, project):
    return PrintedRow(key, None if key == "total" else key,
                      placed={"total": D(total), "basic": D(basic) if basic else None, "project": D(project) if project else None})


def plain(key, *figures):
    return PrintedRow(key, key, figures=tuple(D(f) for f in figures))


def test_the_parent_column_sums_leave_one_placement():
    # 石泉路's 201 family in table 05, as printed: 20105 and 2010505 print two figures each.
    rows = [whole("201", "306.90", "", "306.90"), plain("20105", "23.42", "23.42"), plain("2010505", "23.42", "23.42"),
            whole("20129", "283.48", "", "283.48")]
    assert place(rows, COLUMNS, ROW)[1:3] == [{"total": 0, "basic": None, "project": 1}] * 2


def test_two_placements_that_fit_place_only_what_they_share():
    # Two children of one parent with the same figures: either may be the 基本支出 one.
    rows = [whole("201", "200.00", "100.00", "100.00"), plain("20105", "100.00", "100.00"),
            plain("20106", "100.00", "100.00")]
    assert place(rows, COLUMNS, ROW)[1:] == [{"total": 0}, {"total": 0}]


def test_a_row_no_placement_fits_places_nothing():
    # Two different figures under 小计 / 基本 / 项目: 小计 = 基本 + 项目 fails wherever they go.
    assert place([plain("20105", "100.00", "90.00")], COLUMNS, ROW) == [{}]


def test_a_family_no_placement_fits_places_none_of_its_rows():
    # 文化和旅游局's table 05 as its text layer prints it from 20709 on: each code with another
    # row's figures, so 旅游发展基金支出 2,369.56 sits over a 项 of 2,349.56. Each row's own identity
    # would place its 小计, but the figures may not be the row's: nothing is placed.
    rows = [plain("20709", "2369.56", "2369.56"), plain("2070904", "2349.56", "2349.56")]
    assert place(rows, COLUMNS, ROW) == [{}, {}]
    # Nor below it: 208 over its 款 does not add up, so 20808 = 2080801 (370.37 each) proves nothing.
    rows = [plain("208", "44.54", "44.54"), plain("20805", "361.85", "361.85"), plain("20808", "370.37", "370.37"),
            plain("2080801", "370.37", "370.37")]
    assert place(rows, COLUMNS, ROW) == [{}, {}, {}, {}]


def test_a_column_the_report_breaks_decides_nothing_but_the_others_do():
    # 212's 基本支出 printed 1,066.51 where its row and 合计 give 10,661.51: no placement makes that
    # column add up, so it is left out, and 合计 and 项目支出 decide alone.
    rows = [whole("total", "13588.48", "10661.51", "2926.97"), whole("212", "13583.48", "1066.51", "2921.97"),
            plain("201", "5.00", "5.00")]
    assert place(rows, COLUMNS, ROW)[2] == {"total": 0, "basic": None, "project": 1}


def test_a_family_too_large_to_search_forces_only_what_each_row_forces(monkeypatch):
    # Too many partial sums to follow: the columns every candidate agrees on (小计) must still roll
    # up, and the row keeps what its own identity forces.
    monkeypatch.setattr(placement, "MAX_SUMS", 0)
    rows = [whole("201", "306.90", "", "306.90"), plain("20105", "306.90", "306.90")]
    assert place(rows, COLUMNS, ROW)[1] == {"total": 0}
    rows[1] = plain("20105", "23.42", "23.42")
    assert place(rows, COLUMNS, ROW)[1] == {}


FUNDS = ["total", "general", "fund", "capital"]
FUND_ROW = [{"total": 1, "general": -1, "fund": -1, "capital": -1}]


def test_a_large_family_is_placed_by_its_column_sums():
    # 表四 without 行次: twelve classes print 合计 and one fund (3^12 ways); 本年支出合计 puts
    # 2,000.00 in 政府性基金 and the rest in 一般公共预算, which only 212's 2,000.00 can fill.
    kids = [plain(f"2{n:02d}", f"{n}.00", f"{n}.00") for n in range(1, 12)] + [plain("212", "2000.00", "2000.00")]
    parent = PrintedRow("total", None, placed={"total": D("2066.00"), "general": D("66.00"), "fund": D("2000.00"),
                                               "capital": None})
    placed = place([parent, *kids], FUNDS, FUND_ROW)
    assert placed[1] == {"total": 0, "general": 1, "fund": None, "capital": None}
    assert placed[-1] == {"total": 0, "general": None, "fund": 1, "capital": None}


def test_column_sums_two_rows_could_meet_place_neither():
    # 5.00 of 政府性基金 could be either of two equal rows: their fund stays open.
    kids = [plain("201", "5.00", "5.00"), plain("202", "5.00", "5.00"), plain("203", "7.00", "7.00")]
    parent = PrintedRow("total", None, placed={"total": D("17.00"), "general": D("12.00"), "fund": D("5.00"),
                                               "capital": None})
    placed = place([parent, *kids], FUNDS, FUND_ROW)
    assert placed[1] == placed[2] == {"total": 0, "capital": None}
    assert placed[3] == {"total": 0, "general": 1, "fund": None, "capital": None}
