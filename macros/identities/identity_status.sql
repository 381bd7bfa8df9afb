{#- The status of one checked identity instance. Printed figures are rounded to 0.01 万元, so a
    gap up to (addends + 1) × 0.005 万元 is `rounding`; beyond it, `discrepancy`. A blank figure
    is nothing reported, i.e. zero; with no printed input at all the instance is `skipped`. -#}
{% macro identity_difference() -%}
    (coalesce(actual, 0) - coalesce(expected, 0))
{%- endmacro %}

{% macro identity_tolerance() -%}
    cast((addends + 1) * tolerance_per_addend as decimal(18, 2))
{%- endmacro %}

{% macro identity_status() -%}
    case
        when inputs_present = 0 then 'skipped'
        when comparison = 'at_most' and {{ identity_difference() }} <= 0 then 'held'
        when comparison = 'equal' and {{ identity_difference() }} = 0 then 'held'
        when abs({{ identity_difference() }}) <= {{ identity_tolerance() }} then 'rounding'
        else 'discrepancy'
    end
{%- endmacro %}
