{#- Every förbund and insats name the reports use, and what it matched in the register.
    Unmatched names are listed here (match_status = 'unmatched'): add an alias seed row. -#}

with

names as (

    select * from {{ ref('int_report_names_matched') }}

),

figures as (

    select forbund_name_reported, insats_name_reported, count(*) as figures
    from {{ ref('stg_reports__figures') }}
    group by forbund_name_reported, insats_name_reported

),

final as (

    select
        names.forbund_name_reported,
        names.insats_name_reported,
        names.forbund_org_nr,
        names.insats_key,
        names.forbund_match,
        names.insats_match,
        case
            when names.forbund_org_nr is null then 'unmatched förbund'
            when names.insats_key is null then 'unmatched insats'
            else 'matched'
        end as match_status,
        figures.figures
    from names
    left join figures
        on names.forbund_name_reported = figures.forbund_name_reported
        and names.insats_name_reported = figures.insats_name_reported

)

select * from final
