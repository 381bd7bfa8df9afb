"""A copy of the sample report with one deliberately broken figure in each table.

Each edit names the line it changes and must match there exactly once, so the fixture cannot
drift silently if the sample changes. The sample prints 公开07/08 empty; the fixture fills
their 合计 rows with figures that do not add up.
"""

from __future__ import annotations

from juesuan.load.corpus import apply_edits

NBSP_CELL = "\xa0\xa0\xa0"

# (line, printed text, replacement, what it breaks)
EDITS = [
    (84, "四、公共安全支出 35 10766.61", "四、公共安全支出 35 10776.61", "T01 class 204 +10.00"),
    (232, "2040201 行政运行 4335.69 4335.69", "2040201 行政运行 4335.69 4336.69", "T02 财政拨款收入 of 2040201 +1.00"),
    (354, "2040250 事业运行 166.59 166.59", "2040250 事业运行 166.59 166.69", "T03 基本支出 of 2040250 +0.10"),
    (474, "37 9.99 9.99", "37 9.99 8.99", "T04 一般公共预算 of 205 −1.00"),
    (704, "2101101 行政单位医疗 191.86 191.86", "2101101 行政单位医疗 191.96 191.86", "T05 小计 of 2101101 +0.10"),
    (944, "奖励金 6.28", "奖励金 7.28", "T06 30309 +1.00"),
    (894, "公务接待费 0.11", "公务接待费 0.51", "T06 30217 above the 三公 reception figure"),
    (1016, "合计 " + " ".join([NBSP_CELL] * 6), "合计 10.00 5.00 3.00 2.00 2.00 10.00", "T07 filled, off by 2.00 and 1.00"),
    (1043, "合计 " + " ".join([NBSP_CELL] * 3), "合计 5.00 2.00 2.00", "T08 filled, off by 1.00"),
    (1103, "40.00 0.11 227.19", "40.00 0.21 227.19", "T09 budget reception +0.10"),
    (1122, "货物 2 668.26", "货物 2 678.26", "T10 goods +10.00"),
]


def broken_text(sample_text: str) -> str:
    return apply_edits(sample_text, EDITS)
