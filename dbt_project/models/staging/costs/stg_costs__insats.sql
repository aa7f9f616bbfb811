with

source as (

    select * from {{ source('costs', 'cost_insats') }}

),

renamed as (

    select
        -- ids
        {{ insats_ids() }},
        cast(year as integer) as year,

        -- kronor
        cast(budget as {{ dbt.type_numeric() }}) as budget_kr,
        cast(cost_outcome as {{ dbt.type_numeric() }}) as cost_outcome_kr,

        -- lineage
        source_file,
        source_row,
        load_id

    from source

)

select * from renamed
