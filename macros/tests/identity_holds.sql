{#- Applied (severity warn) to each check model: the report's own arithmetic breaks beyond
    rounding. A warning, never a failure: the break is a finding in audit.findings. -#}
{% test identity_holds(model) %}
select report_id, check_id, object, actual, expected, source_lines
from {{ model }}
where {{ identity_status() }} = 'discrepancy'
{% endtest %}
