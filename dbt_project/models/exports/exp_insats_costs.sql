{#- What is published of fct_insats_costs: kronor as they are; participants and those who
    ended to work or studies as published (exp_insats_year, exp_count_form_insats_year), and
    a cost per participant or per outcome only where its denominator is published, so that
    no blanked count can be worked back from a cost. -#}

with

costs as (

    select * from {{ ref('fct_insats_costs') }}

),

insats_year as (

    select * from {{ ref('exp_insats_year') }}

),

count_form as (

    select * from {{ ref('exp_count_form_insats_year') }}

),

published as (

    select
        costs.*,
        case costs.participants_source
            when 'person_register' then insats_year.participants_active
            when 'count_form' then count_form.participants_total
        end as published_participants,
        case when costs.participants_source = 'person_register'
             then insats_year.ended_work_or_studies end as published_work_or_studies
    from costs
    left join insats_year
        on costs.insats_key = insats_year.insats_key
        and costs.year = insats_year.year
    left join count_form
        on costs.insats_key = count_form.insats_key
        and costs.year = count_form.year

),

final as (

    select
        forbund_org_nr,
        forbund_name,
        insats_key,
        insats_id,
        insats_name,
        year,
        budget_kr,
        cost_outcome_kr,
        allotted_funds_kr,
        {{ published_cost_columns('published') }},
        budget_used_pct,
        share_of_forbund_funds_pct
    from published

)

select * from final
