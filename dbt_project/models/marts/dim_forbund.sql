with

insatser as (

    select * from {{ ref('dim_insats') }}

),

final as (

    select
        -- ids
        forbund_org_nr,
        {#- the same on every insats of a förbund (int_register_names) -#}
        max(forbund_name) as forbund_name,

        -- coverage
        count(*) as insatser,
        min(first_start_date) as first_start_date,
        max(last_register_date) as last_register_date

    from insatser
    group by forbund_org_nr

)

select * from final
