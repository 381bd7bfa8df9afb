{#- One figure = a signed sum of others, possibly across tables, once per report.
    `actual` and each addend are [table_key, row_key, column_key]; an addend may carry a fourth
    element -1 to subtract it. With comparison='at_most' the figure may not exceed the sum (a
    part never exceeds its whole). `requires` lists tables the report must publish: without
    them the check is skipped, as it is when `skip_if_actual_blank` and the figure is blank
    (机关运行经费 applies to administrative units only), or when `skip_if_addends_blank` and no
    addend is printed (a line printed whole, without the parts it may list). -#}
{% macro check_linear(check_id, actual, addends, comparison='equal', requires=none, skip_if_actual_blank=false,
                      skip_if_addends_blank=false) %}
select * from (
    {%- set all_tables = [actual[0]] + (addends | map(attribute=0) | list) -%}
    {%- set requires = requires or (all_tables | unique | list) -%}
    with cells as (
        select * from ({{ identity_cells() }}) as c
        where (table_key, row_key, column_key) in (
            ('{{ actual[0] }}', '{{ actual[1] }}', '{{ actual[2] }}')
            {%- for a in addends %}, ('{{ a[0] }}', '{{ a[1] }}', '{{ a[2] }}'){% endfor %}
        )
    ),

    terms as (
        select report_id, figure, source_line, table_key, tolerance_per_addend, 1 as sign, true as is_actual
        from cells
        where (table_key, row_key, column_key) = ('{{ actual[0] }}', '{{ actual[1] }}', '{{ actual[2] }}')
        {%- for a in addends %}
        union all
        select report_id, figure, source_line, table_key, tolerance_per_addend,
            {{ a[3] if a | length > 3 else 1 }} as sign, false as is_actual
        from cells
        where (table_key, row_key, column_key) = ('{{ a[0] }}', '{{ a[1] }}', '{{ a[2] }}')
        {%- endfor %}
    ),

    incomplete as ({{ reports_with_incomplete_tables(all_tables) }}),

    reports as (
        select report_id
        from {{ ref('stg_parsed__reports') }}
        where {% for t in requires %}{{ in_key_list('tables_found', "'" ~ t ~ "'") }}{% if not loop.last %} and {% endif %}{% endfor %}
    )

    select
        r.report_id,
        '{{ check_id }}' as check_id,
        '{{ actual[0] }} {{ actual[1] }} {{ actual[2] }}' as object,
        max(t.figure) filter (where t.is_actual) as actual,
        '{{ actual[0] }}:' || max(t.source_line) filter (where t.is_actual) as actual_source,
        max(t.source_line) filter (where t.is_actual) as actual_line,
        case
            when max(i.report_id) is not null
                 and count(t.table_key) filter (where not t.is_actual) < {{ addends | length }} then null
            else coalesce(sum(t.figure * t.sign) filter (where not t.is_actual), 0)
        end as expected,
        count(t.figure) filter (where not t.is_actual) as addends,
        {% if skip_if_actual_blank %}
        case when count(t.figure) filter (where t.is_actual) = 0 then 0 else count(t.figure) end as inputs_present,
        {% elif skip_if_addends_blank %}
        case when count(t.figure) filter (where not t.is_actual) = 0 then 0 else count(t.figure) end as inputs_present,
        {% else %}
        count(t.figure) as inputs_present,
        {% endif %}
        '{{ comparison }}' as comparison,
        coalesce(max(t.tolerance_per_addend), 50) as tolerance_per_addend,
        {{ source_lines_of("t.table_key", "t.source_line", "t.figure") }} as source_lines
    from reports as r
    left join terms as t using (report_id)
    left join incomplete as i using (report_id)
    group by r.report_id
)
{% endmacro %}
