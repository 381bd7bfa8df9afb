{#- The stored number is exactly the printed text (thousands separators aside): nothing was
    rounded, shifted or truncated on the way in. -#}
{% test printed_value_matches_text(model, value_column='printed_value', text_column='value_text') %}
select *
from {{ model }}
where {{ value_column }} is not null
  and {{ value_column }} <> cast(replace({{ text_column }}, ',', '') as decimal(18, 2))
{% endtest %}
