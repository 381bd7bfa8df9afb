"""The budget's 情况说明 (部门预算): only what its words mean otherwise than the final accounts'.

Its figures are budgets: `基本支出预算 32780.46 万元` is the year's amount (a final's `预算` is a budget
beside an actual), and the budget it compares with is last year's (`比 2025 年年初预算数 45557.68 万元增加
5478.54 万元`: the 年初预算 of a budget's narrative is of the year before). It names its totals 收入预算
and 支出预算, its income lines by budget (`一般公共预算拨款收入`), and states 项 under a section of every
appropriation fund (`五、财政拨款支出预算情况说明`, 表 B14) or of the whole year's expenditure (`一、收支预算
总体情况说明`, the 类 of 表 B03) as well as of the general budget (B05).
"""

from __future__ import annotations

from juesuan.parse.narrative.figures import FINAL

# Subject patterns start with a literal or a character class (figures._first_chars), never a group.

BUDGET = FINAL.extended(
    subjects=[
        # 无锡/苏州: `收入、支出预算总计 3,210.1 万元`: both sides' 总计 at once.
        (r"收入、支出预算总计|收支预算总计", "budget_total"),
        (r"财政拨款收、支总(?:预算|计)", "appropriation_budget_total"),
        (r"收入预算(?:总计|合计)?", "income_total"),
        # 北京: `占本年支出预算 64.37%` of 本年支出合计 (50927.95), not of 支出预算 (51036.22, with 结转).
        (r"本年支出预算", "expenditure_subtotal"),
        (r"支出预算总计", "expenditure_total"),
        # 无锡/苏州 `三、支出预算情况说明`: `支出预算合计 3,210.1 万元，其中：基本支出…`.
        (r"支出预算合计", "expenditure_subtotal"),
        # 北京: `2026 年支出预算 51036.22 万元` (支出总计); not `“三公”经费支出预算` (the 三公's amount).
        (r"年度?\s*支出预算(?![总合]计|支出)", "expenditure_total"),
        # 西安: `本部门当年预算收入4,203.47万元，其中：一般公共预算拨款…、上年实户资金余额98.18万元…`: the
        # 收入总计 of its 收支总表, balances included (本年收入合计 4,105.29).
        (r"当年预算收入", "income_total"),
        (r"当年预算支出", "expenditure_total"),
        (r"上年实户资金余额", "prior_year_account_balance"),
        (r"未安排支出的实户资金", "unallocated_account_funds"),
        (r"本年财政专户管理资金|财政专户管理资金(?:收入)?", "special_account_income"),
        # 西安 states the 一般公共预算支出 by 政府预算支出经济分类 too (`机关工资福利支出（501）`): not the
        # 部门预算支出经济分类's 301 of the same money.
        (r"机关工资福利支出", "gov_econ_501"),
        (r"机关商品和服务支出", "gov_econ_502"),
        (r"机关资本性支出[（(](?:基本建设|二)[)）]", "gov_econ_504"),
        (r"机关资本性支出", "gov_econ_503"),
        (r"对事业单位经常性补助", "gov_econ_505"),
        (r"对事业单位资本性补助", "gov_econ_506"),
        (r"对个人和家庭的补助[（(]509[)）]", "gov_econ_509"),
        (r"本年一般公共预算(?:财政)?拨款收入|一般公共预算(?:财政)?拨款收入|本年一般公共预算收入", "general_budget_appropriation"),
        (r"本年政府性基金预算(?:财政)?拨款收入|政府性基金预算(?:财政)?拨款收入|本年政府性基金预算收入", "fund_appropriation_income"),
        (r"本年国有资本经营预算(?:财政)?拨款收入|国有资本经营预算(?:财政)?拨款收入|本年国有资本经营预算收入", "capital_appropriation_income"),
        (r"一般公共预算(?:财政)?拨款(?:预算)?支出|当年一般公共预算支出|一般公共预算支出", "general_budget_expenditure"),
        # 西安: `当年预算收入…，其中：一般公共预算拨款2,838.42万元`, and the same words under 当年预算支出: the
        # general budget's part of the total before it, income or expenditure.
        (r"一般公共预算拨款(?![收支])", "general_budget_part"),
        # `财政拨款基本支出预算 2,235.04 万元`: every appropriation fund's 基本支出, not the year's (B03).
        (r"财政拨款基本支出", "appropriation_basic_expenditure"),
        (r"财政拨款(?:预算)?支出(?!总计)", "appropriation_expenditure"),
        # `上年结转结余的财政专户管理资金 0 万元`: a part of the balance, not the balance.
        (r"上年结转(?:结余)?的[\u4e00-\u9fff]+", "opening_balance_part"),
        (r"上年结转(?:结余)?", "opening_balance"),
        (r"年终结转(?:结余)?|结转下年", "closing_balance"),
        (r"政府采购(?:支出)?预算总额", "procurement_total"),
        (r"拟采购货物(?:支出)?|政府采购货物预算", "procurement_goods"),
        (r"拟采购工程(?:支出)?|政府采购工程预算", "procurement_works"),
        (r"拟采购服务(?:支出)?|政府采购服务预算", "procurement_services"),
    ],
    money=[
        (r"减少|增加|增长|下降", "change"),
        # Last year's budget, the base of the change stated beside it.
        (r"年初预算|[上去]年.{0,12}预算", "prior_budget"),
        (r"决算", "final"),
    ],
    counts=[("台", "count")],  # 北京: `共有车辆 39 台`
    units=["台"],
    section_subjects=[
        # `十、政府性基金预算支出预算情况说明`: another budget's 项, in no table read yet.
        (r"政府性基金|国有资本经营", "function_item", "other_budget_item"),
        (r"政府性基金|国有资本经营", "class", "other_budget_class"),
        # A section of every appropriation fund, not the general budget's: `五、财政拨款支出预算情况说明`.
        (r"^(?!.*一般公共预算).*财政拨款", "function_item", "appropriation_item"),
        (r"^(?!.*一般公共预算).*财政拨款", "class", "appropriation_class"),
        # A section of the year's whole expenditure (every fund and source): `一、收支预算总体情况说明`.
        (r"^(?!.*(?:一般公共预算|财政拨款)).*(?:收支|支出)", "class", "expenditure_class"),
        (r"^(?!.*(?:一般公共预算|财政拨款)).*(?:收支|支出)", "function_item", "expenditure_item"),
    ],
)
