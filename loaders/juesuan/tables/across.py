"""Identities across a report's tables: the same figure stated in two tables, a part within its
whole, the rows two tables both print by code. Declared here once; `python -m juesuan.tables`
writes from them the catalog's `across` rows (reference.ref_identity) and the check model
audit.chk_across_tables. Each is of one document: a final report's tables (公开01–10表) or a
budget's (B…)."""

from __future__ import annotations

from .identities import PartWithinWhole, RowsAgree, SameFigure

# Function class codes, or every function code (类, 款, 项) where a table prints them all.
EVERY_FUNCTION_CODE = "[0-9]{3}([0-9]{2}){0,2}"

FINAL = [
    SameFigure(check_id="x01_02_income", rule="01 本年收入合计 = 02 合计",
               description="The summary table's income equals the income table's total",
               actual=("T01", "income_subtotal", "amount"), addends=(("T02", "total", "total"),)),
    SameFigure(check_id="x01_03_expenditure", rule="01 本年支出合计 = 03 合计",
               description="The summary table's expenditure equals the expenditure table's total",
               actual=("T01", "expenditure_subtotal", "amount"), addends=(("T03", "total", "total"),)),
    RowsAgree(check_id="x01_03_class", rule="01 每类 = 03 该类合计",
              description="Each class in the summary table equals its total in the expenditure table",
              a=("T01", "amount"), b=("T03", "total")),
    SameFigure(check_id="x02_04_appropriation", rule="02 财政拨款收入合计 = 04 本年收入合计",
               description="Appropriation income in the income table equals the appropriation summary's income",
               actual=("T02", "total", "fiscal_appropriation"), addends=(("T04", "income_subtotal", "amount"),)),
    SameFigure(check_id="x04_05_total", rule="04 一般公共预算支出合计 = 05 合计",
               description="General-budget expenditure in the appropriation summary equals table 05's total",
               actual=("T04", "expenditure_subtotal", "general_budget"), addends=(("T05", "total", "total"),)),
    RowsAgree(check_id="x04_05_class", rule="04 每类一般公共预算 = 05 该类小计",
              description="Each class's general-budget expenditure in table 04 equals its subtotal in table 05",
              a=("T04", "general_budget"), b=("T05", "total")),
    SameFigure(check_id="x05_06_basic", rule="05 基本支出合计 = 06 人员经费合计 + 公用经费合计",
               description="Basic expenditure in table 05 equals personnel plus public costs in table 06",
               actual=("T05", "total", "basic"), addends=(("T06", "personnel_total", "amount"), ("T06", "public_total", "amount")),
               adds_rows=True),
    SameFigure(check_id="x06_10_running_cost", rule="10 机关运行经费(行政单位) = 06 公用经费合计",
               description="Running costs of an administrative unit equal its public costs (skipped where table 10 prints none)",
               actual=("T10", "running_cost_admin_units", "amount"), addends=(("T06", "public_total", "amount"),),
               skip_if_actual_blank=True),
    # The 三公 items among the economic codes of basic expenditure are parts of the 三公 spent in all.
    PartWithinWhole(check_id="p06_09_overseas", rule="06 30212 因公出国（境）费用 ≤ 09 因公出国 决算",
                    description="Overseas travel in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "30212", "amount"), whole=("T09", "final", "overseas")),
    PartWithinWhole(check_id="p06_09_reception", rule="06 30217 公务接待费 ≤ 09 公务接待费 决算",
                    description="Reception in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "30217", "amount"), whole=("T09", "final", "reception")),
    PartWithinWhole(check_id="p06_09_vehicle_operation", rule="06 30231 公务用车运行维护费 ≤ 09 运行维护费 决算",
                    description="Vehicle operation in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "30231", "amount"), whole=("T09", "final", "vehicle_operation")),
    PartWithinWhole(check_id="p06_09_vehicle_purchase", rule="06 31013 公务用车购置 ≤ 09 购置费 决算",
                    description="Vehicle purchase in basic expenditure does not exceed the three-public-costs figure",
                    part=("T06", "31013", "amount"), whole=("T09", "final", "vehicle_purchase")),
]

# A budget's (its final twins' x01_03, x05_06): the 收支总表's expenditure against the 支出总表 (all
# funds, in total and per 类), the general budget's basic expenditure in 一般公共预算支出表 against
# 一般公共预算基本支出表 (whole, 人员经费, 公用经费), the general budget's appropriation in the 收支总表
# against the 财政拨款收支总表, and the 收支总表's income against the 收入总表.
BUDGET = [
    SameFigure(check_id="xb01_03_expenditure", rule="B01 本年支出合计 = B03 合计",
               description="A budget's summary expenditure equals its expenditure table's total",
               actual=("B01", "expenditure_subtotal", "amount"), addends=(("B03", "total", "total"),)),
    RowsAgree(check_id="xb01_03_class", rule="B01 每类 = B03 该类合计",
              description="Each class in a budget's summary equals its total in the budget's expenditure table",
              a=("B01", "amount"), b=("B03", "total")),
    SameFigure(check_id="xb05_06_basic", rule="B05 基本支出合计 = B06 合计",
               description="A budget's general-budget basic expenditure equals the basic-expenditure table's total "
                           "(skipped where B05 prints 基本 only as its parts)",
               actual=("B05", "total", "basic"), addends=(("B06", "total", "total"),), skip_if_actual_blank=True),
    SameFigure(check_id="xb05_06_personnel", rule="B05 人员经费合计 = B06 人员经费合计",
               description="A budget's general-budget personnel costs equal the basic-expenditure table's",
               actual=("B05", "total", "personnel"), addends=(("B06", "total", "personnel"),), skip_if_actual_blank=True),
    SameFigure(check_id="xb05_06_public", rule="B05 公用经费合计 = B06 公用经费合计",
               description="A budget's general-budget public costs equal the basic-expenditure table's",
               actual=("B05", "total", "public"), addends=(("B06", "total", "public"),), skip_if_actual_blank=True),
    SameFigure(check_id="xb01_04_general_budget", rule="B01 一般公共预算拨款收入 = B04 一般公共预算拨款",
               description="A budget's general-budget appropriation income in its summary equals the appropriation summary's",
               actual=("B01", "general_budget_appropriation", "amount"),
               addends=(("B04", "general_budget_appropriation", "amount"),)),
    SameFigure(check_id="xb01_02_income", rule="B01 本年收入合计 = B02 本年收入小计",
               description="A budget's summary income equals its income table's total income of the year",
               actual=("B01", "income_subtotal", "amount"), addends=(("B02", "total", "total"),), skip_if_addends_blank=True),
    SameFigure(check_id="xb01_02_income_total", rule="B01 收入总计 = B02 合计",
               description="A budget's summary total income (with what it carries in) equals its income table's 合计",
               actual=("B01", "income_total", "amount"), addends=(("B02", "total", "income_total"),), skip_if_addends_blank=True),
    # 机关运行经费 are 日常公用经费 of the general budget's basic expenditure: within B06's 公用经费; and
    # the general budget's basic expenditure is within every appropriation fund's (B16).
    PartWithinWhole(check_id="xb06_15_running_cost", rule="B15 机关运行经费 ≤ B06 公用经费",
                    description="A budget's running costs are part of its general budget's public costs (日常公用经费)",
                    part=("B15", "total", "amount"), whole=("B06", "total", "public")),
    PartWithinWhole(check_id="xb06_16_basic", rule="B06 合计 ≤ B16 合计",
                    description="The general budget's basic expenditure is part of every appropriation fund's",
                    part=("B06", "total", "total"), whole=("B16", "total", "total")),
    # 西安 prints the general budget's basic expenditure twice by function code: in 一般公共预算支出表 (B05)
    # as 人员经费支出 and 公用经费支出, and in its 基本支出明细表 (B17). Code by code they agree.
    RowsAgree(check_id="xb05_17_personnel", rule="B05 每科目人员经费 = B17 该科目人员经费",
              description="Each function code's personnel costs in the general-budget table equal the basic-expenditure "
                          "table's by function (西安)",
              a=("B05", "personnel"), b=("B17", "personnel"), row_pattern=EVERY_FUNCTION_CODE),
    RowsAgree(check_id="xb05_17_public", rule="B05 每科目公用经费 = B17 该科目公用经费",
              description="Each function code's public costs in the general-budget table equal the basic-expenditure "
                          "table's by function (西安)",
              a=("B05", "public"), b=("B17", "public"), row_pattern=EVERY_FUNCTION_CODE),
]

IDENTITIES = FINAL + BUDGET
