{#- The parsed CSVs as tables the engine reads (run before every build: `on-run-start`). DuckDB
    reads each where it lies (the source's external_location, from loaders/juesuan/contract.py).
    Spark declares each as a CSV table over every load folder, with the columns and types the same
    declaration gives the source (its `data_type`s), so both engines read one contract. -#}
{% macro create_parsed_sources() -%}
    {{- return(adapter.dispatch('create_parsed_sources', 'juesuan')()) -}}
{%- endmacro %}

{% macro default__create_parsed_sources() -%}
    select 1
{%- endmacro %}

{% macro spark__create_parsed_sources() -%}
    {%- if execute -%}
    {%- set folder = env_var('JUESUAN_PARSED_DIR', 'seeds/parsed') -%}
    {%- for src in graph.sources.values() if src.source_name == 'parsed' -%}
        {%- if loop.first %}{% do run_query('create database if not exists ' ~ src.schema) %}{% endif -%}
        {%- set columns = [] -%}
        {%- for col in src.columns.values() -%}
            {%- do columns.append(col.name ~ ' ' ~ spark_type(col.data_type)) -%}
        {%- endfor -%}
        {%- do run_query('drop table if exists ' ~ src.schema ~ '.' ~ src.identifier) -%}
        {#- One file of each kind per report folder (or per load batch of the Spark parse job). -#}
        {%- do run_query('create table ' ~ src.schema ~ '.' ~ src.identifier ~ ' (' ~ columns | join(', ') ~ ')'
            ~ " using csv options (path '" ~ folder ~ "/*/" ~ src.identifier ~ ".csv', header 'true', "
            ~ "quote '\"', escape '\"', multiLine 'true', mode 'FAILFAST')") -%}
    {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}
