{#- Extracted report figures an analyst should look at, with the reason: a low-confidence
    rule, an insats name that matched no register insats (unassigned), a report-internal
    rule that fails for its section and metric, or a difference from the register.
    `finsam review` writes this table as the review workbook; its columns are those of a
    curated-figures file plus decision and corrected_value for the analyst to fill in. -#}

with

figures as (

    select * from {{ ref('int_report_figures_resolved') }}
    where origin = 'extracted'

),

failing_rules as (

    select section_key, metric, min(rule) as rule
    from {{ ref('int_report_consistency') }}
    where not passed
    group by section_key, metric

),

mismatches as (

    select distinct figure_key
    from {{ ref('fct_reconciliation') }}
    where classification = 'mismatch'

),

flagged as (

    select
        figures.*,
        figures.confidence < {{ var('review_min_confidence') }} as is_low_confidence,
        figures.insats_key is null as is_unassigned,
        coalesce(by_metric.rule, by_outcomes.rule) as failing_rule,
        mismatches.figure_key is not null as differs_from_register
    from figures
    left join failing_rules as by_metric
        on figures.section_key = by_metric.section_key
        and figures.metric = by_metric.metric
    left join failing_rules as by_outcomes
        on figures.section_key = by_outcomes.section_key
        and by_outcomes.metric = 'participants_ended'
        and figures.metric like 'ended\_%' escape '\'
    left join mismatches
        on figures.figure_key = mismatches.figure_key

),

final as (

    select
        -- the figure, as a curated-figures file states it
        forbund_name_reported as forbund,
        insats_name_reported as insats,
        period_start,
        period_end,
        metric,
        sex,
        value,
        quote,

        -- why it is here
        {{ dbt.concat([
            "case when is_low_confidence then 'låg säkerhet; ' else '' end",
            "case when is_unassigned then 'insatsen saknas i registret; ' else '' end",
            "case when failing_rule is not null then " ~ dbt.concat(["'motsäger '", "failing_rule", "'; '"]) ~ " else '' end",
            "case when differs_from_register then 'skiljer sig från registret; ' else '' end"]) }}
            as note,

        -- for the analyst: confirm / correct (with corrected_value) / reject
        cast(null as {{ dbt.type_string() }}) as decision,
        cast(null as {{ dbt.type_numeric() }}) as corrected_value,

        -- provenance
        heading_path,
        confidence,
        rule,
        source_file,
        char_start

    from flagged
    where is_low_confidence or is_unassigned or failing_rule is not null
        or differs_from_register

)

select * from final
