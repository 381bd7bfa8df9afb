{#- The figures identities are computed on: every printed cell, blanks included (as null), in
    元 for money and as counts for 辆 / 台套. A figure's rounding is half its last printed digit:
    50 元 for 万元 to two decimals (the national form), 0.005 元 for 元 to the fen and for 万元 to
    six decimals (北京's budgets), 0.05 and 0.5 元 for 元 printed to the jiao or the yuan. -#}
{% macro identity_cells() %}
    select
        report_id,
        table_key,
        row_key,
        column_key,
        coalesce(amount_yuan, cast(quantity as decimal(18, 2))) as figure,
        source_line,
        case
            when printed_unit in ('辆', '台套') then 0
            -- 元 printed short of the fen (西安: `480544221.6`, `390000`) is as precise as it prints.
            when printed_unit = '元' and amount_yuan is not null and value_text not like '%.__%' then
                case when value_text like '%._' then 0.05 else 0.5 end
            -- A table's precision is its prints': a blank cell of a six-decimal table is as precise.
            when count(case when printed_unit = '元' or value_text like '%.______' then 1 end)
                 over (partition by report_id, table_key) > 0 then 0.005
            else 50
        end as tolerance_per_addend
    from {{ ref('stg_parsed__table_cells') }}
{% endmacro %}

{#- `T06:753, T06:767`: sorted, distinct, printed figures only. -#}
{% macro source_lines_of(table_col, line_col, value_col) %}
    {{ ordered_join(table_col ~ " || ':' || " ~ line_col, "', '", distinct=true, where=value_col ~ ' is not null') }}
{% endmacro %}

{#- Does an identity instance read standard table `table_key`? By the tables its identity
    declares (ref_identity.reads_tables), or by the printed lines it drew on (`T03:412`). -#}
{% macro instance_reads_table(table_key, reads_tables, source_lines, actual_source) -%}
    (position({{ table_key }} in coalesce({{ reads_tables }}, '')) > 0
     or position({{ table_key }} || ':' in coalesce({{ source_lines }}, '') || ' ' || coalesce({{ actual_source }}, '')) > 0)
{%- endmacro %}

{#- The reports in which one of `table_keys` has rows that could not be read or placed: there a
    declared cell or row that is absent may be one of them, so a sum that needs it is unknown
    (null) and the instance is skipped, not judged on a partial sum or against zero. -#}
{% macro reports_with_incomplete_tables(table_keys) %}
    select distinct report_id from {{ ref('int_load_issues__incomplete_tables') }}
    where table_key in ('{{ table_keys | unique | join("', '") }}')
{% endmacro %}
