{#- Use the configured schema name as is (`marts`, `staging`, …), not `main_marts`:
    analysts and BI tools query `marts.dim_report`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
