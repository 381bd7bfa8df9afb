{#- The column must exist with exactly this DuckDB type (money is DECIMAL(18,2), codes VARCHAR):
    a CSV read without declared types silently turns codes into numbers and money into DOUBLE. -#}
{% test column_type_is(model, column_name, expected_type) %}
    {{- adapter.dispatch('test_column_type_is', 'juesuan')(model, column_name, expected_type) -}}
{% endtest %}

{% macro default__test_column_type_is(model, column_name, expected_type) %}
with col as (
    select data_type
    from information_schema.columns
    where table_schema = '{{ model.schema }}'
      and table_name = '{{ model.identifier }}'
      and lower(column_name) = lower('{{ column_name }}')
)
select 'column {{ column_name }} is missing' as problem
where not exists (select 1 from col)
union all
select 'column {{ column_name }} is ' || data_type || ', expected {{ expected_type }}'
from col
where upper(replace(data_type, ' ', '')) <> upper(replace('{{ expected_type }}', ' ', ''))
{% endmacro %}

{#- Spark has no information_schema here: the column's type is read with typeof(), and the DuckDB
    type declared is named as Spark names it (`spark_type`). -#}
{% macro spark__test_column_type_is(model, column_name, expected_type) %}
{%- set expected = spark_type(expected_type) -%}
with col as (
    select max(typeof({{ column_name }})) as data_type from {{ model }}
)
select 'column {{ column_name }} is ' || data_type || ', expected {{ expected }}' as problem
from col
where data_type is not null
  and upper(replace(data_type, ' ', '')) <> upper(replace('{{ expected }}', ' ', ''))
{% endmacro %}
