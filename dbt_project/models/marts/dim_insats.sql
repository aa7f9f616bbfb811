with

participations as (

    select * from {{ ref('stg_register__participations') }}

),

anonymous_counts as (

    select * from {{ ref('stg_register__anonymous_counts') }}

),

named as (

    select insats_key, forbund_org_nr, forbund_name, insats_id, insats_name,
           start_date as seen_on
    from participations
    union all
    select insats_key, forbund_org_nr, forbund_name, insats_id, insats_name,
           cast(null as date) as seen_on
    from anonymous_counts

),

ranked as (

    {#- The name an insats goes by is the one in its most recent register row. -#}
    select
        named.*,
        row_number() over (
            partition by insats_key order by seen_on desc nulls last, insats_name
        ) as recency
    from named

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
        ranked.insats_key,
        ranked.forbund_org_nr,
        ranked.forbund_name,
        ranked.insats_id,
        ranked.insats_name,

        -- coverage
        spans.first_start_date,
        spans.last_register_date,
        coalesce(spans.spells, 0) as spells

    from ranked
    left join spans
        on ranked.insats_key = spans.insats_key
    where ranked.recency = 1

)

select * from final
