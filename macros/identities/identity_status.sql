{#- The status of one checked identity instance. Printed figures are rounded to 0.01 万元, so a
    gap up to (addends + 1) × 0.005 万元 is `rounding`; beyond it, `discrepancy`. A blank figure
    is nothing reported, i.e. zero; with no printed input at all the instance is `skipped`. An
    `estimate` comparison (a budget's 上年结转, made before the year it carries over from closed,
    against what that year's final accounts printed) that does not hold within rounding is an
    `estimate`: a difference to show, not an error of either document. -#}
{% macro identity_difference() -%}
    (coalesce(actual, 0) - coalesce(expected, 0))
{%- endmacro %}

{% macro identity_tolerance() -%}
    cast((addends + 1) * tolerance_per_addend as decimal(18, 4))
{%- endmacro %}

{% macro identity_status() -%}
    case
        when inputs_present = 0 then 'skipped'
        when comparison = 'estimate' and abs({{ identity_difference() }}) <= {{ identity_tolerance() }} then 'held'
        when comparison = 'estimate' then 'estimate'
        when comparison = 'at_most' and {{ identity_difference() }} <= 0 then 'held'
        when comparison = 'equal' and {{ identity_difference() }} = 0 then 'held'
        when abs({{ identity_difference() }}) <= {{ identity_tolerance() }} then 'rounding'
        else 'discrepancy'
    end
{%- endmacro %}

{#- One check model's rows in the common column types, so a union never truncates a project
    rate (31.2707) to the money scale of the table checks. -#}
{% macro identity_rows(relation) -%}
    select
        report_id, check_id, object,
        cast(actual as decimal(18, 4)) as actual,
        actual_source,
        cast(actual_line as integer) as actual_line,
        cast(expected as decimal(18, 4)) as expected,
        addends, inputs_present, comparison,
        cast(tolerance_per_addend as decimal(18, 4)) as tolerance_per_addend,
        source_lines
    from {{ relation }}
{%- endmacro %}

{#- Decimals of a number as printed (`31.27` → 2): a computed rate is rounded to them before it is
    compared, and one unit of the last printed digit (0.01) is the rounding tolerance. -#}
{% macro printed_decimals(text) -%}
    cast(coalesce(length(split_part({{ text }}, '.', 2)), 0) as integer)
{%- endmacro %}

{% macro last_printed_digit(text) -%}
    cast(power(10, -{{ printed_decimals(text) }}) as decimal(18, 4))
{%- endmacro %}
