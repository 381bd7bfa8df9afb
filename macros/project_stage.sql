{#- A project's stage: `budget` for the targets a budget's 绩效目标表 sets (project_form `target`),
    `final` for a self-evaluation of the final accounts (自评报告 or 自评表). -#}
{% macro project_stage(project_form) -%}
    case when {{ project_form }} = 'target' then 'budget' else 'final' end
{%- endmacro %}
