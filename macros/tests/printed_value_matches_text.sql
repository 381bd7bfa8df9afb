{#- The stored number is exactly the printed text (thousands separators aside): nothing was
    rounded, shifted or truncated on the way in. A text that is no number at all beside a stored
    number is a failing row too, never an error of the test: report content cannot fail a build. -#}
{% test printed_value_matches_text(model, value_column='printed_value', text_column='value_text') %}
select *
from {{ model }}
where {{ value_column }} is not null
  and not coalesce({{ value_column }} = try_cast(replace({{ text_column }}, ',', '') as decimal(20, 6)), false)
{% endtest %}
