{#- Each spell once for every calendar year it is active in.
    An open spell counts as active up to the latest date in its own export (the export's
    as-of date), so results do not change with the day the warehouse is built.
    Spells ended as Felregistrering are registration errors and are left out. -#}

with

participations as (

    select * from {{ ref('stg_register__participations') }}

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
        max(coalesce(end_date, start_date)) as export_as_of_date
    from participations
    group by source_file

),

spells as (

    select
        participations.*,
        sexes.sex,
        end_reasons.outcome_code,
        coalesce(end_reasons.counts_as_work_or_studies, false) as counts_as_work_or_studies,
        cast(extract(year from participations.start_date) as integer) as start_year,
        cast(extract(year from coalesce(participations.end_date, exports.export_as_of_date))
            as integer) as last_active_year
    from participations
    inner join exports
        on participations.source_file = exports.source_file
    left join sexes
        on participations.kon = sexes.kon
    left join end_reasons
        on participations.avslutsanledning = end_reasons.avslutsanledning
    where not coalesce(end_reasons.is_registration_error, false)

),

year_offsets as (

    {{ dbt.generate_series(100) }}

),

expanded as (

    select
        spells.*,
        spells.start_year + year_offsets.generated_number - 1 as year
    from spells
    inner join year_offsets
        on spells.start_year + year_offsets.generated_number - 1 <= spells.last_active_year

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
        case when start_year = year then 1 else 0 end as is_new,
        case when end_date is not null and last_active_year = year then 1 else 0 end as is_ended,
        case when end_date is not null
            then {{ dbt.datediff('start_date', 'end_date', 'day') }} / 30.4375
        end as months_in_insats

    from expanded

)

select * from final
