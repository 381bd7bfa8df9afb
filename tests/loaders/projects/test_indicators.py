from decimal import Decimal


def rows(project):
    return [(i.level1, i.level2, i.name, i.target_text, i.actual_text, i.weight_text, i.score_text, i.deviation_reason)
            for i in project.indicators]


def test_police_dogs_indicators(projects):
    p = projects["警犬繁育及训养"]
    assert rows(p) == [
        ("产出指标", "数量指标", "保障警犬数量", "＝16 条", "16", "5", "5", None),
        ("产出指标", "数量指标", "犬粮采购次数", "≥3次", "4", "5", "5", "每季度购置一次犬粮。"),
        # Name and target both wrapped; the reason above ends its sentence before the name starts.
        ("产出指标", "数量指标", "警犬中队基地面积", "＝ 4329 平方米", "4329", "10", "10", None),
        ("产出指标", "质量指标", "警犬中队房租支付完成率", "＝100%", "0", "5", "0", "支付手续未完备，房租未支付。"),
        ("产出指标", "质量指标", "犬粮合格率", "＝100%", "100", "5", "5", None),
        ("产出指标", "时效指标", "犬粮采购时间", "每季度", "达成预期指标", "10", "10", None),
        ("产出指标", "成本指标", "项目资金到位数", "＝ 150000元", "150000", "10", "10", None),
        ("效益指标", "社会效益", "维护社会稳定", "维护", "达成预期指标", "30", "30", None),
        ("满意度指标", "服务对象满意度", "民警满意度", "≥90%", "95", "10", "10", None),
    ]
    assert sum(Decimal(i.weight_text) for i in p.indicators) == 90
    assert sum(Decimal(i.score_text) for i in p.indicators) == 85
    assert p.indicators[2].source_line == 7264


def test_wrapped_name_then_qualitative_target_on_its_own_line(projects):
    p = projects["高平市公安局指挥中心指挥大厅改造项目"]
    assert rows(p)[4:6] == [
        ("效益指标", "社会效益", "加强对警情反应时间", "加强", "达成预期指标", "15", "15", None),
        ("效益指标", "可持续影响", "保障人民财产安全", "保障", "达成预期指标", "15", "15", None),
    ]
    assert rows(p)[2] == ("产出指标", "时效指标", "工程验收时间", "9月份前", "未完成预期指标且效果较差", "10", "5",
                          "截至12月底项目未验收，将推进项目验收进度")


def test_reason_with_numbers_stays_a_reason(projects):
    p = projects["看守所民警封闭场所改造项目尾款"]
    assert rows(p)[0] == ("产出指标", "数量指标", "维修面积", "≥300 平方米", "753.2", "20", "20", "工程建设结算维修面积753.2平方米")


def test_every_sample_project_weighs_90_and_scores_as_stated(sample):
    for p in sample.projects:
        assert sum(Decimal(i.weight_text) for i in p.indicators) == 90, p.name
        assert sum(Decimal(i.score_text) for i in p.indicators) == Decimal(p.stated_indicator_score), p.name
        assert p.issues == [], p.name
