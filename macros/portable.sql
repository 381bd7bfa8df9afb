{#- Small SQL idioms written once. Where DuckDB and Spark differ, each has an implementation per
    engine (adapter.dispatch: `default__` is DuckDB's, `spark__` Spark's), so the same models
    build and test on both (README, "Running on Spark"). -#}

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
    {{- return(adapter.dispatch('fully_matches', 'juesuan')(text, pattern)) -}}
{%- endmacro %}

{% macro default__fully_matches(text, pattern) -%}
    regexp_matches({{ text }}, '^(' || {{ pattern }} || ')$')
{%- endmacro %}

{% macro spark__fully_matches(text, pattern) -%}
    ({{ text }} rlike ('^(' || {{ pattern }} || ')$'))
{%- endmacro %}

{#- Does `text` start with `prefix`? -#}
{% macro starts_with(text, prefix) -%}
    {{- return(adapter.dispatch('starts_with', 'juesuan')(text, prefix)) -}}
{%- endmacro %}

{% macro default__starts_with(text, prefix) -%}
    starts_with({{ text }}, {{ prefix }})
{%- endmacro %}

{% macro spark__starts_with(text, prefix) -%}
    startswith({{ text }}, {{ prefix }})
{%- endmacro %}

{#- The group's values of `expr` as one string (`T06:753, T06:767`), joined by `sep` (an SQL
    string literal) in the order of `order_by` (default: the values themselves); `distinct` drops
    repeats, `where` keeps the rows it holds for. Null when no value is left, on both engines. -#}
{% macro ordered_join(expr, sep, order_by=none, distinct=false, where=none) -%}
    {{- return(adapter.dispatch('ordered_join', 'juesuan')(expr, sep, order_by, distinct, where)) -}}
{%- endmacro %}

{% macro default__ordered_join(expr, sep, order_by, distinct, where) -%}
    string_agg({{ 'distinct ' if distinct }}{{ expr }}, {{ sep }} order by {{ order_by or expr }})
    {%- if where %} filter (where {{ where }}){% endif %}
{%- endmacro %}

{#- Spark has no ordered string_agg (and its LISTAGG(DISTINCT) crashes beside a FILTER): the
    (key, value) pairs are collected, sorted by key, and their values joined. -#}
{% macro spark__ordered_join(expr, sep, order_by, distinct, where) -%}
    nullif(array_join(transform(array_sort({{ 'array_distinct(' if distinct }}collect_list(
        named_struct('k', {{ order_by or expr }}, 'v', {{ expr }}))
        {%- if where %} filter (where {{ where }}){% endif %}{{ ')' if distinct }}), x -> x.v), {{ sep }}), '')
{%- endmacro %}

{#- A type of the contract (DuckDB's name: VARCHAR, INTEGER, DECIMAL(18,2), TIMESTAMP) as Spark
    names it, for the parsed tables Spark declares and the type tests it runs. -#}
{% macro spark_type(duckdb_type) -%}
    {{- return({'VARCHAR': 'STRING', 'INTEGER': 'INT'}.get(duckdb_type | upper, duckdb_type | upper)) -}}
{%- endmacro %}

{#- `x` rounded to `scale` places, where the scale is an expression (the places a figure was
    printed with). Spark's round() takes a constant scale only. -#}
{% macro round_to(x, scale) -%}
    {{- return(adapter.dispatch('round_to', 'juesuan')(x, scale)) -}}
{%- endmacro %}

{% macro default__round_to(x, scale) -%}
    round({{ x }}, {{ scale }})
{%- endmacro %}

{% macro spark__round_to(x, scale) -%}
    (case {{ scale }}{% for n in range(7) %} when {{ n }} then round({{ x }}, {{ n }}){% endfor %} end)
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

{#- One department's key across documents and years: its printed name without the scope mark
    (`西安市公安局（汇总）` and `西安市公安局` are one department) and without spaces. -#}
{% macro department_key(name) -%}
    replace(regexp_replace({{ name }}, '[（(](汇总|本级)[)）]', ''), ' ', '')
{%- endmacro %}
