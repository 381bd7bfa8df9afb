{#- The model must not be empty: an empty mart after a load means the parse lost a table. -#}
{% test has_rows(model) %}
select 'no rows' as problem
where not exists (select 1 from {{ model }})
{% endtest %}
