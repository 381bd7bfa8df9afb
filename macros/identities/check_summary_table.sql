{#- The identities of a 收支总表 (T01 of the final accounts, B01 of a budget), as `<prefix>_…`:
    本年收入合计 = Σ the income lines (`income_lines`), 本年支出合计 = Σ classes, 收入总计 =
    本年收入合计 + what is carried in (`carried_in`), 支出总计 = 本年支出合计 + what is distributed
    and carried out (`carried_out`), and 收入总计 = 支出总计. Each list is the table's own lines. -#}
{% macro check_summary_table(prefix, table, income_lines, carried_in, carried_out) %}
{{ check_linear(prefix ~ '_income_subtotal', [table, 'income_subtotal', 'amount'], summary_terms(table, income_lines)) }}
union all
{{ check_children_sum(prefix ~ '_expenditure_subtotal', table, ['amount'], total_row='expenditure_subtotal') }}
union all
{{ check_linear(prefix ~ '_income_total', [table, 'income_total', 'amount'], summary_terms(table, ['income_subtotal'] + carried_in)) }}
union all
{{ check_linear(prefix ~ '_expenditure_total', [table, 'expenditure_total', 'amount'], summary_terms(table, ['expenditure_subtotal'] + carried_out)) }}
union all
{{ check_linear(prefix ~ '_balance', [table, 'income_total', 'amount'], [[table, 'expenditure_total', 'amount']]) }}
{% endmacro %}

{#- [[table, row, 'amount'], …] of the rows named. -#}
{% macro summary_terms(table, rows) %}
{%- set terms = [] -%}
{%- for row in rows %}{% do terms.append([table, row, 'amount']) %}{% endfor -%}
{{ return(terms) }}
{% endmacro %}
