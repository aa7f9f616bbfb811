{#- What is published of fct_forbund_costs, under the rule of exp_insats_costs against
    exp_forbund_year (a förbund counted only by the count form publishes no participants). -#}

with

costs as (

    select * from {{ ref('fct_forbund_costs') }}

),

forbund_year as (

    select * from {{ ref('exp_forbund_year') }}

),

published as (

    select
        costs.*,
        case when costs.participants_source = 'person_register'
             then forbund_year.participants_active end as published_participants,
        case when costs.participants_source = 'person_register'
             then forbund_year.ended_work_or_studies end as published_work_or_studies
    from costs
    left join forbund_year
        on costs.forbund_org_nr = forbund_year.forbund_org_nr
        and costs.year = forbund_year.year

),

final as (

    select
        forbund_org_nr,
        forbund_name,
        year,
        allotted_funds_kr,
        insatser_with_costs,
        budget_kr,
        cost_outcome_kr,
        share_of_funds_spent_pct,
        {{ published_cost_columns('published') }}
    from published

)

select * from final
