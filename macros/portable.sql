{#- Small SQL idioms written once, in forms sqlglot carries to Postgres, Trino and Spark
    (`juesuan export --dialect`): DuckDB's list and full-match functions do not survive. -#}

{#- Is `key` one of the comma-separated keys in `list_column` (`tables_found`)? -#}
{% macro in_key_list(list_column, key) -%}
    (',' || {{ list_column }} || ',' like '%,' || {{ key }} || ',%')
{%- endmacro %}

{#- Number of keys in a comma-separated list; 0 for an empty one. -#}
{% macro key_list_length(list_column) -%}
    (case when coalesce({{ list_column }}, '') = '' then 0
          else length({{ list_column }}) - length(replace({{ list_column }}, ',', '')) + 1 end)
{%- endmacro %}

{#- Does the whole of `text` match `pattern`? -#}
{% macro fully_matches(text, pattern) -%}
    regexp_matches({{ text }}, '^(' || {{ pattern }} || ')$')
{%- endmacro %}
