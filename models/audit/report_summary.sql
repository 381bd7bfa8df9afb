-- Per report: how many identities were checked and how they came out; ready for a dashboard.
-- An identity family with nothing to check in a report (an empty or unpublished table) counts
-- as skipped.
with instances as (
    select
        report_id,
        {{ identity_status_counts() }},
        count(*) filter (where status = 'skipped') as instances_skipped,
        count(*) filter (where status = 'estimate') as estimate_findings
    from {{ ref('identity_checks') }}
    group by report_id
),

-- The families a report's layout can have: those reading only tables of its layout (a university's
-- report lacks no 三公 identity; a national one no T11 identity).
families as (
    select r.report_id, i.check_id
    from {{ ref('dim_report') }} as r
    cross join {{ ref('ref_identity') }} as i
    -- `parse`: a finding, not an identity; `documents`, `years`: a comparison with another report,
    -- which a report lacks where that report is not loaded, not an identity of its own left unchecked.
    where i.scope not in ('parse', 'documents', 'years')
      -- The narrative's and the self-evaluations' families are the final accounts' (a budget's
      -- 情况说明 states no completion rate or self-evaluation, so their families are none of its
      -- skipped ones; its 绩效目标表 set targets, checked only for being read whole).
      and (r.document_kind = 'final' or i.scope not in ('narrative', 'project') or i.check_id = 'pj_parse_complete')
      and not exists (
          select 1 from {{ ref('ref_standard_table') }} as t
          where position(t.table_key in coalesce(i.reads_tables, '')) > 0 and not {{ in_key_list('t.layouts', 'r.layout') }}
      )
),

family_skips as (
    select
        f.report_id,
        count(*) filter (where c.check_id is null) as families_skipped,
        {{ ordered_join('f.check_id', "', '", where='c.check_id is null') }} as skipped_checks
    from families as f
    left join (
        select distinct report_id, check_id from {{ ref('identity_checks') }} where status <> 'skipped'
    ) as c using (report_id, check_id)
    group by f.report_id
)

select
    r.report_id,
    r.department_name,
    r.fiscal_year,
    r.tables_missing,
    coalesce(i.identities_checked, 0) as identities_checked,
    coalesce(i.identities_held, 0) as identities_held,
    coalesce(i.rounding_findings, 0) as rounding_findings,
    coalesce(i.discrepancy_findings, 0) as discrepancy_findings,
    -- Checked, and neither held nor an error: a budget's estimate against the final accounts.
    coalesce(i.estimate_findings, 0) as estimate_findings,
    coalesce(i.instances_skipped, 0) as instances_skipped,
    s.families_skipped,
    s.skipped_checks,
    r.load_warning_count,
    r.tables_incomplete
from {{ ref('dim_report') }} as r
left join instances as i using (report_id)
left join family_skips as s using (report_id)
