from collections import Counter


def test_stated_scores_and_grade(projects):
    p = projects["警犬繁育及训养"]
    assert (p.stated_execution_score, p.stated_indicator_score, p.stated_total_score, p.stated_grade) == ("3.13", "85", "88.13", "良")


def test_grade_counts(sample):
    assert Counter(p.stated_grade for p in sample.projects) == {"优": 19, "良": 6, "中": 5}


def test_an_omitted_score_is_kept_absent(projects):
    # The report prints `预算执行情况得分分`: the score is left out, not zero.
    p = projects["武警中队建设经费（年初预算原2023年项目）"]
    assert (p.stated_execution_score, p.stated_total_score, p.stated_grade) == (None, "80", "良")
