{#- Figures per förbund and calendar year, across its insatser. Participants are counted
    once per förbund even when active in several insatser. -#}
{{ config(**forbund_incremental()) }}

with

by_year as (

    select * from {{ ref('int_participations_by_year') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

insats_year as (

    select * from {{ ref('fct_insats_year') }}
    where {{ in_build_scope('forbund_org_nr') }}

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

        -- register counts, where the ended went, shares (see macros/measures.sql)
        {{ joined_measures('register_counts') }},

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
