with

source as (

    select * from {{ source('register', 'register_participations') }}

),

renamed as (

    select
        -- ids
        {{ insats_ids() }},
        participant_id,

        -- participant
        sex as kon,
        cast(birth_year as integer) as birth_year,
        education_level as utbildningsniva,
        support_before as forsorjning_fore_start,
        cast(years_in_support_before as {{ dbt.type_numeric() }}) as years_in_support_before,

        -- spell
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date,
        end_reason as avslutsanledning,
        working_or_studying_after,

        -- lineage
        source_file,
        source_row,
        load_id

    from source

)

select * from renamed
