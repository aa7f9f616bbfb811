{#- Figures per förbund and calendar year, across its insatser. Participants are counted
    once per förbund even when active in several insatser. -#}

with

by_year as (

    select * from {{ ref('int_participations_by_year') }}

),

insats_year as (

    select * from {{ ref('fct_insats_year') }}

),

forbund as (

    select * from {{ ref('dim_forbund') }}

),

register_counts as (

    select
        forbund_org_nr,
        year,
        {{ participation_measures() }}
    from by_year
    group by forbund_org_nr, year

),

insats_rollup as (

    select
        forbund_org_nr,
        year,
        {{ sum_where('1', 'participants_active > 0') }} as insatser_active,
        {{ sum_where('anonymous_new') }} as anonymous_new,
        {{ sum_where('anonymous_new_women') }} as anonymous_new_women,
        {{ sum_where('anonymous_new_men') }} as anonymous_new_men
    from insats_year
    group by forbund_org_nr, year

),

final as (

    select
        -- ids
        insats_rollup.forbund_org_nr,
        forbund.forbund_name,
        insats_rollup.year,
        insats_rollup.insatser_active,

        -- register counts
        coalesce(register_counts.participants_active, 0) as participants_active,
        coalesce(register_counts.participants_active_women, 0) as participants_active_women,
        coalesce(register_counts.participants_active_men, 0) as participants_active_men,
        coalesce(register_counts.participants_new, 0) as participants_new,
        coalesce(register_counts.participants_new_women, 0) as participants_new_women,
        coalesce(register_counts.participants_new_men, 0) as participants_new_men,
        coalesce(register_counts.participants_ended, 0) as participants_ended,
        coalesce(register_counts.participants_ended_women, 0) as participants_ended_women,
        coalesce(register_counts.participants_ended_men, 0) as participants_ended_men,

        -- where the ended went
        {% for code in outcome_codes() -%}
        coalesce(register_counts.ended_{{ code }}, 0) as ended_{{ code }},
        {% endfor -%}
        coalesce(register_counts.ended_work_or_studies, 0) as ended_work_or_studies,
        coalesce(register_counts.ended_working_or_studying_after, 0)
            as ended_working_or_studying_after,
        register_counts.share_work_or_studies_pct,
        register_counts.avg_months_in_insats,

        -- anonymous participants, beside
        insats_rollup.anonymous_new,
        insats_rollup.anonymous_new_women,
        insats_rollup.anonymous_new_men

    from insats_rollup
    inner join forbund
        on insats_rollup.forbund_org_nr = forbund.forbund_org_nr
    left join register_counts
        on insats_rollup.forbund_org_nr = register_counts.forbund_org_nr
        and insats_rollup.year = register_counts.year

)

select * from final
