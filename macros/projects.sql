{#- A project's stage: `budget` for the targets a budget's 绩效目标表 sets (project_form `target`, and
    `department_target` for its 部门整体支出绩效目标表), `final` for a self-evaluation of the final
    accounts (自评报告 or 自评表). -#}
{% macro project_stage(project_form) -%}
    case when {{ project_form }} in ('target', 'department_target') then 'budget' else 'final' end
{%- endmacro %}

{#- Whether `actual` meets a target of operator `op` (=, >=, <=, >, <) and value `target`; null
    where the target is qualitative or the actual is no number. -#}
{% macro meets_target(op, target, actual) -%}
    case
        when {{ op }} is null or {{ actual }} is null then null
        when {{ op }} = '=' then {{ actual }} = {{ target }}
        when {{ op }} = '>=' then {{ actual }} >= {{ target }}
        when {{ op }} = '<=' then {{ actual }} <= {{ target }}
        when {{ op }} = '>' then {{ actual }} > {{ target }}
        when {{ op }} = '<' then {{ actual }} < {{ target }}
    end
{%- endmacro %}
