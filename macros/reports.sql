{#- The report of each department, scope and year among `rows` (a relation, or one with its `where`
    clause): where a year was loaded twice (a re-issued report), the most recently loaded one, as
    `report_column`. `rows` has department_key, scope, fiscal_year, report_id and loaded_at. -#}
{% macro latest_report_per_year(rows, report_column) -%}
    select department_key, scope, fiscal_year, report_id as {{ report_column }}
    from (
        select *, row_number() over (partition by department_key, scope, fiscal_year
                                     order by loaded_at desc, report_id) as n
        from {{ rows }}
    )
    where n = 1
{%- endmacro %}
