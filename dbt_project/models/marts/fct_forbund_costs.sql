{#- A förbund's money per year: tilldelade medel, what its insatser budgeted and spent, the
    share of the funds spent on insatser, and the cost per participant and per outcome over
    the förbund's participants (fct_participants_by_source) and those who ended to work or
    studies. -#}

with

insats_costs as (

    select * from {{ ref('fct_insats_costs') }}

),

funds as (

    select * from {{ ref('stg_costs__forbund_funds') }}

),

forbund as (

    select * from {{ ref('dim_forbund') }}

),

by_source as (

    select * from {{ ref('fct_participants_by_source') }}
    where level = 'forbund'

),

spent as (

    select
        forbund_org_nr,
        year,
        count(*) as insatser_with_costs,
        sum(budget_kr) as budget_kr,
        sum(cost_outcome_kr) as cost_outcome_kr
    from insats_costs
    group by forbund_org_nr, year

),

units as (

    select forbund_org_nr, year from spent
    union
    select forbund_org_nr, year from funds

),

final as (

    select
        -- ids
        units.forbund_org_nr,
        coalesce(forbund.forbund_name, funds.forbund_name) as forbund_name,
        units.year,

        -- kronor
        funds.allotted_funds_kr,
        coalesce(spent.insatser_with_costs, 0) as insatser_with_costs,
        spent.budget_kr,
        spent.cost_outcome_kr,
        {{ share_pct('spent.cost_outcome_kr', 'funds.allotted_funds_kr') }}
            as share_of_funds_spent_pct,

        -- what the kronor bought
        by_source.source as participants_source,
        by_source.participants,
        by_source.ended_work_or_studies,
        {{ cost_per('spent.cost_outcome_kr', 'by_source.participants') }}
            as cost_per_participant_kr,
        {{ cost_per('spent.cost_outcome_kr', 'by_source.ended_work_or_studies') }}
            as cost_per_work_or_studies_kr

    from units
    left join spent
        on units.forbund_org_nr = spent.forbund_org_nr
        and units.year = spent.year
    left join funds
        on units.forbund_org_nr = funds.forbund_org_nr
        and units.year = funds.year
    left join forbund
        on units.forbund_org_nr = forbund.forbund_org_nr
    left join by_source
        on units.forbund_org_nr = by_source.unit_key
        and units.year = by_source.year

)

select * from final
