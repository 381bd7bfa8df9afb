"""Project self-evaluations in the warehouse: SQL gives the printed figures."""

from decimal import Decimal

PROJECT = "select {cols} from marts.dim_project where project_name = ?"


def test_police_dogs(built):
    pid, budget, executed, balance, rate, score, total, grade, count, weights, scores = built.one(
        "select project_id, annual_budget_yuan, executed_yuan, balance_yuan, execution_rate_pct, budget_table_score, "
        "total_score, grade, indicator_count, weight_sum, indicator_score_sum from marts.dim_project where project_name = ?",
        "警犬繁育及训养",
    )
    assert pid == "174714146e070084-p24"
    assert (budget, executed, balance, rate, score) == (
        Decimal("150000.00"), Decimal("46906.00"), Decimal("103094.00"), Decimal("31.27"), Decimal("3.13"))
    assert (total, grade, count, weights, scores) == (Decimal("88.13"), "良", 9, Decimal("90.00"), Decimal("85.00"))
    assert built.one(
        "select execution_rate_pct from marts.fct_project_budget where project_id = ? and is_total", pid
    ) == Decimal("31.27")


def test_budget_figures_of_other_projects(built):
    assert built.one(
        "select annual_budget_yuan, executed_yuan, execution_rate_pct from marts.dim_project where project_name = ?",
        "协勤队员工资（二）",
    ) == (Decimal("1030510.00"), Decimal("960730.00"), Decimal("93.23"))
    assert built.one("select executed_yuan from marts.dim_project where project_name = ?", "看守所专项业务费") == Decimal("1092206.50")


def test_grade_counts(built):
    assert built.sql("select grade, count(*) from marts.dim_project group by 1 order by 1") == [("中", 5), ("优", 19), ("良", 6)]


def test_indicators_with_parsed_targets(built):
    rows = built.sql(
        "select i.indicator_name, target_op, target_value, target_unit, actual_value, target_met, c.level2_en "
        "from marts.fct_project_indicator i join marts.dim_project p using (project_id) "
        "join marts.dim_indicator_category c using (level1, level2) "
        "where p.project_name = '警犬繁育及训养' order by i.row_order"
    )
    assert rows[2] == ("警犬中队基地面积", "=", Decimal("4329.0000"), "平方米", Decimal("4329.0000"), True, "Quantity")
    assert rows[3][:6] == ("警犬中队房租支付完成率", "=", Decimal("100.0000"), "%", Decimal("0.0000"), False)
    assert rows[5] == ("犬粮采购时间", None, None, None, None, None, "Timeliness")


def test_every_indicator_row_traces_to_its_line(built, sample_text):
    lines = sample_text.split("\n")
    for name, line in built.sql("select indicator_name, source_line from marts.fct_project_indicator"):
        assert lines[line - 1].startswith(name[:2]) or name.startswith(lines[line - 1].split(" ")[0]), (name, line)
    assert built.one("select count(*) from marts.fct_project_indicator") == 201
