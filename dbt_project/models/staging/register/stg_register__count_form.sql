with

source as (

    select * from {{ source('register', 'register_count_form') }}

),

renamed as (

    select
        -- ids
        {{ insats_ids() }},
        cast(year as integer) as year,

        -- counts
        cast(participants_women as {{ dbt.type_bigint() }}) as participants_women,
        cast(participants_men as {{ dbt.type_bigint() }}) as participants_men,
        cast(participants_women + participants_men as {{ dbt.type_bigint() }})
            as participants,

        -- lineage
        source_file,
        source_row,
        load_id

    from source

)

select * from renamed
