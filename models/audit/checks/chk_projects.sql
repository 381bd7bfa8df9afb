-- Project self-evaluation identities (DOMAIN.md): budget execution, indicator weights and scores,
-- total score and grade. `project_form` says which form printed them: the 自评报告 (`report`)
-- states its scores in section 三 and weights its indicators 90; the standard 自评表 (`standard`,
-- `department`) prints 分值 for its funds row, totals 100 with it, caps 得分 at 分值, and prints no
-- 结余 or section 三 (nothing printed is nothing to check, never a zero). Amounts are printed in 元 and exactly, so money checks have no
-- tolerance. A computed rate or score is compared after rounding it to the decimals printed
-- (31.2707 printed as 31.27 holds); one unit of the last digit off (a truncation) is rounding.
-- An object names the project and the row; where two rows of one project print the same name,
-- their lines tell them apart (one object per instance, whatever a damaged report repeats).
with projects as (
    -- A project is named by its name; where a report holds two projects of one name (陕西: two
    -- units' `公共卫生事业发展资金`), by its implementing unit and line too: one object per project.
    select *,
        project_name || case when count(*) over (partition by report_id, project_name) > 1
                             then ' (' || coalesce(project_unit_name || ', ', '') || 'line ' || title_line || ')'
                             else '' end as project_label
    from {{ ref('stg_parsed__projects') }}
),

budget as (
    select b.*, p.report_id, p.project_label as project_name, p.project_form,
        coalesce(b.funding_source, '(no name)') || case when count(*) over (partition by b.project_id, b.funding_source) > 1
                                 then ' (line ' || b.source_line || ')' else '' end as funding_label
    from {{ ref('stg_parsed__project_budget') }} as b
    inner join projects as p using (project_id)
),

indicators as (
    select i.*, p.report_id, p.project_label as project_name, p.project_form,
        coalesce(i.indicator_name, '(no name)')
            || case when count(*) over (partition by i.project_id, i.indicator_name) > 1
                    then ' (line ' || i.source_line || ')' else '' end as indicator_label
    from {{ ref('stg_parsed__project_indicators') }} as i
    inner join projects as p using (project_id)
),

totals as (
    select
        p.project_id,
        p.report_id,
        p.project_label as project_name,
        p.project_form,
        p.stated_execution_score,
        p.stated_indicator_score,
        p.stated_total_score,
        p.stated_grade,
        p.parse_error_count,
        p.title_line,
        b.score as table_score,
        b.weight as table_weight,
        b.score_text as table_score_text,
        b.source_line as budget_line,
        count(i.project_id) as indicator_count,
        coalesce(sum(i.weight), 0) as weight_sum,
        coalesce(sum(i.score), 0) as score_sum,
        {{ ordered_join("'project:' || i.source_line", "', '", order_by='i.source_line') }} as indicator_lines
    from projects as p
    left join budget as b on b.project_id = p.project_id and b.is_total
    left join indicators as i on i.project_id = p.project_id
    group by
        p.project_id, p.report_id, p.project_label, p.project_form, p.stated_execution_score, p.stated_indicator_score,
        p.stated_total_score, p.stated_grade, p.parse_error_count, p.title_line, b.score, b.weight, b.score_text,
        b.source_line
),

checks as (
    -- 结余 = 全年预算数 − 全年执行数, each funding source.
    -- The first branch sets the union's types: four decimals, so rates and scores keep theirs.
    select report_id, 'pj_budget_balance' as check_id,
        project_name || ' / ' || funding_label as object,
        cast(balance_yuan as decimal(18, 4)) as actual, 'project:' || source_line as actual_source, source_line as actual_line,
        cast(annual_budget_yuan - executed_yuan as decimal(18, 4)) as expected, 0 as addends, 3 as inputs_present,
        'equal' as comparison, cast(0 as decimal(18, 4)) as tolerance_per_addend, 'project:' || source_line as source_lines
    from budget
    where project_form = 'report' or balance_yuan is not null

    union all
    -- 执行率 = 执行 / 全年预算 × 100 (0 when the budget is 0), where a rate is printed.
    select report_id, 'pj_execution_rate', project_name || ' / ' || funding_label,
        execution_rate_pct, 'project:' || source_line, source_line,
        {% set rounded %}case when annual_budget_yuan = 0 then 0 else executed_yuan * 100 / annual_budget_yuan end{% endset %}{{ round_to(rounded, printed_decimals('execution_rate_text')) }},
        0, 3, 'equal', {{ last_printed_digit('execution_rate_text') }}, 'project:' || source_line
    from budget
    where execution_rate_text is not null

    union all
    -- 预算执行得分 = 执行率 × 10 / 100 (weight 10), from the printed rate; in the standard 自评表
    -- 分值 × 执行率, capped at 分值.
    select report_id, 'pj_execution_score', project_name || ' / ' || funding_label,
        score, 'project:' || source_line, source_line,
        {% set rounded %}case when project_form = 'report' then execution_rate_pct * 10 / 100
                   else least(execution_rate_pct, 100) * coalesce(weight, 10) / 100 end{% endset %}{{ round_to(rounded, printed_decimals('score_text')) }},
        0, 2, 'equal', {{ last_printed_digit('score_text') }}, 'project:' || source_line
    from budget
    where score_text is not null

    union all
    -- Σ 权重 = 90; in the standard 自评表 Σ 分值 = 100 with the funds row's, where it prints one (陕西
    -- leaves the funds row's 分值 blank on some forms: nothing printed, nothing to sum).
    select report_id, 'pj_weight_sum', project_name,
        weight_sum + case when project_form = 'report' then 0 else table_weight end,
        'project:' || title_line, title_line, case when project_form = 'report' then 90 else 100 end,
        0, indicator_count, 'equal', 0, indicator_lines
    from totals
    where project_form = 'report' or table_weight is not null

    union all
    -- 得分 ≤ 权重, each indicator.
    select report_id, 'pj_score_within_weight', project_name || ' / ' || indicator_label,
        score, 'project:' || source_line, source_line, weight, 0, 2, 'at_most', 0, 'project:' || source_line
    from indicators
    where {{ project_stage('project_form') }} = 'final'  -- a budget's targets: nothing scored yet

    union all
    -- Σ 指标得分 = the 指标完成情况得分 stated in section 三.
    select report_id, 'pj_indicator_score_sum', project_name, stated_indicator_score, 'project:' || title_line, title_line,
        score_sum, 0, indicator_count + 1, 'equal', 0, indicator_lines
    from totals
    where project_form = 'report' or stated_indicator_score is not null

    union all
    -- 总得分 = 预算执行得分 (table) + Σ 指标得分.
    select report_id, 'pj_total_score', project_name, stated_total_score, 'project:' || title_line, title_line,
        coalesce(table_score, 0) + score_sum, 0, indicator_count + 2, 'equal',
        0, concat_ws(', ', 'project:' || budget_line, indicator_lines)
    from totals
    where {{ project_stage('project_form') }} = 'final'

    union all
    -- Section 三 states the execution score, and it is the table's: a missing one is a finding.
    select report_id, 'pj_execution_score_stated', project_name,
        stated_execution_score, 'project:' || title_line, title_line, table_score,
        0, 1 + cast(stated_execution_score is not null as int), 'equal', 0,
        'project:' || budget_line
    from totals
    where table_score is not null and project_form = 'report'

    union all
    -- Grade bands: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (as ranks 4, 3, 2, 1).
    select report_id, 'pj_grade', project_name || ' / ' || coalesce(stated_grade, '(none)'),
        case stated_grade when '优' then 4 when '良' then 3 when '中' then 2 when '差' then 1 end,
        'project:' || title_line, title_line,
        case when stated_total_score >= 90 then 4 when stated_total_score >= 80 then 3
             when stated_total_score >= 60 then 2 else 1 end,
        0, 2, 'equal', 0, 'project:' || title_line
    from totals
    where stated_total_score is not null and (project_form = 'report' or stated_grade is not null)

    union all
    -- Everything of the self-evaluation could be read: parse errors leave part of it unloaded.
    select report_id, 'pj_parse_complete', project_name, parse_error_count, 'project:' || title_line, title_line, 0,
        0, 1, 'equal', 0, 'project:' || title_line
    from totals
)

{{ identity_rows('checks') }}
