{#- Tree identity: a parent code's figure = Σ its children's (类 = Σ 款, 款 = Σ 项; 合计 = Σ 类)
    in each of `columns`. Children are the codes two digits longer that start with the parent. -#}
{% macro check_children_sum(check_id, table_key, columns, total_row='total') %}
select * from (
    with cells as (
        select * from ({{ identity_cells() }}) as c
        where table_key = '{{ table_key }}'
          and column_key in ('{{ columns | join("', '") }}')
    ),

    pairs as (
        select
            p.report_id,
            p.row_key as parent_key,
            p.column_key,
            p.figure as parent_figure,
            p.source_line as parent_line,
            ch.figure as child_figure,
            ch.source_line as child_line,
            p.tolerance_per_addend
        from cells as p
        inner join cells as ch
            on ch.report_id = p.report_id
           and ch.column_key = p.column_key
           and {{ fully_matches('ch.row_key', "'[0-9]+'") }}
           and (
                (p.row_key = '{{ total_row }}' and length(ch.row_key) = 3)
                or ({{ fully_matches('p.row_key', "'[0-9]+'") }}
                    and length(ch.row_key) = length(p.row_key) + 2
                    and {{ starts_with('ch.row_key', 'p.row_key') }})
           )
    )

    select
        report_id,
        '{{ check_id }}' as check_id,
        '{{ table_key }} ' || parent_key || ' ' || column_key as object,
        max(parent_figure) as actual,
        '{{ table_key }}:' || max(parent_line) as actual_source,
        max(parent_line) as actual_line,
        coalesce(sum(child_figure), 0) as expected,
        count(child_figure) as addends,
        count(child_figure) + count(distinct parent_figure) as inputs_present,
        'equal' as comparison,
        max(tolerance_per_addend) as tolerance_per_addend,
        {{ source_lines_of("'" ~ table_key ~ "'", "parent_line", "parent_figure") }}
            || coalesce(', ' || {{ source_lines_of("'" ~ table_key ~ "'", "child_line", "child_figure") }}, '') as source_lines
    from pairs
    group by report_id, parent_key, column_key
)
{% endmacro %}
