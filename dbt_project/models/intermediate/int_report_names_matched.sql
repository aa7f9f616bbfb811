{#- Every förbund and insats name the reports use, matched to the register:
    an alias seed row first, then equal names after normalisation, then (insats only) the
    single register insats of that förbund whose name contains the report's or vice versa,
    or is spelled alike (name_similarity at least var('name_similarity_min')).
    Names that match nothing stay, with empty keys, so that they can be listed. -#}

with

figures as (

    select * from {{ ref('stg_reports__figures') }}

),

forbund as (

    select forbund_org_nr, {{ normalise_name('forbund_name') }} as name_key
    from {{ ref('dim_forbund') }}

),

insatser as (

    select insats_key, forbund_org_nr, {{ normalise_name('insats_name') }} as name_key
    from {{ ref('dim_insats') }}

),

forbund_aliases as (

    select forbund_org_nr, {{ normalise_name('report_name') }} as name_key
    from {{ ref('forbund_aliases') }}

),

insats_aliases as (

    select forbund_org_nr, insats_key, {{ normalise_name('report_name') }} as name_key
    from {{ ref('insats_aliases') }}

),

report_names as (

    select distinct
        forbund_name_reported,
        insats_name_reported,
        {{ normalise_name('forbund_name_reported') }} as forbund_name_key,
        {{ normalise_name('insats_name_reported') }} as insats_name_key
    from figures

),

forbund_by_name as (

    select name_key, min(forbund_org_nr) as forbund_org_nr
    from forbund
    group by name_key
    having count(*) = 1

),

forbund_matched as (

    select
        report_names.*,
        coalesce(forbund_aliases.forbund_org_nr, forbund_by_name.forbund_org_nr)
            as forbund_org_nr,
        case
            when forbund_aliases.forbund_org_nr is not null then 'alias'
            when forbund_by_name.forbund_org_nr is not null then 'name'
        end as forbund_match
    from report_names
    left join forbund_aliases
        on report_names.forbund_name_key = forbund_aliases.name_key
    left join forbund_by_name
        on report_names.forbund_name_key = forbund_by_name.name_key

),

insats_candidates as (

    select
        forbund_matched.forbund_name_reported,
        forbund_matched.insats_name_reported,
        insatser.insats_key,
        case when insatser.name_key = forbund_matched.insats_name_key then 1 else 0 end
            as is_equal,
        case when {{ dbt.position('insatser.name_key', 'forbund_matched.insats_name_key') }} > 0
                  or {{ dbt.position('forbund_matched.insats_name_key', 'insatser.name_key') }} > 0
             then 1 else 0 end as is_contained
    from forbund_matched
    inner join insatser
        on insatser.forbund_org_nr = forbund_matched.forbund_org_nr
        and (
            insatser.name_key = forbund_matched.insats_name_key
            or {{ dbt.position('insatser.name_key', 'forbund_matched.insats_name_key') }} > 0
            or {{ dbt.position('forbund_matched.insats_name_key', 'insatser.name_key') }} > 0
            or {{ name_similarity('insatser.name_key', 'forbund_matched.insats_name_key') }}
                >= {{ var('name_similarity_min') }}
        )

),

insats_best as (

    {#- An equal name wins; a containment only when it is the only candidate. -#}
    select
        forbund_name_reported,
        insats_name_reported,
        coalesce(
            min(case when is_equal = 1 then insats_key end),
            case when count(*) = 1 then min(insats_key) end
        ) as insats_key,
        case
            when max(is_equal) = 1 then 'name'
            when count(*) = 1 and max(is_contained) = 1 then 'contains'
            when count(*) = 1 then 'similar'
        end as insats_match
    from insats_candidates
    group by forbund_name_reported, insats_name_reported

),

final as (

    select
        -- names as reported
        forbund_matched.forbund_name_reported,
        forbund_matched.insats_name_reported,

        -- register keys (empty when nothing matched)
        forbund_matched.forbund_org_nr,
        coalesce(insats_aliases.insats_key, insats_best.insats_key) as insats_key,

        -- how they matched
        forbund_matched.forbund_match,
        case
            when insats_aliases.insats_key is not null then 'alias'
            else insats_best.insats_match
        end as insats_match

    from forbund_matched
    left join insats_aliases
        on insats_aliases.forbund_org_nr = forbund_matched.forbund_org_nr
        and insats_aliases.name_key = forbund_matched.insats_name_key
    left join insats_best
        on insats_best.forbund_name_reported = forbund_matched.forbund_name_reported
        and insats_best.insats_name_reported = forbund_matched.insats_name_reported

)

select * from final
