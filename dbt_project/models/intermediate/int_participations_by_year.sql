{#- Each spell once for every calendar year it is active in (macros/spell_periods.sql). -#}
{{ config(**forbund_incremental()) }}

with

spells as (

    select * from {{ ref('int_participations_enriched') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

bounds as (

    select
        spells.*,
        cast(extract(year from start_date) as integer) as start_year,
        cast(extract(year from coalesce(end_date, export_as_of_date)) as integer)
            as last_active_year
    from spells

),

expanded as (

    {{ expand_years('bounds', 'start_year', 'last_active_year') }}

),

final as (

    select
        -- ids
        forbund_org_nr,
        forbund_name,
        insats_key,
        insats_id,
        insats_name,
        participant_id,
        year,

        -- participant
        kon,
        sex,
        birth_year,

        -- spell
        start_date,
        end_date,
        avslutsanledning,
        outcome_code,
        counts_as_work_or_studies,
        working_or_studying_after,
        case when {{ spell_started_in('expanded', year_start('year'), year_end('year')) }}
            then 1 else 0 end as is_new,
        case when {{ spell_ended_in('expanded', year_start('year'), year_end('year')) }}
            then 1 else 0 end as is_ended,
        months_in_insats

    from expanded

)

select * from final
