{#- The parsed CSVs as tables the engine reads (run before every build: `on-run-start`). DuckDB
    reads each where it lies (the source's external_location, from loaders/juesuan/load/contract.py).
    Spark declares each as a CSV table over every load folder, with the columns and types the same
    declaration gives the source (its `data_type`s), so both engines read one contract. -#}
{% macro create_parsed_sources() -%}
    {{- return(adapter.dispatch('create_parsed_sources', 'juesuan')()) -}}
{%- endmacro %}

{% macro default__create_parsed_sources() -%}
    select 1
{%- endmacro %}

{#- The parsed folder as Spark must be given it: a URI (`hdfs://…`, `s3a://…`, `file:/…`) or an
    absolute path as it is. Spark would read a relative path against the `parsed` database's
    location, not this folder (`[PATH_NOT_FOUND] …/parsed.db/seeds/parsed`): a relative one is the
    project folder's, as when dbt runs there (the README's command). -#}
{% macro spark_parsed_folder() -%}
    {%- set folder = env_var('JUESUAN_PARSED_DIR', 'seeds/parsed') -%}
    {%- if '://' in folder or folder.startswith('/') or folder.startswith('file:') or folder[1:3] in (':/', ':\\') -%}
        {{- return(folder) -}}
    {%- endif -%}
    {%- set base = invocation_args_dict.get('project_dir') -%}
    {%- if not base or not (base.startswith('/') or base[1:3] in (':/', ':\\')) -%}
        {{- exceptions.raise_compiler_error("JUESUAN_PARSED_DIR '" ~ folder ~ "' is relative and the project folder is not known: "
            ~ "give Spark an absolute path or a URI every executor can read") -}}
    {%- endif -%}
    {{- return(base.rstrip('/') ~ '/' ~ folder) -}}
{%- endmacro %}

{% macro spark__create_parsed_sources() -%}
    {%- if execute -%}
    {%- set folder = spark_parsed_folder() -%}
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
