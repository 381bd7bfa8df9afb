{#- How a set of identity instances came out: checked (not skipped), held, rounding and
    discrepancy counts, as four columns. Used wherever checks are summarised, so the statuses are
    counted the same way everywhere. -#}
{% macro identity_status_counts(status='status') -%}
    count(*) filter (where {{ status }} <> 'skipped') as identities_checked,
    count(*) filter (where {{ status }} = 'held') as identities_held,
    count(*) filter (where {{ status }} = 'rounding') as rounding_findings,
    count(*) filter (where {{ status }} = 'discrepancy') as discrepancy_findings
{%- endmacro %}
