{#- Participant spells with their sex and outcome codes and their export's as-of date.
    An export's as-of date is its latest date (decided by the loader, in the manifest), so
    an open spell is counted up to it and results never depend on the day of the build.
    Spells ended as Felregistrering are registration errors and are left out. -#}
{{ config(**forbund_incremental()) }}

with

participations as (

    select * from {{ ref('stg_register__participations') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

end_reasons as (

    select * from {{ ref('avslutsanledningar') }}

),

sexes as (

    select * from {{ ref('kon') }}

),

exports as (

    select
        source_file,
        export_date as export_as_of_date
    from {{ ref('stg_register__files') }}

),

final as (

    select
        -- ids
        participations.forbund_org_nr,
        participations.forbund_name,
        participations.insats_key,
        participations.insats_id,
        participations.insats_name,
        participations.participant_id,

        -- participant
        participations.kon,
        sexes.sex,
        participations.birth_year,

        -- spell
        participations.start_date,
        participations.end_date,
        exports.export_as_of_date,
        participations.avslutsanledning,
        end_reasons.outcome_code,
        coalesce(end_reasons.counts_as_work_or_studies, false) as counts_as_work_or_studies,
        participations.working_or_studying_after,
        case when participations.end_date is not null
            then {{ dbt.datediff('participations.start_date', 'participations.end_date', 'day') }}
                / 30.4375
        end as months_in_insats

    from participations
    inner join exports
        on participations.source_file = exports.source_file
    left join sexes
        on participations.kon = sexes.kon
    left join end_reasons
        on participations.avslutsanledning = end_reasons.avslutsanledning
    where not coalesce(end_reasons.is_registration_error, false)

)

select * from final
