{#- Two tables state the same figure for each row: `a` and `b` are [table_key, column_key];
    rows are matched on row_key among the codes that match `row_pattern` (class codes by
    default). A row printed blank on both sides is not an instance; a table printing no such rows
    (北京's 预算03表 lists subject pairs, its 合计 alone loaded) is compared by no row. -#}
{% macro check_rows_agree(check_id, a, b, row_pattern='[0-9]{3}') %}
select * from (
    with side_a as (
        select * from ({{ identity_cells() }}) as c
        where table_key = '{{ a[0] }}' and column_key = '{{ a[1] }}' and {{ fully_matches('row_key', "'" ~ row_pattern ~ "'") }}
    ),

    side_b as (
        select * from ({{ identity_cells() }}) as c
        where table_key = '{{ b[0] }}' and column_key = '{{ b[1] }}' and {{ fully_matches('row_key', "'" ~ row_pattern ~ "'") }}
    ),

    b_incomplete as ({{ reports_with_incomplete_tables([b[0]]) }}),

    both_published as (
        select report_id
        from {{ ref('stg_parsed__reports') }}
        where {{ in_key_list('tables_found', "'" ~ a[0] ~ "'") }}
          and {{ in_key_list('tables_found', "'" ~ b[0] ~ "'") }}
          and report_id in (select report_id from side_a)
          and report_id in (select report_id from side_b)
    )

    select
        coalesce(x.report_id, y.report_id) as report_id,
        '{{ check_id }}' as check_id,
        '{{ a[0] }} ' || coalesce(x.row_key, y.row_key) || ' {{ a[1] }} = {{ b[0] }} {{ b[1] }}' as object,
        x.figure as actual,
        '{{ a[0] }}:' || x.source_line as actual_source,
        x.source_line as actual_line,
        case
            when y.row_key is null and x.report_id in (select report_id from b_incomplete) then null
            else coalesce(y.figure, 0)
        end as expected,
        case when y.figure is null then 0 else 1 end as addends,
        cast(x.figure is not null as int) + cast(y.figure is not null as int) as inputs_present,
        'equal' as comparison,
        50 as tolerance_per_addend,
        concat_ws(', ',
            case when x.figure is not null then '{{ a[0] }}:' || x.source_line end,
            case when y.figure is not null then '{{ b[0] }}:' || y.source_line end) as source_lines
    from side_a as x
    full outer join side_b as y using (report_id, row_key)
    where coalesce(x.report_id, y.report_id) in (select report_id from both_published)
      and (x.figure is not null or y.figure is not null)
)
{% endmacro %}
