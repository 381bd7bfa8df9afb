{#- The figures identities are computed on: every printed cell, blanks included (as null), in
    元 for money and as counts for 辆 / 台套. -#}
{% macro identity_cells() %}
    select
        report_id,
        table_key,
        row_key,
        column_key,
        coalesce(amount_yuan, cast(quantity as decimal(18, 2))) as figure,
        source_line,
        case when printed_unit in ('辆', '台套') then 0 else 50 end as tolerance_per_addend
    from {{ ref('stg_parsed__table_cells') }}
{% endmacro %}

{#- `T06:753, T06:767`: sorted, distinct, printed figures only. -#}
{% macro source_lines_of(table_col, line_col, value_col) %}
    string_agg(distinct {{ table_col }} || ':' || {{ line_col }}, ', ' order by {{ table_col }} || ':' || {{ line_col }})
        filter (where {{ value_col }} is not null)
{% endmacro %}
