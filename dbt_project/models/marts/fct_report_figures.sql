{#- The figures förbund reports state, beside the register: one row per stated figure. -#}

with

figures as (

    select * from {{ ref('int_report_figures_resolved') }}

),

forbund as (

    select * from {{ ref('dim_forbund') }}

),

insatser as (

    select * from {{ ref('dim_insats') }}

),

final as (

    select
        -- ids
        figures.forbund_org_nr,
        coalesce(forbund.forbund_name, figures.forbund_name_reported) as forbund_name,
        figures.insats_key,
        coalesce(insatser.insats_name, figures.insats_name_reported) as insats_name,
        figures.forbund_name_reported,
        figures.insats_name_reported,

        -- the figure
        figures.period_start,
        figures.period_end,
        cast(extract(year from figures.period_end) as integer) as year,
        figures.metric,
        figures.sex,
        figures.value,

        -- provenance
        figures.origin,
        figures.quote,
        figures.source_file,
        figures.char_start,
        figures.char_end,
        figures.rule,
        figures.confidence,
        case when figures.insats_key is null then false else true end as is_matched,
        case when figures.insats_key is null then 'unassigned' else 'assigned' end
            as assignment

    from figures
    left join forbund
        on figures.forbund_org_nr = forbund.forbund_org_nr
    left join insatser
        on figures.insats_key = insatser.insats_key

)

select * from final
