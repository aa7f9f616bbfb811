with

participations as (

    select * from {{ ref('stg_register__participations') }}

),

names as (

    select * from {{ ref('int_register_names') }}

),

spans as (

    select
        insats_key,
        min(start_date) as first_start_date,
        max(coalesce(end_date, start_date)) as last_register_date,
        count(*) as spells
    from participations
    group by insats_key

),

final as (

    select
        -- ids
        names.insats_key,
        names.forbund_org_nr,
        names.forbund_name,
        names.insats_id,
        names.insats_name,

        -- coverage
        spans.first_start_date,
        spans.last_register_date,
        coalesce(spans.spells, 0) as spells

    from names
    left join spans
        on names.insats_key = spans.insats_key

)

select * from final
