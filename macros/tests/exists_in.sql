{#- Every combination of `columns` in this model exists in `to` (a multi-column relationship;
    dbt's built-in `relationships` takes one column). -#}
{% test exists_in(model, columns, to, to_columns=none) %}
{%- set to_columns = to_columns or columns -%}
select {% for c in columns %}m.{{ c }}{% if not loop.last %}, {% endif %}{% endfor %}
from {{ model }} as m
where not exists (
    select 1 from {{ to }} as t
    where {% for c in columns %}t.{{ to_columns[loop.index0] }} = m.{{ c }}{% if not loop.last %} and {% endif %}{% endfor %}
)
{% endtest %}
