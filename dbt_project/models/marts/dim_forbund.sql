with

insatser as (

    select * from {{ ref('dim_insats') }}

),

ranked as (

    select
        forbund_org_nr,
        forbund_name,
        row_number() over (
            partition by forbund_org_nr order by last_register_date desc nulls last, forbund_name
        ) as recency
    from insatser

),

coverage as (

    select
        forbund_org_nr,
        count(*) as insatser,
        min(first_start_date) as first_start_date,
        max(last_register_date) as last_register_date
    from insatser
    group by forbund_org_nr

),

final as (

    select
        -- ids
        ranked.forbund_org_nr,
        ranked.forbund_name,

        -- coverage
        coverage.insatser,
        coverage.first_start_date,
        coverage.last_register_date

    from ranked
    inner join coverage
        on ranked.forbund_org_nr = coverage.forbund_org_nr
    where ranked.recency = 1

)

select * from final
