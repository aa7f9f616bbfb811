{#- What each insats cost per year, and what a participant and an outcome cost: utfall
    divided by the participants (the source that counts, fct_participants_by_source) and by
    those who ended to work or studies (person registers only), and the insats' share of
    the förbund's tilldelade medel. -#}

with

costs as (

    select * from {{ ref('stg_costs__insats') }}

),

funds as (

    select * from {{ ref('stg_costs__forbund_funds') }}

),

insatser as (

    select * from {{ ref('dim_insats') }}

),

by_source as (

    select * from {{ ref('fct_participants_by_source') }}
    where level = 'insats'

),

final as (

    select
        -- ids
        insatser.forbund_org_nr,
        insatser.forbund_name,
        costs.insats_key,
        insatser.insats_id,
        insatser.insats_name,
        costs.year,

        -- kronor
        costs.budget_kr,
        costs.cost_outcome_kr,
        funds.allotted_funds_kr,

        -- what the kronor bought
        by_source.source as participants_source,
        by_source.participants,
        by_source.ended_work_or_studies,

        -- per participant and per outcome, shares
        {{ cost_per('costs.cost_outcome_kr', 'by_source.participants') }}
            as cost_per_participant_kr,
        {{ cost_per('costs.cost_outcome_kr', 'by_source.ended_work_or_studies') }}
            as cost_per_work_or_studies_kr,
        {{ share_pct('costs.cost_outcome_kr', 'costs.budget_kr') }} as budget_used_pct,
        {{ share_pct('costs.cost_outcome_kr', 'funds.allotted_funds_kr') }}
            as share_of_forbund_funds_pct

    from costs
    inner join insatser
        on costs.insats_key = insatser.insats_key
    left join funds
        on costs.forbund_org_nr = funds.forbund_org_nr
        and costs.year = funds.year
    left join by_source
        on costs.insats_key = by_source.unit_key
        and costs.year = by_source.year

)

select * from final
