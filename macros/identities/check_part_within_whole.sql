{#- A part never exceeds its whole: `part` ≤ `whole`, each [table_key, row_key, column_key]
    (06 `30217` 公务接待费 ≤ 09 公务接待费 决算). -#}
{% macro check_part_within_whole(check_id, part, whole) %}
    {{ check_linear(check_id, part, [whole], comparison='at_most') }}
{% endmacro %}
