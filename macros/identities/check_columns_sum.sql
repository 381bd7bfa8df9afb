{#- Row identity: in every row of a table, `total_column` = Σ `part_columns` − Σ `minus_columns`
    (T07: 年末结转 = 年初结转 + 本年收入 − 本年支出). -#}
{% macro check_columns_sum(check_id, table_key, total_column, part_columns, minus_columns=[], rows=none) %}
select * from (
    select
        report_id,
        '{{ check_id }}' as check_id,
        '{{ table_key }} ' || row_key || ' {{ total_column }}' as object,
        max(figure) filter (where column_key = '{{ total_column }}') as actual,
        '{{ table_key }}:' || max(source_line) filter (where column_key = '{{ total_column }}') as actual_source,
        max(source_line) filter (where column_key = '{{ total_column }}') as actual_line,
        -- A row with a declared cell absent from a table with unreadable or unplaced cells may be
        -- missing exactly that cell (a row placed in part): the expected side is unknown, skipped.
        case
            when count(*) < {{ ([total_column] + part_columns + minus_columns) | length }}
                 and max(i.report_id) is not null then null
            else coalesce(sum(case when column_key in ('{{ minus_columns | join("', '") }}') then -figure else figure end)
                filter (where column_key <> '{{ total_column }}'), 0)
        end as expected,
        count(figure) filter (where column_key <> '{{ total_column }}') as addends,
        count(figure) as inputs_present,
        'equal' as comparison,
        max(tolerance_per_addend) as tolerance_per_addend,
        {{ source_lines_of("table_key", "source_line", "figure") }} as source_lines
    from ({{ identity_cells() }}) as c
    left join ({{ reports_with_incomplete_tables([table_key]) }}) as i using (report_id)
    where table_key = '{{ table_key }}'
      and column_key in ('{{ (([total_column] + part_columns + minus_columns)) | join("', '") }}')
      {% if rows %}and row_key in ('{{ rows | join("', '") }}'){% endif %}
    group by c.report_id, row_key
)
{% endmacro %}
