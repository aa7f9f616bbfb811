{#- The national count-only form (Uppföljning Finsam) per insats and year, beside the
    person-level fct_insats_year: participants, women and men as the förbund reported them.
    Never added to the register counts (fct_participants_by_source chooses one source). -#}

with

count_form as (

    select * from {{ ref('stg_register__count_form') }}

),

insatser as (

    select * from {{ ref('dim_insats') }}

),

final as (

    select
        -- ids
        insatser.forbund_org_nr,
        insatser.forbund_name,
        count_form.insats_key,
        insatser.insats_id,
        insatser.insats_name,
        count_form.year,

        -- counts
        count_form.participants as participants_total,
        count_form.participants_women,
        count_form.participants_men

    from count_form
    inner join insatser
        on count_form.insats_key = insatser.insats_key

)

select * from final
