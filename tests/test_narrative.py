"""The narrative in the warehouse: the figures it states, checked against the tables and itself."""

from decimal import Decimal

from juesuan.cli.main import EXIT_FINDINGS, main

from tests.conftest import SAMPLE, Workspace

FIGURE = "select value from marts.fct_narrative_figure where metric = ? and coalesce(subject_code, '') = ? order by figure_order"


def values(ws, metric, code=""):
    return [v for (v,) in ws.sql(FIGURE, metric, code)]


def test_headline_figures_of_the_narrative(built):
    assert values(built, "income_total_amount")[0] == Decimal("12290.04")
    assert values(built, "income_total_change") == [Decimal("-519.14")]
    assert values(built, "income_total_change_rate") == [Decimal("-4.05")]
    assert values(built, "basic_expenditure_amount") == [Decimal("6667.32"), Decimal("6667.31")]
    assert values(built, "basic_expenditure_share") == [Decimal("54.25")]
    assert values(built, "project_expenditure_amount") == [Decimal("5622.72")]
    assert values(built, "project_expenditure_share") == [Decimal("45.75")]


def test_public_security_class(built):
    assert values(built, "class_initial_budget", "204") == [Decimal("10911.93")]
    assert values(built, "class_final", "204") == [Decimal("10766.61")]
    assert values(built, "class_completion_rate", "204") == [Decimal("98.67")]


def test_three_public_costs_vehicles_procurement(built):
    assert values(built, "three_public_budget") == [Decimal("227.19")]
    assert values(built, "three_public_final") == [Decimal("227.19")]
    assert values(built, "vehicle_purchase_vehicles") == [Decimal("13")]
    assert values(built, "vehicles_held_vehicles") == [Decimal("93")]
    assert values(built, "procurement_total_amount") == [Decimal("2544.45")]
    assert values(built, "procurement_sme_amount") == [Decimal("1832.99")]
    assert values(built, "procurement_sme_share") == [Decimal("72.04")]
    assert built.one(
        "select value_yuan, unit, source_line from marts.fct_narrative_figure where metric = 'procurement_sme_amount'"
    ) == (Decimal("18329900.00"), "万元", 1337)


def test_self_evaluation_claims(built):
    assert values(built, "projects_count") == [Decimal("31")]
    assert dict(built.sql(
        "select subject_code, value from marts.fct_narrative_figure where metric = 'projects_graded_count'"
    )) == {"优": Decimal("20"), "良": Decimal("6"), "中": Decimal("5")}


def test_every_narrative_check_held_but_the_report_own_breaks(built):
    statuses = dict(built.sql(
        "select check_id, list_sort(list(distinct status)) from audit.identity_checks where check_id like 'nr_%' group by 1"
    ))
    assert statuses == {
        "nr_restates_table": ["discrepancy", "held"],
        "nr_restates_count": ["held"],
        "nr_share": ["held"],
        # 教育支出 grew by 9.99 万元 from nothing, and no rate is stated: skipped.
        "nr_change_rate": ["held", "skipped"],
        "nr_completion_rate": ["held"],
        "nr_stated_twice": ["discrepancy", "held"],
        "nr_self_evaluations": ["discrepancy", "held"],
        "nr_self_evaluation_amount": ["discrepancy"],
    }


def test_prior_year_view(built):
    assert built.sql(
        "select subject, subject_code, current_value, change_value, prior_value from marts.fct_narrative_prior_year "
        "where subject in ('income_total', 'class', 'running_cost') order by source_line"
    ) == [
        ("income_total", None, Decimal("12290.0400"), Decimal("-519.1400"), Decimal("12809.1800")),
        ("class", "204", Decimal("10766.6100"), Decimal("-194.6000"), Decimal("10961.2100")),
        ("class", "205", Decimal("9.9900"), Decimal("9.9900"), Decimal("0.0000")),
        ("class", "208", Decimal("807.7100"), Decimal("367.3100"), Decimal("440.4000")),
        ("class", "210", Decimal("259.2600"), Decimal("-201.1400"), Decimal("460.4000")),
        ("class", "221", Decimal("446.4700"), Decimal("61.2400"), Decimal("385.2300")),
        ("running_cost", None, Decimal("1099.3300"), Decimal("23.1400"), Decimal("1076.1900")),
    ]


def test_last_years_report_is_checked_against_this_years_implied_figures(tmp_path, monkeypatch, sample_text):
    ws = Workspace(tmp_path, monkeypatch)
    # Last year's report: the same layout, one year earlier, stating 12,809.18 万元 total income
    # (as this year's change implies) and 1,076.20 万元 running costs (this year implies 1,076.19).
    last_year = (
        sample_text.replace("2024年度收入总计12,290.04万元", "2023年度收入总计12,809.18万元")
        .replace("2024年机关运行经费支出1,099.33万元", "2023年机关运行经费支出1,076.20万元")
        .replace("2024年度", "2023年度")
    )
    prior = tmp_path / "in" / "2023.txt"
    prior.parent.mkdir()
    prior.write_text(last_year, encoding="utf-8")
    assert main(["run", str(SAMPLE), str(prior)]) == EXIT_FINDINGS
    rows = ws.sql(
        "select c.object, c.status, c.expected, c.actual from audit.identity_checks c "
        "join marts.dim_report r using (report_id) where r.fiscal_year = 2024 and c.check_id = 'nr_prior_year' "
        "and c.object similar to '(income_total|running_cost) .*' order by 1"
    )
    assert rows == [
        ("income_total 2023 line 1169", "held", Decimal("12809.1800"), Decimal("12809.1800")),
        ("running_cost 2023 line 1327", "discrepancy", Decimal("1076.2000"), Decimal("1076.1900")),
    ]
