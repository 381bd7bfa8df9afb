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

{#- The page a source line is printed on, and the line within that page (`p. 12, line 7`), from
    the report's page starts (intermediate.int_report__pages). The pages' own columns are renamed
    inside, so that `report_id` and `source_line` of the calling model bind to the outer row. -#}
{% macro _page_of(report_id, line, what) -%}
    (select {{ what }} from (select report_id as pg_report, page as pg_page, first_line as pg_first,
                                    last_line as pg_last from {{ ref('int_report__pages') }}) as pg
     where pg.pg_report = {{ report_id }} and {{ line }} between pg.pg_first and pg.pg_last)
{%- endmacro %}

{% macro source_page(report_id, line) -%}
    {{ _page_of(report_id, line, 'pg.pg_page') }}
{%- endmacro %}

{% macro page_line(report_id, line) -%}
    ({{ line }} - {{ _page_of(report_id, line, 'pg.pg_first') }} + 1)
{%- endmacro %}
