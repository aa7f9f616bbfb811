with

source as (

    select * from {{ source('costs', 'cost_forbund_funds') }}

),

renamed as (

    select
        -- ids
        forbund_org_nr,
        forbund_name,
        cast(year as integer) as year,

        -- kronor
        cast(allotted_funds as {{ dbt.type_numeric() }}) as allotted_funds_kr,

        -- lineage
        source_file,
        source_row,
        load_id

    from source

)

select * from renamed
