{#- Row identity over a term printed whole or by its parts: in every row of a table,
    `total_column` = Σ `terms`, each term a column or a list [whole, part, …] read as the whole
    where the row prints it, else as the sum of its parts (a budget's 一般公共预算支出表 prints
    基本支出 with its 人员经费 and 公用经费, or only those two: 西安). With `skip_if_terms_blank` a row
    printing no term is no instance (a whole printed without the parts it may list); with
    `skip_if_total_blank` a row not printing the total is none (a table printing the parts alone:
    a column the form does not print is read as blank cells, so a blank total says nothing). In a table
    with unreadable rows, a row missing a declared cell may be missing exactly that one: its
    expected side is unknown (null), as in check_columns_sum. -#}
{% macro check_row_total(check_id, table_key, total_column, terms, skip_if_terms_blank=false, skip_if_total_blank=false) %}
{%- set columns = [total_column] -%}
{%- for term in terms %}{% if term is string %}{% do columns.append(term) %}{% else %}{% do columns.extend(term) %}{% endif %}{% endfor -%}
select * from (
    with rows as (
        select
            c.report_id,
            c.row_key,
            max(figure) filter (where column_key = '{{ total_column }}') as actual,
            max(source_line) filter (where column_key = '{{ total_column }}') as actual_line,
            {%- for term in terms %}
            {%- if term is string %}
            max(figure) filter (where column_key = '{{ term }}') as term_{{ loop.index }},
            count(figure) filter (where column_key = '{{ term }}') as printed_{{ loop.index }},
            {%- else %}
            coalesce(max(figure) filter (where column_key = '{{ term[0] }}'),
                     sum(figure) filter (where column_key in ('{{ term[1:] | join("', '") }}'))) as term_{{ loop.index }},
            case when count(figure) filter (where column_key = '{{ term[0] }}') > 0 then 1
                 else count(figure) filter (where column_key in ('{{ term[1:] | join("', '") }}')) end as printed_{{ loop.index }},
            {%- endif %}
            {%- endfor %}
            count(*) as cells,
            max(i.report_id) is not null as incomplete,
            max(tolerance_per_addend) as tolerance_per_addend,
            {{ source_lines_of("table_key", "source_line", "figure") }} as source_lines
        from ({{ identity_cells() }}) as c
        left join ({{ reports_with_incomplete_tables([table_key]) }}) as i using (report_id)
        where table_key = '{{ table_key }}'
          and column_key in ('{{ columns | join("', '") }}')
        group by c.report_id, c.row_key
    )

    select
        report_id,
        '{{ check_id }}' as check_id,
        '{{ table_key }} ' || row_key || ' {{ total_column }}' as object,
        actual,
        '{{ table_key }}:' || actual_line as actual_source,
        actual_line,
        case when cells < {{ columns | length }} and incomplete then null
             else {% for term in terms %}coalesce(term_{{ loop.index }}, 0){% if not loop.last %} + {% endif %}{% endfor %}
        end as expected,
        {% for term in terms %}printed_{{ loop.index }}{% if not loop.last %} + {% endif %}{% endfor %} as addends,
        case
            {% if skip_if_total_blank %}when actual is null then 0{% endif %}
            {% if skip_if_terms_blank %}when {% for term in terms %}printed_{{ loop.index }}{% if not loop.last %} + {% endif %}{% endfor %} = 0 then 0{% endif %}
            when actual is null then {% for term in terms %}printed_{{ loop.index }}{% if not loop.last %} + {% endif %}{% endfor %}
            else 1 + {% for term in terms %}printed_{{ loop.index }}{% if not loop.last %} + {% endif %}{% endfor %}
        end as inputs_present,
        'equal' as comparison,
        tolerance_per_addend,
        source_lines
    from rows
)
{% endmacro %}
