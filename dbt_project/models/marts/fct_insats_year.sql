{#- Comparable figures per förbund, insats and calendar year. -#}
{{ config(**forbund_incremental()) }}

with

by_year as (

    select * from {{ ref('int_participations_by_year') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

anonymous_counts as (

    select * from {{ ref('stg_register__anonymous_counts') }}
    where {{ in_build_scope('forbund_org_nr') }}

),

insatser as (

    select * from {{ ref('dim_insats') }}

),

register_counts as (

    select
        insats_key,
        year,
        {{ participation_measures() }}
    from by_year
    group by insats_key, year

),

anonymous_by_year as (

    select
        insats_key,
        start_year as year,
        cast(sum(anonymous_count) as {{ dbt.type_bigint() }}) as anonymous_new,
        {{ sum_where('anonymous_count', "kon = 'Kvinna'") }} as anonymous_new_women,
        {{ sum_where('anonymous_count', "kon = 'Man'") }} as anonymous_new_men
    from anonymous_counts
    group by insats_key, start_year

),

insats_years as (

    select insats_key, year from register_counts
    union
    select insats_key, year from anonymous_by_year

),

final as (

    select
        -- ids
        insatser.forbund_org_nr,
        insatser.forbund_name,
        insats_years.insats_key,
        insatser.insats_id,
        insatser.insats_name,
        insats_years.year,

        -- register counts, where the ended went, shares (see macros/measures.sql)
        {{ joined_measures('register_counts') }},

        -- anonymous participants, beside (never joined to persons)
        coalesce(anonymous_by_year.anonymous_new, 0) as anonymous_new,
        coalesce(anonymous_by_year.anonymous_new_women, 0) as anonymous_new_women,
        coalesce(anonymous_by_year.anonymous_new_men, 0) as anonymous_new_men

    from insats_years
    inner join insatser
        on insats_years.insats_key = insatser.insats_key
    left join register_counts
        on insats_years.insats_key = register_counts.insats_key
        and insats_years.year = register_counts.year
    left join anonymous_by_year
        on insats_years.insats_key = anonymous_by_year.insats_key
        and insats_years.year = anonymous_by_year.year

)

select * from final
