with

source as (

    select * from {{ source('register', 'register_anonymous_counts') }}

),

renamed as (

    select
        -- ids
        forbund_org_nr,
        forbund_name,
        {{ insats_key() }} as insats_key,
        insats_id,
        insats_name,

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
