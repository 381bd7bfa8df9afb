from decimal import Decimal

from juesuan.parse.model import ProjectBudgetRow


def test_police_dogs_budget(projects):
    total, source = projects["警犬繁育及训养"].budget
    assert total == ProjectBudgetRow(
        row_order=1, funding_source="合计", target_declared=Decimal("150000"), budget_compiled=Decimal("150000"),
        annual_budget=Decimal("150000"), executed=Decimal("46906"), balance=Decimal("103094"),
        execution_rate_text="31.27", score_text="3.13", deviation_reason=None, source_line=7199,
    )
    assert source.funding_source == "市县区财政资金"  # wrapped over two lines
    assert source.deviation_reason == "支付手续未完备，资金未支付。"  # wrapped over three
    assert (source.execution_rate_text, source.score_text) == (None, None)


def test_adjusted_budget_and_decimal_amounts(projects):
    total = projects["协勤队员工资（二）"].budget[0]
    assert (total.target_declared, total.annual_budget, total.executed) == (Decimal("3914160"), Decimal("1030510"), Decimal("960730"))
    assert total.execution_rate_text == "93.23"
    assert projects["看守所专项业务费"].budget[0].executed == Decimal("1092206.5")


def test_a_number_inside_a_reason_is_not_a_row(projects):
    rows = projects["警务技能训练基地征地前期费用（高财行[2023]77号原2023年项目）"].budget
    assert [r.funding_source for r in rows] == ["合计", "市县区财政资金"]
    assert rows[1].deviation_reason == "结地报告编制费为85000元。"


def test_zero_budget_row(projects):
    total = projects["高平市公安局“雪亮工程”一期及重点部位补建视频监控项目运维费"].budget[0]
    assert (total.budget_compiled, total.annual_budget, total.executed, total.execution_rate_text) == (
        Decimal("4165140"), Decimal("0"), Decimal("0"), "0")
