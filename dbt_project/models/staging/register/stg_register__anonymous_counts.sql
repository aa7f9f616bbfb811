with

source as (

    select * from {{ source('register', 'register_anonymous_counts') }}

),

renamed as (

    select
        -- ids
        {{ insats_ids() }},

        -- counts
        cast(start_year as integer) as start_year,
        sex as kon,
        cast(anonymous_count as integer) as anonymous_count,

        -- lineage
        source_file,
        source_row,
        load_id

    from source

)

select * from renamed
