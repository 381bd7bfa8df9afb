def test_thirty_self_evaluations_in_order(sample):
    assert len(sample.projects) == 30
    assert [p.seq for p in sample.projects] == list(range(1, 31))
    assert sample.projects[0].title_line == 1426
    assert sample.projects[-1].name == "看守所专项业务费"


def test_header_with_wrapped_name_and_coded_units(projects):
    p = projects["河西中心派出所新址综合指挥室等功能用房建设项目"]  # printed over two lines
    assert (p.unit_code, p.unit_name, p.supervisor_code, p.supervisor_name) == ("054001", "高平市公安局", "054", "高平市公安局")
    assert projects["看守所专项业务费"].unit_name == "高平市看守所"
    assert "2023年河西中心派出所新址家具采购项目（高财行[2023]215号原2023年项目）" in projects


def test_sections_skip_the_table_of_contents_and_page_footers(projects):
    p = projects["武警中队建设经费"]  # carries a 目 录 block and a page footer before its sections
    assert p.sections["overview"].startswith("该项目为武警中队建设经费，建设面积约为 800 平方米")
    assert "……" not in p.sections["overview"] and "...." not in "".join(p.sections.values())
    assert p.sections["implementation_plan"] == "资金到位后开工建设，10 月底前完成武警中队建设及生活设备采购。"
    assert set(p.sections) == {"overview", "basis", "necessity", "safeguards", "goal_period", "goal_annual", "implementation_plan"}
