{#- The goals reports state for the share of the ended who go to work or studies, beside
    what the register gives for the same insats and period (macros/spell_periods.sql) and
    what the report itself says was reached. -#}

with

figures as (

    select * from {{ ref('int_report_figures_resolved') }}

),

spells as (

    select * from {{ ref('int_participations_enriched') }}

),

statuses as (

    select * from {{ ref('goal_statuses') }}

),

goals as (

    select
        section_key,
        {{ report_section_identity() }},
        max(value) as goal_pct,
        count(distinct value) as goals_stated,
        min(quote) as goal_quote,
        min(source_file) as source_file
    from figures
    where metric = 'goal_work_or_studies_pct' and sex = 'all'
    group by section_key

),

reported as (

    select
        section_key,
        max(value) as reported_outcome_pct
    from figures
    where metric = 'share_work_or_studies_pct' and sex = 'all'
    group by section_key

),

register as (

    select
        goals.section_key,
        count(spells.participant_id) as spells_matched,
        {{ sum_where('1', spell_ended_in('spells', 'goals.period_start', 'goals.period_end')) }}
            as participants_ended,
        {{ sum_where('1', spell_ended_in('spells', 'goals.period_start', 'goals.period_end')
                          ~ ' and spells.counts_as_work_or_studies') }}
            as ended_work_or_studies
    from goals
    left join spells
        on goals.insats_key = spells.insats_key
    group by goals.section_key

),

compared as (

    select
        goals.*,
        register.spells_matched,
        register.participants_ended,
        register.ended_work_or_studies,
        round(100.0 * register.ended_work_or_studies
              / nullif(register.participants_ended, 0), 1) as outcome_pct,
        reported.reported_outcome_pct
    from goals
    inner join register
        on goals.section_key = register.section_key
    left join reported
        on goals.section_key = reported.section_key

),

classified as (

    select
        compared.*,
        case
            when compared.insats_key is null or compared.spells_matched = 0
                then 'no_register_data'
            when compared.participants_ended < {{ var('benchmark_min_denominator') }}
                then 'too_few_ended'
            when compared.outcome_pct >= compared.goal_pct then 'met'
            else 'not_met'
        end as status
    from compared

),

final as (

    select
        -- which insats and period
        compared.forbund_org_nr,
        compared.insats_key,
        compared.forbund_name_reported,
        compared.insats_name_reported,
        compared.period_start,
        compared.period_end,
        cast(extract(year from compared.period_end) as {{ dbt.type_int() }}) as year,

        -- goal and outcome
        compared.goal_pct,
        compared.goals_stated,
        compared.participants_ended,
        compared.ended_work_or_studies,
        compared.outcome_pct,
        round(compared.outcome_pct - compared.goal_pct, 1) as gap_pct,
        compared.reported_outcome_pct,
        compared.status,
        statuses.label as status_label,

        -- provenance
        compared.goal_quote,
        compared.source_file
    from classified as compared
    inner join statuses
        on compared.status = statuses.status

)

select * from final
