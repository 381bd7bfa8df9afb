-- The narrative (情况说明) against the tables and against itself. A stated amount must be the
-- table's figure as printed (tolerance: half the printed 0.01 万元); a share, growth rate or
-- completion rate must be what its own figures give, rounded as printed (one unit of the last
-- digit off is rounding); a figure stated twice must be stated the same; the self-evaluation
-- summary must match the attached self-evaluations; last year's figures it implies must match
-- last year's report where that is loaded.
with f as (
    select
        figures.*, reports.document_kind, regexp_extract(value_text, '(-?[0-9][0-9,]*([.][0-9]+)?)[ \t\r\n]*(%|％)', 1) as rate_text,
        -- Where the figure is, as a check's object names it (one object per figure, whatever the
        -- print): its section's number where the narrative's sections were found, its line, and
        -- its place among the figures of the same metric on that line where there are several
        -- (`涉及一般公共预算支出 0 万元，政府性基金预算支出 0 万元`: two project_expenditure_amount).
        coalesce(' @ ' || split_part(section, '、', 1), '') || ' line ' || source_line
        || case when count(*) over (partition by figures.report_id, metric, subject_code, source_line) > 1
                then ' #' || row_number() over (partition by figures.report_id, metric, subject_code, source_line order by figure_order)
                else '' end as at_line
    from {{ ref('stg_parsed__narrative_figures') }} as figures
    -- A budget's figures restate its B tables, a final's its T tables (ref_narrative_metric.document_kind).
    inner join {{ ref('stg_parsed__reports') }} as reports using (report_id)
),

reports as (
    select report_id, tables_found from {{ ref('stg_parsed__reports') }}
),

metric_map as (
    select * from {{ ref('ref_narrative_metric') }}
),

-- The map's rows each figure reads: those of its document's kind, and those of either kind.
{% set of_kind %}coalesce(nullif(m.document_kind, ''), f.document_kind) = f.document_kind{% endset %}

cells as (
    select
        report_id, table_key, row_key, column_key, source_line,
        coalesce(amount_yuan, cast(quantity as decimal(18, 2))) as figure,
        amount_yuan / 10000 as amount_wan
    from {{ ref('stg_parsed__table_cells') }}
),

-- The first amount (or final) each subject is stated with: the part or whole of a share.
stated_amounts as (
    select report_id, subject, subject_code, value, source_line
    from (
        select *, row_number() over (
            partition by report_id, subject, subject_code order by attribute = 'amount' desc, figure_order
        ) as n
        from f where attribute in ('amount', 'final')
    )
    where n = 1
),

restated as (
    select
        f.report_id, case when f.unit = '万元' then 'nr_restates_table' else 'nr_restates_count' end as check_id,
        f.metric || coalesce(' ' || f.subject_code, '') || f.at_line as object,
        coalesce(f.value_yuan, f.value) as actual, 'narrative:' || f.source_line as actual_source, f.source_line as actual_line,
        c.figure as expected, 0 as addends,
        -- A 项 path the tables do not print (no code resolved) has no table figure to compare with.
        -- A budget's figure is compared only with a cell its table prints: budget tables key their
        -- lines by region (西安 prints 一般公共预算拨款 as a part of 财政拨款), so an absent cell is
        -- no evidence of a figure the table lacks.
        case when {{ in_key_list('r.tables_found', 'm.table_key') }}
                  and not (m.row_key like '%{code}%' and f.subject_code is null)
                  and (f.document_kind <> 'budget' or c.figure is not null) then 1 else 0 end as inputs_present,
        'equal' as comparison, case when f.unit = '万元' then 50 else 0 end as tolerance_per_addend,
        concat_ws(', ', 'narrative:' || f.source_line, m.table_key || ':' || c.source_line) as source_lines
    from f
    inner join metric_map as m on m.subject = f.subject and m.attribute = f.attribute and m.table_key is not null
       and {{ of_kind }}
    inner join reports as r on r.report_id = f.report_id
    left join cells as c
        on c.report_id = f.report_id and c.table_key = m.table_key
       and c.row_key = replace(m.row_key, '{code}', coalesce(f.subject_code, '')) and c.column_key = m.column_key
    where f.attribute <> 'budget' or f.subject = 'three_public'
),

shares as (
    select
        f.report_id, 'nr_share' as check_id,
        f.metric || coalesce(' ' || f.subject_code, '') || f.at_line as object,
        f.value as actual, 'narrative:' || f.source_line as actual_source, f.source_line as actual_line,
        {% set rounded %}part.value * 100 / nullif(coalesce(whole.value, table_whole.amount_wan), 0){% endset %}{{ round_to(rounded, printed_decimals('f.rate_text')) }} as expected,
        0 as addends,
        case when part.value is null or coalesce(whole.value, table_whole.amount_wan) is null then 0 else 3 end as inputs_present,
        'equal' as comparison, {{ last_printed_digit('f.rate_text') }} as tolerance_per_addend,
        concat_ws(', ', 'narrative:' || f.source_line, 'narrative:' || part.source_line,
                  coalesce('narrative:' || whole.source_line, whole_map.table_key || ':' || table_whole.source_line)) as source_lines
    from f
    left join metric_map as m on m.subject = f.subject and m.attribute = 'share' and {{ of_kind }}
    left join stated_amounts as part
        on part.report_id = f.report_id and part.subject = f.subject and part.subject_code is not distinct from f.subject_code
    left join stated_amounts as whole
        on whole.report_id = f.report_id and whole.subject = coalesce(f.denominator, m.default_denominator) and whole.subject_code is null
    -- A whole the narrative does not state is the tables' (`共涉及资金 940.15 万元，占一般公共预算项目支出总额的
    -- 100%`: 公开05表's 项目支出), where the metric names its cell (attribute `whole`: a cell that is
    -- the subject's only as the whole of a share).
    left join metric_map as whole_map
        on whole_map.subject = coalesce(f.denominator, m.default_denominator) and whole_map.attribute in ('amount', 'whole')
       and whole_map.table_key is not null and whole_map.row_key not like '%{code}%'
       and {{ of_kind | replace('m.', 'whole_map.') }}
    left join cells as table_whole
        on table_whole.report_id = f.report_id and table_whole.table_key = whole_map.table_key
       and table_whole.row_key = whole_map.row_key and table_whole.column_key = whole_map.column_key
    where f.attribute = 'share'
),

growth as (
    select
        report_id, 'nr_change_rate' as check_id,
        subject || '_change_rate' || coalesce(' ' || subject_code, '') || coalesce(' @ ' || split_part(section, '、', 1), '') || ' line ' || source_line
        -- Two changes of one subject on a line (two 项 whose path names no printed row): one object each.
        || case when count(*) over (partition by report_id, subject, subject_code, source_line) > 1
                then ' #' || row_number() over (partition by report_id, subject, subject_code, source_line order by figure_order)
                else '' end as object,
        change_rate as actual, 'narrative:' || source_line as actual_source, source_line as actual_line,
        {% set rounded %}change_value * 100 / nullif(current_value - change_value, 0){% endset %}{{ round_to(rounded, printed_decimals('change_rate_text')) }} as expected,
        -- A rate of growth from nothing (a department set up this year) is undefined: skipped.
        -- 项 whose path names no printed row cannot be told apart: a change is paired with no amount.
        0 as addends, case when change_rate is null or current_value is null or current_value = change_value
                            or (right(subject, 5) = '_item' and subject_code is null) then 0 else 3 end as inputs_present,
        'equal' as comparison, {{ last_printed_digit('change_rate_text') }} as tolerance_per_addend,
        'narrative:' || source_line as source_lines
    from {{ ref('int_narrative__changes') }}
),

-- A completion rate is of the figures stated just before it, under the same heading and subject:
-- `年初预算为A万元，支出决算为B万元，完成年初预算的C%`. (上海's narrative repeats that sentence
-- for every 项 of one subject; pairing each rate with every such figure would multiply them.)
rate_inputs as (
    select *
    from (
        select
            *,
            max(case when attribute = 'final' then figure_order end) over preceding as final_order,
            max(case when attribute = 'amount' then figure_order end) over preceding as amount_order,
            max(case when attribute in ('initial_budget', 'budget') then figure_order end) over preceding as budget_order
        from f
        window preceding as (
            partition by report_id, section, subsection, subject, subject_code
            order by figure_order rows between unbounded preceding and 1 preceding
        )
    )
    where attribute = 'completion_rate'
),

completion as (
    select
        f.report_id, 'nr_completion_rate' as check_id,
        f.metric || coalesce(' ' || f.subject_code, '') || f.at_line as object,
        f.value as actual, 'narrative:' || f.source_line as actual_source, f.source_line as actual_line,
        {% set rounded %}coalesce(fin.value_yuan, fin.value, amt.value_yuan) * 100
              / nullif(coalesce(bud.value_yuan, tb.figure), 0){% endset %}{{ round_to(rounded, printed_decimals('f.rate_text')) }} as expected,
        0 as addends,
        case when coalesce(fin.value, amt.value) is null or coalesce(bud.value, tb.figure) is null then 0 else 3 end as inputs_present,
        'equal' as comparison, {{ last_printed_digit('f.rate_text') }} as tolerance_per_addend,
        concat_ws(', ', 'narrative:' || f.source_line, 'narrative:' || coalesce(fin.source_line, amt.source_line),
                  coalesce('narrative:' || bud.source_line, 'T09:' || tb.source_line)) as source_lines
    from rate_inputs as f
    left join f as fin on fin.report_id = f.report_id and fin.figure_order = f.final_order
    left join f as amt on amt.report_id = f.report_id and amt.figure_order = f.amount_order
    left join f as bud on bud.report_id = f.report_id and bud.figure_order = f.budget_order
    left join metric_map as m on m.subject = f.subject and m.attribute = 'budget' and {{ of_kind }}
    left join cells as tb
        on tb.report_id = f.report_id and tb.table_key = m.table_key and tb.row_key = m.row_key and tb.column_key = m.column_key
    where f.attribute = 'completion_rate'
),

stated_twice as (
    select
        f.report_id, 'nr_stated_twice' as check_id,
        f.metric || coalesce(' ' || f.subject_code, '') || f.at_line as object,
        f.value as actual, 'narrative:' || f.source_line as actual_source, f.source_line as actual_line,
        first.value as expected, 0 as addends, 2 as inputs_present, 'equal' as comparison, 0 as tolerance_per_addend,
        concat_ws(', ', 'narrative:' || first.source_line, 'narrative:' || f.source_line) as source_lines
    from f
    inner join (
        select *, row_number() over (partition by report_id, subject, subject_code, attribute order by figure_order) as n
        from f
        where attribute not in ('share', 'change', 'change_rate', 'completion_rate')
          -- 项 figures whose path names no printed row cannot be told apart: not compared.
          and not (right(subject, 5) = '_item' and subject_code is null)
          -- A part of a total named before it (`上年结转结余的单位资金`, `其中：一般公共预算拨款`): one
          -- name for several parts, never a figure stated twice.
          and right(subject, 5) <> '_part'
    ) as first
        on first.report_id = f.report_id and first.subject = f.subject
       and first.subject_code is not distinct from f.subject_code and first.attribute = f.attribute
       and first.n = 1 and first.figure_order < f.figure_order
),

-- Last year's figure implied by this year's narrative = what last year's report stated.
prior_year as (
    select
        p.report_id, 'nr_prior_year' as check_id,
        p.subject || coalesce(' ' || p.subject_code, '') || ' ' || p.prior_fiscal_year || ' line ' || p.source_line as object,
        p.prior_value as actual, 'narrative:' || p.source_line as actual_source, p.source_line as actual_line,
        s.value as expected, 0 as addends, case when s.value is null then 0 else 2 end as inputs_present,
        'equal' as comparison, 0.005 as tolerance_per_addend,
        concat_ws(', ', 'narrative:' || p.source_line, p.prior_report_id || ' narrative:' || s.source_line) as source_lines
    from {{ ref('fct_narrative_prior_year') }} as p
    left join stated_amounts as s
        on s.report_id = p.prior_report_id and s.subject = p.subject and s.subject_code is not distinct from p.subject_code
    where p.prior_report_id is not null
),

attached as (
    select
        r.report_id,
        count(p.project_id) as project_count,
        sum(b.budget_compiled_yuan) as budget_yuan,
        count(p.project_id) filter (where p.stated_grade = '优') as grade_excellent,
        count(p.project_id) filter (where p.stated_grade = '良') as grade_good,
        count(p.project_id) filter (where p.stated_grade = '中') as grade_fair,
        count(p.project_id) filter (where p.stated_grade = '差') as grade_poor
    from {{ ref('stg_parsed__reports') }} as r
    left join {{ ref('stg_parsed__projects') }} as p using (report_id)
    left join {{ ref('stg_parsed__project_budget') }} as b on b.project_id = p.project_id and b.is_total
    group by r.report_id
    -- A report that attaches no self-evaluation publishes them elsewhere: its stated counts and
    -- amounts are checked against nothing, not against zero.
    having count(p.project_id) > 0
),

self_evaluation as (
    select
        f.report_id, 'nr_self_evaluations' as check_id,
        f.metric || coalesce(' ' || f.subject_code, '') || ' line ' || f.source_line as object,
        f.value as actual, 'narrative:' || f.source_line as actual_source, f.source_line as actual_line,
        -- A grade the attached forms do not use (上海's 合格/不合格) cannot be counted: unknown.
        case
            when f.subject_code is null then a.project_count
            when f.subject_code = '优' then a.grade_excellent when f.subject_code = '良' then a.grade_good
            when f.subject_code = '中' then a.grade_fair when f.subject_code = '差' then a.grade_poor
        end as expected,
        0 as addends, 1 as inputs_present, 'equal' as comparison, 0 as tolerance_per_addend,
        'narrative:' || f.source_line as source_lines
    from f
    inner join attached as a using (report_id)
    where f.metric in ('projects_count', 'projects_graded_count')

    union all
    -- 资金 of the self-evaluated projects (their 年初预算) = Σ 年初预算数 of the attached ones,
    -- rounded to the 万元 decimals printed (their 元 sum, 4938.9640, is correctly stated as 4938.96).
    select
        f.report_id, 'nr_self_evaluation_amount', f.metric || ' line ' || f.source_line,
        f.value_yuan, 'narrative:' || f.source_line, f.source_line,
        {% set rounded %}a.budget_yuan / 10000{% endset %}{{ round_to(rounded, printed_decimals("regexp_extract(f.value_text, '([0-9][0-9,]*([.][0-9]+)?)[ \\t\\r\\n]*万', 1)")) }} * 10000,
        0, 1, 'equal', 0, 'narrative:' || f.source_line
    from f
    inner join attached as a using (report_id)
    where f.metric = 'projects_amount'
),

department_score as (
    -- The 部门整体 self-evaluation score the narrative states = the 总分 of the 部门整体支出绩效自评表
    -- attached (西安: 99.5 both); where no such form is attached, nothing to compare it with.
    select
        f.report_id, 'nr_department_score' as check_id,
        f.metric || ' line ' || f.source_line as object,
        f.value as actual, 'narrative:' || f.source_line as actual_source, f.source_line as actual_line,
        p.stated_total_score as expected,
        0 as addends, case when p.stated_total_score is null then 0 else 2 end as inputs_present,
        'equal' as comparison, 0 as tolerance_per_addend,
        concat_ws(', ', 'narrative:' || f.source_line, 'project:' || p.title_line) as source_lines
    from f
    left join (
        select report_id, min(stated_total_score) as stated_total_score, min(title_line) as title_line
        from {{ ref('stg_parsed__projects') }}
        where project_form = 'department'
        group by report_id
        having count(*) = 1  -- two 部门整体 forms: which one the narrative means is not said
    ) as p using (report_id)
    where f.metric = 'department_score_amount'
)

{% for cte in ['restated', 'shares', 'growth', 'completion', 'stated_twice', 'prior_year', 'self_evaluation', 'department_score'] %}
{{ identity_rows(cte) }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
