"""A self-evaluation cut short: what was printed loads, the rest is reported, nothing is guessed."""

from tests.loaders.projects.conftest import parse_text


def dogs_text(sample_text, cut_after):
    start = sample_text.index(" 项目支出绩效自评分析报告\n\n项目名称：警犬繁育及训养")
    end = sample_text.index(cut_after, start) + len(cut_after)
    return sample_text[start:end]


def test_truncated_between_rows_loads_the_complete_rows(sample_text):
    (p,) = parse_text(dogs_text(sample_text, "犬粮合格率 ＝100% 100 5 5"))
    assert [i.name for i in p.indicators] == ["保障警犬数量", "犬粮采购次数", "警犬中队基地面积", "警犬中队房租支付完成率", "犬粮合格率"]
    assert p.issues == []  # rows are whole; the weight identity (Σ 权重 = 30, not 90) reports the gap
    assert p.stated_total_score is None


def test_truncated_inside_a_row_is_an_error_naming_the_row(sample_text):
    (p,) = parse_text(dogs_text(sample_text, "警犬中队基地面"))
    assert [i.name for i in p.indicators] == ["保障警犬数量", "犬粮采购次数"]
    assert [(i.severity, i.message) for i in p.issues] == [
        ("error", "indicator '警犬中队基地面' has no target, weight or score")
    ]
    assert p.issues[0].source_line == 1 + dogs_text(sample_text, "警犬中队基地面").count("\n")


def test_truncated_inside_the_budget_table(sample_text):
    (p,) = parse_text(dogs_text(sample_text, "合计 150,000 150,000"))
    assert p.budget == [] and p.indicators == []
    assert [i.message for i in p.issues] == [
        "budget line '合计 150,000 150,000' prints 2 figures, fewer than the 5 amounts of a row; not loaded",
        "project '警犬繁育及训养': no 预算执行情况 rows found",
        "project '警犬繁育及训养': no 绩效指标 rows found",
    ]
