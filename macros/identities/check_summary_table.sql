{#- The identities of a 收支总表 (T01 of the final accounts, B01 of a budget), as `<prefix>_…`:
    本年收入合计 = Σ the income lines (`income_lines`, the table's own), 本年支出合计 = Σ classes,
    收入总计 = 本年收入合计 + balances used and carried in, 支出总计 = 本年支出合计 + what is
    distributed and carried out, and 收入总计 = 支出总计. -#}
{% macro check_summary_table(prefix, table, income_lines) %}
{{ check_linear(prefix ~ '_income_subtotal', [table, 'income_subtotal', 'amount'], income_terms(table, income_lines)) }}
union all
{{ check_children_sum(prefix ~ '_expenditure_subtotal', table, ['amount'], total_row='expenditure_subtotal') }}
union all
{{ check_linear(prefix ~ '_income_total', [table, 'income_total', 'amount'], [
    [table, 'income_subtotal', 'amount'], [table, 'use_of_non_appropriation_balance', 'amount'],
    [table, 'opening_balance', 'amount']]) }}
union all
{{ check_linear(prefix ~ '_expenditure_total', [table, 'expenditure_total', 'amount'], [
    [table, 'expenditure_subtotal', 'amount'], [table, 'balance_distribution', 'amount'],
    [table, 'closing_balance', 'amount']]) }}
union all
{{ check_linear(prefix ~ '_balance', [table, 'income_total', 'amount'], [[table, 'expenditure_total', 'amount']]) }}
{% endmacro %}

{% macro income_terms(table, income_lines) %}
{%- set terms = [] -%}
{%- for line in income_lines %}{% do terms.append([table, line, 'amount']) %}{% endfor -%}
{{ return(terms) }}
{% endmacro %}
